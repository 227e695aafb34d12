/**
 * The KPI module against a real database: definitions, readings, survey
 * responses, API tokens, the figures the dashboards and the API show (checked
 * against hand-computed literals, never recomputed with the formulas), and
 * the JSON API's route modules called in-process.
 */
import { sql } from "kysely";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "#db/connect.ts";
import { CommandError } from "#app/modules/forms.ts";
import {
  authenticateApiToken,
  checkReadings,
  createApiToken,
  createKpi,
  insertResponses,
  revokeApiToken,
  setKpiArchived,
  upsertReadings,
} from "#app/modules/kpis/commands.server.ts";
import { panelsBetween } from "#app/modules/kpis/dashboard.server.ts";
import { getKpi, kpiSeries, summarize, type KpiDefinition } from "#app/modules/kpis/queries.server.ts";
import type { NewKpiInput, ResponseRow } from "#app/modules/kpis/schemas.ts";
import * as readingsRoute from "#app/routes/api.v1.departments.$slug.kpis.$key.readings.ts";
import * as kpisRoute from "#app/routes/api.v1.departments.$slug.kpis._index.ts";
import * as responsesRoute from "#app/routes/api.v1.departments.$slug.survey-responses.ts";
import { createDepartment, createUser } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

// The API routes open the process's database through getDb(); here they get this file's.
const current = vi.hoisted(() => ({ db: undefined as Database | undefined }));
vi.mock("#db/client.server.ts", () => ({ getDb: () => current.db, closeDb: async () => {} }));

const db = await databaseForThisFile();
current.db = db;
const claims = await createDepartment(db, { name: "Claims", slug: "claims" });
const credit = await createDepartment(db, { name: "Credit", slug: "credit" });
const manager = await createUser(db, { name: "Mia Manager", departments: [{ id: claims.id, isManager: true }] });

let keys = 0;
function kpiInput(overrides: Partial<NewKpiInput> = {}): NewKpiInput {
  return {
    key: `kpi-${++keys}`,
    name: "First-contact resolution",
    description: "",
    kind: "number",
    unit: "percent",
    direction: "higher",
    aggregation: "weighted",
    target: 75,
    warning: 65,
    period: "day",
    minSample: 10,
    ...overrides,
  };
}

async function newKpi(overrides: Partial<NewKpiInput> = {}, departmentId = claims.id): Promise<KpiDefinition> {
  const { key } = await createKpi(db, { actorId: manager.id, departmentId, kpi: kpiInput(overrides) });
  return (await getKpi(db, departmentId, key))!;
}

