import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";

/**
 * The machine's PostgreSQL server is stopped and started again while people
 * sign in, post stories and send KPI readings through the API. Run by
 * `npm run test:resilience` (CI runs it on its own, after the other suites:
 * it takes the database server away from everyone).
 */
const cluster = fs.existsSync("/etc/postgresql") ? fs.readdirSync("/etc/postgresql")[0] : undefined;
function pg(action: "stop" | "start") {
  const args = ["--skip-systemctl-redirect", cluster!, "main", action, ...(action === "stop" ? ["-m", "fast"] : [])];
  execFileSync("pg_ctlcluster", args, { stdio: "ignore" });
}

interface Outcome {
  kind: "story" | "reading" | "signin";
  status: number;
  startedAt: number;
  ms: number;
  /** What a successful write should have left in the database. */
  key?: string;
}

let server: AppServer;
let author: HttpClient;
let token = "";
let storyForm: Record<string, string> = {};

beforeAll(async () => {
  server = await startAppServer();
  // On the real server, not the embedded fallback.
  expect(server.database?.url).toMatch(/^postgres:\/\//);
  author = await new HttpClient(server.baseUrl).signIn("employee@demo.test", "serviceloop");
  const form = await (await author.get("/stories/new")).text();
  storyForm = {
    intent: "publish",
    body: "A customer was helped while the database was restarted.",
    channel: "phone",
    happenedOn: "2026-10-01",
    departmentId: /<option value="([0-9a-f-]{36})"[^>]*>Customer Service<\/option>/.exec(form)![1]!,
    language: "en",
    behaviours:
      /name="behaviours" value="([0-9a-f-]{36})"/.exec(form)?.[1] ??
      /value="([0-9a-f-]{36})"[^>]*name="behaviours"/.exec(form)![1]!,
    consent: "anonymised",
  };
  const manager = await new HttpClient(server.baseUrl).signIn("manager@demo.test", "serviceloop");
  const created = await manager.post("/departments/customer-service/kpis/tokens", {
    intent: "create",
    name: "Restart",
  });
  token = /data-testid="new-token">(sl_[A-Za-z0-9_-]+)</.exec(await created.text())![1]!;
});

afterAll(async () => {
  // Whatever happened, the database server is left running for everyone else.
  try {
    pg("start");
  } catch {
    // already running
  }
  await server?.stop();
});

/** Mondays going back from 2026-11-23, one per reading: each successful PUT leaves its own row. */
function monday(i: number): string {
  return new Date(Date.UTC(2026, 10, 23) - i * 7 * 86_400_000).toISOString().slice(0, 10);
}

describe("PostgreSQL restarted under load", () => {
  it.runIf(cluster && process.getuid?.() === 0)(
    "answers 503 while it is away, recovers within 2 s of its return, and loses no answered write",
    async () => {
      const outcomes: Outcome[] = [];
      let running = true;
      let counter = 0;
      const timed = async (kind: Outcome["kind"], run: () => Promise<{ status: number; key?: string }>) => {
        const startedAt = Date.now();
        try {
          const { status, key } = await run();
          outcomes.push({ kind, status, startedAt, ms: Date.now() - startedAt, key });
        } catch (error) {
          const reason = error instanceof Error ? String(error.cause ?? error.message) : String(error);
          outcomes.push({ kind, status: 0, startedAt, ms: Date.now() - startedAt, key: reason });
        }
      };
      const story = async () => {
        const title = `Restart story ${++counter}`;
        const response = await author.post(
          "/stories/new",
          { ...storyForm, title },
          { signal: AbortSignal.timeout(8000) },
        );
        await response.arrayBuffer();
        const id = /\/stories\/([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "")?.[1];
        return { status: response.status, key: response.status === 302 && id ? id : undefined };
      };
      const reading = async () => {
        const i = ++counter;
        const response = await fetch(`${server.baseUrl}/api/v1/departments/customer-service/kpis/aht/readings`, {
          method: "PUT",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ readings: [{ periodStart: monday(i), value: i, sampleSize: 10 }] }),
          signal: AbortSignal.timeout(8000),
        });
        await response.arrayBuffer();
        return { status: response.status, key: response.status === 200 ? `${monday(i)}=${i}` : undefined };
      };
      const signIn = async () => {
        const response = await new HttpClient(server.baseUrl).post(
          "/login",
          { email: "leader@demo.test", password: "serviceloop" },
          { signal: AbortSignal.timeout(8000) },
        );
        await response.arrayBuffer();
        return { status: response.status };
      };
      const worker = async (kind: Outcome["kind"], run: () => Promise<{ status: number; key?: string }>) => {
        while (running) {
          await timed(kind, run);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const load = Promise.all([worker("story", story), worker("reading", reading), worker("signin", signIn)]);

      await new Promise((resolve) => setTimeout(resolve, 1500));
      pg("stop");
      const downAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const startingAt = Date.now();
      pg("start");
      const upAt = Date.now();
      // Keep the load going until everything works again, and a little longer.
      const deadline = upAt + 15_000;
      while (Date.now() < deadline) {
        const last = outcomes.filter((o) => o.startedAt > upAt && o.status !== 503);
        if (last.length >= 6) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      running = false;
      await load;

      // Every answer is a success or a 503, never a server error or a dropped connection.
      const statuses = [...new Set(outcomes.map((o) => `${o.kind} ${o.status}`))].sort();
      const failed = outcomes.filter((o) => o.status === 0).map((o) => `${o.kind} after ${o.ms} ms: ${o.key}`);
      expect(
        statuses.filter((s) => !/ (200|302|503)$/.test(s)),
        failed.join("; "),
      ).toEqual([]);
      // Asked while the server was fully stopped.
      const during = outcomes.filter((o) => o.startedAt >= downAt && o.startedAt + o.ms <= startingAt);
      expect(during.length).toBeGreaterThan(5);
      expect(during.filter((o) => o.status !== 503)).toEqual([]);
      // Not a hang: the refusals come at once.
      expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(5_000);
      // Back within 2 s of the database's return, for every kind of request.
      for (const kind of ["story", "reading", "signin"] as const) {
        const firstOk = outcomes.find((o) => o.kind === kind && o.startedAt >= upAt && o.status !== 503);
        expect(firstOk, kind).toBeDefined();
        expect(firstOk!.startedAt + firstOk!.ms - upAt, kind).toBeLessThan(2_000);
      }

      // Every write that was answered as done is there.
      const db = server.database!.db;
      const stories = outcomes.filter((o) => o.kind === "story" && o.key).map((o) => o.key!);
      expect(stories.length).toBeGreaterThan(3);
      const found = await db.selectFrom("stories").select("id").where("id", "in", stories).execute();
      expect(found.length).toBe(stories.length);
      const readings = outcomes.filter((o) => o.kind === "reading" && o.key).map((o) => o.key!);
      expect(readings.length).toBeGreaterThan(3);
      const rows = await db
        .selectFrom("kpi_readings as r")
        .innerJoin("kpis as k", "k.id", "r.kpi_id")
        .innerJoin("departments as d", "d.id", "k.department_id")
        .select(["r.period_start", "r.value"])
        .where("d.slug", "=", "customer-service")
        .where("k.key", "=", "aht")
        .execute();
      const stored = new Set(rows.map((r) => `${r.period_start}=${Number(r.value)}`));
      expect(readings.filter((key) => !stored.has(key))).toEqual([]);
      expect(server.output()).not.toContain('"level":50');
    },
  );
});
