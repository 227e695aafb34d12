import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";

/**
 * Every connection of a small pool is held up by slow dashboard queries (the
 * KPI tables are locked behind the app's back). Requests wait at most the pool
 * wait and the statement timeout and are then answered 503; the process stays
 * healthy; no connection is leaked; the dashboard works again at once.
 */
const POOL = 3;
let server: AppServer;
let manager: HttpClient;

beforeAll(async () => {
  server = await startAppServer({
    DATABASE_POOL_MAX: String(POOL),
    DATABASE_POOL_WAIT_MS: "1000",
    DATABASE_STATEMENT_TIMEOUT_MS: "1500",
  });
  expect(server.database?.url).toMatch(/^postgres:\/\//);
  manager = await new HttpClient(server.baseUrl).signIn("manager@demo.test", "serviceloop");
});

afterAll(async () => {
  await server?.stop();
});

async function timed(path: string, client?: HttpClient) {
  const started = Date.now();
  const response = client ? await client.get(path) : await fetch(`${server.baseUrl}${path}`);
  await response.arrayBuffer();
  return { status: response.status, ms: Date.now() - started, retryAfter: response.headers.get("retry-after") };
}

describe("pool exhaustion", () => {
  it("answers 503 after the statement timeout, keeps /healthz answering, and leaks no connection", async () => {
    const db = server.database!.db;
    const dashboard = "/departments/customer-service/kpis";
    expect((await timed(dashboard, manager)).status).toBe(200);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // This test's own connections share the app's application_name: leave them out of the count.
    const ours = new Set<number>();
    const holder = db.transaction().execute(async (trx) => {
      const me = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
      ours.add(me.rows[0]!.pid);
      await sql`lock table kpi_readings, survey_daily in access exclusive mode`.execute(trx);
      locked();
      await released;
    });
    await isLocked;

    const slow = Promise.all(Array.from({ length: 4 * POOL }, () => timed(dashboard, manager)));
    // The process itself keeps answering while every connection is busy.
    const health = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      health.push(await timed("/healthz"));
    }
    const answers = await slow;
    release();
    await holder;

    expect(health.map((h) => h.status)).toEqual([200, 200, 200, 200, 200]);
    expect(Math.max(...health.map((h) => h.ms))).toBeLessThan(500);
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 503));
    expect(answers.every((a) => a.retryAfter === "2")).toBe(true);
    // Each waited at most its turn: the pool wait, then the statement timeout, for a few queries.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(8_000);

    // No connection leaked: at most the pool's size is open, and the dashboard works at once.
    const open = await sql<{ pid: number }>`select pid from pg_stat_activity
      where datname = current_database() and application_name = 'serviceloop' and pid <> pg_backend_pid()`.execute(db);
    expect(open.rows.filter((row) => !ours.has(row.pid)).length).toBeLessThanOrEqual(POOL);
    expect((await timed(dashboard, manager)).status).toBe(200);
  });
});
