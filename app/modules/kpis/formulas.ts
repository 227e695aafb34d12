/**
 * The CX formulas of DOMAIN.md, exactly. SQL does the counting (see
 * queries.server.ts); these functions turn counts into scores and statuses.
 * Pure and browser-safe, so the definition pages compute their worked
 * examples with the same code the dashboards use.
 */
import type { KpiDirection, KpiKind, KpiPeriod, KpiStatus, SurveyKind } from "./constants.ts";

/** What SQL counts for a survey KPI in one period. */
export interface SurveyCounts {
  responses: number;
  /** NPS promoters (9–10), CSAT satisfied (4–5), CES agreeing it was easy (5–7). */
  positive: number;
  /** NPS detractors (0–6); 0 for CSAT and CES. */
  negative: number;
  /** The sum of the scores (for the CES mean). */
  scoreSum: number;
}

export type ScoreClass = "positive" | "neutral" | "negative";

/** Where one answer falls: promoter/passive/detractor, satisfied or not, agreeing or not. */
export function classifyScore(kind: SurveyKind, score: number): ScoreClass {
  switch (kind) {
    case "nps":
      return score >= 9 ? "positive" : score >= 7 ? "neutral" : "negative";
    case "csat":
      return score >= 4 ? "positive" : "neutral";
    case "ces":
      return score >= 5 ? "positive" : "neutral";
  }
}

/** NPS = 100 × (promoters − detractors) / responses, in [−100, 100]. */
export function nps(promoters: number, detractors: number, responses: number): number | null {
  return responses > 0 ? (100 * (promoters - detractors)) / responses : null;
}

/** CSAT % = 100 × (responses scoring 4 or 5) / responses. */
export function csat(satisfied: number, responses: number): number | null {
  return rate(satisfied, responses);
}

/** CES: the mean score on the 1–7 scale. */
export function cesMean(scoreSum: number, responses: number): number | null {
  return responses > 0 ? scoreSum / responses : null;
}

/** CES: % agreeing that it was easy (5–7). */
export function cesAgreeing(agreeing: number, responses: number): number | null {
  return rate(agreeing, responses);
}

/** A survey KPI's score for one period (null without responses). */
export function surveyScore(kind: SurveyKind, counts: SurveyCounts): number | null {
  switch (kind) {
    case "nps":
      return nps(counts.positive, counts.negative, counts.responses);
    case "csat":
      return csat(counts.positive, counts.responses);
    case "ces":
      return cesMean(counts.scoreSum, counts.responses);
  }
}

/** Any rate: 100 × part / whole, from the counts (never an average of rates). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/** FCR % = 100 × contacts resolved at first contact / contacts. */
export const firstContactResolution = rate;
/** Case effectiveness % = 100 × cases resolved with a positive outcome / all cases. */
export const caseEffectiveness = rate;
/** SLA attainment % = 100 × contacts answered within the channel's target time / contacts. */
export const slaAttainment = rate;

/** AHT = (talk + hold + after-contact work time) / contacts. */
export function averageHandlingTime(talk: number, hold: number, afterWork: number, contacts: number): number | null {
  return contacts > 0 ? (talk + hold + afterWork) / contacts : null;
}

/**
 * Readings of a rate or a time over several periods: weighted by their
 * sample sizes, which is the rate of the underlying counts (SQL does the
 * same in queries.server.ts).
 */
export function weightedMean(readings: { value: number; sampleSize: number }[]): number | null {
  const total = readings.reduce((sum, r) => sum + r.sampleSize, 0);
  return total > 0 ? readings.reduce((sum, r) => sum + r.value * r.sampleSize, 0) / total : null;
}

/** `a` is at least as good as `b` for a KPI with this direction. */
export function atLeastAsGood(a: number, b: number, direction: KpiDirection): boolean {
  return direction === "higher" ? a >= b : a <= b;
}

export interface StatusInput {
  kind: KpiKind;
  value: number | null;
  sampleSize: number | null;
  minSample: number;
  target: number;
  warning: number | null;
  direction: KpiDirection;
}

/**
 * On target when at least as good as the target; warning when not, but at
 * least as good as the warning threshold; off target otherwise. A survey
 * score from fewer responses than the minimum sample has no status.
 */
export function kpiStatus(input: StatusInput): KpiStatus {
  if (input.value === null) return "no_data";
  if (input.kind !== "number" && (input.sampleSize ?? 0) < input.minSample) return "not_enough";
  if (atLeastAsGood(input.value, input.target, input.direction)) return "on_target";
  if (input.warning !== null && atLeastAsGood(input.value, input.warning, input.direction)) return "warning";
  return "off_target";
}

export interface Change {
  delta: number;
  /** Moved the better way for this KPI (false when unchanged). */
  improved: boolean;
  worsened: boolean;
}

/** The change since the previous period, read with the KPI's direction. */
export function change(current: number | null, previous: number | null, direction: KpiDirection): Change | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  const better = direction === "higher" ? delta > 0 : delta < 0;
  return { delta, improved: better, worsened: delta !== 0 && !better };
}

// Periods. Dates are calendar dates ("YYYY-MM-DD"); weeks start on Monday (ISO 8601).

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function toDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The first day of the period that contains `date`. */
export function periodStartOf(date: string, period: KpiPeriod): string {
  const d = toUtc(date);
  if (period === "month") return `${date.slice(0, 7)}-01`;
  if (period === "week") return toDate(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS));
  return toDate(d);
}

export function isPeriodStart(date: string, period: KpiPeriod): boolean {
  if (period === "day") return true;
  if (period === "month") return date.endsWith("-01");
  return periodStartOf(date, period) === date;
}

/** The start of the period `n` periods after (or before, when negative) the one starting at `start`. */
export function addPeriods(start: string, period: KpiPeriod, n: number): string {
  const d = toUtc(start);
  if (period === "month") {
    d.setUTCMonth(d.getUTCMonth() + n);
    return toDate(d);
  }
  return toDate(new Date(d.getTime() + n * (period === "week" ? 7 : 1) * DAY_MS));
}

/** The `count` period starts ending with the period that contains `lastDate`, oldest first. */
export function periodRange(lastDate: string, period: KpiPeriod, count: number): string[] {
  const last = periodStartOf(lastDate, period);
  return Array.from({ length: count }, (_, i) => addPeriods(last, period, i - count + 1));
}

/**
 * Which periods a KPI can be shown in. Survey scores: any (each response has
 * its moment). Readings: their own period, and for daily ones weeks and
 * months too; a week can straddle two months, so weekly readings are never
 * forced into months (the result would not be the month's).
 */
export function viewablePeriods(kind: KpiKind, period: KpiPeriod): KpiPeriod[] {
  if (kind !== "number" || period === "day") return ["day", "week", "month"];
  return [period];
}
