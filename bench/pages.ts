/**
 * How much JavaScript each page makes the browser download (gzipped), against
 * a plain signed-in page of the same build: every module the page's HTML
 * loads or preloads, each counted once. Read from the running production
 * server, so it is exactly what a browser gets.
 */
import type { ChildProcess } from "node:child_process";
import { gzipSync } from "node:zlib";
import { connect, migrateToLatest } from "#db/connect.ts";
import { seedDemoCompany } from "#db/seed/demo.ts";
import { log, signIn, startServer, stopServer, withDatabase } from "./support.ts";

// The directory of departments: a plain signed-in page (the profile now shows recognition in markdown).
const BASELINE = { name: "departments (a plain signed-in page)", path: "/departments" };
const PAGES = [
  { name: "home", path: "/" },
  { name: "profile", path: "/profile" },
  { name: "stories feed", path: "/stories" },
  { name: "write a story", path: "/stories/new" },
  { name: "KPI overview", path: "/kpis" },
  { name: "department KPI dashboard", path: "/departments/customer-service/kpis" },
  { name: "KPI import", path: "/departments/customer-service/kpis/import" },
  { name: "shadowing", path: "/shadowing" },
  { name: "department shadowing", path: "/departments/customer-service/shadowing" },
  { name: "service promise", path: "/promise" },
  { name: "department CX reviews", path: "/departments/customer-service/reviews" },
  { name: "recognition wall", path: "/recognition" },
  { name: "recognise someone", path: "/recognition/new" },
  { name: "performance conversations", path: "/review-cycles" },
];

/** The JavaScript a page loads: its module scripts and module preloads. */
function scriptsOf(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/import\(?\s*["'](\/assets\/[^"']+\.js)["']/g)) urls.add(m[1]!);
  return [...urls].filter((u) => u.endsWith(".js"));
}

async function gzippedJs(baseUrl: string, cookie: string, path: string, cache: Map<string, number>): Promise<number> {
  const html = await fetch(`${baseUrl}${path}`, { headers: { cookie } }).then((r) => r.text());
  let total = 0;
  for (const url of scriptsOf(html)) {
    let size = cache.get(url);
    if (size === undefined) {
      const response = await fetch(new URL(url, baseUrl));
      const body = Buffer.from(await response.arrayBuffer());
      size = gzipSync(body, { level: 9 }).length;
      cache.set(url, size);
    }
    total += size;
  }
  return total;
}

export async function benchPages(): Promise<string[]> {
  const lines: string[] = [];
  await withDatabase("sl_bench_pages", async (databaseUrl) => {
    const db = connect({ databaseUrl, max: 2 });
    let server: ChildProcess | undefined;
    try {
      await migrateToLatest(db);
      await seedDemoCompany(db);
      const started = await startServer(databaseUrl);
      server = started.child;
      const cookie = await signIn(started.url, "manager@demo.test");
      const cache = new Map<string, number>();
      const base = await gzippedJs(started.url, cookie, BASELINE.path, cache);
      const kib = (bytes: number) => (bytes / 1024).toFixed(1);
      lines.push(`pages: gzipped JavaScript per page; baseline ${BASELINE.name}: ${kib(base)} KiB`);
      // A finished review of the demo company: the longest page there is (agenda, charts, decisions).
      const reviews = await fetch(`${started.url}/departments/customer-service/reviews`, { headers: { cookie } });
      const review = /href="(\/departments\/customer-service\/reviews\/[0-9a-f-]{36})"/.exec(await reviews.text());
      const pages = review ? [...PAGES, { name: "a finished CX review", path: review[1]! }] : [...PAGES];
      // The demo's newest cycle, and the first preparation the manager may open in it.
      const cycles = await fetch(`${started.url}/review-cycles`, { headers: { cookie } });
      const cycle = /href="(\/review-cycles\/[0-9a-f-]{36})"/.exec(await cycles.text());
      const progress = cycle ? await fetch(`${started.url}${cycle[1]}`, { headers: { cookie } }) : undefined;
      const preparation =
        progress && /href="(\/review-cycles\/[0-9a-f-]{36}\/people\/[0-9a-f-]{36})"/.exec(await progress.text());
      if (preparation) pages.push({ name: "a review preparation", path: preparation[1]! });
      for (const page of pages) {
        const size = await gzippedJs(started.url, cookie, page.path, cache);
        lines.push(`  ${page.name} (${page.path}): ${kib(size)} KiB, ratio ${(size / base).toFixed(2)}`);
        log(lines.at(-1)!);
      }
    } finally {
      await stopServer(server);
      await db.destroy();
    }
  });
  return lines;
}
