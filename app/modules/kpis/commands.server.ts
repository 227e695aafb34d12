/**
 * Changes to KPIs, readings, survey responses and API tokens. Each exported
 * command is one transaction; a batch with one bad row writes nothing.
 */
import crypto from "node:crypto";
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import type { DataSource } from "#db/schema.ts";
import { audit } from "#app/modules/audit.server.ts";
import { sha256Hex } from "#app/modules/auth/tokens.server.ts";
import { CommandError } from "#app/modules/forms.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { isPeriodStart, periodStartOf } from "./formulas.ts";
import type { KpiDefinition } from "./queries.server.ts";
import type { EditKpiInput, NewKpiInput, ReadingRow, ResponseRow } from "./schemas.ts";

/** A problem with one row of a batch; `row` is the CSV line or the 1-based position in the API array. */
export interface RowError {
  row: number;
  field: string;
  /** A locale key, with `:param` as in validation.tooLong:120. */
  message: string;
}

export class BatchError extends Error {
  constructor(readonly errors: RowError[]) {
    super(`Batch refused: ${errors.length} invalid row(s)`);
    this.name = "BatchError";
  }
}

const UNIQUE_VIOLATION = "23505";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === UNIQUE_VIOLATION;
}

function definitionValues(input: EditKpiInput) {
  return {
    name: input.name,
    description: input.description,
    unit: input.unit,
    direction: input.direction,
    aggregation: input.aggregation,
    target: input.target,
    warning: input.warning ?? null,
    period: input.period,
    channel: input.channel ?? null,
    sla_seconds: input.slaSeconds ?? null,
    min_sample: input.minSample,
  };
}

export async function createKpi(
  db: Database,
  input: { actorId: string; departmentId: string; kpi: NewKpiInput },
): Promise<{ id: string; key: string }> {
  try {
    return await db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom("kpis")
        .select((eb) => eb.fn.max("position").as("position"))
        .where("department_id", "=", input.departmentId)
        .executeTakeFirst();
      const row = await trx
        .insertInto("kpis")
        .values({
          ...definitionValues(input.kpi),
          department_id: input.departmentId,
          key: input.kpi.key,
          kind: input.kpi.kind,
          template: input.kpi.template ?? null,
          position: (last?.position ?? -1) + 1,
          created_by: input.actorId,
        })
        .returning(["id", "key"])
        .executeTakeFirstOrThrow();
      await audit(trx, { actorId: input.actorId, action: "kpi.create", subject: row.id, details: { key: row.key } });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw CommandError.field("key", "kpis.errors.keyTaken");
    throw error;
  }
}

export async function updateKpi(
  db: Database,
  input: { actorId: string; kpiId: string; kpi: EditKpiInput },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("kpis")
      .set({ ...definitionValues(input.kpi), updated_at: new Date() })
      .where("id", "=", input.kpiId)
      .execute();
    await audit(trx, { actorId: input.actorId, action: "kpi.update", subject: input.kpiId });
  });
}

/** Archived KPIs leave the dashboards; their readings stay. */
export async function setKpiArchived(
  db: Database,
  input: { actorId: string; kpiId: string; archived: boolean },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("kpis")
      .set({ archived_at: input.archived ? new Date() : null, updated_at: new Date() })
      .where("id", "=", input.kpiId)
      .execute();
    await audit(trx, {
      actorId: input.actorId,
      action: input.archived ? "kpi.archive" : "kpi.restore",
      subject: input.kpiId,
    });
  });
}

type ReadingKpi = Pick<KpiDefinition, "id" | "key" | "kind" | "unit" | "period">;

/** A reading checked against its KPI: the id to write and the row it came from. */
export interface CheckedReading {
  kpiId: string;
  kpiKey: string;
  periodStart: string;
  value: number;
  sampleSize: number | null;
}

/**
 * Checks rows against their KPIs: the KPI exists and takes readings, the
 * date starts one of its periods and is not in the future, the value fits
 * the unit, and no period appears twice. `rows[i].row` numbers the errors.
 */
