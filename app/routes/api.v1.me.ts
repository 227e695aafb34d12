import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "#app/modules/auth/session.server.ts";
import { authorize } from "#app/modules/policy/policy.ts";

/**
 * Who am I (JSON). The smallest signed-in route: API clients use it to check
 * their session, and the benchmarks use it as their baseline.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (!authorize(user, "app:use", undefined).allowed || !user) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  return Response.json(
    { id: user.id, name: user.name, email: user.email, role: user.role, departments: user.departments },
    { headers: { "Cache-Control": "no-store" } },
  );
}
