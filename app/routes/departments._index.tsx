import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { listDepartments } from "#app/modules/departments/departments.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("departments.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const locale = await resolveLocale(request, user.locale);
  return { departments: sortByName(await listDepartments(getDb()), locale) };
}

export default function Departments() {
  const t = useT();
  const { departments } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="departments-title">
      <h1 id="departments-title">{t("departments.title")}</h1>
      <p className="lead">{t("departments.lead")}</p>
      <ul className="card-grid">
        {departments.map((d) => (
          <li key={d.id} className="card">
            <h2>
              <Link to={`/departments/${d.slug}`}>{d.name}</Link>
            </h2>
            {d.description ? <p>{d.description}</p> : null}
            <p className="muted">
              {t("departments.memberCount", { count: d.memberCount })}
              {d.managers.length
                ? ` · ${t("departments.managedBy", { names: d.managers.map((m) => m.name).join(", ") })}`
                : ""}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
