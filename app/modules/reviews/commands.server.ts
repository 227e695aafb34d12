/**
 * CX reviews: start one for a period, hold it (notes, attendees, decisions),
 * finish it (the agenda is frozen and the department is told). Each command is
 * one transaction; a refused one (CommandError) writes nothing. The database
 * refuses any change to a finished review besides (see migration 006).
 */
import type { Database } from "#db/connect.ts";
import { audit } from "#app/modules/audit.server.ts";
import { CommandError } from "#app/modules/forms.ts";
import { notify } from "#app/modules/notifications/notifications.server.ts";
import { assembleAgenda } from "./agenda.server.ts";

/**
 * Locks a review of the department for the rest of the transaction, and
 * refuses when it is finished (409: someone finished it meanwhile, or the
 * page is stale).
 */
export async function lockOpenReview(trx: Database, departmentId: string, reviewId: string) {
  const review = await trx
    .selectFrom("reviews")
    .select(["id", "status", "period_start", "period_end"])
    .where("id", "=", reviewId)
    .where("department_id", "=", departmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!review) throw CommandError.field("form", "reviews.errors.gone");
  if (review.status !== "open") throw new CommandError({ form: ["reviews.errors.finished"] }, 409);
  return review;
}

/**
 * Starts a review of a period that has begun. A period overlapping another
 * unfinished review of the department is refused: one meeting at a time
 * decides for a stretch of time. The department row is locked so that two
 * managers starting at once cannot both pass the check.
 */
export async function startReview(
  db: Database,
  input: { actorId: string; departmentId: string; periodStart: string; periodEnd: string; today: string },
): Promise<string> {
  if (input.periodStart > input.today) throw CommandError.field("periodStart", "reviews.errors.startInFuture");
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom("departments").select("id").where("id", "=", input.departmentId).forUpdate().execute();
    const overlapping = await trx
      .selectFrom("reviews")
      .select(["period_start", "period_end"])
      .where("department_id", "=", input.departmentId)
      .where("status", "=", "open")
      .where("period_start", "<=", input.periodEnd)
      .where("period_end", ">=", input.periodStart)
      .executeTakeFirst();
    if (overlapping) throw CommandError.field("periodStart", "reviews.errors.overlap");
    const row = await trx
      .insertInto("reviews")
      .values({
        department_id: input.departmentId,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        created_by: input.actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: input.actorId,
      action: "review.start",
      subject: row.id,
      details: { periodStart: input.periodStart, periodEnd: input.periodEnd },
    });
    return row.id;
  });
}

export async function saveReviewNotes(
  db: Database,
  input: { actorId: string; departmentId: string; reviewId: string; notes: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockOpenReview(trx, input.departmentId, input.reviewId);
    await trx
      .updateTable("reviews")
      .set({ notes: input.notes, updated_at: new Date() })
      .where("id", "=", input.reviewId)
      .execute();
    await audit(trx, { actorId: input.actorId, action: "review.notes", subject: input.reviewId });
  });
}

/** Who attended: the department's people and anyone else active (a leader, a guest from another team). */
export async function setAttendees(
  db: Database,
  input: { actorId: string; departmentId: string; reviewId: string; userIds: string[] },
): Promise<void> {
  const userIds = [...new Set(input.userIds)];
  await db.transaction().execute(async (trx) => {
    await lockOpenReview(trx, input.departmentId, input.reviewId);
    if (userIds.length) {
      const known = await trx
        .selectFrom("users")
        .select("id")
        .where("id", "in", userIds)
        .where("status", "=", "active")
        .execute();
      if (known.length !== userIds.length) throw CommandError.field("attendees", "reviews.errors.unknownAttendee");
    }
    await trx.deleteFrom("review_attendees").where("review_id", "=", input.reviewId).execute();
    if (userIds.length) {
      await trx
        .insertInto("review_attendees")
        .values(userIds.map((userId) => ({ review_id: input.reviewId, user_id: userId })))
        .execute();
    }
    await audit(trx, {
      actorId: input.actorId,
      action: "review.attendees",
      subject: input.reviewId,
      details: { count: userIds.length },
    });
  });
}

/**
 * Finishes a review: the agenda as it stands is stored with it, nothing of it
 * can change afterwards, and every active member of the department (but the
 * one finishing) is notified of the summary.
 */
export async function finishReview(
  db: Database,
  input: { actorId: string; departmentId: string; reviewId: string; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    const review = await lockOpenReview(trx, input.departmentId, input.reviewId);
    const agenda = await assembleAgenda(trx, {
      departmentId: input.departmentId,
      periodStart: review.period_start,
      periodEnd: review.period_end,
      reviewId: review.id,
      asOf: now,
    });
    await trx
      .updateTable("reviews")
      .set({
        status: "finished",
        agenda: JSON.stringify(agenda),
        finished_at: now,
        finished_by: input.actorId,
        updated_at: now,
      })
      .where("id", "=", review.id)
      .execute();
    const members = await trx
      .selectFrom("department_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select("u.id")
      .where("m.department_id", "=", input.departmentId)
      .where("u.status", "=", "active")
      .execute();
    await notify(trx, {
      userIds: members.map((m) => m.id),
      kind: "review.finished",
      actorId: input.actorId,
      reviewId: review.id,
    });
    await audit(trx, { actorId: input.actorId, action: "review.finish", subject: review.id });
  });
}

/** Records that a review chose an improvement (inside the choosing command's transaction). */
export async function recordDecision(trx: Database, reviewId: string, improvementId: string): Promise<void> {
  await trx
    .insertInto("review_decisions")
    .values({ review_id: reviewId, improvement_id: improvementId })
    .onConflict((oc) => oc.columns(["review_id", "improvement_id"]).doNothing())
    .execute();
}
