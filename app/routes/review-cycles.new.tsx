import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { Checkboxes, ErrorList, FormErrors, TextField } from "#app/components/fields.tsx";
import { redirectWithFlash } from "#app/flash.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { listDepartments } from "#app/modules/departments/departments.server.ts";
import { addPeriods } from "#app/modules/kpis/formulas.ts";
import { openCycle } from "#app/modules/performance/commands.server.ts";
import { OpenCycleSchema } from "#app/modules/performance/schemas.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { sortByName } from "#app/utils/collate.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";

export const meta = titled("performance.openCycle");

/** Opening a cycle: by default the last six months, every department. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "cycle:open", undefined);
  const locale = await resolveLocale(request, user.locale);
  const departments = sortByName(await listDepartments(getDb()), locale, (d) => d.name);
  const end = today();
  return {
    departments: departments.map((d) => ({ id: d.id, label: d.name })),
    defaults: { start: addPeriods(addPeriods(end, "month", -6), "day", 1), end },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "cycle:open", undefined);
  const outcome = await handleSubmission(await request.formData(), OpenCycleSchema, (value) =>
    openCycle(getDb(), {
      actorId: user.id,
      name: value.name,
      periodStart: value.periodStart,
      periodEnd: value.periodEnd,
      departmentIds: value.departments,
    }),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(`/review-cycles/${outcome.value}`, { key: "flash.cycleOpened" });
}

export default function NewCycle() {
  const t = useT();
  const { departments, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ name: string; periodStart: string; periodEnd: string; departments: string[] }>({
    id: "open-cycle",
    lastResult: actionData?.result,
    defaultValue: { periodStart: defaults.start, periodEnd: defaults.end },
    shouldRevalidate: "onSubmit",
  });
  const sent = actionData?.result?.initialValue as { departments?: string | string[] } | null | undefined;
  const checked = sent ? [sent.departments ?? []].flat() : departments.map((d) => d.id);
  return (
    <section aria-labelledby="open-title">
      <p className="breadcrumb">
        <Link to="/review-cycles">{t("performance.cyclesTitle")}</Link>
      </p>
      <h1 id="open-title">{t("performance.openCycle")}</h1>
      <p className="lead">{t("performance.openLead")}</p>
      <Form method="post" {...getFormProps(form)} className="panel">
        <FormErrors errors={form.errors} />
        <TextField field={fields.name} label={t("performance.name")} hint={t("performance.namePlaceholder")} required />
        <div className="field-row">
          <TextField field={fields.periodStart} label={t("performance.periodStart")} type="date" required />
          <TextField field={fields.periodEnd} label={t("performance.periodEnd")} type="date" required />
        </div>
        <fieldset aria-describedby={fields.departments.errors ? fields.departments.errorId : undefined}>
          <legend>{t("performance.departments")}</legend>
          <ErrorList id={fields.departments.errorId} errors={fields.departments.errors} />
          <Checkboxes name="departments" options={departments} checked={checked} />
        </fieldset>
        <button type="submit" className="button button--primary">
          {t("performance.open")}
        </button>
      </Form>
    </section>
  );
}