async function readingCount(kpiId: string): Promise<number> {
  const row = await db
    .selectFrom("kpi_readings")
    .select(sql<string>`count(*)`.as("n"))
    .where("kpi_id", "=", kpiId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function responseCount(departmentId: string): Promise<number> {
  const row = await db
    .selectFrom("survey_responses")
    .select(sql<string>`count(*)`.as("n"))
    .where("department_id", "=", departmentId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function response(
  kind: ResponseRow["kind"],
  score: number,
  respondedAt: string,
  channel: ResponseRow["channel"] = null,
) {
  return { kind, score, respondedAt: new Date(respondedAt), channel, comment: null } satisfies ResponseRow;
}

describe("defining KPIs", () => {
  it("gives each KPI a key unique within its department", async () => {
    await createKpi(db, { actorId: manager.id, departmentId: claims.id, kpi: kpiInput({ key: "fcr" }) });
    const error = await createKpi(db, {
      actorId: manager.id,
      departmentId: claims.id,
      kpi: kpiInput({ key: "fcr", name: "Another" }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).fieldErrors).toEqual({ key: ["kpis.errors.keyTaken"] });
    // Another department may use the same key.
    await expect(
      createKpi(db, { actorId: manager.id, departmentId: credit.id, kpi: kpiInput({ key: "fcr" }) }),
    ).resolves.toMatchObject({ key: "fcr" });
  });
});

describe("checking readings", () => {
  const now = "2026-11-25"; // a Wednesday
  const base = { id: "k", kind: "number", unit: "count", period: "day" } as const;
  const kpis = [
    { ...base, id: "daily-count", key: "contacts" },
    { ...base, id: "daily-percent", key: "fcr", unit: "percent" },
    { ...base, id: "weekly", key: "weekly", period: "week" },
    { ...base, id: "monthly", key: "monthly", period: "month" },
    { ...base, id: "score", key: "score", unit: "score" },
    { ...base, id: "nps", key: "nps", kind: "nps", unit: "score" },
  ] as const;
  const check = (rows: { kpiKey: string; periodStart: string; value: number }[]) =>
    checkReadings(
      [...kpis],
      rows.map((r, i) => ({ ...r, sampleSize: null, row: i + 1 })),
      now,
    ).errors;

  it("accepts good rows", () => {
    expect(
      check([
        { kpiKey: "contacts", periodStart: "2026-11-25", value: 0 },
        { kpiKey: "fcr", periodStart: "2026-11-24", value: 100 },
        { kpiKey: "weekly", periodStart: "2026-11-23", value: 3 },
        { kpiKey: "monthly", periodStart: "2026-11-01", value: 3 },
        { kpiKey: "score", periodStart: "2026-11-01", value: -12.5 },
      ]),
    ).toEqual([]);
  });

  it("refuses unknown KPIs and survey KPIs (computed from responses)", () => {
    expect(
      check([
        { kpiKey: "nope", periodStart: "2026-11-02", value: 1 },
        { kpiKey: "nps", periodStart: "2026-11-02", value: 1 },
      ]),
    ).toEqual([
      { row: 1, field: "kpi", message: "kpis.errors.unknownKpi" },
      { row: 2, field: "kpi", message: "kpis.errors.computedKpi" },
    ]);
  });

  it("refuses dates that do not start a period, and periods in the future", () => {
    expect(
      check([
        { kpiKey: "weekly", periodStart: "2026-11-18", value: 1 }, // a Wednesday
        { kpiKey: "monthly", periodStart: "2026-10-02", value: 1 },
        { kpiKey: "contacts", periodStart: "2026-11-26", value: 1 },
        { kpiKey: "weekly", periodStart: "2026-11-30", value: 1 },
        { kpiKey: "monthly", periodStart: "2026-12-01", value: 1 },
      ]),
    ).toEqual([
      { row: 1, field: "periodStart", message: "kpis.errors.periodStart.week" },
      { row: 2, field: "periodStart", message: "kpis.errors.periodStart.month" },
      { row: 3, field: "periodStart", message: "kpis.errors.futurePeriod" },
      { row: 4, field: "periodStart", message: "kpis.errors.futurePeriod" },
      { row: 5, field: "periodStart", message: "kpis.errors.futurePeriod" },
    ]);
  });

  it("refuses percentages outside 0–100, negative counts and a period given twice", () => {
    expect(
      check([
        { kpiKey: "fcr", periodStart: "2026-11-02", value: 100.5 },
        { kpiKey: "fcr", periodStart: "2026-11-03", value: -1 },
        { kpiKey: "contacts", periodStart: "2026-11-02", value: -3 },
        { kpiKey: "contacts", periodStart: "2026-11-03", value: 5 },
        { kpiKey: "contacts", periodStart: "2026-11-03", value: 6 },
      ]),
    ).toEqual([
      { row: 1, field: "value", message: "kpis.errors.percentRange" },
      { row: 2, field: "value", message: "kpis.errors.percentRange" },
      { row: 3, field: "value", message: "kpis.errors.negative" },
      { row: 5, field: "periodStart", message: "kpis.errors.duplicatePeriod:4" },
    ]);
  });
});

describe("writing readings and responses", () => {
  it("replaces readings of the same period: sending a batch twice adds no rows", async () => {
    const kpi = await newKpi();
    const batch = (value: number) =>
      checkReadings(
        [kpi],
        ["2026-10-05", "2026-10-06", "2026-10-07"].map((periodStart, i) => ({
          row: i + 1,
          periodStart,
          value: value + i,
          sampleSize: 100,
        })),
      );
    const first = batch(80);
    expect(first.errors).toEqual([]);
    const write = (readings: typeof first.readings) =>
      upsertReadings(db, { actorId: manager.id, departmentId: claims.id, readings, source: "api" });
    expect(await write(first.readings)).toEqual({ inserted: 3, updated: 0 });
    expect(await write(batch(90).readings)).toEqual({ inserted: 0, updated: 3 });
    expect(await readingCount(kpi.id)).toBe(3);
    const stored = await db
      .selectFrom("kpi_readings")
      .select(["period_start", "value", "sample_size", "source"])
      .where("kpi_id", "=", kpi.id)
      .orderBy("period_start")
      .execute();
    expect(stored.map((r) => [r.period_start, Number(r.value), r.sample_size, r.source])).toEqual([
      ["2026-10-05", 90, 100, "api"],
      ["2026-10-06", 91, 100, "api"],
      ["2026-10-07", 92, 100, "api"],
    ]);
  });

  it("stores the same survey answer once, within a batch and across batches", async () => {
    const department = await createDepartment(db);
    const batch = [
      response("nps", 9, "2026-10-03T09:12:00Z", "phone"),
      response("nps", 9, "2026-10-03T09:12:00Z", "chat"),
      { ...response("csat", 4, "2026-10-03T09:12:00Z"), comment: "Quick and kind" },
      response("csat", 4, "2026-10-03T09:12:00Z"),
    ];
    const write = (responses: ResponseRow[]) =>
      insertResponses(db, { actorId: null, departmentId: department.id, responses, source: "api" });
    expect(await write(batch)).toEqual({ inserted: 4, duplicates: 0 });
    expect(await write(batch)).toEqual({ inserted: 0, duplicates: 4 });
    expect(
      await write([response("ces", 6, "2026-10-04T10:00:00Z"), response("ces", 6, "2026-10-04T10:00:00Z")]),
    ).toEqual({ inserted: 1, duplicates: 1 });
    expect(await responseCount(department.id)).toBe(5);
  });
});

describe("API tokens", () => {
  it("authenticates until revoked, and notes the last use", async () => {
    const { id, token } = await createApiToken(db, { actorId: manager.id, departmentId: claims.id, name: "Telephony" });
    expect(token).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
    const stored = await db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(stored.prefix).toBe(token.slice(0, 8));
    expect(stored.last_used_at).toBeNull();

    expect(await authenticateApiToken(db, token)).toEqual({ tokenId: id, departmentId: claims.id });
    const used = await db
      .selectFrom("api_tokens")
      .select("last_used_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).toBeInstanceOf(Date);
    expect(Math.abs(used.last_used_at!.getTime() - Date.now())).toBeLessThan(60_000);

    expect(await authenticateApiToken(db, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await authenticateApiToken(db, "not a token")).toBeNull();
    // Another department's managers cannot revoke it.
    await expect(revokeApiToken(db, { actorId: manager.id, departmentId: credit.id, tokenId: id })).rejects.toThrow(
      CommandError,
    );
    await revokeApiToken(db, { actorId: manager.id, departmentId: claims.id, tokenId: id });
    expect(await authenticateApiToken(db, token)).toBeNull();
    await expect(revokeApiToken(db, { actorId: manager.id, departmentId: claims.id, tokenId: id })).rejects.toThrow(
      CommandError,
    );
  });
});

describe("the figures", () => {
  it("computes NPS from October's responses: 4 promoters, 3 passives, 3 detractors → 10", async () => {
    const department = await createDepartment(db);
    const kpi = await newKpi(
      { kind: "nps", unit: "score", target: 20, warning: 0, period: "month", minSample: 10 },
      department.id,
    );
    const scores = [10, 9, 9, 10, 7, 8, 7, 0, 6, 3];
    await insertResponses(db, {
      actorId: null,
      departmentId: department.id,
      responses: [
        ...scores.map((score, i) => response("nps", score, `2026-10-${String(i + 3).padStart(2, "0")}T09:12:00Z`)),
        // 00:30 on 1 November in Stockholm: November's.
        response("nps", 0, "2026-10-31T23:30:00Z"),
        // 23:30 on 30 September in Stockholm: September's.
        response("nps", 0, "2026-09-30T21:30:00Z"),
      ],
      source: "api",
    });
    const [panel] = await panelsBetween(db, [kpi], { from: "2026-10-01", to: "2026-10-31" });
    expect(panel!.summary.points).toEqual([
      {
        periodStart: "2026-10-01",
        value: 10,
        sampleSize: 10,
        status: "warning",
        counts: { responses: 10, positive: 4, negative: 3, scoreSum: 69 },
      },
    ]);
  });

  it("rolls daily weighted readings up to a week as sum(value × n) / sum(n), not the mean of the rates", async () => {
    const kpi = await newKpi({ aggregation: "weighted", period: "day" });
    const readings = [
      { periodStart: "2026-10-05", value: 80, sampleSize: 100 },
      { periodStart: "2026-10-06", value: 90, sampleSize: 50 },
      { periodStart: "2026-10-07", value: 60, sampleSize: 50 },
      // The next week: not in the first.
      { periodStart: "2026-10-12", value: 10, sampleSize: 1000 },
    ];
    await upsertReadings(db, {
      actorId: null,
      departmentId: claims.id,
      readings: readings.map((r) => ({ ...r, kpiId: kpi.id, kpiKey: kpi.key })),
      source: "api",
    });
    const series = await kpiSeries(db, [kpi], { period: "week", starts: ["2026-10-05", "2026-10-12"] });
    // (80×100 + 90×50 + 60×50) / 200 = 15500 / 200 = 77.5 (the mean of the rates would be 76.67).
    expect(series.get(kpi.id)).toEqual([
      { periodStart: "2026-10-05", value: 77.5, sampleSize: 200 },
      { periodStart: "2026-10-12", value: 10, sampleSize: 1000 },
    ]);
    expect(summarize(kpi, series.get(kpi.id)!).points.map((p) => p.status)).toEqual(["on_target", "off_target"]);
  });

  it("rolls a sum KPI up by adding", async () => {
    const kpi = await newKpi({ unit: "count", aggregation: "sum", direction: "lower", target: 400, warning: 600 });
    await upsertReadings(db, {
      actorId: null,
      departmentId: claims.id,
      readings: [
        { kpiId: kpi.id, kpiKey: kpi.key, periodStart: "2026-10-05", value: 120, sampleSize: null },
        { kpiId: kpi.id, kpiKey: kpi.key, periodStart: "2026-10-06", value: 80, sampleSize: null },
        { kpiId: kpi.id, kpiKey: kpi.key, periodStart: "2026-10-11", value: 100, sampleSize: null },
        { kpiId: kpi.id, kpiKey: kpi.key, periodStart: "2026-10-31", value: 250, sampleSize: null },
      ],
      source: "api",
    });
    const weeks = await kpiSeries(db, [kpi], { period: "week", starts: ["2026-10-05"] });
    expect(weeks.get(kpi.id)).toEqual([{ periodStart: "2026-10-05", value: 300, sampleSize: null }]);
    const months = await kpiSeries(db, [kpi], { period: "month", starts: ["2026-10-01"] });
    expect(months.get(kpi.id)).toEqual([{ periodStart: "2026-10-01", value: 550, sampleSize: null }]);
    expect(summarize(kpi, months.get(kpi.id)!).points[0]!.status).toBe("warning");
  });

  it("keeps the daily survey counts equal to counting the raw answers, through inserts and deletes", async () => {
    const department = await createDepartment(db, { name: "Daily counts", slug: "daily-counts" });
    const at = (iso: string) => new Date(iso);
    const answers: ResponseRow[] = [
      // 23:30 UTC on 31 October is 00:30 on 1 November in Stockholm.
      { kind: "nps", score: 10, respondedAt: at("2026-10-31T23:30:00Z"), channel: "phone", comment: null },
      { kind: "nps", score: 6, respondedAt: at("2026-11-01T08:00:00Z"), channel: "phone", comment: null },
      { kind: "nps", score: 7, respondedAt: at("2026-11-01T09:00:00Z"), channel: null, comment: null },
      { kind: "csat", score: 4, respondedAt: at("2026-11-01T10:00:00Z"), channel: "chat", comment: null },
    ];
    await insertResponses(db, { actorId: null, departmentId: department.id, responses: answers, source: "api" });
    const daily = () =>
      db
        .selectFrom("survey_daily")
        .select(["kind", "day", "channel", "responses", "positive", "negative", "score_sum"])
        .where("department_id", "=", department.id)
        .orderBy("kind")
        .orderBy("channel")
        .execute();
    expect(await daily()).toEqual([
      { kind: "csat", day: "2026-11-01", channel: "chat", responses: 1, positive: 1, negative: 0, score_sum: 4 },
      { kind: "nps", day: "2026-11-01", channel: "", responses: 1, positive: 0, negative: 0, score_sum: 7 },
      { kind: "nps", day: "2026-11-01", channel: "phone", responses: 2, positive: 1, negative: 1, score_sum: 16 },
    ]);
    await db.deleteFrom("survey_responses").where("department_id", "=", department.id).where("score", "=", 6).execute();
    await db
      .deleteFrom("survey_responses")
      .where("department_id", "=", department.id)
      .where("kind", "=", "csat")
      .execute();
    expect(await daily()).toEqual([
      { kind: "nps", day: "2026-11-01", channel: "", responses: 1, positive: 0, negative: 0, score_sum: 7 },
      { kind: "nps", day: "2026-11-01", channel: "phone", responses: 1, positive: 1, negative: 0, score_sum: 10 },
    ]);
  });

  it("hides a survey score below the minimum sample, and counts only the KPI's channel", async () => {
    const department = await createDepartment(db);
    const all = await newKpi(
      { kind: "csat", unit: "percent", target: 80, warning: 60, period: "month", minSample: 5 },
      department.id,
    );
    const phone = await newKpi(
      { kind: "csat", unit: "percent", target: 80, warning: 60, period: "month", minSample: 5, channel: "phone" },
      department.id,
    );
    const chat = await newKpi(
      { kind: "csat", unit: "percent", target: 80, warning: 60, period: "month", minSample: 5, channel: "chat" },
      department.id,
    );
    const at = (day: number) => `2026-10-${String(day).padStart(2, "0")}T10:00:00Z`;
    await insertResponses(db, {
      actorId: null,
      departmentId: department.id,
      responses: [
        ...[5, 4, 2, 1, 5].map((score, i) => response("csat", score, at(i + 1), "phone")),
        ...[1, 1, 5].map((score, i) => response("csat", score, at(i + 10), "chat")),
        response("csat", 4, at(20)),
      ],
      source: "api",
    });
    const panels = await panelsBetween(db, [all, phone, chat], { from: "2026-10-01", to: "2026-10-31" });
    const points = panels.map((p) => {
      const { periodStart, value, sampleSize, status } = p.summary.points[0]!;
      return { periodStart, value, sampleSize, status };
    });
    // All channels: 5, 4, 5, 5, 4 of 9 satisfied = 55.55…%; phone: 3 of 5 = 60%; chat: 3 answers < 5.
    expect(points[0]).toEqual({
      periodStart: "2026-10-01",
      value: expect.closeTo(55.5556, 3),
      sampleSize: 9,
      status: "off_target",
    });
    expect(points[1]).toEqual({ periodStart: "2026-10-01", value: 60, sampleSize: 5, status: "warning" });
    expect(points[2]).toEqual({ periodStart: "2026-10-01", value: null, sampleSize: 3, status: "not_enough" });
  });
});

// The JSON API, its route modules called as Remix calls them (the HTTP tests cover the server around them).

const apiBase = "http://localhost/api/v1/departments";

function call(
  route: { loader?: unknown; action?: unknown },
  input: { method: string; url: string; token?: string; body?: unknown; contentType?: string },
  params: Record<string, string>,
): Promise<Response> {
  const headers = new Headers();
  if (input.token) headers.set("Authorization", `Bearer ${input.token}`);
  let body: string | undefined;
  if (input.body !== undefined) {
    body = typeof input.body === "string" ? input.body : JSON.stringify(input.body);
    headers.set("Content-Type", input.contentType ?? "application/json");
  }
  const request = new Request(input.url, { method: input.method, headers, body });
  const handler = (["GET", "HEAD"].includes(input.method) ? route.loader : route.action) as (args: {
    request: Request;
    params: Record<string, string>;
    context: object;
  }) => Promise<Response> | Response;
  // Remix hands a thrown Response to the client as it is.
  return Promise.resolve()
    .then(() => handler({ request, params, context: {} }))
    .catch((thrown: unknown) => {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    });
}

async function answer(response: Response) {
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const department = await createDepartment(db, { name: "Customer Service", slug: "customer-service" });
const { token } = await createApiToken(db, { actorId: null, departmentId: department.id, name: "Telephony" });
const other = await createApiToken(db, { actorId: null, departmentId: credit.id, name: "Credit system" });
const fcr = await newKpi({ key: "fcr", period: "day", target: 75, warning: 65 }, department.id);
const nps = await newKpi(
  { key: "nps", kind: "nps", unit: "score", period: "month", target: 30, warning: 10, minSample: 10 },
  department.id,
);
const putReadings = (body: unknown, options: { key?: string; token?: string; contentType?: string } = {}) =>
  call(
    readingsRoute,
    {
      method: "PUT",
      url: `${apiBase}/customer-service/kpis/${options.key ?? "fcr"}/readings`,
      token: options.token ?? token,
      body,
      contentType: options.contentType,
    },
    { slug: "customer-service", key: options.key ?? "fcr" },
  );
const postResponses = (body: unknown) =>
  call(
    responsesRoute,
    { method: "POST", url: `${apiBase}/customer-service/survey-responses`, token, body },
    { slug: "customer-service" },
  );
const getKpis = (query: string, slug = "customer-service", withToken = token) =>
  call(kpisRoute, { method: "GET", url: `${apiBase}/${slug}/kpis${query}`, token: withToken }, { slug });

describe("the JSON API", () => {
  it("answers 401 without a valid token, 404 for an unknown department, 403 for another department's", async () => {
    const anonymous = await call(
      readingsRoute,
      { method: "PUT", url: `${apiBase}/customer-service/kpis/fcr/readings`, body: { readings: [] } },
      { slug: "customer-service", key: "fcr" },
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
    expect(await answer(anonymous)).toMatchObject({ body: { error: "unauthorized" } });
    expect((await putReadings({ readings: [] }, { token: "sl_wrong" })).status).toBe(401);
    expect((await getKpis("?from=2026-10-01&to=2026-10-31", "no-such-department")).status).toBe(404);
    const forbidden = await answer(await getKpis("?from=2026-10-01&to=2026-10-31", "customer-service", other.token));
    expect(forbidden).toMatchObject({ status: 403, body: { error: "forbidden" } });
  });

  it("answers 405 for other methods, 404 for an unknown or archived KPI, 400 for a body that is not JSON", async () => {
    for (const [route, method, params, allow] of [
      [readingsRoute, "GET", { slug: "customer-service", key: "fcr" }, "PUT"],
      [readingsRoute, "POST", { slug: "customer-service", key: "fcr" }, "PUT"],
      [responsesRoute, "GET", { slug: "customer-service" }, "POST"],
      [responsesRoute, "PUT", { slug: "customer-service" }, "POST"],
      [kpisRoute, "POST", { slug: "customer-service" }, "GET"],
    ] as const) {
      const res = await call(route, { method, url: `${apiBase}/x`, token }, params);
      expect(res.status).toBe(405);
      expect(res.headers.get("Allow")).toBe(allow);
    }
    expect((await putReadings({ readings: [] }, { key: "unknown" })).status).toBe(404);
    const archived = await newKpi({ key: "old" }, department.id);
    await setKpiArchived(db, { actorId: manager.id, kpiId: archived.id, archived: true });
    expect((await putReadings({ readings: [] }, { key: "old" })).status).toBe(404);
    expect(await answer(await putReadings("{not json"))).toMatchObject({ status: 400, body: { error: "bad_json" } });
    expect(await answer(await putReadings("a,b", { contentType: "text/csv" }))).toMatchObject({
      status: 400,
      body: { error: "bad_json" },
    });
  });

  it("answers 413 for a body over 10 MB", async () => {
    const huge = JSON.stringify({ readings: [], padding: "x".repeat(10 * 1024 * 1024) });
    expect(await answer(await putReadings(huge))).toMatchObject({ status: 413, body: { error: "too_large" } });
  });

  it("writes readings, and writes nothing when one row is invalid", async () => {
    const res = await answer(
      await putReadings({
        readings: [
          { periodStart: "2026-10-01", value: 87.5, sampleSize: 120 },
          { periodStart: "2026-10-02", value: 101 },
          { periodStart: "2026-10-03", value: "87,5" },
          { periodStart: "2026-10-32", value: 80 },
        ],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error).toBe("invalid");
    expect(res.body.errors).toEqual([
      { row: 3, field: "value", message: "This value is not valid.", code: "validation.invalid" },
      { row: 4, field: "periodStart", message: "Enter a date, like 2026-11-25.", code: "validation.date" },
    ]);
    const rules = await answer(
      await putReadings({
        readings: [
          { periodStart: "2026-10-01", value: 87.5, sampleSize: 120 },
          { periodStart: "2026-10-02", value: 101 },
        ],
      }),
    );
    expect(rules.status).toBe(422);
    expect(rules.body.errors).toEqual([
      { row: 2, field: "value", message: expect.any(String), code: "kpis.errors.percentRange" },
    ]);
    expect(await readingCount(fcr.id)).toBe(0);

    const batch = {
      readings: [
        { periodStart: "2026-10-01", value: 87.5, sampleSize: 120 },
        { periodStart: "2026-10-02", value: 80 },
      ],
    };
    expect(await answer(await putReadings(batch))).toEqual({ status: 200, body: { inserted: 2, updated: 0 } });
    expect(await answer(await putReadings(batch))).toEqual({ status: 200, body: { inserted: 0, updated: 2 } });
    expect(await readingCount(fcr.id)).toBe(2);
    const readings = await db.selectFrom("kpi_readings").select("source").where("kpi_id", "=", fcr.id).execute();
    expect(readings.map((r) => r.source)).toEqual(["api", "api"]);
  });

  it("refuses readings for a survey KPI and an empty or missing array", async () => {
    const survey = await answer(
      await putReadings({ readings: [{ periodStart: "2026-10-01", value: 1 }] }, { key: "nps" }),
    );
    expect(survey).toMatchObject({
      status: 422,
      body: { errors: [{ field: "kpi", code: "kpis.errors.computedKpi" }] },
    });
    const empty = await answer(await putReadings({ readings: [] }));
    expect(empty).toMatchObject({ status: 422, body: { errors: [{ field: "readings", code: "kpis.errors.noRows" }] } });
    const missing = await answer(await putReadings({ rows: [] }));
    expect(missing.body.errors).toEqual([
      { field: "readings", message: "Fill in this field.", code: "validation.required" },
    ]);
    const notAnObject = await answer(await putReadings([1, 2]));
    expect(notAnObject).toMatchObject({ status: 422, body: { errors: [{ field: "body" }] } });
  });

  it("stores survey responses once and refuses answers from the future or off the scale", async () => {
    const batch = {
      responses: [
        { kind: "nps", score: 9, respondedAt: "2026-10-03T09:12:00Z", channel: "phone", comment: "Called back fast" },
        { kind: "nps", score: 3, respondedAt: "2026-10-03T11:12:00+02:00" },
        { kind: "csat", score: 5, respondedAt: "2026-10-04T08:00:00Z", channel: null },
      ],
    };
    expect(await answer(await postResponses(batch))).toEqual({ status: 200, body: { inserted: 3, duplicates: 0 } });
    expect(await answer(await postResponses(batch))).toEqual({ status: 200, body: { inserted: 0, duplicates: 3 } });
    const soon = new Date(Date.now() + 60_000).toISOString();
    expect(await answer(await postResponses({ responses: [{ kind: "csat", score: 4, respondedAt: soon }] }))).toEqual({
      status: 200,
      body: { inserted: 1, duplicates: 0 },
    });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const refused = await answer(
      await postResponses({
        responses: [
          { kind: "nps", score: 11, respondedAt: "2026-10-05T09:00:00Z" },
          { kind: "ces", score: 4, respondedAt: later },
          { kind: "nps", score: 8, respondedAt: "yesterday" },
        ],
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { row: 1, field: "score", message: expect.any(String), code: "kpis.errors.scale.nps" },
      { row: 3, field: "respondedAt", message: expect.any(String), code: "validation.moment" },
    ]);
    const future = await answer(await postResponses({ responses: [{ kind: "ces", score: 4, respondedAt: later }] }));
    expect(future.body.errors).toEqual([
      { row: 1, field: "respondedAt", message: expect.any(String), code: "kpis.errors.futureResponse" },
    ]);
    expect(await responseCount(department.id)).toBe(4);
  });

  it("reads the KPIs between two dates, hiding scores below the minimum sample", async () => {
    const res = await answer(await getKpis("?from=2026-10-01&to=2026-10-04"));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      department: { slug: "customer-service", name: "Customer Service" },
      from: "2026-10-01",
      to: "2026-10-04",
    });
    const kpis = res.body.kpis as { key: string; periods: unknown[] }[];
    expect(kpis.map((k) => k.key)).toEqual(["fcr", "nps"]);
    expect(kpis[0]).toEqual({
      key: "fcr",
      name: "First-contact resolution",
      kind: "number",
      unit: "percent",
      direction: "higher",
      target: 75,
      warning: 65,
      period: "day",
      channel: null,
      minSample: 10,
      periods: [
        { periodStart: "2026-10-01", value: 87.5, sampleSize: 120, status: "on_target" },
        { periodStart: "2026-10-02", value: 80, sampleSize: null, status: "on_target" },
        { periodStart: "2026-10-03", value: null, sampleSize: null, status: "no_data" },
        { periodStart: "2026-10-04", value: null, sampleSize: null, status: "no_data" },
      ],
    });
    // Two NPS answers in October: fewer than the minimum sample of 10.
    expect(kpis[1]!.periods).toEqual([{ periodStart: "2026-10-01", value: null, sampleSize: 2, status: "not_enough" }]);
    expect(nps.minSample).toBe(10);
  });

  it("checks the dates asked for", async () => {
    const errors = async (query: string) => {
      const res = await answer(await getKpis(query));
      expect(res.status).toBe(422);
      return (res.body.errors as { field: string; code: string }[]).map((e) => `${e.field}:${e.code}`);
    };
    expect(await errors("")).toEqual(["from:validation.required", "to:validation.required"]);
    expect(await errors("?from=2026-02-30&to=2026-10-01")).toEqual(["from:validation.date"]);
    expect(await errors("?from=2026-10-02&to=2026-10-01")).toEqual(["to:kpis.errors.fromAfterTo"]);
    expect(await errors("?from=2023-10-01&to=2026-10-02")).toEqual(["to:kpis.errors.rangeTooLong"]);
    expect((await getKpis("?from=2023-10-01&to=2026-10-01")).status).toBe(200);
  });
});

describe("the classes of answers, as the database counts them", () => {
  it("splits NPS at 6/7 and 8/9, CSAT at 3/4 and CES at 4/5", async () => {
    const department = await createDepartment(db, { name: "Boundaries", slug: "boundaries" });
    const at = (minute: number) => new Date(Date.UTC(2026, 9, 14, 9, minute));
    const answer = (kind: "nps" | "csat" | "ces", score: number, minute: number): ResponseRow => ({
      kind,
      score,
      respondedAt: at(minute),
      channel: null,
      comment: null,
    });
    await insertResponses(db, {
      actorId: null,
      departmentId: department.id,
      source: "api",
      responses: [
        ...[0, 6, 7, 8, 9, 10].map((score, i) => answer("nps", score, i)),
        ...[3, 4, 5].map((score, i) => answer("csat", score, 10 + i)),
        ...[4, 5, 7].map((score, i) => answer("ces", score, 20 + i)),
      ],
    });
    const daily = await db
      .selectFrom("survey_daily")
      .select(["kind", "responses", "positive", "negative", "score_sum"])
      .where("department_id", "=", department.id)
      .orderBy("kind")
      .execute();
    expect(daily).toEqual([
      { kind: "ces", responses: 3, positive: 2, negative: 0, score_sum: 16 },
      { kind: "csat", responses: 3, positive: 2, negative: 0, score_sum: 12 },
      { kind: "nps", responses: 6, positive: 2, negative: 2, score_sum: 40 },
    ]);
  });
});
