import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { listCycles } from "#app/modules/performance/queries.server.ts";
import { can, managesDepartment, seesAllDepartments } from "#app/modules/policy/policy.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("performance.cyclesTitle");

/**
 * The performance-review cycles a person has to do with: leaders and admins
 * see them all; everyone else the cycles of their departments, with a link to
 * their own preparation, and managers the progress of the departments they manage.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const all = seesAllDepartments(user);
  const cycles = await listCycles(getDb(), { id: user.id, seesAll: all });
  const mine = new Set(user.departments.map((d) => d.id));
  return {
    me: user.id,
    canOpen: can(user, "cycle:open", undefined),
    cycles: cycles.map((c) => ({
      ...c,
      participant: c.departments.some((d) => mine.has(d.id)),
      seesProgress: all || c.departments.some((d) => managesDepartment(user, d.id)),
    })),
  };
}

export default function ReviewCycles() {
  const t = useT();
  const format = useFormat();
  const { cycles, canOpen, me } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="cycles-title">
      <h1 id="cycles-title">{t("performance.cyclesTitle")}</h1>
      <p className="lead">{t("performance.cyclesLead")}</p>
      {canOpen ? (
        <p className="actions">
          <Link className="button button--primary" to="/review-cycles/new">
            {t("performance.openCycle")}
          </Link>
          <Link className="button" to="/review-cycles/prompts">
            {t("performance.editTemplates")}
          </Link>
        </p>
      ) : null}
      {cycles.length === 0 ? (
        <p className="notice">{canOpen ? t("performance.noCycles") : t("performance.noCyclesForYou")}</p>
      ) : (
        <ul className="cycle-list">
          {cycles.map((c) => (
            <li key={c.id} className="panel">
              <h2>
                <Link to={`/review-cycles/${c.id}`}>{c.name}</Link>
              </h2>
              <p className="muted">
                {t("performance.periodText", { start: format.date(c.periodStart), end: format.date(c.periodEnd) })}
                {" · "}
                {c.departments.map((d) => d.name).join(", ")}
              </p>
              <p className="actions">
                {c.participant ? (
                  <Link className="button" to={`/review-cycles/${c.id}/people/${me}`}>
                    {t("performance.yourPreparation")}
                  </Link>
                ) : null}
                {c.seesProgress ? (
                  <Link className="button" to={`/review-cycles/${c.id}`}>
                    {t("performance.progress")}
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
