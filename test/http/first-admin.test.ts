/**
 * A real company's start: an empty database without the demo, the first admin
 * invited from the command line (`npm run cli -- admin invite`), who joins
 * through the printed link and can then run the portal.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";
import { ROOT } from "#test/setup/build.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "serviceloop-first-admin-"));
let server: AppServer | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "db/cli.ts", ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", SERVICELOOP_DATA_DIR: dataDir },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe("the first admin of an empty database", () => {
  it("is invited from the command line, joins through the link and administers; no demo people exist", async () => {
    const empty = await startAppServer({ SERVICELOOP_SEED_DEMO: "false" }, { dataDir });
    await empty.stop();
    expect(empty.output()).toContain("Nobody can sign in yet");
    expect(empty.output()).toContain("npm run cli -- admin invite --email");

    const refused = cli("admin", "invite", "--email", "not-an-address");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('"not-an-address" is not an e-mail address');

    const invited = cli("admin", "invite", "--email", "Ingrid.Admin@Company.test");
    expect(invited.status).toBe(0);
    expect(invited.stdout).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{40,}$/);
    expect(cli("admin", "invite", "--email", "ingrid.admin@company.test").stderr).toContain(
      "already invited or has an account",
    );

    server = await startAppServer({ SERVICELOOP_SEED_DEMO: "false" }, { dataDir });
    const demo = await new HttpClient(server.baseUrl).post("/login", {
      email: "admin@demo.test",
      password: "serviceloop",
    });
    expect(demo.status).toBe(400);

    const ingrid = new HttpClient(server.baseUrl);
    const link = new URL(invited.stdout).pathname;
    expect((await ingrid.get(link)).status).toBe(200);
    const joined = await ingrid.acceptInvitation(link, "Ingrid Admin", "fjord lantern quietly 42");
    expect(joined.status).toBe(302);
    const people = await ingrid.get("/admin/people");
    expect(people.status).toBe(200);
    expect(await people.text()).toContain("ingrid.admin@company.test");
  });
});
