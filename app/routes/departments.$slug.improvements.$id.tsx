import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, SelectField, TextField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound } from "#app/http.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { getDepartmentBySlug, listDepartmentMembers } from "#app/modules/departments/departments.server.ts";
import { UuidSchema } from "#app/modules/forms.ts";
import { can } from "#app/modules/policy/policy.ts";
import { chooseImprovement, moveImprovement } from "#app/modules/shadowing/commands.server.ts";
import { getImprovement } from "#app/modules/shadowing/queries.server.ts";
import { ChooseSchema, StatusSchema } from "#app/modules/shadowing/schemas.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { useFormat } from "#app/utils/format.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("shadowing.improvement");

async function load(request: Request, params: { slug?: string; id?: string }) {
  const user = await requirePermission(request, "app:use", undefined);
  const db = getDb();
  const department = await getDepartmentBySlug(db, params.slug ?? "");
  assertFound(department);
  const improvement = UuidSchema.safeParse(params.id).success
    ? await getImprovement(db, { departmentId: department.id, id: params.id! })
    : undefined;
  assertFound(improvement);
  return { user, department, improvement, db };
}

/** One backlog item: everyone reads it; the department's managers (and leaders) choose and follow it up. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, department, improvement, db } = await load(request, params);
  const canManage = can(user, "department:manage", department);
  const locale = await resolveLocale(request, user.locale);
  const members = canManage ? await listDepartmentMembers(db, department.id) : [];
  return {
    department: { slug: department.slug, name: department.name },
    improvement,
    canManage,
    today: today(),
    owners: sortByName(
      members.filter((m) => m.status === "active"),
      locale,
      (m) => m.name || m.email,
    ).map((m) => ({ value: m.id, label: m.name || m.email })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, department, improvement, db } = await load(request, params);
  await requirePermission(request, "department:manage", department);
  const formData = await request.formData();
  const here = `/departments/${department.slug}/improvements/${improvement.id}`;
  const common = { actorId: user.id, departmentId: department.id, improvementId: improvement.id };
  if (intentOf(formData) === "choose") {
    const outcome = await handleSubmission(formData, ChooseSchema, (value) =>
      chooseImprovement(db, { ...common, ...value, today: today() }),
    );
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(here, { key: "flash.improvementChosen" });
  }
  const outcome = await handleSubmission(formData, StatusSchema, (value) =>
    moveImprovement(db, { ...common, ...value }),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(here, { key: "flash.improvementMoved" });
}

export default function Improvement() {
  const t = useT();
  const format = useFormat();
  const { department, improvement: i, canManage, today: date, owners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sent = actionData?.result?.initialValue as { intent?: string } | null | undefined;
  const [chooseForm, chooseFields] = useForm<{ ownerId: string; dueOn: string; replace: string }>({
    id: "choose",
    lastResult: sent?.intent === "choose" ? actionData?.result : undefined,
    shouldRevalidate: "onSubmit",
  });
  const [moveForm, moveFields] = useForm<{ status: string; reason: string }>({
    id: "move",
    lastResult: sent?.intent === "choose" ? undefined : actionData?.result,
    shouldRevalidate: "onSubmit",
  });
  // The touchpoint already has a chosen improvement: the answer names it and asks.
  const [replaceId, replaceText] = (chooseFields.replace.errors?.[0] ?? "").split("|");
  const moves: Record<string, string[]> = {
    chosen: ["in_progress", "done", "proposed", "dropped"],
    in_progress: ["done", "proposed", "dropped"],
    proposed: ["dropped"],
    dropped: ["proposed"],
    done: [],
  };
  return (
    <article aria-labelledby="improvement-title">
      <p className="breadcrumb">
        <Link to={`/departments/${department.slug}/improvements`}>
          {t("shadowing.backlogHeading", { department: department.name })}
        </Link>
      </p>
      <h1 id="improvement-title">{i.description}</h1>
      <dl className="definition">
        <dt>{t("kpis.statusLabel")}</dt>
        <dd>
          <span className={`status status--${i.status}`}>{t(`shadowing.status.${i.status}`)}</span>
          {i.droppedReason ? <span className="muted"> · {i.droppedReason}</span> : null}
        </dd>
        <dt>{t("shadowing.fields.touchpoint")}</dt>
        <dd>{i.touchpoint ?? "—"}</dd>
        {i.ownerName ? (
          <>
            <dt>{t("shadowing.ownerLabel")}</dt>
            <dd>
              {i.ownerName}
              {i.dueOn ? ` · ${t("shadowing.due", { date: format.date(i.dueOn) })}` : null}
            </dd>
          </>
        ) : null}
        <dt>{t("shadowing.origin")}</dt>
        <dd>
          {i.shadowNoteId ? (
            <Link to={`/shadowing/notes/${i.shadowNoteId}`}>{t("shadowing.origins.shadow_note")}</Link>
          ) : (
            t(`shadowing.origins.${i.origin}`)
          )}
          {i.createdBy ? ` · ${i.createdBy}` : null} · {format.date(i.createdAt)}
        </dd>
        {i.doneAt ? (
          <>
            <dt>{t("shadowing.status.done")}</dt>
            <dd>{format.date(i.doneAt)}</dd>
          </>
        ) : null}
      </dl>
      {canManage && i.status === "proposed" ? (
        <section aria-labelledby="choose-title" className="panel">
          <h2 id="choose-title">{t("shadowing.chooseTitle")}</h2>
          <p className="muted">{t("shadowing.chooseLead")}</p>
          <Form method="post" {...getFormProps(chooseForm)}>
            <FormErrors errors={chooseForm.errors} />
            {replaceId ? (
              <div className="notice notice--warning" role="alert">
                <p>{t("shadowing.replaceQuestion", { description: replaceText })}</p>
                <div className="checkbox">
                  <input type="checkbox" id="replace" name="replace" value={replaceId} />
                  <label htmlFor="replace">{t("shadowing.replaceConfirm")}</label>
                </div>
              </div>
            ) : null}
            <div className="field-row">
              <SelectField
                field={chooseFields.ownerId}
                label={t("shadowing.ownerLabel")}
                options={[{ value: "", label: "" }, ...owners]}
              />
              <TextField field={chooseFields.dueOn} label={t("shadowing.dueOn")} type="date" required />
            </div>
            <input type="hidden" name="intent" value="choose" />
            <button type="submit" className="button button--primary">
              {t("shadowing.choose")}
            </button>
          </Form>
          <p className="muted">{t("shadowing.dueHint", { date: format.date(date) })}</p>
        </section>
      ) : null}
      {canManage && moves[i.status]!.length ? (
        <section aria-labelledby="move-title" className="panel">
          <h2 id="move-title">{t("shadowing.moveTitle")}</h2>
          <Form method="post" {...getFormProps(moveForm)}>
            <FormErrors errors={moveForm.errors} />
            <SelectField
              field={moveFields.status}
              label={t("shadowing.newStatus")}
              options={moves[i.status]!.map((s) => ({ value: s, label: t(`shadowing.moveTo.${s}`) }))}
            />
            <TextField
              field={moveFields.reason}
              label={t("shadowing.dropReason")}
              hint={t("shadowing.dropReasonHint")}
            />
            <input type="hidden" name="intent" value="move" />
            <button type="submit" className="button">
              {t("actions.save")}
            </button>
          </Form>
        </section>
      ) : null}
    </article>
  );
}
