import { getDb } from "#db/client.server.ts";
import { assertFound } from "#app/http.server.ts";
import { requirePermission } from "#app/modules/auth/session.server.ts";
import { getDepartmentBySlug } from "#app/modules/departments/departments.server.ts";
import type { Actions, DepartmentSubject } from "#app/modules/policy/policy.ts";

/** The policy's actions whose subject is a department. */
type DepartmentAction = { [A in keyof Actions]: Actions[A] extends DepartmentSubject ? A : never }[keyof Actions];

/**
 * The department of a page (404 for an unknown slug) and the signed-in actor,
 * checked against the policy: every signed-in person reads a department's
 * pages; `action` is what the page changes, when it does.
 */
export async function departmentAccess(request: Request, slug: string | undefined, action?: DepartmentAction) {
  const user = await requirePermission(request, "app:use", undefined);
  const department = await getDepartmentBySlug(getDb(), slug ?? "");
  assertFound(department);
  if (action) await requirePermission(request, action, department);
  return { user, department };
}
