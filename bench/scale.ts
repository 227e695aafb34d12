/**
 * A large company (the scale issue's B3 and B4): the demo company plus bench
 * departments up to 60 in all, 10,000 active people (one department each,
 * about 1 in 15 a manager), 100,000 published stories with tags, reactions
 * and comments, 10 daily number KPIs and NPS and CSAT per bench department,
 * 2,000,000 survey responses over three years, and the KPI readings in two
 * sizes, measured in turn: 1,000,000, then 10,000,000. Everything is seeded
 * in set-based SQL; the readings as real data arrives: in time order (oldest
 * day first, every daily KPI's reading of a day together), ending yesterday.
 * With about 590 daily KPIs that is decades of history at 10,000,000 (longer
 * than any real company's, but it is the table's size that matters here).
 *
 * With 10,000,000 readings, B1: the stories feed's requests per second ÷
 * /api/v1/me's, signed in as the demo employee, CONNECTIONS at once (goal ≥ 0.5).
 *
 * At each size, signed in as the demo admin, on one connection (a person's
 * wait), A B B A against /api/v1/me for BENCH_ROUNDS rounds:
 * - B4: a bench department's dashboard, default view and
 *   `?period=month&range=36` (36 months of daily readings per KPI): p97.5 at
 *   10M (goal ≤ 100 ms) and p97.5 at 10M ÷ at 1M (goal ≤ 1.3).
 * - B3: the dashboard's queries through the app's own code (listKpis +
 *   recentPanels on a Kysely pool, as the loader runs them) ÷ the same SQL run
 *   alone (goal ≤ 1.15): the SQL texts and parameters are captured where the
 *   app hands them to node-postgres (pg.Client#query, wrapped for one run),
 *   then replayed on a plain pg Pool with the app's order and concurrency
 *   (a statement waits only for those that had finished before it started).
 * After the 10M phase a weighted and a summed KPI's monthly value on the
 * dashboard are checked against the formula over the raw readings.
 *
 * BENCH_PEOPLE (10000), BENCH_SCALE_DEPARTMENTS (60, the demo's 6 included),
 * BENCH_SCALE_STORIES (100000), BENCH_SCALE_RESPONSES (2000000),
 * BENCH_READINGS_SMALL (1000000), BENCH_READINGS_LARGE (10000000),
 * BENCH_B3_ITERATIONS (200 per side, in blocks of 20); BENCH_SECONDS,
 * BENCH_ROUNDS and BENCH_KEEP_DATABASE as in bench/index.ts. Try it small
 * first, e.g. BENCH_READINGS_SMALL=100000 BENCH_READINGS_LARGE=300000
 * BENCH_PEOPLE=1000 BENCH_SCALE_STORIES=5000 BENCH_SCALE_RESPONSES=100000.
 */
import type { ChildProcess } from "node:child_process";
import { sql } from "kysely";
import pg from "pg";
import { connect, migrateToLatest, type Database } from "#db/connect.ts";
import { seedDemoCompany } from "#db/seed/demo.ts";
import type { KpiPeriod } from "#app/modules/kpis/constants.ts";
import { recentPanels } from "#app/modules/kpis/dashboard.server.ts";
import { addPeriods, periodRange } from "#app/modules/kpis/formulas.ts";
import { listKpis } from "#app/modules/kpis/queries.server.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { seedBenchDepartments, seedBenchKpis } from "./kpis.ts";
import { seedStories } from "./stories.ts";
import {
  compare,
  CONNECTIONS,
  log,
  machine,
  median,
  ROUNDS,
  SECONDS,
  signIn,
  startServer,
  stopServer,
  withDatabase,
} from "./support.ts";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export interface CompanySize {
  /** Active people in all (the demo's included). */
  people: number;
  /** Departments in all (the demo's six included). */
  departments: number;
  stories: number;
  responses: number;
  readings: number;
}

const SIZE: Omit<CompanySize, "readings"> = {
  people: env("BENCH_PEOPLE", 10_000),
  departments: env("BENCH_SCALE_DEPARTMENTS", 60),
  stories: env("BENCH_SCALE_STORIES", 100_000),
  responses: env("BENCH_SCALE_RESPONSES", 2_000_000),
};
const READINGS_SMALL = env("BENCH_READINGS_SMALL", 1_000_000);
const READINGS_LARGE = env("BENCH_READINGS_LARGE", 10_000_000);
const B3_ITERATIONS = env("BENCH_B3_ITERATIONS", 200);
const B3_BLOCK = 20;
const NUMBER_KPIS = 10;
/** The survey responses span three years, as in bench/kpis.ts. */
const SURVEY_DAYS = 3 * 365;
/** Days of readings per insert statement (about 590,000 rows at 590 KPIs). */
const CHUNK_DAYS = 1000;

