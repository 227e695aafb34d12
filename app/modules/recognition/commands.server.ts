/**
 * Recognition: thanks for customer-focused work, to colleagues and whole
 * departments. Each command is one transaction; a refused one (CommandError)
 * writes nothing. Every change is in the audit log.
 */
import type { Database } from "#db/connect.ts";
import type { ReactionKind } from "#db/schema.ts";
import { audit } from "#app/modules/audit.server.ts";
import { CommandError } from "#app/modules/forms.ts";
import { notify } from "#app/modules/notifications/notifications.server.ts";
import { RECOGNITION_LIMITS } from "./constants.ts";
import type { RecognitionInput } from "./schemas.ts";

const HOUR_MS = 3_600_000;

async function checkBehaviour(db: Database, behaviourId: string): Promise<void> {
  const behaviour = await db
    .selectFrom("behaviours")
    .select("id")
    .where("id", "=", behaviourId)
    .where("retired_at", "is", null)
    .executeTakeFirst();
  if (!behaviour) throw CommandError.field("behaviourId", "recognition.errors.unknownBehaviour");
}

/** What the recognition comes from must exist (and a story be published, a note submitted). */
async function checkSources(db: Database, input: RecognitionInput): Promise<void> {
  const checks: [string | undefined, () => Promise<unknown>, string][] = [
    [
      input.storyId,
      () =>
        db
          .selectFrom("stories")
          .select("id")
          .where("id", "=", input.storyId!)
          .where("status", "=", "published")
          .where("hidden_at", "is", null)
          .executeTakeFirst(),
      "storyId",
    ],
    [
      input.shadowNoteId,
      () =>
        db
          .selectFrom("shadow_notes")
          .select("id")
          .where("id", "=", input.shadowNoteId!)
          .where("status", "=", "submitted")
          .executeTakeFirst(),
      "shadowNoteId",
    ],
    [
      input.improvementId,
      () => db.selectFrom("improvements").select("id").where("id", "=", input.improvementId!).executeTakeFirst(),
      "improvementId",
    ],
    [input.kpiId, () => db.selectFrom("kpis").select("id").where("id", "=", input.kpiId!).executeTakeFirst(), "kpiId"],
  ];
  for (const [id, find, field] of checks) {
    if (id && !(await find())) throw CommandError.field(field, "recognition.errors.unknownSource");
  }
}

/**
 * Recognises colleagues and/or departments. Nobody recognises themselves (a
 * department one belongs to may be thanked: that is a team). The recognised
 * people, and the active members of recognised departments, are notified.
 */
export async function giveRecognition(db: Database, input: RecognitionInput & { actorId: string }): Promise<string> {
  const people = [...new Set(input.people.filter((id): id is string => Boolean(id)))];
  const departments = [...new Set(input.departments.filter((id): id is string => Boolean(id)))];
  if (people.includes(input.actorId)) throw CommandError.field("people", "recognition.errors.self");
  if (people.length === 0 && departments.length === 0) {
    throw CommandError.field("people", "recognition.errors.noRecipient");
  }
  return db.transaction().execute(async (trx) => {
    await checkBehaviour(trx, input.behaviourId);
    if (people.length) {
      const found = await trx
        .selectFrom("users")
        .select("id")
        .where("id", "in", people)
        .where("status", "=", "active")
        .execute();
      if (found.length !== people.length) throw CommandError.field("people", "recognition.errors.unknownPerson");
    }
    if (departments.length) {
      const found = await trx.selectFrom("departments").select("id").where("id", "in", departments).execute();
      if (found.length !== departments.length) {
        throw CommandError.field("departments", "recognition.errors.unknownDepartment");
      }
    }
    await checkSources(trx, input);
    // In whole milliseconds, as a Date (and so the wall's cursor) carries them: now() has microseconds.
    const now = new Date();
    const row = await trx
      .insertInto("recognitions")
      .values({
        author_id: input.actorId,
        message: input.message,
        behaviour_id: input.behaviourId,
        story_id: input.storyId ?? null,
        shadow_note_id: input.shadowNoteId ?? null,
        improvement_id: input.improvementId ?? null,
        kpi_id: input.kpiId ?? null,
        kpi_period_start: input.kpiId ? (input.kpiPeriodStart ?? null) : null,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (people.length) {
      await trx
        .insertInto("recognition_people")
        .values(people.map((userId) => ({ recognition_id: row.id, user_id: userId })))
        .execute();
    }
    if (departments.length) {
      await trx
        .insertInto("recognition_departments")
        .values(departments.map((departmentId) => ({ recognition_id: row.id, department_id: departmentId })))
        .execute();
    }
    const members = departments.length
      ? await trx
          .selectFrom("department_members as m")
          .innerJoin("users as u", "u.id", "m.user_id")
          .select("u.id")
          .where("m.department_id", "in", departments)
          .where("u.status", "=", "active")
          .execute()
      : [];
    await notify(trx, {
      userIds: [...people, ...members.map((m) => m.id)],
      kind: "recognition.received",
      actorId: input.actorId,
      recognitionId: row.id,
    });
    await audit(trx, {
      actorId: input.actorId,
      action: "recognition.give",
      subject: row.id,
      details: { people: people.length, departments: departments.length },
    });
    return row.id;
  });
}

/** The author changes the message or behaviour within 24 hours of giving it. */
export async function editRecognition(
  db: Database,
  input: { actorId: string; id: string; message: string; behaviourId: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("recognitions")
      .select(["author_id", "created_at"])
      .where("id", "=", input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.author_id !== input.actorId) throw CommandError.field("form", "recognition.errors.notAuthor");
    if (now.getTime() - row.created_at.getTime() > RECOGNITION_LIMITS.editableHours * HOUR_MS) {
      throw CommandError.field("form", "recognition.errors.editWindow");
    }
    await checkBehaviour(trx, input.behaviourId);
    await trx
      .updateTable("recognitions")
      .set({ message: input.message, behaviour_id: input.behaviourId, updated_at: now })
      .where("id", "=", input.id)
      .execute();
    await audit(trx, { actorId: input.actorId, action: "recognition.edit", subject: input.id });
  });
}

/** Admins hide a recognition with a reason (or show it again with `reason: null`). */
export async function setRecognitionHidden(
  db: Database,
  input: { actorId: string; id: string; reason: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("recognitions")
      .set({
        hidden_at: input.reason === null ? null : new Date(),
        hidden_by: input.reason === null ? null : input.actorId,
        hidden_reason: input.reason,
      })
      .where("id", "=", input.id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw CommandError.field("form", "recognition.errors.gone");
    await audit(trx, {
      actorId: input.actorId,
      action: input.reason === null ? "recognition.show" : "recognition.hide",
      subject: input.id,
      details: input.reason === null ? {} : { reason: input.reason },
    });
  });
}

/** Adds the reaction, or takes it back when the person had already given it. */
export async function toggleRecognitionReaction(
  db: Database,
  input: { userId: string; id: string; kind: ReactionKind },
): Promise<"added" | "removed"> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("recognition_reactions")
      .where("recognition_id", "=", input.id)
      .where("user_id", "=", input.userId)
      .where("kind", "=", input.kind)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) return "removed";
    await trx
      .insertInto("recognition_reactions")
      .values({ recognition_id: input.id, user_id: input.userId, kind: input.kind })
      .execute();
    return "added";
  });
}
