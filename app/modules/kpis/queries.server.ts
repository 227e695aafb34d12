/**
 * Reading KPIs. Aggregation happens in SQL: readings roll up by
 * `date_trunc`; survey answers are counted with `count(*) filter (…)` per day
 * by triggers (survey_daily) and the days add up to any period; the formulas
 * (formulas.ts) turn the counts into scores.
 */
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import type { Channel } from "#db/schema.ts";
import type { KpiAggregation, KpiDirection, KpiKind, KpiPeriod, KpiStatus, KpiUnit, SurveyKind } from "./constants.ts";
import {
  addPeriods,
  change,
  kpiStatus,
  type StatusInput,
  surveyScore,
  viewablePeriods,
  type Change,
  type SurveyCounts,
} from "./formulas.ts";
import { KEY_PATTERN } from "./schemas.ts";

export interface KpiDefinition {
  id: string;
  departmentId: string;
  key: string;
  name: string;
  description: string;
  template: string | null;
  kind: KpiKind;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  target: number;
  warning: number | null;
  period: KpiPeriod;
  channel: Channel | null;
  slaSeconds: number | null;
  minSample: number;
  position: number;
  archived: boolean;
}

function kpiQuery(db: Database) {
  return db
    .selectFrom("kpis")
    .select([
      "id",
      "department_id",
      "key",
      "name",
      "description",
      "template",
      "kind",
      "unit",
      "direction",
      "aggregation",
      "target",
      "warning",
      "period",
      "channel",
      "sla_seconds",
      "min_sample",
      "position",
      "archived_at",
    ])
    .orderBy("position")
    .orderBy("created_at");
}

type KpiRow = Awaited<ReturnType<ReturnType<typeof kpiQuery>["execute"]>>[number];

function toDefinition(row: KpiRow): KpiDefinition {
  return {
    id: row.id,
    departmentId: row.department_id,
    key: row.key,
    name: row.name,
    description: row.description,
    template: row.template,
    kind: row.kind,
    unit: row.unit,
    direction: row.direction,
    aggregation: row.aggregation,
    target: Number(row.target),
    warning: row.warning === null ? null : Number(row.warning),
    period: row.period,
    channel: row.channel,
    slaSeconds: row.sla_seconds,
    minSample: row.min_sample,
    position: row.position,
    archived: row.archived_at !== null,
  };
}

/** The KPIs of some departments (all when `departmentIds` is undefined), in their order. */
export async function listKpis(
  db: Database,
  options: { departmentIds?: string[]; includeArchived?: boolean } = {},
): Promise<KpiDefinition[]> {
  let query = kpiQuery(db);
  if (options.departmentIds) {
    if (options.departmentIds.length === 0) return [];
    query = query.where("department_id", "in", options.departmentIds);
  }
  if (!options.includeArchived) query = query.where("archived_at", "is", null);
  return (await query.execute()).map(toDefinition);
}

export async function getKpi(db: Database, departmentId: string, key: string): Promise<KpiDefinition | undefined> {
  // Keys come from URLs: one that cannot be a key (say, with a NUL byte) is not looked up.
  if (!KEY_PATTERN.test(key)) return undefined;
  const row = await kpiQuery(db).where("department_id", "=", departmentId).where("key", "=", key).executeTakeFirst();
  return row ? toDefinition(row) : undefined;
}

/** One period of a KPI: the computed value (before the minimum-sample rule) and what it rests on. */
export interface RawPoint {
  periodStart: string;
  value: number | null;
  sampleSize: number | null;
  counts?: SurveyCounts;
}

/** A period as readers see it: the value hidden below the minimum sample, and the status. */
export interface Point {
  periodStart: string;
  value: number | null;
  sampleSize: number | null;
  status: KpiStatus;
  counts?: SurveyCounts;
}

export interface View {
  /** Period starts of the view, oldest first, all of the same length. */
  starts: string[];
  period: KpiPeriod;
}

/**
 * The series of several KPIs over the same periods: two queries whatever the
 * number of KPIs (one over readings, one over the daily survey counts that
 * triggers keep beside the raw answers; see migration 004).
 */
