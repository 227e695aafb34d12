import { z } from "zod";
import { companyDate } from "#app/utils/company-time.server.ts";
import { SlugSchema } from "#app/modules/departments/departments.server.ts";
import { hasNul, LocaleSchema, UuidSchema } from "#app/modules/forms.ts";
import { CHANNELS, CONSENTS, JOBS, KANO, REACTIONS, STORY_LIMITS } from "./constants.ts";

/** Today in the company's time zone, as YYYY-MM-DD. */
export function today(): string {
  return companyDate(new Date());
}

const IdList = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(UuidSchema).max(20),
);

export const StorySchema = z.object({
  title: z.string().trim().min(1).max(STORY_LIMITS.title),
  body: z.string().trim().min(1).max(STORY_LIMITS.body),
  channel: z.enum(CHANNELS),
  happenedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date" })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { message: "validation.date" })
    .refine((d) => d <= today(), { message: "stories.futureDate" }),
  departmentId: UuidSchema,
  language: LocaleSchema,
  behaviours: IdList.refine((ids) => ids.length > 0, { message: "stories.needsBehaviour" }),
  colleagues: IdList,
  consent: z.enum(CONSENTS),
  kano: z.enum(KANO).optional(),
  job: z.enum(JOBS).optional(),
  confirmPersonalData: z.preprocess((v) => v === "on" || v === "true", z.boolean()).default(false),
});
export type StoryInput = z.infer<typeof StorySchema>;

export const CommentSchema = z.object({ body: z.string().trim().min(1).max(STORY_LIMITS.comment) });
export const ReactionSchema = z.object({ kind: z.enum(REACTIONS) });
export const HideSchema = z.object({ reason: z.string().trim().min(1).max(STORY_LIMITS.reason) });

export const FeedFiltersSchema = z.object({
  department: SlugSchema.optional(),
  channel: z.enum(CHANNELS).optional(),
  behaviour: UuidSchema.optional(),
  author: UuidSchema.optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .refine((q) => !hasNul(q))
    .optional(),
  cursor: z.string().max(200).optional(),
});
export type FeedFilters = z.infer<typeof FeedFiltersSchema>;
