import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { METRICS } from "#app/modules/kpis/metrics.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("kpis.definitions.all");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "app:use", undefined);
  return { metrics: METRICS };
}

/** Every metric's definition, so nobody argues about what "CSAT" means. */
export default function Definitions() {
  const t = useT();
  const { metrics } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="definitions-title">
      <p className="breadcrumb">
        <Link to="/kpis">{t("kpis.overviewTitle")}</Link>
      </p>
      <h1 id="definitions-title">{t("kpis.definitions.all")}</h1>
      <p className="lead">{t("kpis.definitions.lead")}</p>
      <ul className="definition-list">
        {metrics.map((m) => (
          <li key={m}>
            <Link to={`/kpis/definitions/${m}`}>{t(`kpis.metrics.${m}.name`)}</Link>
            <span className="muted"> — {t(`kpis.metrics.${m}.summary`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
