import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { PromiseView } from "#app/modules/promise/promise-view.tsx";
import { getDraftId, loadPromise } from "#app/modules/promise/queries.server.ts";
import { readablePromise } from "#app/modules/promise/readable.server.ts";
import { titled } from "#app/utils/meta.ts";

export const meta = titled("promise.preview");

/** The draft as readers will see it, in the leader's language (untranslated texts marked). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "promise:edit", undefined);
  const db = getDb();
  const draftId = await getDraftId(db);
  const draft = draftId ? await loadPromise(db, draftId) : undefined;
  assertFound(draft);
  return { promise: readablePromise(draft, await resolveLocale(request, user.locale)) };
}

export default function DraftPreview() {
  const t = useT();
  const { promise } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="notice">
        {t("promise.previewNotice")} <Link to="/promise/draft">{t("promise.backToDraft")}</Link>
      </p>
      <PromiseView promise={promise} />
    </>
  );
}
