import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";

const run = promisify(execFile);

/**
 * docs/operations.md's backup and restore, done: pg_dump of a seeded, used
 * database restored into an empty one holds the same rows, and the app runs
 * on it. Needs the server (vitest.config.ts includes *.pg.test.ts only with
 * TEST_DATABASE_URL).
 */
const servers: AppServer[] = [];
const restoredName = `sl_test_${inject("runId")}_${crypto.randomBytes(5).toString("hex")}`;
const admin = postgres(inject("serverUrl"), { max: 1, onnotice: () => {} });
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "serviceloop-backup-"));

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await admin.unsafe(`drop database if exists ${restoredName} with (force)`);
  await admin.end();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Rows per table of the public schema. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await db<{ name: string }[]>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await db.unsafe<{ n: number }[]>(`select count(*)::int as n from "${name}"`);
      counts[name] = row!.n;
    }
    return counts;
  } finally {
    await db.end();
  }
}

describe("backup and restore", () => {
  it("restores a pg_dump into an empty database with the same rows, and the app runs on it", async () => {
    const original = await startAppServer();
    servers.push(original);
    const employee = await new HttpClient(original.baseUrl).signIn("employee@demo.test", "serviceloop");
    const suggested = await employee.post("/departments/customer-service/improvements", {
      intent: "suggest",
      description: "Suggested just before the backup",
    });
    expect(suggested.status).toBe(302);
    const sourceUrl = original.database!.url!;

    const dump = path.join(folder, "serviceloop.dump");
    await run("pg_dump", ["-Fc", "-f", dump, sourceUrl]);
    await admin.unsafe(`create database ${restoredName}`);
    const restoredUrl = new URL(sourceUrl);
    restoredUrl.pathname = `/${restoredName}`;
    await run("pg_restore", ["--no-owner", "-d", restoredUrl.toString(), dump]);

    const before = await rowCounts(sourceUrl);
    expect(before.users).toBeGreaterThan(0);
    expect(before.kpi_readings).toBeGreaterThan(0);
    expect(before.shadow_notes).toBeGreaterThan(0);
    expect(await rowCounts(restoredUrl.toString())).toEqual(before);

    // The restored copy serves: the same people sign in, the same data shows.
    const restored = await startAppServer({ DATABASE_URL: restoredUrl.toString() });
    servers.push(restored);
    const again = await new HttpClient(restored.baseUrl).signIn("employee@demo.test", "serviceloop");
    for (const page of ["/stories", "/kpis", "/shadowing"]) expect((await again.get(page)).status, page).toBe(200);
    const backlog = await again.get("/departments/customer-service/improvements");
    expect(await backlog.text()).toContain("Suggested just before the backup");
  });
});
