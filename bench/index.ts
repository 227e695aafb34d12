/**
 * `npm run bench`: every benchmark on a fresh PostgreSQL database, printing
 * ratios against a baseline measured in the same run. Never a test.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names
 * the server; each benchmark creates its own database there and drops it.
 * BENCH_ONLY=stories|kpis|pages|scale runs one; BENCH_SECONDS (per measurement, default 3),
 * BENCH_ROUNDS (default 5), BENCH_CONNECTIONS (default 8); BENCH_KEEP_DATABASE=1
 * keeps the databases for a closer look (EXPLAIN).
 *
 * scale (bench/scale.ts, the longest: a 60-department company with 10,000 people, then
 * 1,000,000 and 10,000,000 KPI readings, several GB of disk for a while) measures the
 * dashboard's wait (B4) and its queries through the app against the same SQL alone (B3).
 * Its sizes: BENCH_PEOPLE (10000), BENCH_SCALE_DEPARTMENTS (60), BENCH_SCALE_STORIES (100000),
 * BENCH_SCALE_RESPONSES (2000000), BENCH_READINGS_SMALL (1000000), BENCH_READINGS_LARGE
 * (10000000), BENCH_B3_ITERATIONS (200).
 */
import { benchKpis } from "./kpis.ts";
import { benchPages } from "./pages.ts";
import { benchScale } from "./scale.ts";
import { benchStories } from "./stories.ts";

const BENCHMARKS: Record<string, () => Promise<string[]>> = {
  stories: benchStories,
  kpis: benchKpis,
  pages: benchPages,
  scale: benchScale,
};

async function main() {
  const only = process.env.BENCH_ONLY;
  const chosen = only ? { [only]: BENCHMARKS[only] } : BENCHMARKS;
  const summary: string[] = [];
  for (const [name, run] of Object.entries(chosen)) {
    if (!run) throw new Error(`Unknown benchmark "${name}": use ${Object.keys(BENCHMARKS).join(" or ")}.`);
    summary.push(...(await run()));
  }
  console.log(`\n${summary.join("\n")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
