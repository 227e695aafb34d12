/**
 * `npm run bench`: the stories feed, filtered feed, story page and search at
 * scale, as throughput ratios to a bare signed-in route of the same server,
 * measured in the same run (A B B A rounds). Never a test: it prints figures.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names
 * a PostgreSQL server; a fresh database is created there and dropped at the end.
 * BENCH_STORIES (default 100000), BENCH_SECONDS (per measurement, default 3),
 * BENCH_ROUNDS (default 5), BENCH_CONNECTIONS (default 8), BENCH_KEEP_DATABASE=1 keeps the
 * database for a closer look (EXPLAIN) instead of dropping it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { sql } from "kysely";
import postgres from "postgres";
import { connect, migrateToLatest } from "#db/connect.ts";
import { seedDemoCompany } from "#db/seed/demo.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);

const WORDS = `customer called about claim storm water damage roof car broke down abroad card payment failed
  chat evening pensioner web shop login password credit application flat loan invoice unclear callback promised
  same day apology listened explained plain words next step colleague claims department answered quickly
  skadan kunden ringde taket stormen betalning kortet lånet lägenhet fakturan tydlig återkoppling samma dag
  kunden skaden taget stormen betalingen kortet lånet lejligheden fakturaen klar besked samme dag
  kunden skaden taket stormen betalingen kortet lånet leiligheten fakturaen tydelig svar samme dag`
  .split(/\s+/)
  .filter(Boolean);

function log(message: string) {
  console.log(`[bench] ${message}`);
}

async function seed(databaseUrl: string): Promise<void> {
  const db = connect({ databaseUrl, max: 2 });
  try {
    await migrateToLatest(db);
    await seedDemoCompany(db);
    const started = Date.now();
    const words = sql`(${sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(",")}]`)}::text[])`;
    // Set-based generation in SQL: 100,000 stories take seconds, not minutes.
    await sql`
      insert into stories (author_id, department_id, status, title, body, language, channel, happened_on, consent,
                           published_at, created_at, updated_at)
      select u.ids[1 + (g % array_length(u.ids, 1))],
             d.ids[1 + (g % array_length(d.ids, 1))],
             'published',
             'Story ' || g || ': ' || ${words}[1 + (g % ${WORDS.length})] || ' ' || ${words}[1 + ((g * 7) % ${WORDS.length})],
             (select string_agg(${words}[1 + ((g * 31 + i * 17) % ${WORDS.length})], ' ') from generate_series(1, 90) i),
             (array['en','sv','da','nb'])[1 + (g % 4)],
             (array['phone','chat','email','messaging','sms','social','in_person','self_service','other'])[1 + (g % 9)],
             current_date - (g % 700),
             (array['given','anonymised','given','given'])[1 + (g % 4)],
             now() - make_interval(mins => g),
             now() - make_interval(mins => g),
             now() - make_interval(mins => g)
      from generate_series(1, ${STORIES}) g,
           (select array_agg(id order by email) ids from users where status = 'active') u,
           (select array_agg(id order by slug) ids from departments) d`.execute(db);
    await sql`
      insert into story_behaviours (story_id, behaviour_id)
      select s.id, b.ids[1 + (abs(hashtext(s.id::text)) % array_length(b.ids, 1))]
      from stories s, (select array_agg(id order by id) ids from behaviours where retired_at is null) b
      on conflict do nothing`.execute(db);
    await sql`
      insert into story_reactions (story_id, user_id, kind)
      select s.id, u.ids[1 + (abs(hashtext(s.id::text || k)) % array_length(u.ids, 1))], k
      from stories s, (select array_agg(id) ids from users) u, unnest(array['heart','applause']) k
      on conflict do nothing`.execute(db);
    await sql`
      insert into story_comments (story_id, author_id, body)
      select s.id, u.ids[1 + (abs(hashtext(s.id::text)) % array_length(u.ids, 1))], 'Well done, this is how we want it.'
      from stories s, (select array_agg(id) ids from users) u
      where abs(hashtext(s.id::text)) % 3 = 0`.execute(db);
    await sql`analyze`.execute(db);
    log(
      `seeded ${STORIES} stories with tags, reactions and comments in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.destroy();
  }
}

async function startServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  log("building the app");
  const built = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "ignore" });
  if (built.status !== 0) throw new Error("build failed");
  // The server on core 0, this load generator on the other, where taskset exists.
  const taskset = spawnSync("taskset", ["--version"]).status === 0 && os.cpus().length > 1;
  const command = taskset ? "taskset" : process.execPath;
  const args = taskset
    ? ["-c", "0", process.execPath, "--import", "tsx", "server.ts"]
    : ["--import", "tsx", "server.ts"];
  if (taskset) spawnSync("taskset", ["-cp", "1", String(process.pid)], { stdio: "ignore" });
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(out);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
  log(`server at ${url}${taskset ? " (server on core 0, load on core 1)" : ""}`);
  return { url, child };
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams({ email: "employee@demo.test", password: "serviceloop" }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("sl_session=") && !c.includes("Max-Age=0"));
  if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(";")[0]!;
}

interface Measurement {
  rps: number;
  p95: number;
  errors: number;
}

async function measure(url: string, cookie: string): Promise<Measurement> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie, "accept-encoding": "gzip" },
  });
  return {
    rps: result.requests.average,
    p95: result.latency.p97_5 ?? result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main() {
  const name = `sl_bench_${Date.now().toString(36)}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  let server: ChildProcess | undefined;
  try {
    await seed(url.toString());
    const started = await startServer(url.toString());
    server = started.child;
    const cookie = await signIn(started.url);
    const story = await fetch(`${started.url}/stories`, { headers: { cookie } }).then((r) => r.text());
    const storyId = /href="\/stories\/([0-9a-f-]{36})"/.exec(story)![1]!;
    const baseline = { name: "bare signed-in route (/api/v1/me)", path: "/api/v1/me" };
    const targets = [
      { name: "feed, first page", path: "/stories" },
      { name: "feed, filtered (department + channel)", path: "/stories?department=claims&channel=phone" },
      { name: "story page", path: `/stories/${storyId}` },
      { name: "search", path: "/stories?q=storm%20damage" },
    ];
    // Warm-up: the first requests pay for caches and JIT.
    for (const t of [baseline, ...targets]) await measure(`${started.url}${t.path}`, cookie);
    const lines: string[] = [];
    for (const target of targets) {
      const base: Measurement[] = [];
      const route: Measurement[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        // A B B A: drift in the machine's speed hits both sides alike.
        base.push(await measure(`${started.url}${baseline.path}`, cookie));
        route.push(await measure(`${started.url}${target.path}`, cookie));
        route.push(await measure(`${started.url}${target.path}`, cookie));
        base.push(await measure(`${started.url}${baseline.path}`, cookie));
      }
      const ratios = route.map((r, i) => r.rps / base[i]!.rps);
      const errors = [...base, ...route].reduce((n, m) => n + m.errors, 0);
      lines.push(
        `${target.name}: ${median(route.map((r) => r.rps)).toFixed(0)} req/s vs baseline ${median(base.map((b) => b.rps)).toFixed(0)} req/s; ` +
          `ratio median ${median(ratios).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}); ` +
          `p97.5 ${median(route.map((r) => r.p95)).toFixed(0)} ms (baseline ${median(base.map((b) => b.p95)).toFixed(0)} ms)` +
          (errors ? `; ${errors} errors` : ""),
      );
      log(lines.at(-1)!);
    }
    console.log(
      `\nstories benchmark: ${STORIES} stories, ${ROUNDS} A-B-B-A rounds of ${SECONDS} s, ${CONNECTIONS} connections, ${os.cpus().length} cores`,
    );
    for (const line of lines) console.log(`  ${line}`);
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
    if (process.env.BENCH_KEEP_DATABASE) log(`kept the database ${name}`);
    else await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
