import { z } from "zod";
import { UuidSchema } from "#app/modules/forms.ts";
import { SHADOW_LIMITS } from "#app/modules/shadowing/constants.ts";
import { REVIEW_LIMITS } from "./constants.ts";

export const DateSchema = z
  .string()
  .trim()
  // A real calendar day: Date.parse takes 2026-02-30 as 2 March, which the database refuses.
  // One fatal issue, so that a form's checks comparing two dates do not run on one that is not a day.
  .superRefine((d, ctx) => {
    const date = new Date(`${d}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(date.getTime()) || !date.toISOString().startsWith(d)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.date", fatal: true });
    }
  });

export const StartReviewSchema = z
  .object({ periodStart: DateSchema, periodEnd: DateSchema })
  .refine((v) => v.periodEnd >= v.periodStart, { path: ["periodEnd"], message: "reviews.errors.endBeforeStart" })
  .refine((v) => (Date.parse(v.periodEnd) - Date.parse(v.periodStart)) / 86_400_000 < REVIEW_LIMITS.periodDays, {
    path: ["periodEnd"],
    message: "reviews.errors.periodTooLong",
  });

export const NotesSchema = z.object({ notes: z.string().trim().max(REVIEW_LIMITS.notes).default("") });

export const AttendeesSchema = z.object({
  attendees: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(UuidSchema.optional()).max(500),
  ),
});

/** Choosing one improvement for a touchpoint during a review. */
export const DecideSchema = z.object({
  improvementId: UuidSchema,
  ownerId: UuidSchema,
  dueOn: DateSchema,
  replace: UuidSchema.optional(),
});

/** A new idea raised in the meeting, into the backlog. */
export const RaiseSchema = z.object({
  description: z.string().trim().min(1).max(SHADOW_LIMITS.idea),
  touchpointId: UuidSchema.optional(),
});
