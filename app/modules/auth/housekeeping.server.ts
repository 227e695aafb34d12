import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import { THROTTLE } from "./throttle.server.ts";

/**
 * Deletes sessions past their expiry, throttle counters whose window and
 * lock are over, and CSV uploads previewed but not imported within a day.
 * Safe to run from any number of processes at any time.
 */
export async function purgeExpired(db: Database): Promise<{ sessions: number; throttles: number; uploads: number }> {
  const sessions = await db.deleteFrom("sessions").where("expires_at", "<=", new Date()).executeTakeFirst();
  const window = sql.lit(`${THROTTLE.windowMinutes} minutes`);
  const throttles = await db
    .deleteFrom("login_throttle")
    .where(sql<boolean>`window_started_at < now() - ${window}::interval`)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", new Date())]))
    .executeTakeFirst();
  const uploads = await db
    .deleteFrom("kpi_uploads")
    .where(sql<boolean>`created_at < now() - interval '1 day'`)
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    throttles: Number(throttles.numDeletedRows),
    uploads: Number(uploads.numDeletedRows),
  };
}
