import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { FormErrors, SelectField, TextAreaField, TextField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound } from "#app/http.server.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import {
  checkReadings,
  checkResponses,
  insertResponses,
  setKpiArchived,
  upsertReadings,
} from "#app/modules/kpis/commands.server.ts";
import { recentPanels, viewOptions } from "#app/modules/kpis/dashboard.server.ts";
import { periodStartOf, viewablePeriods } from "#app/modules/kpis/formulas.ts";
import { KpiCard, StatusBadge } from "#app/modules/kpis/kpi-card.tsx";
import { useKpiFormat } from "#app/modules/kpis/kpi-format.ts";
import { getKpi, listVerbatims } from "#app/modules/kpis/queries.server.ts";
import { companyTimeToInstant } from "#app/utils/company-time.server.ts";
import { ReadingFormSchema, ResponseFormSchema } from "#app/modules/kpis/schemas.ts";
import { SURVEY_SCALES } from "#app/modules/kpis/constants.ts";
import { CHANNELS } from "#app/modules/stories/constants.ts";
import { CommandError } from "#app/modules/forms.ts";
import { can } from "#app/modules/policy/policy.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { titled } from "#app/utils/meta.ts";
import { ViewFilters } from "#app/modules/kpis/view-filters.tsx";
import { Verbatims } from "#app/modules/kpis/verbatims.tsx";
import { handleSubmission, intentOf } from "#app/utils/submission.server.ts";

export const meta = titled("kpis.dashboardTitle");

async function load(request: Request, params: { slug?: string; key?: string }, manage: boolean) {
  const access = await departmentAccess(request, params.slug, manage ? "kpi:manage" : undefined);
  const kpi = await getKpi(getDb(), access.department.id, params.key ?? "");
  assertFound(kpi);
  return { ...access, kpi };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, department, kpi } = await load(request, params, false);
  const db = getDb();
  const view = viewOptions(new URL(request.url));
  const [panel] = await recentPanels(db, [kpi], { asked: view.period, count: view.range, lastDate: today() });
  const verbatims =
    kpi.kind === "number" ? [] : await listVerbatims(db, { departmentId: department.id, kinds: [kpi.kind], limit: 10 });
  return {
    department: { slug: department.slug, name: department.name },
    kpi,
    panel: panel!,
    view,
    periods: viewablePeriods(kpi.kind, kpi.period),
    verbatims,
    currentPeriod: periodStartOf(today(), kpi.period),
    canManage: can(user, "kpi:manage", department),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, department, kpi } = await load(request, params, true);
  const db = getDb();
  const formData = await request.formData();
  const intent = intentOf(formData);
  const here = `/departments/${department.slug}/kpis/${kpi.key}`;
  if (intent === "archive" || intent === "restore") {
    await setKpiArchived(db, { actorId: user.id, kpiId: kpi.id, archived: intent === "archive" });
    return redirectWithFlash(here, { key: intent === "archive" ? "flash.kpiArchived" : "flash.kpiRestored" });
  }
  if (intent === "response") {
    const outcome = await handleSubmission(formData, ResponseFormSchema, async (value) => {
      const respondedAt = await companyTimeToInstant(db, value.respondedAt);
      const response = { ...value, respondedAt, channel: value.channel ?? null, row: 1 };
      const [late] = checkResponses([response]);
      if (late) throw CommandError.field("respondedAt", late.message);
      return insertResponses(db, {
        actorId: user.id,
        departmentId: department.id,
        responses: [response],
        source: "form",
      });
    });
    if (!outcome.ok) return outcome.response;
    return redirectWithFlash(here, { key: outcome.value.inserted ? "flash.responseAdded" : "flash.responseKnown" });
  }
  const outcome = await handleSubmission(formData, ReadingFormSchema, async (value) => {
    const { readings, errors } = checkReadings([kpi], [{ ...value, sampleSize: value.sampleSize ?? null, row: 1 }]);
    if (errors.length) {
      throw new CommandError(
        Object.fromEntries(errors.map((e) => [e.field === "kpi" ? "form" : e.field, [e.message]])),
      );
    }
    return upsertReadings(db, { actorId: user.id, departmentId: department.id, readings, source: "form" });
  });
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(here, { key: outcome.value.inserted ? "flash.readingAdded" : "flash.readingUpdated" });
}

