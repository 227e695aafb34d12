import { useT } from "#app/i18n/use-t.ts";
import { INTL_LOCALE } from "#app/i18n/i18n.ts";
import { useLocale } from "#app/i18n/locale-context.ts";
import type { KpiPeriod, KpiUnit } from "./constants.ts";

const cache = new Map<string, (value: number) => string>();

/** Intl formatters per language and unit (costly to build, safe to share). */
export function valueFormatter(tag: string, unit: KpiUnit): (value: number) => string {
  const key = `${tag}/${unit}`;
  let format = cache.get(key);
  if (!format) {
    if (unit === "percent") {
      const f = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 1 });
      format = (value) => f.format(value / 100);
    } else if (unit === "seconds" || unit === "minutes" || unit === "hours") {
      const f = new Intl.NumberFormat(tag, {
        style: "unit",
        unit: unit.slice(0, -1),
        unitDisplay: "short",
        maximumFractionDigits: unit === "seconds" ? 0 : 1,
      });
      format = (value) => f.format(value);
    } else {
      const f = new Intl.NumberFormat(tag, { maximumFractionDigits: unit === "count" ? 0 : 1 });
      format = (value) => f.format(value);
    }
    cache.set(key, format);
  }
  return format;
}

const periodCache = new Map<string, Intl.DateTimeFormat>();

function periodFormatter(tag: string, period: KpiPeriod): Intl.DateTimeFormat {
  const key = `${tag}/${period}`;
  let f = periodCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      tag,
      period === "month"
        ? { month: "short", year: "numeric", timeZone: "UTC" }
        : { day: "numeric", month: "short", timeZone: "UTC" },
    );
    periodCache.set(key, f);
  }
  return f;
}

export type KpiFormat = ReturnType<typeof useKpiFormat>;

// A dashboard asks for the same few labels hundreds of times; i18next resolves each call afresh.
const fixedTexts = new Map<string, string>();

/**
 * KPI values and periods in the reader's language, and `t`. Call it once per
 * page or card and pass it down.
 */
export function useKpiFormat() {
  const translate = useT();
  const locale = useLocale();
  const tag = INTL_LOCALE[locale];
  /** Texts without parameters never change while the process runs: each is looked up once per language. */
  const t = (key: string, options?: Record<string, unknown>): string => {
    if (options) return translate(key, options);
    const cacheKey = `${locale}/${key}`;
    let text = fixedTexts.get(cacheKey);
    if (text === undefined) {
      text = translate(key);
      fixedTexts.set(cacheKey, text);
    }
    return text;
  };
  return {
    t,
    value: (unit: KpiUnit, value: number) => valueFormatter(tag, unit)(value),
    /** A signed difference, in the KPI's unit ("percentage points" for rates). */
    delta: (unit: KpiUnit, delta: number) => {
      const magnitude =
        unit === "percent"
          ? t("kpis.points", { value: valueFormatter(tag, "score")(Math.abs(delta)) })
          : valueFormatter(tag, unit)(Math.abs(delta));
      // A change too small to show reads as none, whatever its sign.
      const shownAsZero = !/[1-9]/.test(magnitude);
      return `${shownAsZero ? "±" : delta > 0 ? "+" : "−"}${magnitude}`;
    },
    period: (period: KpiPeriod, start: string) => {
      const label = periodFormatter(tag, period).format(new Date(`${start}T00:00:00Z`));
      return period === "week" ? t("kpis.weekOf", { date: label }) : label;
    },
  };
}
