import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";

/**
 * The KPI API over real HTTP against the built server and the demo company,
 * as a telephony export or survey tool would call it: a token made in the UI,
 * from a machine whose gateway sends its own Origin. (The rules of each
 * endpoint are in test/integration/kpis.test.ts.)
 */
let server: AppServer;
let manager: HttpClient;
let token = "";

beforeAll(async () => {
  server = await startAppServer();
  manager = await new HttpClient(server.baseUrl).signIn("manager@demo.test", "serviceloop");
  const created = await manager.post("/departments/customer-service/kpis/tokens", {
    intent: "create",
    name: "Telephony",
  });
  expect(created.status).toBe(200);
  token = /data-testid="new-token">(sl_[A-Za-z0-9_-]+)</.exec(await created.text())![1]!;
});
afterAll(async () => {
  await server?.stop();
});

function api(path: string, init: { method?: string; body?: unknown; bearer?: string | null; cookie?: string } = {}) {
  const headers = new Headers({ "Content-Type": "application/json", Origin: "https://gateway.example" });
  const bearer = init.bearer === undefined ? token : init.bearer;
  if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
  if (init.cookie) headers.set("Cookie", init.cookie);
  return fetch(`${server.baseUrl}/api/v1/departments${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

describe("the KPI API over HTTP", () => {
  it("upserts readings and reads them back, whatever Origin the caller's gateway sends", async () => {
    const body = { readings: [{ periodStart: "2020-01-06", value: 291, sampleSize: 1800 }] };
    const first = await api("/customer-service/kpis/aht/readings", { method: "PUT", body });
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await first.json()).toEqual({ inserted: 1, updated: 0 });
    const again = await api("/customer-service/kpis/aht/readings", { method: "PUT", body });
    expect(await again.json()).toEqual({ inserted: 0, updated: 1 });

    const read = await api("/customer-service/kpis?from=2020-01-06&to=2020-01-12");
    expect(read.status).toBe(200);
    const { kpis } = (await read.json()) as { kpis: { key: string; periods: unknown[] }[] };
    expect(kpis.find((k) => k.key === "aht")!.periods).toEqual([
      { periodStart: "2020-01-06", value: 291, sampleSize: 1800, status: "on_target" },
    ]);
  });

  it("takes survey responses, and the department's dashboard shows the comment", async () => {
    const respondedAt = new Date(Date.now() - 60_000).toISOString();
    const response = {
      kind: "csat",
      score: 5,
      respondedAt,
      channel: "chat",
      comment: "Sorted in one chat, thank you!",
    };
    const posted = await api("/customer-service/survey-responses", { method: "POST", body: { responses: [response] } });
    expect(await posted.json()).toEqual({ inserted: 1, duplicates: 0 });
    const dashboard = await (await manager.get("/departments/customer-service/kpis")).text();
    expect(dashboard).toContain("Sorted in one chat, thank you!");
  });

  it("answers 422 with every invalid row, and writes none of the batch", async () => {
    const res = await api("/customer-service/kpis/aht/readings", {
      method: "PUT",
      body: {
        readings: [
          { periodStart: "2020-01-13", value: 280 },
          { periodStart: "2020-01-15", value: 280 },
          { periodStart: "2020-01-20", value: -3 },
        ],
      },
    });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: { row: number; field: string; code: string }[] };
    expect(errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      "2:periodStart:kpis.errors.periodStart.week",
      "3:value:kpis.errors.negative",
    ]);
    const read = await api("/customer-service/kpis?from=2020-01-13&to=2020-01-19");
    const { kpis } = (await read.json()) as { kpis: { key: string; periods: { value: number | null }[] }[] };
    expect(kpis.find((k) => k.key === "aht")!.periods.map((p) => p.value)).toEqual([null]);
  });

  it("reaches only the token's department, ignores session cookies, and stops when revoked", async () => {
    expect((await api("/claims/kpis?from=2026-01-01&to=2026-01-31")).status).toBe(403);
    const cookie = `sl_session=${manager.cookie("sl_session")}`;
    expect((await api("/customer-service/kpis?from=2026-01-01&to=2026-01-31", { bearer: null, cookie })).status).toBe(
      401,
    );
    const tokens = await (await manager.get("/departments/customer-service/kpis/tokens")).text();
    const tokenId = /name="tokenId" value="([0-9a-f-]{36})"/.exec(tokens)![1]!;
    expect(
      (await manager.post("/departments/customer-service/kpis/tokens", { intent: "revoke", tokenId })).status,
    ).toBe(302);
    expect((await api("/customer-service/kpis?from=2026-01-01&to=2026-01-31")).status).toBe(401);
  });

  it("still refuses a cross-origin form post to the app's own pages", async () => {
    const res = await fetch(`${server.baseUrl}/departments/customer-service/kpis/tokens`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "intent=create&name=x",
    });
    expect(res.status).toBe(403);
  });
});