export function checkReadings(
  kpis: ReadingKpi[],
  rows: (ReadingRow & { row: number })[],
  now = today(),
): { readings: CheckedReading[]; errors: RowError[] } {
  const byKey = new Map(kpis.map((k) => [k.key, k]));
  const current = {
    day: periodStartOf(now, "day"),
    week: periodStartOf(now, "week"),
    month: periodStartOf(now, "month"),
  };
  const seen = new Map<string, number>();
  const readings: CheckedReading[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const kpi = r.kpiKey === undefined && kpis.length === 1 ? kpis[0] : byKey.get(r.kpiKey ?? "");
    const fail = (field: string, message: string) => errors.push({ row: r.row, field, message });
    if (!kpi) {
      fail("kpi", "kpis.errors.unknownKpi");
      continue;
    }
    if (kpi.kind !== "number") {
      fail("kpi", "kpis.errors.computedKpi");
      continue;
    }
    if (!isPeriodStart(r.periodStart, kpi.period)) fail("periodStart", `kpis.errors.periodStart.${kpi.period}`);
    else if (r.periodStart > current[kpi.period]) fail("periodStart", "kpis.errors.futurePeriod");
    if (kpi.unit === "percent" && (r.value < 0 || r.value > 100)) fail("value", "kpis.errors.percentRange");
    else if (kpi.unit !== "score" && r.value < 0) fail("value", "kpis.errors.negative");
    else if (Math.abs(r.value) >= 1e12) fail("value", "validation.number");
    const identity = `${kpi.id}/${r.periodStart}`;
    const first = seen.get(identity);
    if (first !== undefined) fail("periodStart", `kpis.errors.duplicatePeriod:${first}`);
    else seen.set(identity, r.row);
    readings.push({
      kpiId: kpi.id,
      kpiKey: kpi.key,
      periodStart: r.periodStart,
      value: r.value,
      sampleSize: r.sampleSize,
    });
  }
  return { readings, errors };
}

/**
 * Writes readings, replacing any of the same KPI and period (so importing a
 * file twice changes nothing). One statement over arrays: fast for 100,000 rows.
 */
export async function upsertReadings(
  db: Database,
  input: ReadingsWrite,
): Promise<{ inserted: number; updated: number }> {
  return db.transaction().execute((trx) => writeReadings(trx, input));
}

interface ReadingsWrite {
  actorId: string | null;
  departmentId: string;
  readings: CheckedReading[];
  source: DataSource;
}

/** Inside the caller's transaction. */
async function writeReadings(trx: Database, input: ReadingsWrite): Promise<{ inserted: number; updated: number }> {
  if (input.readings.length === 0) return { inserted: 0, updated: 0 };
  {
    const rows = input.readings;
    const result = await sql<{ inserted: boolean }>`
      insert into kpi_readings (kpi_id, period_start, value, sample_size, source)
      select r.kpi_id, r.period_start, r.value, r.sample_size, ${input.source}
      from unnest(
        ${rows.map((r) => r.kpiId)}::uuid[], ${rows.map((r) => r.periodStart)}::date[],
        ${rows.map((r) => String(r.value))}::numeric[], ${rows.map((r) => (r.sampleSize === null ? null : String(r.sampleSize)))}::int[]
      ) as r(kpi_id, period_start, value, sample_size)
      on conflict (kpi_id, period_start) do update
        set value = excluded.value, sample_size = excluded.sample_size, source = excluded.source, updated_at = now()
      returning (xmax = 0) as inserted`.execute(trx);
    const inserted = result.rows.filter((r) => r.inserted).length;
    const summary = { inserted, updated: result.rows.length - inserted };
    await audit(trx, {
      actorId: input.actorId,
      action: "kpi.readings",
      subject: input.departmentId,
      details: { ...summary, source: input.source },
    });
    return summary;
  }
}

/**
 * Stores survey answers. The same answer sent twice (same kind, moment,
 * score, channel and comment) is kept once, so a re-imported file adds nothing.
 */
export async function insertResponses(
  db: Database,
  input: ResponsesWrite,
): Promise<{ inserted: number; duplicates: number }> {
  return db.transaction().execute((trx) => writeResponses(trx, input));
}

interface ResponsesWrite {
  actorId: string | null;
  departmentId: string;
  responses: ResponseRow[];
  source: DataSource;
}

