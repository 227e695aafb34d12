import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requirePermission } from "#app/modules/auth/session.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "people:manage", undefined);
  return redirect("/admin/people");
}
