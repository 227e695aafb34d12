import { describe, expect, it } from "vitest";
import { purgeExpired } from "#app/modules/auth/housekeeping.server.ts";
import { startSession } from "#app/modules/auth/session.server.ts";
import { THROTTLE } from "#app/modules/auth/throttle.server.ts";
import { createDepartment, createUser } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();

describe("housekeeping", () => {
  it("deletes expired sessions, finished throttle windows and day-old uploads, and keeps the rest", async () => {
    const user = await createUser(db);
    await startSession(db, user.id);
    await startSession(db, user.id);
    await db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", user.id)
      .execute();
    await startSession(db, user.id);
    const old = new Date(Date.now() - (THROTTLE.windowMinutes + 5) * 60_000);
    await db
      .insertInto("login_throttle")
      .values([
        { key: "ip:old", failures: 3, window_started_at: old },
        { key: "ip:locked", failures: 30, window_started_at: old, locked_until: new Date(Date.now() + 60_000) },
        { key: "ip:current", failures: 2, window_started_at: new Date() },
      ])
      .execute();
    const department = await createDepartment(db);
    const upload = {
      department_id: department.id,
      user_id: user.id,
      target: "readings" as const,
      row_count: 0,
      error_count: 0,
      errors: "[]",
      rows: "[]",
    };
    await db
      .insertInto("kpi_uploads")
      .values([
        { ...upload, file_name: "old.csv", created_at: new Date(Date.now() - 25 * 3_600_000) },
        { ...upload, file_name: "fresh.csv" },
      ])
      .execute();

    expect(await purgeExpired(db)).toEqual({ sessions: 2, throttles: 1, uploads: 1 });
    const uploads = await db.selectFrom("kpi_uploads").select("file_name").execute();
    expect(uploads.map((u) => u.file_name)).toEqual(["fresh.csv"]);
    const keys = await db.selectFrom("login_throttle").select("key").orderBy("key").execute();
    expect(keys.map((k) => k.key)).toEqual(["ip:current", "ip:locked"]);
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute()).toHaveLength(1);
  });
});
