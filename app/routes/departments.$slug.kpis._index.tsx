import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { KPI_PERIODS } from "#app/modules/kpis/constants.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import { recentPanels, viewOptions } from "#app/modules/kpis/dashboard.server.ts";
import { KpiCard } from "#app/modules/kpis/kpi-card.tsx";
import { listKpis, listVerbatims } from "#app/modules/kpis/queries.server.ts";
import { can } from "#app/modules/policy/policy.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { titled } from "#app/utils/meta.ts";
import { ViewFilters } from "#app/modules/kpis/view-filters.tsx";
import { Verbatims } from "#app/modules/kpis/verbatims.tsx";

export const meta = titled("kpis.dashboardTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug);
  const db = getDb();
  const view = viewOptions(new URL(request.url));
  const kpis = await listKpis(db, { departmentIds: [department.id] });
  const panels = await recentPanels(db, kpis, { asked: view.period, count: view.range, lastDate: today() });
  const surveyKinds = [...new Set(kpis.flatMap((k) => (k.kind === "number" ? [] : [k.kind])))];
  const verbatims = await listVerbatims(db, { departmentId: department.id, kinds: surveyKinds, limit: 10 });
  const canManage = can(user, "kpi:manage", department);
  // Archived KPIs are off the dashboard; their managers can still open (and restore) them.
  const archived = canManage
    ? (await listKpis(db, { departmentIds: [department.id], includeArchived: true }))
        .filter((k) => k.archived)
        .map((k) => ({ key: k.key, name: k.name }))
    : [];
  return {
    department: { slug: department.slug, name: department.name },
    view,
    panels,
    verbatims,
    archived,
    canManage,
    canTokens: can(user, "kpi:tokens", department),
  };
}

export default function DepartmentKpis() {
  const t = useT();
  const { department, view, panels, verbatims, archived, canManage, canTokens } = useLoaderData<typeof loader>();
  const base = `/departments/${department.slug}/kpis`;
  return (
    <section aria-labelledby="kpis-title">
      <p className="breadcrumb">
        <Link to="/kpis">{t("kpis.overviewTitle")}</Link> ·{" "}
        <Link to={`/departments/${department.slug}`}>{department.name}</Link>
      </p>
      <h1 id="kpis-title">{t("kpis.departmentTitle", { department: department.name })}</h1>
      {canManage || canTokens ? (
        <p className="actions">
          {canManage ? (
            <>
              <Link className="button button--primary" to={`${base}/new`}>
                {t("kpis.add")}
              </Link>
              <Link className="button" to={`${base}/import`}>
                {t("kpis.import.title")}
              </Link>
            </>
          ) : null}
          {canTokens ? (
            <Link className="button" to={`${base}/tokens`}>
              {t("kpis.tokens.title")}
            </Link>
          ) : null}
        </p>
      ) : null}
      <ViewFilters periods={KPI_PERIODS} period={view.period ?? ""} range={view.range} ownPeriod />
      {panels.length === 0 ? (
        <div className="notice">
          <p>{t("kpis.empty")}</p>
        </div>
      ) : (
        <div className="kpi-grid">
          {panels.map((p) => (
            <KpiCard key={p.kpi.id} kpi={p.kpi} summary={p.summary} period={p.period} href={`${base}/${p.kpi.key}`} />
          ))}
        </div>
      )}
      <Verbatims items={verbatims} />
      {archived.length ? (
        <section aria-labelledby="archived-title" className="panel">
          <h2 id="archived-title">{t("kpis.archivedTitle")}</h2>
          <ul className="people-list">
            {archived.map((k) => (
              <li key={k.key}>
                <Link to={`${base}/${k.key}`}>{k.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
