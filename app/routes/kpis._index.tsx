import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "#db/client.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { listDepartments } from "#app/modules/departments/departments.server.ts";
import { recentPanels } from "#app/modules/kpis/dashboard.server.ts";
import { LatestValue, StatusBadge, TargetText } from "#app/modules/kpis/kpi-card.tsx";
import { useKpiFormat } from "#app/modules/kpis/kpi-format.ts";
import { listKpis } from "#app/modules/kpis/queries.server.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("kpis.overviewTitle");

/** How many KPIs of each department the overview shows (its first ones). */
const HEADLINE = 4;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const locale = await resolveLocale(request, user.locale);
  const [departments, kpis] = await Promise.all([listDepartments(db), listKpis(db)]);
  const headline = departments.flatMap((d) => kpis.filter((k) => k.departmentId === d.id).slice(0, HEADLINE));
  // Three periods: the newest with enough data and the one before it are nearly always among them.
  const panels = await recentPanels(db, headline, { asked: null, count: 3, lastDate: today() });
  return {
    departments: sortByName(departments, locale).map((d) => ({
      slug: d.slug,
      name: d.name,
      kpiCount: kpis.filter((k) => k.departmentId === d.id).length,
      // Only what a tile shows: 200 KPIs' full series would triple the page.
      panels: panels
        .filter((p) => p.kpi.departmentId === d.id)
        .map(({ kpi, period, summary }) => ({
          kpi: {
            id: kpi.id,
            key: kpi.key,
            name: kpi.name,
            kind: kpi.kind,
            unit: kpi.unit,
            direction: kpi.direction,
            target: kpi.target,
            warning: kpi.warning,
            minSample: kpi.minSample,
          },
          period,
          latest: summary.latest,
          change: summary.change,
        })),
    })),
  };
}

export default function KpiOverview() {
  const format = useKpiFormat();
  const { t } = format;
  const { departments } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t("kpis.overviewTitle")}</h1>
      <p className="lead">{t("kpis.overviewLead")}</p>
      <p>
        <Link to="/kpis/definitions">{t("kpis.definitions.all")}</Link>
      </p>
      {departments.map((d) => (
        <section key={d.slug} className="panel overview-department" aria-labelledby={`dept-${d.slug}`}>
          <h2 id={`dept-${d.slug}`}>
            <Link to={`/departments/${d.slug}/kpis`}>{d.name}</Link>
          </h2>
          {d.panels.length === 0 ? (
            <p className="muted">{t("kpis.noneYet")}</p>
          ) : (
            <ul className="overview-kpis">
              {d.panels.map(({ kpi, period, latest, change }) => (
                <li key={kpi.id} className={`overview-kpi kpi-card--${latest?.status ?? "no_data"}`}>
                  <h3 className="overview-kpi__name">
                    <Link to={`/departments/${d.slug}/kpis/${kpi.key}`}>{kpi.name}</Link>
                  </h3>
                  <LatestValue kpi={kpi} point={latest} format={format} />
                  {latest ? <StatusBadge status={latest.status} format={format} /> : null}
                  <p className="muted overview-kpi__meta">
                    {latest ? format.period(period, latest.periodStart) : null}
                    {change ? (
                      <>
                        {" · "}
                        <span
                          className={
                            change.improved
                              ? "change change--better"
                              : change.worsened
                                ? "change change--worse"
                                : "change"
                          }
                        >
                          {format.delta(kpi.unit, change.delta)}
                        </span>
                      </>
                    ) : null}
                  </p>
                  <p className="muted overview-kpi__meta">
                    <TargetText kpi={kpi} format={format} />
                  </p>
                </li>
              ))}
            </ul>
          )}
          {d.kpiCount > d.panels.length ? (
            <p>
              <Link to={`/departments/${d.slug}/kpis`}>{t("kpis.allOf", { count: d.kpiCount })}</Link>
            </p>
          ) : null}
        </section>
      ))}
    </section>
  );
}
