import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "#db/client.server.ts";
import { localeCookie } from "#app/i18n/locale.server.ts";
import { getCurrentUser } from "#app/modules/auth/session.server.ts";
import { safeRedirect } from "#app/modules/auth/sign-in.server.ts";
import { LocaleSchema } from "#app/modules/forms.ts";
import { setLocale } from "#app/modules/people/people.server.ts";

const LanguageSchema = z.object({ locale: LocaleSchema, redirectTo: z.string().optional() });

// Public: anyone may choose the language; a signed-in person's choice is kept on their profile.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = LanguageSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ error: "validation.choose" }, { status: 400 });
  const user = await getCurrentUser(request);
  if (user) await setLocale(getDb(), user.id, parsed.data.locale);
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}
