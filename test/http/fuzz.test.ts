import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "#test/support/app-server.ts";
import { HttpClient } from "#test/support/http-client.ts";

/**
 * Random bodies at the actions and API routes, over real HTTP: whatever comes
 * in, the answer is a refusal or a success the input really asked for (a
 * valid suggestion is a suggestion), never a server error.
 */
const ANSWERS = [200, 302, 400, 403, 404, 409, 413, 422];
// CI runs a few per route; FUZZ_RUNS=500 digs deeper.
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

let server: AppServer;
let manager: HttpClient;
let leader: HttpClient;
let token = "";
const ids = { slot: "", improvement: "", review: "", cycle: "", employee: "" };

beforeAll(async () => {
  server = await startAppServer();
  manager = await new HttpClient(server.baseUrl).signIn("manager@demo.test", "serviceloop");
  const created = await manager.post("/departments/customer-service/kpis/tokens", { intent: "create", name: "Fuzz" });
  token = /data-testid="new-token">(sl_[A-Za-z0-9_-]+)</.exec(await created.text())![1]!;
  const slots = await (await manager.get("/shadowing")).text();
  ids.slot = /href="\/shadowing\/slots\/([0-9a-f-]{36})"/.exec(slots)![1]!;
  const backlog = await (await manager.get("/departments/customer-service/improvements")).text();
  ids.improvement = /href="\/departments\/customer-service\/improvements\/([0-9a-f-]{36})"/.exec(backlog)![1]!;
  const started = await manager.post("/departments/customer-service/reviews/new", {
    periodStart: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10),
    periodEnd: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
  });
  ids.review = /\/reviews\/([0-9a-f-]{36})/.exec(started.headers.get("location") ?? "")![1]!;
  leader = await new HttpClient(server.baseUrl).signIn("leader@demo.test", "serviceloop");
  const cycleForm = await (await leader.get("/review-cycles/new")).text();
  const opened = await leader.post("/review-cycles/new", {
    name: "Fuzz cycle",
    periodStart: "2026-01-01",
    periodEnd: "2026-06-30",
    departments: /value="([0-9a-f-]{36})"\/><label [^>]*>Customer Service</.exec(cycleForm)![1]!,
  });
  ids.cycle = /\/review-cycles\/([0-9a-f-]{36})/.exec(opened.headers.get("location") ?? "")![1]!;
  const progress = await (await leader.get(`/review-cycles/${ids.cycle}`)).text();
  ids.employee = /href="\/review-cycles\/[0-9a-f-]{36}\/people\/([0-9a-f-]{36})"/.exec(progress)![1]!;
});
afterAll(async () => {
  await server?.stop();
});

const nasty = fc.constantFrom(
  "",
  " ",
  "0",
  "-1",
  "1e309",
  "NaN",
  "87,5",
  "2026-02-30",
  "9999-12-31",
  "2026-11-25T25:61",
  "00000000-0000-4000-8000-000000000000",
  "<script>alert(1)</script>",
  "'; drop table users; --",
  // PostgreSQL text cannot hold NUL (docs/security.md).
  "nul\u0000byte",
  "x".repeat(5000),
);
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  nasty,
  fc.integer().map(String),
  fc.uuid(),
);

/** A form as a list of fields (a name may repeat, as checkboxes do). */
function form(fields: string[]) {
  return fc.array(fc.tuple(fc.constantFrom(...fields, "extra"), value), { maxLength: 14 });
}