export default function KpiPage() {
  const t = useT();
  const format = useKpiFormat();
  const { department, kpi, panel, view, periods, verbatims, currentPeriod, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ periodStart: string; value: string; sampleSize: string }>({
    lastResult: actionData?.result,
    defaultValue: { periodStart: currentPeriod },
    shouldRevalidate: "onSubmit",
  });
  const base = `/departments/${department.slug}/kpis`;
  return (
    <section aria-labelledby="kpi-title">
      <p className="breadcrumb">
        <Link to={base}>{t("kpis.departmentTitle", { department: department.name })}</Link>
      </p>
      <h1 id="kpi-title">{kpi.name}</h1>
      {kpi.description ? <p className="lead">{kpi.description}</p> : null}
      {kpi.archived ? <p className="notice">{t("kpis.archivedNotice")}</p> : null}
      {canManage ? (
        <div className="actions">
          <Link className="button" to={`${base}/${kpi.key}/edit`}>
            {t("kpis.edit")}
          </Link>
          <Form method="post">
            <button type="submit" name="intent" value={kpi.archived ? "restore" : "archive"} className="button">
              {kpi.archived ? t("kpis.restore") : t("kpis.archive")}
            </button>
          </Form>
        </div>
      ) : null}
      <ViewFilters periods={periods} period={panel.period} range={view.range} />
      <KpiCard kpi={kpi} summary={panel.summary} period={panel.period} href={`${base}/${kpi.key}`} />
      {canManage && kpi.kind === "number" ? (
        <section aria-labelledby="reading-title" className="panel">
          <h2 id="reading-title">{t("kpis.readingTitle")}</h2>
          <p className="muted">{t(`kpis.readingHint.${kpi.period}`)}</p>
          <Form method="post" {...getFormProps(form)} className="field-row">
            <FormErrors errors={form.errors} />
            <TextField field={fields.periodStart} label={t("kpis.fields.periodStart")} type="date" required />
            <TextField field={fields.value} label={t("kpis.value")} required />
            <TextField
              field={fields.sampleSize}
              label={t("kpis.fields.sampleSize")}
              hint={t("kpis.fields.sampleSizeHint")}
            />
            <button type="submit" name="intent" value="reading" className="button button--primary">
              {t("actions.save")}
            </button>
          </Form>
          <p>
            <Link to={`${base}/import`}>{t("kpis.importInstead")}</Link>
          </p>
        </section>
      ) : null}
      {canManage && kpi.kind !== "number" ? <ResponseForm kind={kpi.kind} channel={kpi.channel} /> : null}
      <section aria-labelledby="periods-title">
        <h2 id="periods-title">{t("kpis.periodsTitle")}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("kpis.period")}</th>
              <th scope="col">{t("kpis.value")}</th>
              <th scope="col">{t("kpis.sampleSize")}</th>
              <th scope="col">{t("kpis.statusLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {[...panel.summary.points].reverse().map((p) => (
              <tr key={p.periodStart}>
                <td>{format.period(panel.period, p.periodStart)}</td>
                <td>{p.value === null ? "—" : format.value(kpi.unit, p.value)}</td>
                <td>{p.sampleSize ?? "—"}</td>
                <td>
                  <StatusBadge status={p.status} format={format} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Verbatims items={verbatims} />
    </section>
  );
}

/** One survey answer typed in (most arrive by CSV or the API). */
function ResponseForm({ kind, channel }: { kind: "nps" | "csat" | "ces"; channel: string | null }) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{
    kind: string;
    score: string;
    respondedAt: string;
    channel: string;
    comment: string;
  }>({
    id: "response",
    lastResult: actionData?.result,
    defaultValue: { kind, channel: channel ?? "" },
    shouldRevalidate: "onSubmit",
  });
  const scale = SURVEY_SCALES[kind];
  return (
    <section aria-labelledby="response-title" className="panel">
      <h2 id="response-title">{t("kpis.responseTitle")}</h2>
      <p className="muted">{t("kpis.responseHint")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name={fields.kind.name} value={kind} />
        <div className="field-row">
          <TextField
            field={fields.score}
            label={t("kpis.fields.score", { min: scale.min, max: scale.max })}
            type="number"
            required
          />
          <TextField field={fields.respondedAt} label={t("kpis.fields.respondedAt")} type="datetime-local" required />
          <SelectField
            field={fields.channel}
            label={t("kpis.fields.channel")}
            options={[
              { value: "", label: t("kpis.fields.unknownChannel") },
              ...CHANNELS.map((c) => ({ value: c, label: t(`stories.channels.${c}`) })),
            ]}
          />
        </div>
        <TextAreaField field={fields.comment} label={t("kpis.fields.comment")} rows={2} />
        <button type="submit" name="intent" value="response" className="button button--primary">
          {t("actions.save")}
        </button>
      </Form>
    </section>
  );
}
