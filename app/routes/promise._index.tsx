import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { redirectWithFlash } from "#app/flash.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { can } from "#app/modules/policy/policy.ts";
import { acknowledgeCurrentPromise } from "#app/modules/promise/commands.server.ts";
import { currentPromiseFor } from "#app/modules/promise/loaders.server.ts";
import { AcknowledgePanel } from "#app/modules/promise/acknowledge-panel.tsx";
import { PromiseView } from "#app/modules/promise/promise-view.tsx";
import { getDraftId } from "#app/modules/promise/queries.server.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("areas.promise.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const canEdit = can(user, "promise:edit", undefined);
  return {
    ...(await currentPromiseFor(request, user)),
    canEdit,
    hasDraft: canEdit ? Boolean(await getDraftId(getDb())) : false,
    canSeeAcknowledgements: can(user, "promise:acknowledgements", undefined),
  };
}

const AcknowledgeSchema = z.object({ versionId: UuidSchema });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "app:use", undefined);
  const formData = await request.formData();
  if (intentOf(formData) !== "acknowledge") return data({ result: undefined }, { status: 400 });
  const outcome = await handleSubmission(formData, AcknowledgeSchema, ({ versionId }) =>
    acknowledgeCurrentPromise(getDb(), user.id, versionId),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash("/promise", { key: "flash.promiseAcknowledged" });
}

export default function PromisePage() {
  const t = useT();
  const format = useFormat();
  const { promise, acknowledgedAt, canEdit, hasDraft, canSeeAcknowledgements } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <nav aria-label={t("promise.navLabel")} className="sub-nav">
        <ul>
          <li>
            <Link to="/promise/versions">{t("promise.history")}</Link>
          </li>
          {canSeeAcknowledgements ? (
            <li>
              <Link to="/promise/acknowledgements">{t("promise.acknowledgements")}</Link>
            </li>
          ) : null}
          {canEdit ? (
            <li>
              <Link to="/promise/draft">{hasDraft ? t("promise.continueDraft") : t("promise.edit")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      {promise ? (
        <>
          <AcknowledgePanel
            versionId={promise.id}
            number={promise.number!}
            acknowledgedAt={acknowledgedAt ? format.date(acknowledgedAt) : null}
            errors={actionData?.result?.error?.[""] ?? undefined}
          />
          <PromiseView promise={promise} />
          <p className="muted">
            {t("promise.versionLine", {
              number: promise.number,
              date: promise.publishedAt ? format.date(promise.publishedAt) : "",
              name: promise.publishedByName ?? "—",
            })}
          </p>
        </>
      ) : (
        <section aria-labelledby="promise-empty">
          <h1 id="promise-empty">{t("areas.promise.title")}</h1>
          <p className="lead">{t("areas.promise.summary")}</p>
          <div className="notice">
            <p>{canEdit ? t("promise.noneYetLeader") : t("promise.noneYet")}</p>
          </div>
        </section>
      )}
    </>
  );
}
