import { INTL_LOCALE, type Locale } from "#app/i18n/i18n.ts";
import { useLocale } from "#app/i18n/locale-context.ts";

/**
 * The company's time zone: server and browser must format a moment the same
 * way (or hydration differs). All of the Nordics share one zone.
 */
export const COMPANY_TIME_ZONE = "Europe/Stockholm";

type Formatters = {
  date: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
  month: Intl.DateTimeFormat;
  number: Intl.NumberFormat;
  percent: Intl.NumberFormat;
};

// Intl formatters are costly to build and safe to share: one set per language.
const cache = new Map<string, Formatters>();

function formattersFor(tag: string): Formatters {
  let f = cache.get(tag);
  if (!f) {
    f = {
      date: new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: COMPANY_TIME_ZONE }),
      dateTime: new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: COMPANY_TIME_ZONE }),
      month: new Intl.DateTimeFormat(tag, { month: "short", year: "numeric", timeZone: COMPANY_TIME_ZONE }),
      number: new Intl.NumberFormat(tag),
      percent: new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 }),
    };
    cache.set(tag, f);
  }
  return f;
}

/** Dates and numbers through Intl, in the reader's language and region. */
export function useFormat() {
  return formatFor(useLocale());
}

/** The same outside React (a server-made download, say). */
export function formatFor(locale: Locale) {
  const f = formattersFor(INTL_LOCALE[locale]);
  return {
    date: (value: Date | string) => f.date.format(new Date(value)),
    dateTime: (value: Date | string) => f.dateTime.format(new Date(value)),
    month: (value: Date | string) => f.month.format(new Date(value)),
    number: (value: number) => f.number.format(value),
    percent: (share: number) => f.percent.format(share),
  };
}
