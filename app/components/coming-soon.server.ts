import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "#app/modules/auth/session.server.ts";

/** The loader of an area that is not built yet: signed-in people only. */
export async function comingSoonLoader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "app:use", undefined);
  return null;
}
