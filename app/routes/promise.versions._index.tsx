import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { listPublishedVersions } from "#app/modules/promise/queries.server.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("promise.history");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "app:use", undefined);
  return { versions: await listPublishedVersions(getDb()) };
}

export default function Versions() {
  const t = useT();
  const format = useFormat();
  const { versions } = useLoaderData<typeof loader>();
  const newest = versions[0]?.number;
  return (
    <section aria-labelledby="history-title">
      <p className="breadcrumb">
        <Link to="/promise">{t("areas.promise.title")}</Link>
      </p>
      <h1 id="history-title">{t("promise.history")}</h1>
      {versions.length === 0 ? (
        <p>{t("promise.noneYet")}</p>
      ) : (
        <>
          <table className="table">
            <caption className="visually-hidden">{t("promise.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("promise.version")}</th>
                <th scope="col">{t("promise.fields.title")}</th>
                <th scope="col">{t("promise.publishedBy")}</th>
                <th scope="col">{t("promise.publishedOn")}</th>
                <th scope="col">{t("promise.contents")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <td>
                    <Link to={`/promise/versions/${v.number}`}>{t("promise.versionN", { number: v.number })}</Link>
                    {v.number === newest ? <span className="badge">{t("promise.current")}</span> : null}
                  </td>
                  <td>{v.title}</td>
                  <td>{v.publishedByName ?? "—"}</td>
                  <td>{format.dateTime(v.publishedAt)}</td>
                  <td>{t("promise.counts", { pillars: v.pillars, behaviours: v.behaviours })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {versions.length > 1 ? (
            <Form method="get" action="/promise/compare" className="panel compare-form">
              <h2>{t("promise.compareTitle")}</h2>
              <VersionSelect
                name="from"
                label={t("promise.compareFrom")}
                versions={versions}
                selected={versions[1]!.number}
              />
              <VersionSelect
                name="to"
                label={t("promise.compareTo")}
                versions={versions}
                selected={versions[0]!.number}
              />
              <button type="submit" className="button">
                {t("promise.compare")}
              </button>
            </Form>
          ) : null}
        </>
      )}
    </section>
  );
}

function VersionSelect({
  name,
  label,
  versions,
  selected,
}: {
  name: string;
  label: string;
  versions: { number: number }[];
  selected: number;
}) {
  const t = useT();
  return (
    <div className="field field--inline">
      <label htmlFor={`compare-${name}`}>{label}</label>
      <select id={`compare-${name}`} name={name} defaultValue={selected}>
        {versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t("promise.versionN", { number: v.number })}
          </option>
        ))}
      </select>
    </div>
  );
}
