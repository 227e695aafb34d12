import { useTranslation } from "react-i18next";
import { INTL_LOCALE, isLocale } from "#app/i18n/i18n.ts";

/**
 * The company's time zone: server and browser must format a moment the same
 * way (or hydration differs). All of the Nordics share one zone.
 */
export const COMPANY_TIME_ZONE = "Europe/Stockholm";

/** Dates and numbers through Intl, in the reader's language and region. */
export function useFormat() {
  const { i18n } = useTranslation();
  const tag = INTL_LOCALE[isLocale(i18n.language) ? i18n.language : "en"];
  return {
    date: (value: Date | string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: COMPANY_TIME_ZONE }).format(new Date(value)),
    dateTime: (value: Date | string) =>
      new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: COMPANY_TIME_ZONE }).format(
        new Date(value),
      ),
    number: (value: number) => new Intl.NumberFormat(tag).format(value),
    percent: (share: number) =>
      new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 0 }).format(share),
  };
}
