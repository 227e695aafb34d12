import { Link } from "@remix-run/react";
import type { KpiPeriod } from "./constants.ts";
import { cesAgreeing } from "./formulas.ts";
import { KpiChart } from "./kpi-chart.tsx";
import { useKpiFormat, type KpiFormat } from "./kpi-format.ts";
import { definitionMetric } from "./metrics.ts";
import type { KpiDefinition, KpiSummary, Point } from "./queries.server.ts";

type CardKpi = Pick<
  KpiDefinition,
  | "id"
  | "key"
  | "name"
  | "kind"
  | "template"
  | "unit"
  | "direction"
  | "target"
  | "warning"
  | "minSample"
  | "channel"
  | "slaSeconds"
>;

/** "≥ 85 %" or "≤ 5 min": the target read with its direction. */
export function TargetText({
  kpi,
  format,
}: {
  kpi: Pick<CardKpi, "unit" | "direction" | "target" | "warning">;
  format: KpiFormat;
}) {
  const { t } = format;
  const sign = kpi.direction === "higher" ? "≥" : "≤";
  return (
    <>
      {t("kpis.target")} {sign} {format.value(kpi.unit, kpi.target)}
      {kpi.warning !== null ? (
        <span className="muted">
          {" · "}
          {t("kpis.warningAt")} {format.value(kpi.unit, kpi.warning)}
        </span>
      ) : null}
    </>
  );
}

export function StatusBadge({ status, format }: { status: Point["status"]; format: KpiFormat }) {
  return <span className={`status status--${status}`}>{format.t(`kpis.status.${status}`)}</span>;
}

/** The latest value with its sample size, or why there is none. */
export function LatestValue({
  kpi,
  point,
  format,
}: {
  kpi: Pick<CardKpi, "unit" | "minSample" | "kind">;
  point: Point | null;
  format: KpiFormat;
}) {
  const { t } = format;
  if (!point || point.status === "no_data")
    return <p className="kpi-card__value kpi-card__value--none">{t("kpis.noData")}</p>;
  if (point.status === "not_enough") {
    return (
      <p className="kpi-card__value kpi-card__value--none">
        {t("kpis.notEnough", { count: point.sampleSize ?? 0, minimum: kpi.minSample })}
      </p>
    );
  }
  return (
    <p className="kpi-card__value">
      <span className="kpi-card__number">{format.value(kpi.unit, point.value!)}</span>
      {point.sampleSize !== null ? (
        <span className="kpi-card__sample"> {t("kpis.sample", { count: point.sampleSize })}</span>
      ) : null}
      {kpi.kind === "ces" && point.counts ? (
        <span className="kpi-card__sample">
          {" · "}
          {t("kpis.cesAgreeing", {
            share: format.value("percent", cesAgreeing(point.counts.positive, point.counts.responses) ?? 0),
          })}
        </span>
      ) : null}
    </p>
  );
}

/**
 * One KPI on a dashboard: latest value, sample size, status against target,
 * change since the previous period, the trend chart with its target line,
 * and the link to how the number is computed.
 */
export function KpiCard({
  kpi,
  summary,
  period,
  href,
  headingLevel = 2,
}: {
  kpi: CardKpi;
  summary: KpiSummary;
  period: KpiPeriod;
  href: string;
  headingLevel?: 2 | 3;
}) {
  const format = useKpiFormat();
  const { t } = format;
  const Heading = `h${headingLevel}` as const;
  const { latest, previous, change } = summary;
  const showChart = summary.points.some((p) => p.value !== null);
  return (
    <article
      className={`card kpi-card kpi-card--${latest?.status ?? "no_data"}`}
      aria-labelledby={`kpi-${kpi.id}-name`}
    >
      <header className="kpi-card__header">
        <Heading id={`kpi-${kpi.id}-name`} className="kpi-card__name">
          <Link to={href}>{kpi.name}</Link>
        </Heading>
        {latest ? <StatusBadge status={latest.status} format={format} /> : null}
      </header>
      <LatestValue kpi={kpi} point={latest} format={format} />
      <p className="kpi-card__meta">
        {latest ? <span>{format.period(period, latest.periodStart)}</span> : null}
        {change && previous ? (
          <span
            className={change.improved ? "change change--better" : change.worsened ? "change change--worse" : "change"}
          >
            {t(change.improved ? "kpis.changeBetter" : change.worsened ? "kpis.changeWorse" : "kpis.changeSame", {
              delta: format.delta(kpi.unit, change.delta),
              period: format.period(period, previous.periodStart),
            })}
          </span>
        ) : null}
      </p>
      <p className="kpi-card__target">
        <TargetText kpi={kpi} format={format} />
        {kpi.channel ? (
          <span className="muted">
            {" · "}
            {t(`stories.channels.${kpi.channel}`)}
            {kpi.slaSeconds ? ` ${t("kpis.slaWithin", { time: format.value("seconds", kpi.slaSeconds) })}` : null}
          </span>
        ) : null}
      </p>
      {showChart ? (
        <KpiChart
          id={`chart-${kpi.id}`}
          title={t("kpis.chartTitle", {
            name: kpi.name,
            count: summary.points.length,
            period: t(`kpis.periods.${period}`),
          })}
          points={summary.points}
          target={kpi.target}
          warning={kpi.warning}
          direction={kpi.direction}
          formatValue={(v) => format.value(kpi.unit, v)}
          formatPeriod={(p) => format.period(period, p)}
          labels={{
            period: t("kpis.period"),
            value: t("kpis.value"),
            target: t("kpis.target"),
            status: t("kpis.statusLabel"),
            noValue: t("kpis.noValue"),
            statusNames: {
              on_target: t("kpis.status.on_target"),
              warning: t("kpis.status.warning"),
              off_target: t("kpis.status.off_target"),
            },
          }}
        />
      ) : null}
      <p className="kpi-card__links">
        <Link to={`/kpis/definitions/${definitionMetric(kpi)}`}>{t("kpis.howComputed")}</Link>
      </p>
    </article>
  );
}
