import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "#app/i18n/use-t.ts";
import { getDb } from "#db/client.server.ts";
import { redirectWithFlash } from "#app/flash.server.ts";
import { assertFound } from "#app/http.server.ts";
import { departmentAccess } from "#app/modules/departments/access.server.ts";
import { updateKpi } from "#app/modules/kpis/commands.server.ts";
import { KpiForm } from "#app/modules/kpis/kpi-form.tsx";
import { getKpi } from "#app/modules/kpis/queries.server.ts";
import { EditKpiSchema } from "#app/modules/kpis/schemas.ts";
import { titled } from "#app/utils/meta.ts";
import { handleSubmission } from "#app/utils/submission.server.ts";

export const meta = titled("kpis.edit");

async function load(request: Request, params: { slug?: string; key?: string }) {
  const access = await departmentAccess(request, params.slug, "kpi:manage");
  const kpi = await getKpi(getDb(), access.department.id, params.key ?? "");
  assertFound(kpi);
  return { ...access, kpi };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { department, kpi } = await load(request, params);
  return { department: { slug: department.slug, name: department.name }, kpi };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, department, kpi } = await load(request, params);
  const formData = await request.formData();
  // The kind is fixed once data exists; the form does not send it, the rules need it.
  formData.set("kind", kpi.kind);
  const outcome = await handleSubmission(formData, EditKpiSchema, (value) =>
    updateKpi(getDb(), { actorId: user.id, kpiId: kpi.id, kpi: value }),
  );
  if (!outcome.ok) return outcome.response;
  return redirectWithFlash(`/departments/${department.slug}/kpis/${kpi.key}`, { key: "flash.kpiSaved" });
}

export default function EditKpi() {
  const t = useT();
  const { department, kpi } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const here = `/departments/${department.slug}/kpis/${kpi.key}`;
  return (
    <section aria-labelledby="edit-kpi-title">
      <p className="breadcrumb">
        <Link to={here}>{kpi.name}</Link>
      </p>
      <h1 id="edit-kpi-title">{t("kpis.edit")}</h1>
      <p className="muted">{t("kpis.editFixed", { key: kpi.key, kind: t(`kpis.kinds.${kpi.kind}`) })}</p>
      <KpiForm
        isNew={false}
        cancelTo={here}
        result={actionData?.result}
        defaults={{
          key: kpi.key,
          name: kpi.name,
          description: kpi.description,
          template: kpi.template ?? "",
          kind: kpi.kind,
          unit: kpi.unit,
          direction: kpi.direction,
          aggregation: kpi.aggregation,
          target: String(kpi.target),
          warning: kpi.warning === null ? "" : String(kpi.warning),
          period: kpi.period,
          channel: kpi.channel ?? "",
          slaSeconds: kpi.slaSeconds === null ? "" : String(kpi.slaSeconds),
          minSample: String(kpi.minSample),
        }}
      />
    </section>
  );
}
