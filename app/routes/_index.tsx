import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { AREAS } from "#app/components/layout.tsx";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { AcknowledgePanel } from "#app/modules/promise/acknowledge-panel.tsx";
import { currentPromiseFor } from "#app/modules/promise/loaders.server.ts";
import { Fallback } from "#app/modules/promise/promise-view.tsx";
import { getDb } from "#db/client.server.ts";
import { plainExcerpt, storyOfTheWeek } from "#app/modules/stories/queries.server.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const { promise, acknowledgedAt } = await currentPromiseFor(request, user);
  const featured = await storyOfTheWeek(getDb(), user);
  return {
    name: user.name,
    departments: user.departments,
    role: user.role,
    promise,
    acknowledgedAt,
    storyOfWeek: featured
      ? {
          id: featured.id,
          title: featured.title,
          excerpt: plainExcerpt(featured.body, 320),
          authorName: featured.author_name,
        }
      : null,
  };
}

export default function Home() {
  const t = useT();
  const { name, departments, role, promise, acknowledgedAt, storyOfWeek } = useLoaderData<typeof loader>();
  return (
    <>
      <section aria-labelledby="welcome-title" className="hero">
        <h1 id="welcome-title">{t("home.welcome", { name })}</h1>
        <p className="lead">{t("home.lead")}</p>
      </section>
      {promise ? (
        <section aria-labelledby="promise-short" className="panel promise-short">
          <h2 id="promise-short">
            {promise.title.text} <Fallback text={promise.title} />
          </h2>
          <ol className="pillar-list">
            {promise.pillars.map((p) => (
              <li key={p.id}>
                <strong>{p.title.text}</strong>
                <span className="muted"> · {t("home.behaviourCount", { count: p.behaviours.length })}</span>
              </li>
            ))}
          </ol>
          <p>
            <Link to="/promise">{t("home.readPromise")}</Link>
          </p>
          {acknowledgedAt ? null : (
            <AcknowledgePanel versionId={promise.id} number={promise.number!} acknowledgedAt={null} />
          )}
        </section>
      ) : null}
      {storyOfWeek ? (
        <section aria-labelledby="story-of-week" className="panel story-of-week">
          <h2 id="story-of-week">{t("home.storyOfWeek")}</h2>
          <h3>{storyOfWeek.title}</h3>
          <p className="muted">{storyOfWeek.authorName}</p>
          <p>{storyOfWeek.excerpt}</p>
          <p>
            <Link to={`/stories/${storyOfWeek.id}`}>{t("home.readStory")}</Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="my-departments" className="panel">
        <h2 id="my-departments">{t("home.yourDepartments")}</h2>
        {departments.length ? (
          <ul className="chips">
            {departments.map((d) => (
              <li key={d.id}>
                <Link to={`/departments/${d.slug}`}>{d.name}</Link>
                {d.isManager ? <span className="badge">{t("roles.manager")}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>
            {role === "employee" ? t("home.noDepartments") : t("home.noDepartmentsRole", { role: t(`roles.${role}`) })}
          </p>
        )}
      </section>
      <section aria-labelledby="loop-title">
        <h2 id="loop-title">{t("home.loopTitle")}</h2>
        <ol className="loop">
          {AREAS.map((area) => {
            const key = area.to.slice(1);
            return (
              <li key={area.to} className="loop__step">
                <h3>
                  <Link to={area.to}>{t(`areas.${key}.title`)}</Link>
                </h3>
                <p>{t(`areas.${key}.summary`)}</p>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