// Each action with the fields it reads and the intents it knows (destructive but valid ones, like
// archiving a KPI, are left out: they are not bad input).
const ACTIONS: { path: () => string; fields: string[]; intents: string[]; as?: "leader" }[] = [
  {
    path: () => "/stories/new",
    fields: [
      "title",
      "body",
      "channel",
      "happenedOn",
      "departmentId",
      "language",
      "behaviours",
      "colleagues",
      "consent",
      "kano",
      "job",
    ],
    intents: ["draft", "publish"],
  },
  {
    path: () => "/departments/customer-service/kpis/new",
    fields: [
      "key",
      "name",
      "description",
      "kind",
      "unit",
      "direction",
      "aggregation",
      "target",
      "warning",
      "period",
      "channel",
      "slaSeconds",
      "minSample",
      "template",
    ],
    intents: [],
  },
  {
    path: () => "/departments/customer-service/kpis/aht",
    fields: ["periodStart", "value", "sampleSize"],
    intents: ["reading"],
  },
  {
    path: () => "/departments/customer-service/kpis/nps",
    fields: ["kind", "score", "respondedAt", "channel", "comment"],
    intents: ["response"],
  },
  {
    path: () => "/departments/customer-service/kpis/import",
    fields: ["target", "upload", "file"],
    intents: ["upload", "import"],
  },
  {
    path: () => "/departments/customer-service/kpis/tokens",
    fields: ["name", "tokenId"],
    intents: ["create", "revoke"],
  },
  {
    path: () => "/departments/customer-service/shadowing",
    fields: ["startsAt", "minutes", "channel", "capacity", "hostId", "details"],
    intents: [],
  },
  { path: () => `/shadowing/slots/${ids.slot}`, fields: [], intents: ["book", "unbook", "nonsense"] },
  {
    path: () => "/departments/customer-service/improvements",
    fields: ["description", "touchpointId", "name"],
    intents: ["suggest", "touchpoint"],
  },
  {
    path: () => `/departments/customer-service/improvements/${ids.improvement}`,
    fields: ["ownerId", "dueOn", "replace", "status", "reason"],
    intents: ["choose", "move"],
  },
  { path: () => "/departments/customer-service/reviews/new", fields: ["periodStart", "periodEnd"], intents: [] },
  {
    // Finishing is a valid command, not bad input: left out.
    path: () => `/departments/customer-service/reviews/${ids.review}`,
    fields: ["notes", "attendees", "improvementId", "ownerId", "dueOn", "replace", "description", "touchpointId"],
    intents: ["notes", "attendees", "decide", "raise"],
  },
  {
    path: () => "/recognition/new",
    fields: ["message", "behaviourId", "people", "departments", "storyId", "shadowNoteId", "improvementId", "kpiId"],
    intents: [],
  },
  { path: () => "/recognition", fields: ["id", "kind"], intents: ["react"] },
  {
    path: () => "/review-cycles/new",
    fields: ["name", "periodStart", "periodEnd", "departments"],
    intents: [],
    as: "leader",
  },
  {
    path: () => "/review-cycles/prompts",
    fields: ["rule", "locale", "text"],
    intents: ["save", "reset"],
    as: "leader",
  },
  // Marking discussed is a valid command, not bad input: left out.
  {
    path: () => `/review-cycles/${ids.cycle}/people/${ids.employee}`,
    fields: ["notes", "reflection"],
    intents: ["notes", "reflect"],
    as: "leader",
  },
  {
    path: () => "/profile",
    fields: ["name", "locale", "currentPassword", "password", "confirm"],
    intents: ["profile", "password"],
  },
];

describe("random input", () => {
  for (const action of ACTIONS) {
    it(`never breaks ${action.path().replace(/\/(?=$|\/)/g, "/:id")}`, async () => {
      const intent = fc.option(fc.constantFrom(...action.intents, "unknown"), { nil: undefined });
      await fc.assert(
        fc.asyncProperty(form(action.fields), intent, async (fields, chosen) => {
          const body = new URLSearchParams(fields);
          if (chosen) body.set("intent", chosen);
          const response = await (action.as === "leader" ? leader : manager).request(action.path(), {
            method: "POST",
            body: body.toString(),
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
          });
          await response.arrayBuffer();
          expect(ANSWERS, `${response.status} for ${body.toString().slice(0, 300)}`).toContain(response.status);
        }),
        { numRuns: RUNS },
      );
    });
  }

  const api = (path: string, method: string, body: string) =>
    fetch(`${server.baseUrl}/api/v1/departments/customer-service${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body,
    });
  const row = (fields: string[]) => fc.dictionary(fc.constantFrom(...fields), fc.jsonValue());
  const jsonBodies = fc.oneof(
    fc.json(),
    fc.array(row(["periodStart", "value", "sampleSize"])).map((readings) => JSON.stringify({ readings })),
    fc
      .array(row(["kind", "score", "respondedAt", "channel", "comment"]))
      .map((responses) => JSON.stringify({ responses })),
  );

  it("never breaks the KPI API", async () => {
    await fc.assert(
      fc.asyncProperty(jsonBodies, fc.string(), async (body, query) => {
        for (const response of [
          await api("/kpis/aht/readings", "PUT", body),
          await api("/survey-responses", "POST", body),
          await fetch(`${server.baseUrl}/api/v1/departments/customer-service/kpis?${encodeURIComponent(query)}`, {
            headers: { Authorization: `Bearer ${token}` },
          }),
        ]) {
          await response.arrayBuffer();
          expect([200, 400, 413, 422], `${response.status} for ${body.slice(0, 300)}`).toContain(response.status);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
