/**
 * `npm run bench`: every benchmark on a fresh PostgreSQL database, printing
 * ratios against a baseline measured in the same run. Never a test.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names
 * the server; each benchmark creates its own database there and drops it.
 * BENCH_ONLY=stories|kpis|pages runs one; BENCH_SECONDS (per measurement, default 3),
 * BENCH_ROUNDS (default 5), BENCH_CONNECTIONS (default 8); BENCH_KEEP_DATABASE=1
 * keeps the databases for a closer look (EXPLAIN).
 */
import { benchKpis } from "./kpis.ts";
import { benchPages } from "./pages.ts";
import { benchStories } from "./stories.ts";

const BENCHMARKS: Record<string, () => Promise<string[]>> = {
  stories: benchStories,
  kpis: benchKpis,
  pages: benchPages,
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
