/**
 * Performance-review cycles: open one, write the self-reflection and the
 * manager's notes, mark a conversation discussed (its evidence and prompts are
 * then stored and nothing of it changes), reword prompt templates. Each
 * command is one transaction; a refused one (CommandError) writes nothing.
 * Who may do what is the policy's ("preparation:*"); the routes ask it.
 */
import type { Database } from "#db/connect.ts";
import type { Locale } from "#db/schema.ts";
import { audit } from "#app/modules/audit.server.ts";
import { CommandError } from "#app/modules/forms.ts";
import { notify } from "#app/modules/notifications/notifications.server.ts";
import { gatherEvidence } from "./evidence.server.ts";
import { choosePrompts, type RuleKey } from "./prompts.ts";

/** What a discussed conversation keeps: the evidence and prompts as they were. */
export interface PreparationSnapshot {
  evidence: Awaited<ReturnType<typeof gatherEvidence>>;
  prompts: ReturnType<typeof choosePrompts>;
}

/**
 * Opens a cycle for a period and some departments, and tells every active
 * member of them that their preparation is ready.
 */
export async function openCycle(
  db: Database,
  input: { actorId: string; name: string; periodStart: string; periodEnd: string; departmentIds: string[] },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const departments = await trx
      .selectFrom("departments")
      .select("id")
      .where("id", "in", input.departmentIds)
      .execute();
    if (departments.length !== input.departmentIds.length) {
      throw CommandError.field("departments", "performance.errors.unknownDepartment");
    }
    const cycle = await trx
      .insertInto("review_cycles")
      .values({
        name: input.name,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        created_by: input.actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("review_cycle_departments")
      .values(input.departmentIds.map((id) => ({ cycle_id: cycle.id, department_id: id })))
      .execute();
    const members = await trx
      .selectFrom("department_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select("u.id")
      .distinct()
      .where("m.department_id", "in", input.departmentIds)
      .where("u.status", "=", "active")
      .execute();
    await notify(trx, {
      userIds: members.map((m) => m.id),
      kind: "cycle.opened",
      actorId: input.actorId,
      cycleId: cycle.id,
    });
    await audit(trx, {
      actorId: input.actorId,
      action: "cycle.open",
      subject: cycle.id,
      details: {
        name: input.name,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        departments: input.departmentIds.length,
      },
    });
    return cycle.id;
  });
}

/**
 * The preparation's row, created on first write and locked for the rest of
 * the transaction; refused (409) once the conversation is discussed.
 */
async function lockUndiscussed(trx: Database, cycleId: string, userId: string) {
  await trx
    .insertInto("review_preparations")
    .values({ cycle_id: cycleId, user_id: userId })
    .onConflict((oc) => oc.columns(["cycle_id", "user_id"]).doNothing())
    .execute();
  const row = await trx
    .selectFrom("review_preparations")
    .select(["discussed_at"])
    .where("cycle_id", "=", cycleId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (row.discussed_at) throw new CommandError({ form: ["performance.errors.discussed"] }, 409);
}

interface PreparationInput {
  actorId: string;
  cycleId: string;
  userId: string;
}

/** The employee's self-reflection (markdown); saving it empty takes "reflected" back. */
export async function saveReflection(db: Database, input: PreparationInput & { reflection: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockUndiscussed(trx, input.cycleId, input.userId);
    const now = new Date();
    await trx
      .updateTable("review_preparations")
      .set({ reflection: input.reflection, reflected_at: input.reflection ? now : null, updated_at: now })
      .where("cycle_id", "=", input.cycleId)
      .where("user_id", "=", input.userId)
      .execute();
    await audit(trx, { actorId: input.actorId, action: "preparation.reflect", subject: input.cycleId });
  });
}

/** The manager's notes (markdown); writing them is what makes the conversation "prepared". */
export async function saveManagerNotes(db: Database, input: PreparationInput & { notes: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockUndiscussed(trx, input.cycleId, input.userId);
    const now = new Date();
    await trx
      .updateTable("review_preparations")
      .set({
        manager_notes: input.notes,
        prepared_at: input.notes ? now : null,
        prepared_by: input.notes ? input.actorId : null,
        updated_at: now,
      })
      .where("cycle_id", "=", input.cycleId)
      .where("user_id", "=", input.userId)
      .execute();
    await audit(trx, {
      actorId: input.actorId,
      action: "preparation.notes",
      subject: input.cycleId,
      details: { employee: input.userId },
    });
  });
}

/**
 * The conversation took place: the evidence and prompts of the period are
 * stored as they are now, and the preparation no longer changes (the database
 * refuses, see migration 008). The employee is told.
 */
export async function markDiscussed(
  db: Database,
  input: PreparationInput & { periodStart: string; periodEnd: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    await lockUndiscussed(trx, input.cycleId, input.userId);
    const evidence = await gatherEvidence(trx, {
      userId: input.userId,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      asOf: now,
    });
    const snapshot: PreparationSnapshot = { evidence, prompts: choosePrompts(evidence) };
    await trx
      .updateTable("review_preparations")
      .set({ discussed_at: now, discussed_by: input.actorId, snapshot: JSON.stringify(snapshot), updated_at: now })
      .where("cycle_id", "=", input.cycleId)
      .where("user_id", "=", input.userId)
      .execute();
    await notify(trx, {
      userIds: [input.userId],
      kind: "preparation.discussed",
      actorId: input.actorId,
      cycleId: input.cycleId,
    });
    await audit(trx, {
      actorId: input.actorId,
      action: "preparation.discussed",
      subject: input.cycleId,
      details: { employee: input.userId },
    });
  });
}

/** A leader's wording of a prompt rule in one language (it replaces the locale file's). */
export async function saveTemplate(
  db: Database,
  input: { actorId: string; rule: RuleKey; locale: Locale; text: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("prompt_templates")
      .values({ rule: input.rule, locale: input.locale, text: input.text, updated_by: input.actorId })
      .onConflict((oc) =>
        oc
          .columns(["rule", "locale"])
          .doUpdateSet({ text: input.text, updated_by: input.actorId, updated_at: new Date() }),
      )
      .execute();
    await audit(trx, {
      actorId: input.actorId,
      action: "prompt.template",
      subject: `${input.rule}/${input.locale}`,
      details: { text: input.text },
    });
  });
}

/** Back to the locale file's wording. */
export async function resetTemplate(
  db: Database,
  input: { actorId: string; rule: RuleKey; locale: Locale },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("prompt_templates")
      .where("rule", "=", input.rule)
      .where("locale", "=", input.locale)
      .execute();
    await audit(trx, { actorId: input.actorId, action: "prompt.reset", subject: `${input.rule}/${input.locale}` });
  });
}
