import { createInstance, type i18n as I18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";

export const LOCALES = ["en", "sv", "da", "nb"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The language names as their speakers write them, for the language switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  sv: "svenska",
  da: "dansk",
  nb: "norsk bokmål",
};

/** The region used for dates and numbers (Intl) in each language. */
export const INTL_LOCALE: Record<Locale, string> = {
  en: "en-GB",
  sv: "sv-SE",
  da: "da-DK",
  nb: "nb-NO",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

const instances = new Map<Locale, I18n>();

/** Registers one language's messages; the instance is ready synchronously. */
export function registerLocale(locale: Locale, messages: Resource[string]["translation"]): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: messages } },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instances.set(locale, instance);
  return instance;
}

export function getI18n(locale: Locale): I18n {
  const instance = instances.get(locale) ?? instances.get(DEFAULT_LOCALE) ?? instances.values().next().value;
  if (!instance) throw new Error(`No messages are loaded for ${locale}.`);
  return instance;
}

/**
 * The best supported language for an Accept-Language header
 * ("nb-NO,no;q=0.9,en;q=0.5" → nb; Norwegian "no"/"nn" read as bokmål).
 */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (primary === "no" || primary === "nn") return "nb";
    if (isLocale(primary)) return primary;
  }
  return undefined;
}
