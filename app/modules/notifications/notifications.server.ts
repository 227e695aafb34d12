/** In-app notifications (no e-mail yet): what happened, who did it, and what it is about. */
import type { Database } from "#db/connect.ts";

/** What a notification links to: a story, a CX review, a recognition or a performance-review cycle. */
export type NotificationSubject =
  | { storyId: string }
  | { reviewId: string }
  | { recognitionId: string }
  | { cycleId: string };

/** Notifies people other than the one acting, in the caller's transaction. */
export async function notify(
  db: Database,
  input: { userIds: string[]; kind: string; actorId: string } & NotificationSubject,
): Promise<void> {
  const recipients = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (recipients.length === 0) return;
  await db
    .insertInto("notifications")
    .values(
      recipients.map((userId) => ({
        user_id: userId,
        kind: input.kind,
        actor_id: input.actorId,
        story_id: "storyId" in input ? input.storyId : null,
        review_id: "reviewId" in input ? input.reviewId : null,
        recognition_id: "recognitionId" in input ? input.recognitionId : null,
        cycle_id: "cycleId" in input ? input.cycleId : null,
      })),
    )
    .execute();
}

export async function unreadNotificationCount(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(db: Database, userId: string) {
  return db
    .selectFrom("notifications as n")
    .leftJoin("users as a", "a.id", "n.actor_id")
    .leftJoin("stories as s", "s.id", "n.story_id")
    .leftJoin("reviews as r", "r.id", "n.review_id")
    .leftJoin("departments as d", "d.id", "r.department_id")
    .leftJoin("review_cycles as c", "c.id", "n.cycle_id")
    .select([
      "n.id",
      "n.kind",
      "n.created_at",
      "n.read_at",
      "a.name as actor_name",
      "s.id as story_id",
      "s.title as story_title",
      "r.id as review_id",
      "r.period_start as review_period_start",
      "r.period_end as review_period_end",
      "d.slug as review_department_slug",
      "d.name as review_department_name",
      "n.recognition_id",
      "c.id as cycle_id",
      "c.name as cycle_name",
    ])
    .where("n.user_id", "=", userId)
    .orderBy("n.created_at", "desc")
    .limit(50)
    .execute();
}

export async function markNotificationsRead(db: Database, userId: string): Promise<void> {
  await db
    .updateTable("notifications")
    .set({ read_at: new Date() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .execute();
}