async function writeResponses(trx: Database, input: ResponsesWrite): Promise<{ inserted: number; duplicates: number }> {
  if (input.responses.length === 0) return { inserted: 0, duplicates: 0 };
  {
    const rows = input.responses;
    const result = await sql<{ id: number }>`
      insert into survey_responses (department_id, kind, score, responded_at, channel, comment, source)
      select ${input.departmentId}::uuid, r.kind, r.score, r.responded_at, r.channel, r.comment, ${input.source}
      from unnest(
        ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => String(r.score))}::smallint[],
        ${rows.map((r) => r.respondedAt.toISOString())}::timestamptz[], ${rows.map((r) => r.channel)}::text[],
        ${rows.map((r) => r.comment)}::text[]
      ) as r(kind, score, responded_at, channel, comment)
      on conflict do nothing
      returning id`.execute(trx);
    const summary = { inserted: result.rows.length, duplicates: rows.length - result.rows.length };
    await audit(trx, {
      actorId: input.actorId,
      action: "kpi.responses",
      subject: input.departmentId,
      details: { ...summary, source: input.source },
    });
    return summary;
  }
}

// API tokens: "sl_" and 32 random bytes; only the SHA-256 is stored.

export async function createApiToken(
  db: Database,
  input: { actorId: string | null; departmentId: string; name: string },
): Promise<{ id: string; token: string }> {
  const token = `sl_${crypto.randomBytes(32).toString("base64url")}`;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("api_tokens")
      .values({
        department_id: input.departmentId,
        name: input.name,
        token_hash: sha256Hex(token),
        prefix: token.slice(0, 8),
        created_by: input.actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: input.actorId,
      action: "api-token.create",
      subject: row.id,
      details: { department: input.departmentId, name: input.name },
    });
    return { id: row.id, token };
  });
}

export async function revokeApiToken(
  db: Database,
  input: { actorId: string | null; departmentId: string; tokenId: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable("api_tokens")
      .set({ revoked_at: new Date() })
      .where("id", "=", input.tokenId)
      .where("department_id", "=", input.departmentId)
      .where("revoked_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!revoked) throw CommandError.field("form", "kpis.tokens.notFound");
    await audit(trx, { actorId: input.actorId, action: "api-token.revoke", subject: input.tokenId });
  });
}

/** The department a bearer token reaches, or null. Notes its last use (at most once a minute). */
export async function authenticateApiToken(
  db: Database,
  token: string,
): Promise<{ tokenId: string; departmentId: string } | null> {
  if (!/^sl_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "department_id", "last_used_at"])
    .where("token_hash", "=", sha256Hex(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable("api_tokens").set({ last_used_at: new Date() }).where("id", "=", row.id).execute();
  }
  return { tokenId: row.id, departmentId: row.department_id };
}

// CSV uploads between preview and import.

export async function saveUpload(
  db: Database,
  input: {
    departmentId: string;
    userId: string;
    target: "readings" | "responses";
    fileName: string;
    analysis: { rowCount: number; errorCount: number; errors: RowError[]; rows: unknown[] };
  },
): Promise<string> {
  const row = await db
    .insertInto("kpi_uploads")
    .values({
      department_id: input.departmentId,
      user_id: input.userId,
      target: input.target,
      // Only shown back to people: control characters (a NUL cannot even be stored) are dropped.
      file_name: input.fileName.replace(/\p{Cc}/gu, "").slice(0, 255),
      row_count: input.analysis.rowCount,
      error_count: input.analysis.errorCount,
      errors: JSON.stringify(input.analysis.errors),
      rows: JSON.stringify(input.analysis.rows),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Survey answers from the future (beyond a little clock skew) are refused. */
export function checkResponses(rows: (ResponseRow & { row: number })[], now = new Date()): RowError[] {
  const latest = now.getTime() + 5 * 60_000;
  return rows
    .filter((r) => r.respondedAt.getTime() > latest)
    .map((r) => ({ row: r.row, field: "respondedAt", message: "kpis.errors.futureResponse" }));
}

/** Imports a previewed CSV file and forgets it, in one transaction. */
export async function importUpload(
  db: Database,
  input: { actorId: string; departmentId: string; uploadId: string } & (
    | { readings: CheckedReading[] }
    | { responses: ResponseRow[] }
  ),
): Promise<{ inserted: number; updated: number; duplicates: number }> {
  return db.transaction().execute(async (trx) => {
    const common = { actorId: input.actorId, departmentId: input.departmentId, source: "csv" as const };
    const result =
      "readings" in input
        ? { ...(await writeReadings(trx, { ...common, readings: input.readings })), duplicates: 0 }
        : { ...(await writeResponses(trx, { ...common, responses: input.responses })), updated: 0 };
    await trx.deleteFrom("kpi_uploads").where("id", "=", input.uploadId).execute();
    return result;
  });
}