const VIEWS = [
  { name: "default view", query: "", asked: null as KpiPeriod | null, count: 12 },
  { name: "36 months", query: "?period=month&range=36", asked: "month" as KpiPeriod | null, count: 36 },
];

const seconds = (since: number) => (performance.now() - since) / 1000;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const millions = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);

/** Runs a seeding step and prints its time. */
async function step<T>(times: string[], name: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const took = seconds(started);
  log(`  seeded ${name} in ${took.toFixed(1)} s`);
  times.push(`${name} ${took.toFixed(1)} s`);
  return result;
}

export interface ReadingsSeeded {
  readings: number;
  kpis: number;
  days: number;
  seconds: number;
  /** pg_total_relation_size, the heap and the indexes, bytes. */
  total: number;
  heap: number;
  indexes: number;
}

/**
 * Replaces every KPI reading with `count` readings of the daily number KPIs,
 * inserted in time order as real data arrives: the oldest day first, every
 * KPI's reading of a day together, ending yesterday (the oldest day may hold
 * only the first KPIs'). Then `vacuum analyze`, as autovacuum would in time.
 */
export async function seedReadings(db: Database, count: number): Promise<ReadingsSeeded> {
  const started = performance.now();
  await sql`truncate kpi_readings`.execute(db);
  const { kpis } = (
    await sql<{
      kpis: number;
    }>`select count(*)::int as kpis from kpis where kind = 'number' and period = 'day'`.execute(db)
  ).rows[0]!;
  const days = Math.ceil(count / kpis);
  const onOldestDay = count - (days - 1) * kpis;
  const yesterday = addPeriods(today(), "day", -1);
  // `o` days before yesterday, from the oldest; a sum KPI has no sample size.
  for (let first = days - 1; first >= 0; first -= CHUNK_DAYS) {
    const last = Math.max(0, first - CHUNK_DAYS + 1);
    await sql`
      insert into kpi_readings (kpi_id, period_start, value, sample_size, source)
      select k.id, ${yesterday}::date - o, (abs(hashtext(k.id::text || o)) % 1000) / 10.0,
             case when k.aggregation = 'weighted' then 50 + abs(hashtext(o || k.id::text)) % 200 end, 'seed'
      from generate_series(${first}::int, ${last}::int, -1) o,
           (select k.id, k.aggregation, row_number() over (order by d.slug, k.position, k.key) as n
            from kpis k join departments d on d.id = k.department_id
            where k.kind = 'number' and k.period = 'day') k
      where o < ${days - 1}::int or k.n <= ${onOldestDay}::int
      order by o desc, k.n`.execute(db);
  }
  await sql`vacuum analyze kpi_readings`.execute(db);
  const took = seconds(started);
  const size = (
    await sql<{ readings: number; total: number; heap: number; indexes: number }>`
      select (select count(*) from kpi_readings)::int8 as readings,
             pg_total_relation_size('kpi_readings')::int8 as total, pg_relation_size('kpi_readings')::int8 as heap,
             pg_indexes_size('kpi_readings')::int8 as indexes`.execute(db)
  ).rows[0]!;
  const seeded = { ...size, kpis, days, seconds: took };
  log(
    `  seeded ${seeded.readings} readings (${kpis} daily KPIs × ${days} days, in time order) in ${took.toFixed(1)} s; ` +
      `kpi_readings ${mib(size.total)} (heap ${mib(size.heap)}, indexes ${mib(size.indexes)})`,
  );
  return seeded;
}

/**
 * The large company on a fresh database (see the header): migrate, the demo
 * company, then people, stories, KPIs and survey responses in set-based SQL,
 * then `readings` KPI readings (seedReadings). Prints each step's time.
 */
