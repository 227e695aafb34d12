import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { FormErrors, TextField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import { createApiToken, revokeApiToken } from "#app/modules/kpis/commands.server.ts";
import { listApiTokens } from "#app/modules/kpis/queries.server.ts";
import { TokenSchema } from "#app/modules/kpis/schemas.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("kpis.tokens.title");

const RevokeSchema = z.object({ tokenId: UuidSchema });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { department } = await departmentAccess(request, params.slug, "kpi:tokens");
  return {
    department: { slug: department.slug, name: department.name },
    tokens: await listApiTokens(getDb(), department.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug, "kpi:tokens");
  const db = getDb();
  const formData = await request.formData();
  if (intentOf(formData) === "revoke") {
    const outcome = await handleSubmission(formData, RevokeSchema, (value) =>
      revokeApiToken(db, { actorId: user.id, departmentId: department.id, tokenId: value.tokenId }),
    );
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(`/departments/${department.slug}/kpis/tokens`, { key: "flash.tokenRevoked" });
  }
  const outcome = await handleSubmission(formData, TokenSchema, (value) =>
    createApiToken(db, { actorId: user.id, departmentId: department.id, name: value.name }),
  );
  if (!outcome.ok) return outcome.response;
  // Shown once, in this response only: it is stored hashed. (Never in a redirect or the flash cookie.)
  return { result: undefined, created: { name: outcome.submission.value.name, token: outcome.value.token } };
}

export default function ApiTokens() {
  const t = useT();
  const format = useFormat();
  const { department, tokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData && "created" in actionData ? actionData.created : null;
  const [form, fields] = useForm<{ name: string }>({
    lastResult: actionData && !created ? actionData.result : undefined,
    shouldRevalidate: "onSubmit",
  });
  return (
    <section aria-labelledby="tokens-title">
      <p className="breadcrumb">
        <Link to={`/departments/${department.slug}/kpis`}>
          {t("kpis.departmentTitle", { department: department.name })}
        </Link>
      </p>
      <h1 id="tokens-title">{t("kpis.tokens.title")}</h1>
      <p className="lead">{t("kpis.tokens.lead")}</p>
      <p className="muted">{t("kpis.tokens.docs")}</p>
      {created ? (
        <div className="notice notice--success" role="status">
          <h2>{t("kpis.tokens.createdTitle", { name: created.name })}</h2>
          <p>{t("kpis.tokens.shownOnce")}</p>
          <p>
            <code className="token" data-testid="new-token">
              {created.token}
            </code>
          </p>
        </div>
      ) : null}
      <section aria-labelledby="new-token-title" className="panel">
        <h2 id="new-token-title">{t("kpis.tokens.create")}</h2>
        <Form method="post" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <TextField field={fields.name} label={t("kpis.tokens.name")} hint={t("kpis.tokens.nameHint")} required />
          <button type="submit" name="intent" value="create" className="button button--primary">
            {t("kpis.tokens.create")}
          </button>
        </Form>
      </section>
      {tokens.length ? (
        <table className="table">
          <caption className="visually-hidden">{t("kpis.tokens.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("kpis.tokens.name")}</th>
              <th scope="col">{t("kpis.tokens.prefix")}</th>
              <th scope="col">{t("kpis.tokens.created")}</th>
              <th scope="col">{t("kpis.tokens.lastUsed")}</th>
              <th scope="col">{t("kpis.statusLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>
                  {format.date(token.createdAt)}
                  {token.createdBy ? ` · ${token.createdBy}` : null}
                </td>
                <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t("kpis.tokens.never")}</td>
                <td>
                  {token.revokedAt ? (
                    t("kpis.tokens.revokedOn", { date: format.date(token.revokedAt) })
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="revoke"
                        className="button button--small button--danger"
                      >
                        {t("kpis.tokens.revoke")}
                        <span className="visually-hidden"> {token.name}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t("kpis.tokens.none")}</p>
      )}
    </section>
  );
}
