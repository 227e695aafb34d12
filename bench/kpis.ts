/**
 * KPI dashboards at scale: 50 departments, each with 10 daily KPIs over three
 * years (547,500 readings) and NPS and CSAT from 1,000,000 survey responses.
 * Measures the department dashboard and the company overview against the
 * bare route (A B B A), the dashboard's time on one connection against its
 * SQL run alone, and a CSV import of 100,000 readings through the app.
 * BENCH_DEPARTMENTS (default 50), BENCH_RESPONSES (default 1000000),
 * BENCH_IMPORT_ROWS (default 100000); see bench/index.ts for the rest.
 */
import type { ChildProcess } from "node:child_process";
import { sql } from "kysely";
import { connect, migrateToLatest, type Database } from "#db/connect.ts";
import { seedDemoCompany } from "#db/seed/demo.ts";
import { addPeriods, periodRange } from "#app/modules/kpis/formulas.ts";
import type { KpiPeriod } from "#app/modules/kpis/constants.ts";
import { kpiSeries, listKpis, type KpiDefinition } from "#app/modules/kpis/queries.server.ts";
import {
  compare,
  CONNECTIONS,
  log,
  machine,
  measure,
  median,
  type Measurement,
  ROUNDS,
  SECONDS,
  signIn,
  startServer,
  stopServer,
  withDatabase,
} from "./support.ts";

const DEPARTMENTS = Number(process.env.BENCH_DEPARTMENTS ?? 50);
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const DAYS = 3 * 365;
const NUMBER_KPIS = 10;
/** The departments measured (any of them would do; these exist at any BENCH_DEPARTMENTS). */
const DASHBOARD = `bench-${String(Math.ceil(DEPARTMENTS / 2)).padStart(2, "0")}`;
const IMPORT_INTO = "bench-01";

const today = () => new Date().toISOString().slice(0, 10);

/** `count` departments bench-01, bench-02, … (no people, no KPIs). */
export async function seedBenchDepartments(db: Database, count: number): Promise<void> {
  await sql`
    insert into departments (slug, name)
    select 'bench-' || lpad(g::text, 2, '0'), 'Bench department ' || g from generate_series(1, ${count}) g`.execute(db);
}

/**
 * For every bench department: `numberKpis` daily number KPIs metric-1 … (even ones rates
 * weighted by sample size, odd ones sums), plus NPS and CSAT (monthly). No readings.
 */
export async function seedBenchKpis(db: Database, numberKpis: number): Promise<void> {
  await sql`
    insert into kpis (department_id, key, name, kind, unit, direction, aggregation, target, warning, period, position)
    select d.id, 'metric-' || k, 'Metric ' || k, 'number',
           case when k % 2 = 0 then 'percent' else 'count' end, 'higher',
           case when k % 2 = 0 then 'weighted' else 'sum' end, 50, 40, 'day', k
    from departments d, generate_series(1, ${numberKpis}) k where d.slug like 'bench-%'`.execute(db);
  await sql`
    insert into kpis (department_id, key, name, kind, unit, direction, aggregation, target, warning, period, position)
    select d.id, s.kind, upper(s.kind), s.kind, s.unit, 'higher', 'weighted', s.target, s.warning, 'month', s.position
    from departments d, (values ('nps', 'score', 30, 10, 0), ('csat', 'percent', 85, 75, -1))
      as s(kind, unit, target, warning, position)
    where d.slug like 'bench-%'`.execute(db);
}

