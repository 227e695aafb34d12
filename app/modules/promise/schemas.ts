import { z } from "zod";
import { LocaleSchema, UuidSchema } from "#app/modules/forms.ts";

/** Limits shared by the forms and the database's CHECK constraints. */
export const LIMITS = { title: 200, text: 10_000 } as const;

const Title = z.string().trim().max(LIMITS.title).default("");
const Text = z.string().trim().max(LIMITS.text).default("");
const Revision = z.coerce.number().int().min(0);

export const HeaderSchema = z.object({ revision: Revision, title: Title, intro: Text, sourceLocale: LocaleSchema });
export const PillarSchema = z.object({ revision: Revision, pillarRowId: UuidSchema, title: Title, body: Text });
export const AddPillarSchema = z.object({ revision: Revision, title: z.string().trim().min(1).max(LIMITS.title) });
export const BehaviourSchema = z.object({
  revision: Revision,
  behaviourRowId: UuidSchema,
  title: Title,
  description: Text,
  examples: Text,
});
export const AddBehaviourSchema = z.object({
  revision: Revision,
  pillarRowId: UuidSchema,
  title: z.string().trim().min(1).max(LIMITS.title),
});
export const MoveSchema = z.object({ revision: Revision, rowId: UuidSchema, direction: z.enum(["up", "down"]) });
export const DeleteSchema = z.object({ revision: Revision, rowId: UuidSchema });
export const RevisionSchema = z.object({ revision: Revision });
