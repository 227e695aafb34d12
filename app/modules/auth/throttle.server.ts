import { sql } from "kysely";
import type { Database } from "#db/connect.ts";

/**
 * Sign-in throttling with counters in PostgreSQL, so it holds across app
 * processes. Failures are counted per account and per client IP within a
 * window; reaching the limit locks that key for the lock period.
 */
export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  accountLimit: 5,
  ipLimit: 30,
} as const;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Minutes until the earliest of these keys is unlocked, or 0 when none is locked. */
export async function lockedMinutes(db: Database, keys: string[]): Promise<number> {
  const row = await db
    .selectFrom("login_throttle")
    .select(sql<Date | null>`max(locked_until)`.as("until"))
    .where("key", "in", keys)
    .where("locked_until", ">", new Date())
    .executeTakeFirst();
  if (!row?.until) return 0;
  return Math.max(1, Math.ceil((new Date(row.until).getTime() - Date.now()) / 60_000));
}

export async function recordFailure(db: Database, key: string, limit: number): Promise<void> {
  const window = sql.lit(`${THROTTLE.windowMinutes} minutes`);
  const lock = sql.lit(`${THROTTLE.lockMinutes} minutes`);
  await sql`
    insert into login_throttle as t (key, failures, window_started_at)
    values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when t.window_started_at < now() - ${window}::interval then 1 else t.failures + 1 end,
      window_started_at = case when t.window_started_at < now() - ${window}::interval then now() else t.window_started_at end,
      locked_until = case
        when (case when t.window_started_at < now() - ${window}::interval then 1 else t.failures + 1 end) >= ${limit}
          then now() + ${lock}::interval
        else t.locked_until end
  `.execute(db);
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "=", key).execute();
}
