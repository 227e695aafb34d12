import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getDb } from "#db/client.server.ts";
import { endSession } from "#app/modules/auth/session.server.ts";

// Public: signing out needs no permission (an expired session may still sign out).
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endSession(getDb(), request);
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
