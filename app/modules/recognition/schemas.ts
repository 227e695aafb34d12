import { z } from "zod";
import { UuidSchema } from "#app/modules/forms.ts";
import { RECOGNITION_LIMITS } from "./constants.ts";

/** A field that may come once, many times or not at all (checkboxes, multiple selects). */
const IdList = (max: number) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(UuidSchema.optional()).max(max),
  );

export const RecognitionSchema = z.object({
  message: z.string().trim().min(1).max(RECOGNITION_LIMITS.message),
  behaviourId: UuidSchema,
  people: IdList(RECOGNITION_LIMITS.people),
  departments: IdList(RECOGNITION_LIMITS.departments),
  storyId: UuidSchema.optional(),
  shadowNoteId: UuidSchema.optional(),
  improvementId: UuidSchema.optional(),
  kpiId: UuidSchema.optional(),
  kpiPeriodStart: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export type RecognitionInput = z.infer<typeof RecognitionSchema>;

export const EditRecognitionSchema = z.object({
  message: z.string().trim().min(1).max(RECOGNITION_LIMITS.message),
  behaviourId: UuidSchema,
});

export const HideRecognitionSchema = z.object({ reason: z.string().trim().min(1).max(RECOGNITION_LIMITS.reason) });

export const WallFiltersSchema = z.object({
  department: z.string().max(60).optional(),
  behaviour: UuidSchema.optional(),
  /** The last N months; nothing = all time. */
  months: z.coerce.number().int().min(1).max(24).optional(),
  /** Cursor: the created_at|id of the last item of the previous page. */
  before: z.string().max(100).optional(),
});
export type WallFilters = z.infer<typeof WallFiltersSchema>;
