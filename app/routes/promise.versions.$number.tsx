import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { PromiseView } from "#app/modules/promise/promise-view.tsx";
import { getCurrentVersionId, getVersionIdByNumber, loadPromise } from "#app/modules/promise/queries.server.ts";
import { readablePromise } from "#app/modules/promise/readable.server.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("promise.history");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const number = z.coerce.number().int().positive().max(1_000_000).safeParse(params.number);
  const id = number.success ? await getVersionIdByNumber(db, number.data) : undefined;
  const doc = id ? await loadPromise(db, id) : undefined;
  assertFound(doc);
  return {
    promise: readablePromise(doc, await resolveLocale(request, user.locale)),
    isCurrent: (await getCurrentVersionId(db)) === doc.id,
  };
}

export default function VersionPage() {
  const t = useT();
  const format = useFormat();
  const { promise, isCurrent } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/promise/versions">{t("promise.history")}</Link>
      </p>
      <p className={isCurrent ? "notice notice--success" : "notice"}>
        {t("promise.versionLine", {
          number: promise.number,
          date: promise.publishedAt ? format.date(promise.publishedAt) : "",
          name: promise.publishedByName ?? "—",
        })}{" "}
        {isCurrent ? t("promise.thisIsCurrent") : <Link to="/promise">{t("promise.seeCurrent")}</Link>}
      </p>
      <PromiseView promise={promise} />
    </>
  );
}
