import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";

/**
 * The embedded (PGlite) server is killed with SIGKILL while stories are being
 * posted; started again on the same data folder, it has every story it had
 * answered as published.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "serviceloop-kill-"));
let server: AppServer | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function storyForm(client: HttpClient): Promise<Record<string, string>> {
  const form = await (await client.get("/stories/new")).text();
  return {
    intent: "publish",
    body: "Written just before the power went.",
    channel: "phone",
    happenedOn: "2026-10-01",
    departmentId: /<option value="([0-9a-f-]{36})"[^>]*>Customer Service<\/option>/.exec(form)![1]!,
    language: "en",
    behaviours: /name="behaviours" value="([0-9a-f-]{36})"/.exec(form)![1]!,
    consent: "anonymised",
  };
}

describe("embedded database", () => {
  it("loses no answered write when the server is killed", async () => {
    server = await startAppServer({}, { dataDir });
    const author = await new HttpClient(server.baseUrl).signIn("employee@demo.test", "serviceloop");
    const form = await storyForm(author);
    const answered: string[] = [];
    let failures = 0;
    const posting = (async () => {
      for (let i = 0; failures === 0; i++) {
        try {
          const response = await author.post("/stories/new", { ...form, title: `Before the kill ${i}` });
          await response.arrayBuffer();
          const id = /\/stories\/([0-9a-f-]{36})/.exec(response.headers.get("location") ?? "")?.[1];
          if (response.status === 302 && id) answered.push(id);
        } catch {
          failures++;
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await server.kill("SIGKILL")).toBe(null);
    await posting;
    expect(answered.length).toBeGreaterThan(3);

    server = await startAppServer({}, { dataDir });
    const reader = await new HttpClient(server.baseUrl).signIn("employee@demo.test", "serviceloop");
    const missing: string[] = [];
    for (const id of answered) {
      const response = await reader.get(`/stories/${id}`);
      await response.arrayBuffer();
      if (response.status !== 200) missing.push(id);
    }
    expect(missing).toEqual([]);
  });
});