export async function seedCompany(
  db: Database,
  options: { readings: number } & Partial<CompanySize>,
): Promise<{ size: CompanySize; benchDepartments: number; steps: string[]; readings: ReadingsSeeded }> {
  const size: CompanySize = { ...SIZE, ...options };
  const steps: string[] = [];
  log(`seeding a company of ${size.departments} departments and ${size.people} people`);
  await step(steps, "migrations and the demo company", async () => {
    await migrateToLatest(db);
    await seedDemoCompany(db);
  });
  const count = async (query: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(query)}`.execute(db)).rows[0]!.n;
  const benchDepartments = size.departments - (await count("departments"));
  await step(steps, `${benchDepartments} bench departments`, () => seedBenchDepartments(db, benchDepartments));
  const newPeople = size.people - (await count("users where status = 'active'"));
  await step(steps, `${newPeople} people`, async () => {
    // All with the demo's password hash, copied (hashing 10,000 times would take minutes).
    await sql`
      insert into users (email, name, role, status, locale, password_hash)
      select 'person-' || lpad(g::text, 5, '0') || '@bench.test', 'Bench Person ' || g, 'employee', 'active',
             (array['en','sv','da','nb'])[1 + g % 4], h.password_hash
      from generate_series(1, ${newPeople}::int) g,
           (select password_hash from users where email = 'admin@demo.test') h`.execute(db);
    await sql`
      insert into department_members (department_id, user_id, is_manager)
      select d.ids[1 + u.n % array_length(d.ids, 1)], u.id, u.n % 15 = 0
      from (select id, row_number() over (order by email) as n from users where email like '%@bench.test') u,
           (select array_agg(id order by slug) ids from departments) d`.execute(db);
  });
  await step(steps, `${size.stories} stories with tags, reactions and comments`, () => seedStories(db, size.stories));
  await step(steps, `${NUMBER_KPIS} daily KPIs + NPS and CSAT per bench department`, () =>
    seedBenchKpis(db, NUMBER_KPIS),
  );
  await step(steps, `${size.responses} survey responses (survey_daily by triggers)`, async () => {
    // As bench/kpis.ts, but the kind alternates per moment rather than per row: with an even
    // number of departments, g % 2 would give each department only NPS or only CSAT answers.
    const spacing = Math.max(1, Math.floor((SURVEY_DAYS * 86_400 * benchDepartments) / size.responses));
    await sql`
      insert into survey_responses (department_id, kind, score, responded_at, channel, source)
      select d.ids[1 + g % ${benchDepartments}::int],
             case when (g / ${benchDepartments}::int) % 2 = 0 then 'nps' else 'csat' end,
             case when (g / ${benchDepartments}::int) % 2 = 0 then abs(hashtext(g::text)) % 11
                  else 1 + abs(hashtext(g::text)) % 5 end,
             now() - make_interval(secs => (g / ${benchDepartments}::int) * ${spacing}::int),
             (array['phone','chat','email'])[1 + g % 3], 'seed'
      from generate_series(1, ${size.responses}::int) g,
           (select array_agg(id order by slug) ids from departments where slug like 'bench-%') d`.execute(db);
  });
  await step(steps, "analyze", () => sql`analyze`.execute(db));
  const readings = await seedReadings(db, size.readings);
  steps.push(`${readings.readings} readings ${readings.seconds.toFixed(1)} s`);
  return { size, benchDepartments, steps, readings };
}

// B3: the dashboard's queries through the app, and the same SQL alone.

interface Statement {
  text: string;
  values: unknown[];
  started: number;
  finished: number;
  rows: number;
}

type QueryFunction = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Runs `run` while recording every statement node-postgres is asked to send:
 * its text and parameters exactly as the app passes them, when it was sent and
 * answered, and how many rows came back.
 */
async function capture<T>(run: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
  const prototype = pg.Client.prototype as unknown as { query: QueryFunction };
  const original = prototype.query;
  const statements: Statement[] = [];
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [text, values] = args;
    if (typeof text !== "string" || args.length > 2) throw new Error("capture: an unexpected pg query call");
    const statement: Statement = {
      text,
      values: (values as unknown[] | undefined) ?? [],
      started: performance.now(),
      finished: Infinity,
      rows: 0,
    };
    statements.push(statement);
    return (original.apply(this, args) as Promise<pg.QueryResult>).then((result) => {
      statement.finished = performance.now();
      statement.rows = result.rows.length;
      return result;
    });
  };
  try {
    return { result: await run(), statements };
  } finally {
    prototype.query = original;
  }
}

/**
 * The captured statements on a plain pool, in the app's order and concurrency:
 * each waits for the statements that had finished before it was sent (the
 * loader's awaits) and runs beside the others (its Promise.all). Row counts.
 */
function replay(pool: pg.Pool, statements: Statement[]): () => Promise<number[]> {
  const after = statements.map((s) => statements.flatMap((d, i) => (d.finished <= s.started ? [i] : [])));
  return () => {
    const done: Promise<number>[] = [];
    statements.forEach((s, j) => {
      done[j] = Promise.all(after[j]!.map((i) => done[i]!)).then(async () => {
        const result = await pool.query(s.text, s.values);
        return result.rows.length;
      });
    });
    return Promise.all(done);
  };
}

/** Milliseconds per run of `run`, over `n` runs. */
async function timed(run: () => Promise<unknown>, n: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < n; i++) await run();
  return (performance.now() - started) / n;
}

interface B3Result {
  app: number;
  alone: number;
  ratio: number;
  min: number;
  max: number;
  statements: number;
}

async function b3(db: Database, pool: pg.Pool, departmentId: string, view: (typeof VIEWS)[number]): Promise<B3Result> {
  const lastDate = today();
  const app = async () => {
    const kpis = await listKpis(db, { departmentIds: [departmentId] });
    return recentPanels(db, kpis, { asked: view.asked, count: view.count, lastDate });
  };
  await app(); // the pool's connections open outside the capture
  const { result: panels, statements } = await capture(app);
  const alone = replay(pool, statements);
  const rows = await alone();
  const appRows = statements.map((s) => s.rows);
  if (rows.join() !== appRows.join() || appRows[0] !== panels.length) {
    throw new Error(`B3: the app's statements returned ${appRows.join("/")} rows, alone ${rows.join("/")}`);
  }
  // Warm-up, then A B B A in blocks.
  await timed(app, B3_BLOCK);
  await timed(alone, B3_BLOCK);
  const a: number[] = [];
  const b: number[] = [];
  while (a.length * B3_BLOCK < B3_ITERATIONS) {
    a.push(await timed(app, B3_BLOCK));
    b.push(await timed(alone, B3_BLOCK));
    b.push(await timed(alone, B3_BLOCK));
    a.push(await timed(app, B3_BLOCK));
  }
  const ratios = a.map((t, i) => t / b[i]!);
  return {
    app: median(a),
    alone: median(b),
    ratio: median(ratios),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
    statements: statements.length,
  };
}

