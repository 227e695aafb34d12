import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { seesAllDepartments } from "#app/modules/policy/policy.ts";
import {
  acknowledgementRates,
  getCurrentVersionId,
  loadPromise,
  notYetAcknowledged,
} from "#app/modules/promise/queries.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("promise.acknowledgements");

/**
 * Who has read the current version. Leaders and admins see every department
 * and the whole company; managers see their departments with the names of
 * those who have not acknowledged yet, so they can remind them.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "promise:acknowledgements", undefined);
  const db = getDb();
  const locale = await resolveLocale(request, user.locale);
  const currentId = await getCurrentVersionId(db);
  if (!currentId) return { number: null, overall: null, departments: [] };
  const all = seesAllDepartments(user);
  const managed = user.departments.filter((d) => d.isManager).map((d) => d.id);
  const rates = await acknowledgementRates(db, currentId, all ? undefined : managed);
  const departments = await Promise.all(
    sortByName(rates.departments, locale).map(async (d) => ({
      ...d,
      // Names only for the departments this person manages.
      missing: managed.includes(d.departmentId)
        ? sortByName(await notYetAcknowledged(db, currentId, d.departmentId), locale, (p) => p.name || p.email)
        : null,
    })),
  );
  const current = await loadPromise(db, currentId);
  return { number: current?.number ?? null, overall: all ? rates.overall : null, departments };
}

function Rate({ done, of }: { done: number; of: number }) {
  const t = useT();
  const format = useFormat();
  const share = of === 0 ? 0 : done / of;
  return (
    <span className="rate">
      <meter min={0} max={1} value={share} aria-hidden="true" />{" "}
      {t("promise.rate", { done: format.number(done), of: format.number(of), percent: format.percent(share) })}
    </span>
  );
}

export default function Acknowledgements() {
  const t = useT();
  const { number, overall, departments } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="acks-title">
      <p className="breadcrumb">
        <Link to="/promise">{t("areas.promise.title")}</Link>
      </p>
      <h1 id="acks-title">{t("promise.acknowledgements")}</h1>
      {number === null ? (
        <p>{t("promise.noneYet")}</p>
      ) : (
        <>
          <p className="lead">{t("promise.acknowledgementsLead", { number })}</p>
          {overall ? (
            <p className="panel">
              <strong>{t("promise.overall")}:</strong> <Rate done={overall.acknowledged} of={overall.people} />
            </p>
          ) : null}
          <table className="table">
            <caption className="visually-hidden">{t("promise.acknowledgements")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("departments.title")}</th>
                <th scope="col">{t("promise.acknowledged")}</th>
                <th scope="col">{t("promise.notYet")}</th>
              </tr>
            </thead>
            <tbody>
              {departments.map((d) => (
                <tr key={d.departmentId}>
                  <th scope="row">
                    <Link to={`/departments/${d.slug}`}>{d.name}</Link>
                  </th>
                  <td>
                    <Rate done={d.acknowledged} of={d.members} />
                  </td>
                  <td>
                    {d.missing === null
                      ? "—"
                      : d.missing.length === 0
                        ? t("promise.everyoneHas")
                        : d.missing.map((p) => p.name || p.email).join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t("promise.remindNotBlame")}</p>
        </>
      )}
    </section>
  );
}
