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
  rememberTexts(instance);
  instances.set(locale, instance);
  return instance;
}

/**
 * i18next resolves every call afresh, copying its options several times, and a
 * page makes hundreds of calls (a stories feed page spent 5 % of its CPU time in
 * `t`). Messages never change while the process runs, so a text without
 * parameters, or with only a count (plurals), is resolved once per language.
 * Texts with other values (names, dates) are resolved on every call.
 */
function rememberTexts(instance: I18n) {
  const getFixedT = instance.getFixedT.bind(instance);
  const texts = new Map<string, string>();
  instance.getFixedT = ((...args: Parameters<I18n["getFixedT"]>) => {
    const t = getFixedT(...args);
    const call = t as unknown as (...a: unknown[]) => unknown;
    const [lng, ns, keyPrefix] = args;
    if (keyPrefix) return t;
    const scope = `${String(lng)}\u0000${String(ns)}\u0000`;
    const remembering = (key: unknown, options?: unknown, ...rest: unknown[]): unknown => {
      const count = countOnly(options);
      if (typeof key !== "string" || rest.length > 0 || count === undefined) {
        return call(key, options, ...rest);
      }
      const id = `${scope}${key}\u0000${count}`;
      let text = texts.get(id);
      if (text === undefined) {
        const resolved = call(key, options);
        if (typeof resolved !== "string") return resolved;
        text = resolved;
        texts.set(id, text);
      }
      return text;
    };
    const { lng: fixedLng, ns: fixedNs } = t as unknown as { lng?: unknown; ns?: unknown };
    return Object.assign(remembering, { lng: fixedLng, ns: fixedNs, keyPrefix }) as unknown as typeof t;
  }) as I18n["getFixedT"];
}

/** "" for no options, the count for `{ count }` alone, undefined for anything else. */
function countOnly(options: unknown): string | undefined {
  if (options === undefined) return "";
  if (typeof options !== "object" || options === null) return undefined;
  const keys = Object.keys(options);
  if (keys.length === 0) return "";
  const count = (options as { count?: unknown }).count;
  return keys.length === 1 && typeof count === "number" ? String(count) : undefined;
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
