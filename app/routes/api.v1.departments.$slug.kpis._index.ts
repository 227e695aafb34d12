import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { authenticateApi, json, methodNotAllowed, validationError } from "#app/modules/kpis/api.server.ts";
import { panelsBetween } from "#app/modules/kpis/dashboard.server.ts";
import { listKpis } from "#app/modules/kpis/queries.server.ts";
import { DateSchema } from "#app/modules/kpis/schemas.ts";

/** The longest span one request may ask for. */
const MAX_YEARS = 3;

const RangeSchema = z.object({ from: DateSchema, to: DateSchema }).superRefine(({ from, to }, ctx) => {
  if (from > to) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: "kpis.errors.fromAfterTo" });
    return;
  }
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS);
  if (to > limit.toISOString().slice(0, 10)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: `kpis.errors.rangeTooLong:${MAX_YEARS}` });
  }
});

/**
 * GET the department's KPIs with every period that overlaps ?from=…&to=…
 * (docs/api.md). A value below the minimum sample is null, as on the dashboards.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { department } = await authenticateApi(request, params.slug);
  const url = new URL(request.url);
  const range = RangeSchema.safeParse({
    from: url.searchParams.get("from") ?? undefined,
    to: url.searchParams.get("to") ?? undefined,
  });
  if (!range.success) return validationError(range.error.issues);
  const { from, to } = range.data;
  const db = getDb();
  const kpis = await listKpis(db, { departmentIds: [department.id] });
  const panels = await panelsBetween(db, kpis, { from, to });
  return json({
    department: { slug: department.slug, name: department.name },
    from,
    to,
    kpis: panels.map(({ kpi, summary }) => ({
      key: kpi.key,
      name: kpi.name,
      kind: kpi.kind,
      unit: kpi.unit,
      direction: kpi.direction,
      target: kpi.target,
      warning: kpi.warning,
      period: kpi.period,
      channel: kpi.channel,
      minSample: kpi.minSample,
      periods: summary.points.map((p) => ({
        periodStart: p.periodStart,
        value: p.status === "not_enough" || p.status === "no_data" ? null : p.value,
        sampleSize: p.sampleSize,
        status: p.status,
      })),
    })),
  });
}

export function action() {
  return methodNotAllowed("GET");
}
