import { z } from "zod";
import { LocaleSchema, UuidSchema } from "#app/modules/forms.ts";
import { DateSchema } from "#app/modules/reviews/schemas.ts";
import { CYCLE_LIMITS, PROMPT_LIMITS } from "./constants.ts";
import { RULE_KEYS, unknownPlaceholders, type RuleKey } from "./prompts.ts";

export const OpenCycleSchema = z
  .object({
    name: z.string().trim().min(1).max(CYCLE_LIMITS.name),
    periodStart: DateSchema,
    periodEnd: DateSchema,
    departments: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z
        .array(UuidSchema.optional())
        .max(500)
        .transform((ids) => [...new Set(ids.filter((id): id is string => Boolean(id)))])
        .refine((ids) => ids.length > 0, { message: "performance.errors.noDepartments" }),
    ),
  })
  .refine((v) => v.periodEnd >= v.periodStart, { path: ["periodEnd"], message: "performance.errors.endBeforeStart" })
  .refine((v) => (Date.parse(v.periodEnd) - Date.parse(v.periodStart)) / 86_400_000 < CYCLE_LIMITS.periodDays, {
    path: ["periodEnd"],
    message: "performance.errors.periodTooLong",
  });

export const ReflectionSchema = z.object({ reflection: z.string().trim().max(CYCLE_LIMITS.text).default("") });

export const ManagerNotesSchema = z.object({ notes: z.string().trim().max(CYCLE_LIMITS.text).default("") });

/** Marking a conversation discussed is said explicitly: an unknown intent is bad input. */
export const DiscussSchema = z.object({ intent: z.literal("discuss") });

const RuleSchema = z.enum(RULE_KEYS as [RuleKey, ...RuleKey[]]);

export const TemplateSchema = z
  .object({
    rule: RuleSchema,
    locale: LocaleSchema,
    text: z.string().trim().min(1).max(PROMPT_LIMITS.template),
  })
  .superRefine((v, ctx) => {
    // The form lists the placeholders a rule offers; any other would be shown to employees as typed.
    if (unknownPlaceholders(v.rule, v.text).length) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["text"], message: "performance.errors.unknownPlaceholder" });
    }
  });

export const ResetTemplateSchema = z.object({ rule: RuleSchema, locale: LocaleSchema });
