import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { redirectWithFlash } from "#app/flash.server.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import { createKpi } from "#app/modules/kpis/commands.server.ts";
import { DEFAULT_MIN_SAMPLE } from "#app/modules/kpis/constants.ts";
import { KpiForm } from "#app/modules/kpis/kpi-form.tsx";
import { NewKpiSchema } from "#app/modules/kpis/schemas.ts";
import { findTemplate, KPI_TEMPLATES } from "#app/modules/kpis/templates.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";

export const meta = titled("kpis.add");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { department } = await departmentAccess(request, params.slug, "kpi:manage");
  const template = findTemplate(new URL(request.url).searchParams.get("template"));
  return {
    department: { slug: department.slug, name: department.name },
    templates: KPI_TEMPLATES.map((t) => t.key),
    template: template ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, department } = await departmentAccess(request, params.slug, "kpi:manage");
  const outcome = await handleSubmission(await request.formData(), NewKpiSchema, (kpi) =>
    createKpi(getDb(), { actorId: user.id, departmentId: department.id, kpi }),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(`/departments/${department.slug}/kpis/${outcome.value.key}`, {
    key: "flash.kpiCreated",
    params: { name: outcome.submission.value.name },
  });
}

export default function NewKpi() {
  const t = useT();
  const { department, templates, template } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/departments/${department.slug}/kpis`;
  return (
    <section aria-labelledby="new-kpi-title">
      <p className="breadcrumb">
        <Link to={base}>{t("kpis.departmentTitle", { department: department.name })}</Link>
      </p>
      <h1 id="new-kpi-title">{t("kpis.add")}</h1>
      <nav aria-labelledby="templates-title" className="panel">
        <h2 id="templates-title">{t("kpis.templatesTitle")}</h2>
        <p className="muted">{t("kpis.templatesLead")}</p>
        <ul className="template-list">
          {templates.map((key) => (
            <li key={key}>
              <Link
                to={`?template=${key}`}
                className={template?.key === key ? "button button--pressed" : "button"}
                aria-current={template?.key === key ? "true" : undefined}
              >
                {t(`kpis.metrics.${key}.name`)}
              </Link>
            </li>
          ))}
          <li>
            <Link to="?" className={template ? "button" : "button button--pressed"}>
              {t("kpis.blank")}
            </Link>
          </li>
        </ul>
      </nav>
      <KpiForm
        // A new template means new defaults: remount the form.
        key={template?.key ?? "blank"}
        isNew
        cancelTo={base}
        result={actionData?.result}
        defaults={{
          key: template ? (template.channel ? `${template.key}-${template.channel}` : template.key) : "",
          name: template ? t(`kpis.metrics.${template.key}.name`) : "",
          description: template ? t(`kpis.metrics.${template.key}.summary`) : "",
          template: template?.key ?? "",
          kind: template?.kind ?? "number",
          unit: template?.unit ?? "count",
          direction: template?.direction ?? "higher",
          aggregation: template?.aggregation ?? "sum",
          target: template ? String(template.target) : "",
          warning: template?.warning != null ? String(template.warning) : "",
          period: template?.period ?? "month",
          channel: template?.channel ?? "",
          slaSeconds: template?.slaSeconds ? String(template.slaSeconds) : "",
          minSample: String(DEFAULT_MIN_SAMPLE),
        }}
      />
    </section>
  );
}