/** A weighted and a summed KPI's month on the dashboard against the formula over the raw readings. */
async function checkExact(db: Database, pool: pg.Pool, departmentId: string): Promise<string> {
  const lastDate = today();
  const kpis = await listKpis(db, { departmentIds: [departmentId] });
  const panels = await recentPanels(db, kpis, { asked: "month", count: 36, lastDate });
  const month = periodRange(lastDate, "month", 36).at(-2)!;
  const checked: string[] = [];
  for (const aggregation of ["weighted", "sum"] as const) {
    const panel = panels.find((p) => p.kpi.kind === "number" && p.kpi.aggregation === aggregation)!;
    const point = panel.summary.points.find((p) => p.periodStart === month)!;
    const direct = await pool.query<{ value: number; sample_size: string | null; readings: string }>(
      `select (case when $4 = 'sum' then sum(value) else sum(value * sample_size) / sum(sample_size) end)::float8 as value,
              sum(sample_size) as sample_size, count(*) as readings
       from kpi_readings where kpi_id = $1 and period_start >= $2::date and period_start < $3::date`,
      [panel.kpi.id, month, addPeriods(month, "month", 1), aggregation],
    );
    const row = direct.rows[0]!;
    const sampleSize = row.sample_size === null ? null : Number(row.sample_size);
    if (point.value !== row.value || point.sampleSize !== sampleSize || Number(row.readings) < 28) {
      throw new Error(
        `not exact: ${panel.kpi.key} (${aggregation}) ${month}: dashboard ${point.value} (n ${point.sampleSize}), ` +
          `formula ${row.value} (n ${sampleSize}) over ${row.readings} readings`,
      );
    }
    checked.push(`${panel.kpi.key} (${aggregation}) ${month} = ${row.value} over ${row.readings} readings`);
  }
  return `exact: ${checked.join("; ")}`;
}

interface Phase {
  readings: ReadingsSeeded;
  b4: { p975: number; mean: number; rps: number; ratio: number }[];
  b3: B3Result[];
}

