import { getDb } from "#db/client.server.ts";
import { assertFound } from "#app/http.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { getDepartmentBySlug } from "#app/modules/departments/departments.server.ts";

/**
 * The department of a KPI page and the signed-in actor, checked against the
 * policy: everyone reads KPIs; `action` is what the page changes.
 */
export async function departmentAccess(
  request: Request,
  slug: string | undefined,
  action?: "kpi:manage" | "kpi:tokens",
) {
  const user = await requirePermission(request, "app:use", undefined);
  const department = await getDepartmentBySlug(getDb(), slug ?? "");
  assertFound(department);
  if (action) await requirePermission(request, action, department);
  return { user, department };
}
