import { spawn } from "node:child_process";
import crypto from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { migrationProvider } from "#db/migrations/index.ts";
import { THROTTLE } from "#app/modules/auth/throttle.server.ts";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";
import { ROOT } from "#test/setup/build.ts";

/**
 * Several processes on one PostgreSQL database, as behind a load balancer:
 * migrators started at once, sessions and sign-in throttling shared. Needs the
 * server (vitest.config.ts includes *.pg.test.ts only with TEST_DATABASE_URL).
 */
const name = `sl_test_${inject("runId")}_${crypto.randomBytes(5).toString("hex")}`;
const admin = postgres(inject("serverUrl"), { max: 1, onnotice: () => {} });
const url = new URL(inject("serverUrl"));
url.pathname = `/${name}`;
const databaseUrl = url.toString();
const servers: AppServer[] = [];

function migrate(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "db/cli.ts", "migrate"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  await admin.unsafe(`create database ${name}`);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe("two app processes on one database", () => {
  it("applies each migration once when three migrators start at the same moment", async () => {
    const runs = await Promise.all([migrate(), migrate(), migrate()]);
    expect(
      runs.map((r) => r.code),
      runs.map((r) => r.output).join("\n"),
    ).toEqual([0, 0, 0]);
    const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const rows = await db<
        { name: string; n: number }[]
      >`select name, count(*)::int as n from kysely_migration group by name`;
      const expected = Object.keys(await migrationProvider.getMigrations()).sort();
      expect(rows.map((r) => r.name).sort()).toEqual(expected);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await db.end();
    }
  });

  it("shares sessions and sign-in throttling between the processes", async () => {
    // The first seeds the demo company; the second finds it there.
    servers.push(await startAppServer({ DATABASE_URL: databaseUrl }));
    servers.push(await startAppServer({ DATABASE_URL: databaseUrl }));
    const [a, b] = servers as [AppServer, AppServer];

    const onA = await new HttpClient(a.baseUrl).signIn("employee@demo.test", "serviceloop");
    const cookie = `sl_session=${onA.cookie("sl_session")}`;
    const onB = await fetch(`${b.baseUrl}/profile`, { headers: { cookie }, redirect: "manual" });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("Erik Eriksson");

    // Failed sign-ins for one account, alternating between the processes, lock it on both.
    for (let i = 0; i < THROTTLE.accountLimit; i++) {
      const target = i % 2 === 0 ? a : b;
      const failed = await new HttpClient(target.baseUrl).post("/login", {
        email: "sara.ali@demo.test",
        password: "not the password",
      });
      expect(failed.status).toBe(400);
    }
    for (const target of [a, b]) {
      const locked = await new HttpClient(target.baseUrl).post("/login", {
        email: "sara.ali@demo.test",
        password: "serviceloop",
      });
      expect(locked.status).toBe(429);
    }
  });
});