export async function benchScale(): Promise<string[]> {
  const lines: string[] = [];
  await withDatabase("sl_bench_scale", async (databaseUrl) => {
    const db = connect({ databaseUrl, max: 2 });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    let server: ChildProcess | undefined;
    try {
      const company = await seedCompany(db, { readings: READINGS_SMALL });
      const slug = `bench-${String(Math.ceil(company.benchDepartments / 2)).padStart(2, "0")}`;
      const department = await db
        .selectFrom("departments")
        .select("id")
        .where("slug", "=", slug)
        .executeTakeFirstOrThrow();
      const started = await startServer(databaseUrl);
      server = started.child;
      const cookie = await signIn(started.url, "admin@demo.test");
      const baseline = { path: "/api/v1/me" };
      const details: string[] = [`  seeding: ${company.steps.join(", ")}`];

      const measurePhase = async (readings: ReadingsSeeded): Promise<Phase> => {
        const label = millions(readings.readings);
        details.push(
          `  ${label} readings (${readings.kpis} daily KPIs × ${readings.days} days, in time order): seeded in ` +
            `${readings.seconds.toFixed(1)} s; kpi_readings ${mib(readings.total)} (heap ${mib(readings.heap)}, ` +
            `indexes ${mib(readings.indexes)})`,
        );
        log(details.at(-1)!);
        const phase: Phase = { readings, b4: [], b3: [] };
        for (const view of VIEWS) {
          const result = await compare(
            started.url,
            cookie,
            baseline,
            { name: `${label}: ${slug} dashboard, ${view.name}`, path: `/departments/${slug}/kpis${view.query}` },
            1,
          );
          phase.b4.push(result);
          details.push(
            `  B4 ${label} ${view.name}: p97.5 ${result.p975.toFixed(0)} ms, mean ${result.mean.toFixed(1)} ms, ` +
              `${result.rps.toFixed(0)} req/s, ${result.ratio.toFixed(2)} of /api/v1/me's req/s`,
          );
          log(details.at(-1)!);
        }
        for (const view of VIEWS) {
          const result = await b3(db, pool, department.id, view);
          phase.b3.push(result);
          details.push(
            `  B3 ${label} ${view.name}: listKpis + recentPanels ${result.app.toFixed(2)} ms vs its ${result.statements} ` +
              `statements alone ${result.alone.toFixed(2)} ms: ratio median ${result.ratio.toFixed(2)} ` +
              `(min ${result.min.toFixed(2)}, max ${result.max.toFixed(2)})`,
          );
          log(details.at(-1)!);
        }
        return phase;
      };

      const small = await measurePhase(company.readings);
      log(`replacing the readings with ${READINGS_LARGE}`);
      const large = await measurePhase(await seedReadings(db, READINGS_LARGE));
      // B1: the feed at the full company, as a person reads it, against the bare route (8 connections).
      const employee = await signIn(started.url, "employee@demo.test");
      const b1 = await compare(started.url, employee, baseline, { name: "B1 stories feed", path: "/stories" });
      details.push(`  ${b1.line}`);
      const exact = await checkExact(db, pool, department.id);
      details.push(`  ${exact}`);
      log(exact);

      const [s, l] = [millions(READINGS_SMALL), millions(READINGS_LARGE)];
      const b4 = VIEWS.map((view, i) => {
        const growth = large.b4[i]!.p975 / small.b4[i]!.p975;
        return {
          text: `${view.name} p97.5 ${large.b4[i]!.p975.toFixed(0)} ms at ${l}, ${l}÷${s} ${growth.toFixed(2)}`,
          met: large.b4[i]!.p975 <= 100 && growth <= 1.3,
        };
      });
      const b3Parts = VIEWS.map(
        (view, i) => `${view.name} ${small.b3[i]!.ratio.toFixed(2)} at ${s}, ${large.b3[i]!.ratio.toFixed(2)} at ${l}`,
      );
      const b3Met = [...small.b3, ...large.b3].every((r) => r.ratio <= 1.15);
      lines.push(
        `scale: ${company.size.departments} departments, ${company.size.people} people, ${company.size.stories} stories, ` +
          `${company.size.responses} survey responses, ${small.readings.kpis} daily KPIs; readings ${s} ` +
          `(${small.readings.days} days), then ${l} (${large.readings.days} days: longer than real history, the ` +
          `table's size is what matters); dashboard of ${slug} as the admin, one connection, ${ROUNDS} A-B-B-A rounds ` +
          `of ${SECONDS} s against /api/v1/me; B3 ${B3_ITERATIONS} runs a side; ${machine()}`,
        ...details,
        `  B1 (the feed's req/s ÷ /api/v1/me's, ${CONNECTIONS} connections; goal ≥ 0.5): ${b1.ratio.toFixed(2)} ` +
          `(${b1.rps.toFixed(0)} req/s, p97.5 ${b1.p975.toFixed(0)} ms): ${b1.ratio >= 0.5 ? "met" : "NOT met"}`,
        `  B4 (dashboard p97.5 on one connection; goals ≤ 100 ms at ${l}, ${l}÷${s} ≤ 1.3): ` +
          `${b4.map((p) => p.text).join("; ")}: ${b4.every((p) => p.met) ? "met" : "NOT met"}`,
        `  B3 (the dashboard's queries through the app ÷ the same SQL alone; goal ≤ 1.15): ` +
          `${b3Parts.join("; ")}: ${b3Met ? "met" : "NOT met"}`,
      );
      for (const line of lines.slice(-3)) log(line.trim());
    } finally {
      await stopServer(server);
      await pool.end();
      await db.destroy();
    }
  });
  return lines;
}
