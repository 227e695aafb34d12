import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";

/**
 * A real failure behind the server's back (its table is renamed away), so it
 * needs the PostgreSQL run, where the test can reach the server's database:
 * vitest.config.ts includes this file only with TEST_DATABASE_URL.
 */
let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("an unexpected server error", () => {
  it("shows a 500 page whose reference is the request id in the log", async () => {
    const browser = await new HttpClient(server.baseUrl).signIn("employee@demo.test", "serviceloop");
    const db = server.database!.db;
    await sql`alter table departments rename to departments_away`.execute(db);
    try {
      const response = await browser.get("/departments");
      expect(response.status).toBe(500);
      const requestId = response.headers.get("x-request-id")!;
      const html = await response.text();
      expect(html).toContain("Something went wrong");
      expect(html).toContain(`<code class="reference">${requestId}</code>`);
      expect(html).not.toContain("departments_away");
      const logged = server
        .output()
        .split("\n")
        .find((line) => line.includes('"msg":"unhandled error"') && line.includes(requestId));
      expect(logged).toContain('relation \\"departments\\" does not exist');
    } finally {
      await sql`alter table departments_away rename to departments`.execute(db);
    }
    expect((await browser.get("/departments")).status).toBe(200);
  });
});
