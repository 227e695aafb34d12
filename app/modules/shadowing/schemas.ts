import { z } from "zod";
import { UuidSchema } from "#app/modules/forms.ts";
import { CHANNELS, JOBS, KANO } from "#app/modules/stories/constants.ts";
import { SHADOW_LIMITS, SLOT_MINUTES } from "./constants.ts";

const IdList = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(UuidSchema).max(30),
);

/** A slot as a manager opens it; the moment is typed in the company's time zone. */
export const SlotSchema = z.object({
  startsAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: "validation.moment" }),
  minutes: z.coerce
    .number()
    .int()
    .refine((m) => (SLOT_MINUTES as readonly number[]).includes(m), { message: "validation.choose" }),
  channel: z.enum(CHANNELS),
  capacity: z.coerce.number().int().min(1, { message: "shadowing.errors.capacity" }).max(20, {
    message: "shadowing.errors.capacity",
  }),
  hostId: UuidSchema.optional(),
  details: z.string().trim().max(SHADOW_LIMITS.details).default(""),
});
export type SlotInput = z.infer<typeof SlotSchema>;

const Text = z.string().trim().max(SHADOW_LIMITS.text).default("");

/** A note as the observer writes it; `ideas` and `ideaTouchpoints` are parallel lists of lines. */
export const NoteSchema = z.object({
  wentWell: Text,
  painPoints: Text,
  reasons: IdList,
  newReason: z.string().trim().max(SHADOW_LIMITS.reason).default(""),
  kano: z.enum(KANO).optional(),
  job: z.enum(JOBS).optional(),
  behaviours: IdList,
  // Empty lines arrive as undefined (Conform drops empty strings) and keep their places.
  ideas: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.string().trim().max(SHADOW_LIMITS.idea).optional()).max(SHADOW_LIMITS.maxIdeas),
  ),
  ideaTouchpoints: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(UuidSchema.optional()).max(SHADOW_LIMITS.maxIdeas),
  ),
  confirmPersonalData: z.preprocess((v) => v === "on" || v === "true", z.boolean()).default(false),
});
export type NoteInput = z.infer<typeof NoteSchema>;

/** An idea with its touchpoint (the form sends the two as parallel fields; empty lines are dropped). */
export function ideasOf(
  input: Pick<NoteInput, "ideas" | "ideaTouchpoints">,
): { text: string; touchpointId: string | null }[] {
  return input.ideas
    .map((text, i) => ({ text: text ?? "", touchpointId: input.ideaTouchpoints[i] || null }))
    .filter((idea) => idea.text !== "");
}

export const SuggestionSchema = z.object({
  description: z.string().trim().min(1).max(SHADOW_LIMITS.idea),
  touchpointId: UuidSchema.optional(),
});

export const TouchpointSchema = z.object({ name: z.string().trim().min(1).max(120) });

export const ChooseSchema = z.object({
  ownerId: UuidSchema,
  dueOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date" }),
  /** The improvement this one replaces on its touchpoint (after the page asked). */
  replace: UuidSchema.optional(),
});

export const IMPROVEMENT_MOVES = ["in_progress", "done", "proposed", "dropped"] as const;

export const StatusSchema = z.object({
  status: z.enum(IMPROVEMENT_MOVES),
  reason: z.string().trim().max(1000).optional(),
});
