import { Form } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { RANGES, type KpiPeriod } from "./constants.ts";

/**
 * The period and range of a KPI view, as a GET form (works without
 * JavaScript). `ownPeriod` offers "each KPI's own" first (the dashboard).
 */
export function ViewFilters({
  periods,
  period,
  range,
  ownPeriod = false,
}: {
  periods: readonly KpiPeriod[];
  period: string;
  range: number;
  ownPeriod?: boolean;
}) {
  const t = useT();
  return (
    <Form method="get" className="filters" aria-label={t("kpis.viewLabel")}>
      {periods.length > 1 ? (
        <div className="field">
          <label htmlFor="kpi-period">{t("kpis.periodLabel")}</label>
          <select id="kpi-period" name="period" defaultValue={period}>
            {ownPeriod ? <option value="">{t("kpis.ownPeriod")}</option> : null}
            {periods.map((p) => (
              <option key={p} value={p}>
                {t(`kpis.periods.${p}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="kpi-range">{t("kpis.rangeLabel")}</label>
        <select id="kpi-range" name="range" defaultValue={String(range)}>
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {t("kpis.lastPeriods", { count: r })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t("kpis.show")}
      </button>
    </Form>
  );
}
