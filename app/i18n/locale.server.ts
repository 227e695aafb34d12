import { createCookie } from "@remix-run/node";
import { isSecureOrigin } from "#app/env.server.ts";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "./i18n.ts";

/** The language chosen by someone not signed in (a signed-in person's choice is on their profile). */
export const localeCookie = createCookie("sl_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: isSecureOrigin(),
  maxAge: 60 * 60 * 24 * 365,
});

/** The person's setting, else the language cookie, else Accept-Language, else English. */
export async function resolveLocale(request: Request, userLocale?: Locale | null): Promise<Locale> {
  if (userLocale && isLocale(userLocale)) return userLocale;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}
