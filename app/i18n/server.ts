import da from "./locales/da.json";
import en from "./locales/en.json";
import nb from "./locales/nb.json";
import sv from "./locales/sv.json";
import { registerLocale } from "./i18n.ts";

/** The server renders any language, so it holds them all; the browser loads only its own. */
export const MESSAGES = { en, sv, da, nb } as const;
for (const [locale, messages] of Object.entries(MESSAGES)) registerLocale(locale as keyof typeof MESSAGES, messages);