export async function kpiSeries(db: Database, kpis: KpiDefinition[], view: View): Promise<Map<string, RawPoint[]>> {
  const result = new Map<string, RawPoint[]>();
  if (kpis.length === 0 || view.starts.length === 0) return result;
  const from = view.starts[0]!;
  const until = addPeriods(view.starts[view.starts.length - 1]!, view.period, 1);
  const numberKpis = kpis.filter((k) => k.kind === "number");
  const surveyKpis = kpis.filter((k) => k.kind !== "number");

  const readings = new Map<string, { value: number | null; sampleSize: number | null }>();
  if (numberKpis.length) {
    const rows = await sql<{ kpi_id: string; period_start: string; value: number | null; sample_size: number | null }>`
      select r.kpi_id, date_trunc(${view.period}, r.period_start::timestamp)::date as period_start,
        (case
          when count(*) = 1 then max(r.value)
          when k.aggregation = 'sum' then sum(r.value)
          when count(*) = count(r.sample_size) and sum(r.sample_size) > 0
            then sum(r.value * r.sample_size) / sum(r.sample_size)
        end)::float8 as value,
        sum(r.sample_size)::int8 as sample_size
      from kpi_readings r join kpis k on k.id = r.kpi_id
      where r.kpi_id = any(${numberKpis.map((k) => k.id)}::uuid[])
        and r.period_start >= ${from}::date and r.period_start < ${until}::date
      group by r.kpi_id, k.aggregation, 2`.execute(db);
    for (const r of rows.rows) {
      readings.set(`${r.kpi_id}/${r.period_start}`, { value: r.value, sampleSize: r.sample_size });
    }
  }

  const counts = new Map<string, SurveyCounts>();
  if (surveyKpis.length) {
    const rows = await sql<{
      department_id: string;
      kind: SurveyKind;
      channel: string;
      period_start: string;
      responses: number;
      positive: number;
      negative: number;
      score_sum: number;
    }>`
      select department_id, kind, channel, date_trunc(${view.period}, day::timestamp)::date as period_start,
        sum(responses)::int8 as responses, sum(positive)::int8 as positive, sum(negative)::int8 as negative,
        sum(score_sum)::int8 as score_sum
      from survey_daily
      where department_id = any(${[...new Set(surveyKpis.map((k) => k.departmentId))]}::uuid[])
        and kind = any(${[...new Set(surveyKpis.map((k) => k.kind))]}::text[])
        and day >= ${from}::date and day < ${until}::date
      group by 1, 2, 3, 4`.execute(db);
    // Counts add up exactly, so "all channels" is the sum over channels.
    for (const r of rows.rows) {
      for (const channel of [r.channel, "*"]) {
        const key = `${r.department_id}/${r.kind}/${channel}/${r.period_start}`;
        const c = counts.get(key) ?? { responses: 0, positive: 0, negative: 0, scoreSum: 0 };
        c.responses += r.responses;
        c.positive += r.positive;
        c.negative += r.negative;
        c.scoreSum += r.score_sum;
        counts.set(key, c);
      }
    }
  }

  for (const kpi of kpis) {
    result.set(
      kpi.id,
      view.starts.map((periodStart) => {
        if (kpi.kind === "number") {
          const r = readings.get(`${kpi.id}/${periodStart}`);
          return { periodStart, value: r?.value ?? null, sampleSize: r?.sampleSize ?? null };
        }
        const c = counts.get(`${kpi.departmentId}/${kpi.kind}/${kpi.channel ?? "*"}/${periodStart}`);
        if (!c) return { periodStart, value: null, sampleSize: 0 };
        return { periodStart, value: surveyScore(kpi.kind, c), sampleSize: c.responses, counts: c };
      }),
    );
  }
  return result;
}

export interface KpiSummary {
  points: Point[];
  /** The newest period with a value to show (else the newest period). */
  latest: Point | null;
  previous: Point | null;
  change: Change | null;
}

/** Statuses for each period, and the latest value against the one before it. */
export function summarize(kpi: KpiDefinition, raw: RawPoint[]): KpiSummary {
  // One small input reused for every period: copying the whole definition per point showed in the dashboard's profile.
  const input: StatusInput = {
    kind: kpi.kind,
    value: null,
    sampleSize: null,
    minSample: kpi.minSample,
    target: kpi.target,
    warning: kpi.warning,
    direction: kpi.direction,
  };
  const points: Point[] = raw.map((p) => {
    input.value = p.value;
    input.sampleSize = p.sampleSize;
    const status = kpiStatus(input);
    const point: Point = {
      periodStart: p.periodStart,
      value: status === "not_enough" ? null : p.value,
      sampleSize: p.sampleSize,
      status,
    };
    if (p.counts) point.counts = p.counts;
    return point;
  });
  let index = points.length - 1;
  while (index >= 0 && points[index]!.value === null) index--;
  const latest = index >= 0 ? points[index]! : (points[points.length - 1] ?? null);
  const previous = index > 0 ? points[index - 1]! : null;
  return { points, latest, previous, change: change(latest?.value ?? null, previous?.value ?? null, kpi.direction) };
}

/** The period each KPI is shown in: the one asked for where the KPI allows it, else its own. */
export function viewPeriodOf(kpi: KpiDefinition, asked: KpiPeriod | null): KpiPeriod {
  return asked && viewablePeriods(kpi.kind, kpi.period).includes(asked) ? asked : kpi.period;
}

export interface Verbatim {
  id: number;
  kind: SurveyKind;
  score: number;
  channel: Channel | null;
  comment: string;
  respondedAt: Date;
}

/** Survey comments of a department, newest first. */
export async function listVerbatims(
  db: Database,
  input: { departmentId: string; kinds: SurveyKind[]; limit: number },
): Promise<Verbatim[]> {
  if (input.kinds.length === 0) return [];
  const rows = await db
    .selectFrom("survey_responses")
    .select(["id", "kind", "score", "channel", "comment", "responded_at"])
    .where("department_id", "=", input.departmentId)
    .where("kind", "in", input.kinds)
    .where("comment", "is not", null)
    .orderBy("responded_at", "desc")
    .limit(input.limit)
    .execute();
  return rows.map((r) => ({ ...r, comment: r.comment ?? "", respondedAt: r.responded_at }));
}

export interface ApiTokenListItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: string | null;
}

export async function listApiTokens(db: Database, departmentId: string): Promise<ApiTokenListItem[]> {
  const rows = await db
    .selectFrom("api_tokens as t")
    .leftJoin("users as u", "u.id", "t.created_by")
    .select(["t.id", "t.name", "t.prefix", "t.created_at", "t.last_used_at", "t.revoked_at", "u.name as creator"])
    .where("t.department_id", "=", departmentId)
    .orderBy("t.revoked_at", (ob) => ob.desc().nullsFirst())
    .orderBy("t.created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
    createdBy: r.creator,
  }));
}

export async function getUpload(db: Database, input: { id: string; userId: string; departmentId: string }) {
  return db
    .selectFrom("kpi_uploads")
    .selectAll()
    .where("id", "=", input.id)
    .where("user_id", "=", input.userId)
    .where("department_id", "=", input.departmentId)
    .executeTakeFirst();
}
