import type { Database } from "#db/connect.ts";
import { DEFAULT_RANGE, KPI_PERIODS, RANGES, type KpiPeriod } from "./constants.ts";
import { addPeriods, periodRange, periodStartOf } from "./formulas.ts";
import { kpiSeries, summarize, viewPeriodOf, type KpiDefinition, type KpiSummary } from "./queries.server.ts";

export interface KpiPanel {
  kpi: KpiDefinition;
  /** The period the KPI is shown in (see viewPeriodOf). */
  period: KpiPeriod;
  summary: KpiSummary;
}

/** Runs the series queries once per period length, however many KPIs there are. */
async function panels(
  db: Database,
  kpis: KpiDefinition[],
  periodOf: (kpi: KpiDefinition) => KpiPeriod,
  startsFor: (period: KpiPeriod) => string[],
): Promise<KpiPanel[]> {
  const groups = new Map<KpiPeriod, KpiDefinition[]>();
  for (const kpi of kpis) groups.set(periodOf(kpi), [...(groups.get(periodOf(kpi)) ?? []), kpi]);
  const series = new Map<string, { period: KpiPeriod; points: Awaited<ReturnType<typeof kpiSeries>> }>();
  await Promise.all(
    [...groups].map(async ([period, group]) => {
      const points = await kpiSeries(db, group, { period, starts: startsFor(period) });
      for (const kpi of group) series.set(kpi.id, { period, points });
    }),
  );
  return kpis.map((kpi) => {
    const { period, points } = series.get(kpi.id)!;
    return { kpi, period, summary: summarize(kpi, points.get(kpi.id) ?? []) };
  });
}

/** The last `count` periods up to `lastDate`, each KPI in the asked period where it allows it. */
export function recentPanels(
  db: Database,
  kpis: KpiDefinition[],
  options: { asked: KpiPeriod | null; count: number; lastDate: string },
): Promise<KpiPanel[]> {
  return panels(
    db,
    kpis,
    (kpi) => viewPeriodOf(kpi, options.asked),
    (period) => periodRange(options.lastDate, period, options.count),
  );
}

/** Every period of each KPI's own length that overlaps [from, to]. */
export function panelsBetween(
  db: Database,
  kpis: KpiDefinition[],
  options: { from: string; to: string },
): Promise<KpiPanel[]> {
  return panels(
    db,
    kpis,
    (kpi) => kpi.period,
    (period) => {
      const starts: string[] = [];
      for (let s = periodStartOf(options.from, period); s <= options.to; s = addPeriods(s, period, 1)) starts.push(s);
      return starts;
    },
  );
}

/** `?period=` and `?range=` as the reader chose them; anything else is the default. */
export function viewOptions(url: URL): { period: KpiPeriod | null; range: number } {
  const period = url.searchParams.get("period");
  const range = Number(url.searchParams.get("range"));
  return {
    period: (KPI_PERIODS as readonly string[]).includes(period ?? "") ? (period as KpiPeriod) : null,
    range: (RANGES as readonly number[]).includes(range) ? range : DEFAULT_RANGE,
  };
}
