import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, SelectField, TextAreaField, TextField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import { can } from "#app/modules/policy/policy.ts";
import { addTouchpoint, suggestImprovement } from "#app/modules/shadowing/commands.server.ts";
import { listImprovements, listTouchpoints } from "#app/modules/shadowing/queries.server.ts";
import { SuggestionSchema, TouchpointSchema } from "#app/modules/shadowing/schemas.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("shadowing.backlogTitle");

/** A department's improvement backlog: everyone reads it and may suggest; the reviews issue decides on items. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug);
  const db = getDb();
  const [improvements, touchpoints] = await Promise.all([
    listImprovements(db, department.id),
    listTouchpoints(db, department.id),
  ]);
  return {
    department: { slug: department.slug, name: department.name },
    improvements,
    touchpoints,
    canManage: can(user, "department:manage", department),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug);
  const db = getDb();
  const formData = await request.formData();
  const here = `/departments/${department.slug}/improvements`;
  if (intentOf(formData) === "touchpoint") {
    await requirePermission(request, "department:manage", department);
    const outcome = await handleSubmission(formData, TouchpointSchema, ({ name }) =>
      addTouchpoint(db, { actorId: user.id, departmentId: department.id, name }),
    );
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(here, { key: "flash.touchpointAdded" });
  }
  const outcome = await handleSubmission(formData, SuggestionSchema, (value) =>
    suggestImprovement(db, { actorId: user.id, departmentId: department.id, ...value }),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(here, { key: "flash.improvementSuggested" });
}

export default function Improvements() {
  const t = useT();
  const format = useFormat();
  const { department, improvements, touchpoints, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [suggestForm, suggestFields] = useForm<{ description: string; touchpointId: string }>({
    id: "suggest",
    lastResult: actionData?.result,
    shouldRevalidate: "onSubmit",
  });
  const [touchpointForm, touchpointFields] = useForm<{ name: string }>({
    id: "touchpoint",
    shouldRevalidate: "onSubmit",
  });
  return (
    <section aria-labelledby="backlog-title">
      <p className="breadcrumb">
        <Link to={`/departments/${department.slug}`}>{department.name}</Link> ·{" "}
        <Link to={`/departments/${department.slug}/shadowing`}>{t("areas.shadowing.title")}</Link>
      </p>
      <h1 id="backlog-title">{t("shadowing.backlogHeading", { department: department.name })}</h1>
      <p className="lead">{t("shadowing.backlogLead")}</p>
      {improvements.length ? (
        <table className="table">
          <caption className="visually-hidden">{t("shadowing.backlogTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("shadowing.improvement")}</th>
              <th scope="col">{t("shadowing.fields.touchpoint")}</th>
              <th scope="col">{t("kpis.statusLabel")}</th>
              <th scope="col">{t("shadowing.origin")}</th>
            </tr>
          </thead>
          <tbody>
            {improvements.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/departments/${department.slug}/improvements/${i.id}`}>{i.description}</Link>
                  {i.ownerName ? (
                    <div className="muted">
                      {t("shadowing.owner", { name: i.ownerName })}
                      {i.dueOn ? ` · ${t("shadowing.due", { date: format.date(i.dueOn) })}` : null}
                    </div>
                  ) : null}
                </td>
                <td>{i.touchpoint ?? "—"}</td>
                <td>
                  <span className={`status status--${i.status}`}>{t(`shadowing.status.${i.status}`)}</span>
                </td>
                <td>
                  {i.shadowNoteId ? (
                    <Link to={`/shadowing/notes/${i.shadowNoteId}`}>{t("shadowing.origins.shadow_note")}</Link>
                  ) : (
                    t(`shadowing.origins.${i.origin}`)
                  )}
                  {i.createdBy ? <div className="muted">{i.createdBy}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t("shadowing.backlogEmpty")}</p>
      )}
      <section aria-labelledby="suggest-title" className="panel">
        <h2 id="suggest-title">{t("shadowing.suggestTitle")}</h2>
        <Form method="post" {...getFormProps(suggestForm)}>
          <FormErrors errors={suggestForm.errors} />
          <TextAreaField field={suggestFields.description} label={t("shadowing.improvement")} rows={2} />
          <SelectField
            field={suggestFields.touchpointId}
            label={t("shadowing.fields.touchpoint")}
            options={[
              { value: "", label: t("stories.notSaid") },
              ...touchpoints.map((tp) => ({ value: tp.id, label: tp.name })),
            ]}
          />
          <button type="submit" name="intent" value="suggest" className="button button--primary">
            {t("shadowing.suggest")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="touchpoints-title" className="panel">
        <h2 id="touchpoints-title">{t("shadowing.touchpoints")}</h2>
        {touchpoints.length ? (
          <ul className="tags">
            {touchpoints.map((tp) => (
              <li key={tp.id} className="tag">
                {tp.name}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("shadowing.noTouchpoints")}</p>
        )}
        {canManage ? (
          <Form method="post" {...getFormProps(touchpointForm)} className="field-row">
            <TextField field={touchpointFields.name} label={t("shadowing.addTouchpoint")} />
            <button type="submit" name="intent" value="touchpoint" className="button">
              {t("shadowing.add")}
            </button>
          </Form>
        ) : null}
      </section>
    </section>
  );
}
