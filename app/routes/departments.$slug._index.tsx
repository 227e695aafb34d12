import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { getDepartmentBySlug, listDepartmentMembers } from "#app/modules/departments/departments.server.ts";
import { can } from "#app/modules/policy/policy.ts";
import { recognitionPanel } from "#app/modules/recognition/panel.server.ts";
import { RecognitionPanel } from "#app/modules/recognition/recognition-panel.tsx";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("departments.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const department = await getDepartmentBySlug(db, params.slug ?? "");
  assertFound(department);
  const locale = await resolveLocale(request, user.locale);
  const [people, recognition] = await Promise.all([
    listDepartmentMembers(db, department.id),
    recognitionPanel({ viewerId: user.id, departmentId: department.id }, locale),
  ]);
  const members = sortByName(people, locale, (m) => m.name || m.email);
  return {
    department: {
      id: department.id,
      slug: department.slug,
      name: department.name,
      description: department.description,
    },
    managers: members.filter((m) => m.isManager),
    members: members.filter((m) => !m.isManager),
    canReadReviews: can(user, "review:read", department),
    recognition,
  };
}

export default function DepartmentPage() {
  const t = useT();
  const { department, managers, members, canReadReviews, recognition } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="department-title">
      <p className="breadcrumb">
        <Link to="/departments">{t("departments.title")}</Link>
      </p>
      <h1 id="department-title">{department.name}</h1>
      {department.description ? <p className="lead">{department.description}</p> : null}
      <p className="actions">
        <Link className="button" to={`/departments/${department.slug}/kpis`}>
          {t("departments.openKpis")}
        </Link>
        <Link className="button" to={`/departments/${department.slug}/shadowing`}>
          {t("departments.openShadowing")}
        </Link>
        <Link className="button" to={`/departments/${department.slug}/improvements`}>
          {t("departments.openImprovements")}
        </Link>
        {canReadReviews ? (
          <Link className="button" to={`/departments/${department.slug}/reviews`}>
            {t("departments.openReviews")}
          </Link>
        ) : null}
      </p>
      <div className="two-columns">
        <section aria-labelledby="managers-title" className="panel">
          <h2 id="managers-title">{t("departments.managers")}</h2>
          {managers.length ? (
            <ul className="people-list">
              {managers.map((m) => (
                <li key={m.id}>{m.name || m.email}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("departments.noManagers")}</p>
          )}
        </section>
        <section aria-labelledby="members-title" className="panel">
          <h2 id="members-title">{t("departments.members")}</h2>
          {members.length ? (
            <ul className="people-list">
              {members.map((m) => (
                <li key={m.id}>
                  {m.name || m.email}
                  {m.status === "invited" ? (
                    <span className="badge badge--muted">{t("people.status.invited")}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("departments.noMembers")}</p>
          )}
        </section>
      </div>
      <RecognitionPanel
        id="recognition-title"
        title={t("recognition.recognisedFor", { department: department.name })}
        panel={recognition}
        more={`/recognition?department=${department.slug}`}
      />
    </section>
  );
}