async function seed(db: Database): Promise<void> {
  const started = Date.now();
  await migrateToLatest(db);
  await seedDemoCompany(db);
  await seedBenchDepartments(db, DEPARTMENTS);
  // Ten daily number KPIs per department (alternately rates and sums), plus NPS and CSAT.
  await seedBenchKpis(db, NUMBER_KPIS);
  await sql`
    insert into kpi_readings (kpi_id, period_start, value, sample_size, source)
    select k.id, current_date - g, (abs(hashtext(k.id::text || g)) % 1000) / 10.0,
           case when k.aggregation = 'weighted' then 50 + abs(hashtext(g || k.id::text)) % 200 end, 'seed'
    from kpis k join departments d on d.id = k.department_id, generate_series(1, ${DAYS}) g
    where d.slug like 'bench-%' and k.kind = 'number'`.execute(db);
  // Distinct moments per department, a few minutes apart, over the three years.
  await sql`
    insert into survey_responses (department_id, kind, score, responded_at, channel, source)
    select d.ids[1 + g % ${DEPARTMENTS}],
           case when g % 2 = 0 then 'nps' else 'csat' end,
           case when g % 2 = 0 then abs(hashtext(g::text)) % 11 else 1 + abs(hashtext(g::text)) % 5 end,
           now() - make_interval(secs => (g / ${DEPARTMENTS}) * ${Math.floor((DAYS * 86_400 * DEPARTMENTS) / RESPONSES)}),
           (array['phone','chat','email'])[1 + g % 3], 'seed'
    from generate_series(1, ${RESPONSES}) g,
         (select array_agg(id order by slug) ids from departments where slug like 'bench-%') d`.execute(db);
  await sql`analyze`.execute(db);
  const counts = await sql<{ readings: number; responses: number }>`
    select (select count(*) from kpi_readings)::int as readings, (select count(*) from survey_responses)::int as responses`.execute(
    db,
  );
  log(
    `seeded ${counts.rows[0]!.readings} readings and ${counts.rows[0]!.responses} responses in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The dashboard's two aggregation queries through the app's own code, timed alone, median of `n`. */
async function sqlAlone(db: Database, slug: string, n: number): Promise<number> {
  const department = await db.selectFrom("departments").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
  const kpis = await listKpis(db, { departmentIds: [department.id] });
  const byPeriod = new Map<KpiPeriod, KpiDefinition[]>();
  for (const k of kpis) byPeriod.set(k.period, [...(byPeriod.get(k.period) ?? []), k]);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    for (const [period, group] of byPeriod) {
      await kpiSeries(db, group, { period, starts: periodRange(today(), period, 12) });
    }
    times.push(performance.now() - started);
  }
  return median(times);
}

/** One file of `rows` readings for the department's daily KPIs, in the years before the seeded ones (all new). */
function importFile(rows: number): string {
  const perKpi = Math.ceil(rows / NUMBER_KPIS);
  const lines = ["kpi,period_start,value,sample_size"];
  for (let k = 1; k <= NUMBER_KPIS && lines.length <= rows; k++) {
    for (let d = 1; d <= perKpi && lines.length <= rows; d++) {
      lines.push(`metric-${k},${addPeriods(today(), "day", -DAYS - d)},${(d % 1000) / 10},${100 + (d % 50)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Upload, preview and import through the app, as a manager would; returns rows per second. */
async function timeImport(
  baseUrl: string,
  cookie: string,
  slug: string,
  csv: string,
): Promise<{ rps: number; flash: string }> {
  const headers = { cookie, Origin: baseUrl };
  const started = performance.now();
  const form = new FormData();
  form.set("intent", "upload");
  form.set("target", "readings");
  form.set("file", new Blob([csv], { type: "text/csv" }), "readings.csv");
  const uploaded = await fetch(`${baseUrl}/departments/${slug}/kpis/import`, {
    method: "POST",
    body: form,
    headers,
    redirect: "manual",
  });
  const previewUrl = uploaded.headers.get("location");
  if (uploaded.status !== 302 || !previewUrl) throw new Error(`upload failed: ${uploaded.status}`);
  const preview = await fetch(`${baseUrl}${previewUrl}`, { headers }).then((r) => r.text());
  const uploadId = /name="upload" value="([0-9a-f-]{36})"/.exec(preview)?.[1];
  if (!uploadId) throw new Error("the preview offers no import (errors in the file?)");
  const imported = await fetch(`${baseUrl}/departments/${slug}/kpis/import`, {
    method: "POST",
    body: new URLSearchParams({ intent: "import", upload: uploadId }),
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  if (imported.status !== 302) throw new Error(`import failed: ${imported.status}`);
  const seconds = (performance.now() - started) / 1000;
  // The flash cookie says what happened: Remix cookies are base64 JSON.
  const raw = /sl_flash=([^;]+)/.exec(imported.headers.get("set-cookie") ?? "")?.[1] ?? "";
  const params = raw
    ? (JSON.parse(Buffer.from(decodeURIComponent(raw), "base64").toString()) as { params?: object }).params
    : {};
  const flash = JSON.stringify(params ?? {});
  return { rps: (csv.split("\n").length - 2) / seconds, flash };
}

export async function benchKpis(): Promise<string[]> {
  const lines: string[] = [];
  await withDatabase("sl_bench_kpis", async (databaseUrl) => {
    const db = connect({ databaseUrl, max: 2 });
    let server: ChildProcess | undefined;
    try {
      await seed(db);
      const started = await startServer(databaseUrl);
      server = started.child;
      const cookie = await signIn(started.url, "admin@demo.test");
      const baseline = { path: "/api/v1/me" };
      lines.push(
        `kpis: ${DEPARTMENTS} departments × ${NUMBER_KPIS} daily KPIs over ${DAYS} days + NPS and CSAT from ${RESPONSES} responses; ` +
          `${ROUNDS} A-B-B-A rounds of ${SECONDS} s, ${CONNECTIONS} connections, ${machine()}`,
      );
      const dashboard = await compare(started.url, cookie, baseline, {
        name: "department dashboard (12 KPIs, 12 periods)",
        path: `/departments/${DASHBOARD}/kpis`,
      });
      lines.push(`  ${dashboard.line}`);
      const overview = await compare(started.url, cookie, baseline, {
        name: `company overview (${DEPARTMENTS + 6} departments)`,
        path: "/kpis",
      });
      lines.push(`  ${overview.line}`);

      // One connection: a person's wait when the server is not saturated (no queueing),
      // and the dashboard's server time against its aggregation SQL run alone.
      const ratios: number[] = [];
      const single = { dashboard: [] as Measurement[], overview: [] as Measurement[] };
      let alone = 0;
      for (let round = 0; round < ROUNDS; round++) {
        alone = await sqlAlone(db, DASHBOARD, 50);
        const request = await measure(`${started.url}/departments/${DASHBOARD}/kpis`, cookie, 1);
        single.dashboard.push(request);
        single.overview.push(await measure(`${started.url}/kpis`, cookie, 1));
        ratios.push(request.mean / alone);
      }
      for (const [name, runs] of Object.entries(single)) {
        lines.push(
          `  ${name} on one connection: ${median(runs.map((r) => r.rps)).toFixed(0)} req/s, ` +
            `mean ${median(runs.map((r) => r.mean)).toFixed(1)} ms, p95 ${median(runs.map((r) => r.p95)).toFixed(0)} ms, p97.5 ${median(runs.map((r) => r.p975)).toFixed(0)} ms`,
        );
        log(lines.at(-1)!);
      }
      lines.push(
        `  dashboard server time vs its aggregation SQL alone (${alone.toFixed(1)} ms): ` +
          `ratio median ${median(ratios).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)})`,
      );
      log(lines.at(-1)!);

      const csv = importFile(IMPORT_ROWS);
      const first = await timeImport(started.url, cookie, IMPORT_INTO, csv);
      const again = await timeImport(started.url, cookie, IMPORT_INTO, csv);
      lines.push(
        `  CSV import of ${IMPORT_ROWS} readings (upload, preview, import): ${first.rps.toFixed(0)} rows/s ${first.flash}; ` +
          `the same file again: ${again.rps.toFixed(0)} rows/s ${again.flash}`,
      );
      log(lines.at(-1)!);
    } finally {
      await stopServer(server);
      await db.destroy();
    }
  });
  return lines;
}
