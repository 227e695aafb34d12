/**
 * The stories feed, filtered feed, story page and search at scale, as
 * throughput ratios to a bare signed-in route of the same server, measured in
 * the same run (A B B A rounds). Never a test: it prints figures.
 * BENCH_STORIES (default 100000); see bench/index.ts for the rest.
 */
import { sql } from "kysely";
import { connect, migrateToLatest, type Database } from "#db/connect.ts";
import { seedDemoCompany } from "#db/seed/demo.ts";
import {
  compare,
  cpuPerRequest,
  CONNECTIONS,
  log,
  machine,
  ROUNDS,
  SECONDS,
  signIn,
  startServer,
  stopServer,
  withDatabase,
} from "./support.ts";
import type { ChildProcess } from "node:child_process";

const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);

const WORDS = `customer called about claim storm water damage roof car broke down abroad card payment failed
  chat evening pensioner web shop login password credit application flat loan invoice unclear callback promised
  same day apology listened explained plain words next step colleague claims department answered quickly
  skadan kunden ringde taket stormen betalning kortet lånet lägenhet fakturan tydlig återkoppling samma dag
  kunden skaden taget stormen betalingen kortet lånet lejligheden fakturaen klar besked samme dag
  kunden skaden taket stormen betalingen kortet lånet leiligheten fakturaen tydelig svar samme dag`
  .split(/\s+/)
  .filter(Boolean);

/**
 * `count` published stories by the active people in the departments there are, each with a
 * behaviour tag, two reactions and a comment on every third: set-based SQL, seconds not
 * minutes for 100,000. The demo company (behaviours, people) must be there already.
 */
export async function seedStories(db: Database, count: number): Promise<void> {
  const words = sql`(${sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(",")}]`)}::text[])`;
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
    from generate_series(1, ${count}) g,
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
}

async function seed(databaseUrl: string): Promise<void> {
  const db = connect({ databaseUrl, max: 2 });
  try {
    await migrateToLatest(db);
    await seedDemoCompany(db);
    const started = Date.now();
    // Set-based generation in SQL: 100,000 stories take seconds, not minutes.
    await seedStories(db, STORIES);
    await sql`analyze`.execute(db);
    log(
      `seeded ${STORIES} stories with tags, reactions and comments in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.destroy();
  }
}

export async function benchStories(): Promise<string[]> {
  const lines: string[] = [];
  await withDatabase("sl_bench_stories", async (databaseUrl) => {
    let server: ChildProcess | undefined;
    try {
      await seed(databaseUrl);
      const started = await startServer(databaseUrl);
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
      lines.push(
        `stories: ${STORIES} stories, ${ROUNDS} A-B-B-A rounds of ${SECONDS} s, ${CONNECTIONS} connections, ${machine()}`,
      );
      // The document floor: what any signed-in page costs (root loader, layout, scripts) against the bare route.
      const plain = await compare(started.url, cookie, baseline, {
        name: "plain signed-in page (/departments)",
        path: "/departments",
      });
      lines.push(`  ${plain.line}`);
      for (const target of targets) {
        const result = await compare(started.url, cookie, baseline, target);
        lines.push(`  ${result.line}; ÷ the plain page ${(result.ratio / plain.ratio).toFixed(2)}`);
      }
      const cpu: string[] = [];
      for (const target of [baseline, { name: "plain signed-in page", path: "/departments" }, ...targets]) {
        const ms = await cpuPerRequest(started.url, cookie, server, target.path);
        if (ms !== undefined) cpu.push(`${target.name} ${ms.toFixed(2)} ms`);
      }
      if (cpu.length) {
        lines.push(`  server CPU per request: ${cpu.join("; ")}`);
        log(lines.at(-1)!);
      }
      // One person at a time: the wait a reader has when the server is not saturated (no queueing).
      for (const target of [targets[0]!, targets[3]!]) {
        const alone = await compare(
          started.url,
          cookie,
          baseline,
          { ...target, name: `${target.name}, one connection` },
          1,
        );
        lines.push(
          `  ${target.name} on one connection: mean ${alone.mean.toFixed(1)} ms, p95 ${alone.p95.toFixed(0)} ms, p97.5 ${alone.p975.toFixed(0)} ms`,
        );
      }
    } finally {
      await stopServer(server);
    }
  });
  return lines;
}
