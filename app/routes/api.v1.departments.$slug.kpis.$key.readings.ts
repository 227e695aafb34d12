import type { ActionFunctionArgs } from "@remix-run/node";
import { getDb } from "#db/client.server.ts";
import {
  authenticateApi,
  json,
  methodNotAllowed,
  notFound,
  readJsonBody,
  validationError,
} from "#app/modules/kpis/api.server.ts";
import { checkReadings, upsertReadings } from "#app/modules/kpis/commands.server.ts";
import { getKpi } from "#app/modules/kpis/queries.server.ts";
import { ReadingsApiSchema } from "#app/modules/kpis/schemas.ts";

/**
 * PUT readings of one KPI (docs/api.md). A reading replaces any earlier one
 * of the same period, so sending a batch again is safe. One bad row: 422 and
 * nothing is written.
 */
export function loader() {
  return methodNotAllowed("PUT");
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "PUT") return methodNotAllowed("PUT");
  const { department } = await authenticateApi(request, params.slug);
  const db = getDb();
  const kpi = await getKpi(db, department.id, params.key ?? "");
  if (!kpi || kpi.archived) return notFound(`${department.name} has no KPI with the key "${params.key ?? ""}".`);
  const body = await readJsonBody(request);
  // Survey KPIs are computed from responses: no row could ever be accepted.
  if (kpi.kind !== "number") return validationError([{ field: "kpi", message: "kpis.errors.computedKpi" }]);
  const parsed = ReadingsApiSchema.safeParse(body);
  if (!parsed.success) return validationError(parsed.error.issues);
  const { readings, errors } = checkReadings(
    [kpi],
    parsed.data.readings.map((r, i) => ({
      row: i + 1,
      periodStart: r.periodStart,
      value: r.value,
      sampleSize: r.sampleSize ?? null,
    })),
  );
  if (errors.length) return validationError(errors);
  const result = await upsertReadings(db, { actorId: null, departmentId: department.id, readings, source: "api" });
  return json({ inserted: result.inserted, updated: result.updated });
}
