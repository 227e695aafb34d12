/**
 * The CX formulas of DOMAIN.md ("Formulas"), checked against hand-computed
 * literals. Never recompute an expected value with the formula under test.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_MIN_SAMPLE } from "#app/modules/kpis/constants.ts";
import type { KpiKind, KpiPeriod, SurveyKind } from "#app/modules/kpis/constants.ts";
import {
  addPeriods,
  atLeastAsGood,
  averageHandlingTime,
  caseEffectiveness,
  cesAgreeing,
  cesMean,
  change,
  classifyScore,
  csat,
  firstContactResolution,
  isPeriodStart,
  kpiStatus,
  nps,
  periodRange,
  periodStartOf,
  rate,
  slaAttainment,
  surveyScore,
  viewablePeriods,
} from "#app/modules/kpis/formulas.ts";
import type { StatusInput } from "#app/modules/kpis/formulas.ts";

/** Counts answers by class, so a test can start from raw scores. */
function tally(kind: SurveyKind, scores: number[]) {
  const classes = scores.map((s) => classifyScore(kind, s));
  return {
    positive: classes.filter((c) => c === "positive").length,
    neutral: classes.filter((c) => c === "neutral").length,
    negative: classes.filter((c) => c === "negative").length,
  };
}

describe("NPS", () => {
  it.each([
    [0, "negative"],
    [1, "negative"],
    [5, "negative"],
    [6, "negative"],
    [7, "neutral"],
    [8, "neutral"],
    [9, "positive"],
    [10, "positive"],
  ] as const)("classifies score %i as %s (detractor 0–6, passive 7–8, promoter 9–10)", (score, expected) => {
    expect(classifyScore("nps", score)).toBe(expected);
  });

  it("gives 20 for 45 promoters, 30 passives and 25 detractors of 100", () => {
    expect(nps(45, 25, 100)).toBe(20);
  });

  it("ignores passives except in the denominator", () => {
    // 7 promoters, 2 passives, 3 detractors of 12: 100 × 4 / 12 = 33.33…
    expect(nps(7, 3, 12)).toBeCloseTo(33.3333, 4);
    // Same promoters and detractors, 10 more passives: 100 × 4 / 22 = 18.18…
    expect(nps(7, 3, 22)).toBeCloseTo(18.1818, 4);
  });

  it("is null without responses", () => {
    expect(nps(0, 0, 0)).toBeNull();
  });

  it("is −100 when everyone is a detractor", () => {
    expect(nps(0, 50, 50)).toBe(-100);
  });

  it("is 100 when everyone is a promoter", () => {
    expect(nps(30, 0, 30)).toBe(100);
  });

  it("is 0 when everyone is a passive", () => {
    expect(nps(0, 0, 40)).toBe(0);
  });

  it("can be negative", () => {
    // 10 promoters, 20 passives, 30 detractors of 60: 100 × (10 − 30) / 60 = −33.33…
    expect(nps(10, 30, 60)).toBeCloseTo(-33.3333, 4);
  });

  it("scores a list of raw answers end to end", () => {
    // Promoters 10, 9, 9, 9, 10 (5); passives 8, 7 (2); detractors 6, 0, 3 (3).
    const scores = [10, 9, 9, 8, 7, 6, 0, 3, 9, 10];
    const t = tally("nps", scores);
    expect(t).toEqual({ positive: 5, neutral: 2, negative: 3 });
    // 100 × (5 − 3) / 10 = 20
    expect(nps(t.positive, t.negative, scores.length)).toBe(20);
  });
});

describe("CSAT", () => {
  it.each([
    [1, "neutral"],
    [2, "neutral"],
    [3, "neutral"],
    [4, "positive"],
    [5, "positive"],
  ] as const)("classifies score %i as %s (satisfied = 4 or 5)", (score, expected) => {
    expect(classifyScore("csat", score)).toBe(expected);
  });

  it("counts 3 as not satisfied and 4 as satisfied (the boundary)", () => {
    expect(classifyScore("csat", 3)).not.toBe("positive");
    expect(classifyScore("csat", 4)).toBe("positive");
  });

  it("never calls a CSAT answer negative (only satisfied or not)", () => {
    expect(classifyScore("csat", 1)).not.toBe("negative");
  });

  it("gives 85 for 17 satisfied of 20", () => {
    expect(csat(17, 20)).toBe(85);
  });

  it("is null without responses", () => {
    expect(csat(0, 0)).toBeNull();
  });

  it("is 0 and 100 at the extremes", () => {
    expect(csat(0, 8)).toBe(0);
    expect(csat(20, 20)).toBe(100);
  });

  it("scores a list of raw answers end to end", () => {
    // 5, 4, 5 satisfied; 3, 2 not: 100 × 3 / 5 = 60
    const scores = [5, 4, 3, 5, 2];
    const t = tally("csat", scores);
    expect(t.positive).toBe(3);
    expect(csat(t.positive, scores.length)).toBe(60);
  });
});

describe("CES", () => {
  it.each([
    [1, "neutral"],
    [3, "neutral"],
    [4, "neutral"],
    [5, "positive"],
    [6, "positive"],
    [7, "positive"],
  ] as const)("classifies score %i as %s (agreeing = 5–7)", (score, expected) => {
    expect(classifyScore("ces", score)).toBe(expected);
  });

  it("gives a mean of 5.3 for scores summing to 53 over 10 responses", () => {
    expect(cesMean(53, 10)).toBe(5.3);
  });

  it("gives the mean on the 1–7 scale at the extremes", () => {
    expect(cesMean(4, 4)).toBe(1);
    expect(cesMean(28, 4)).toBe(7);
  });

  it("gives % agreeing from counts", () => {
    expect(cesAgreeing(7, 10)).toBe(70);
    expect(cesAgreeing(1, 3)).toBeCloseTo(33.3333, 4);
  });

  it("is null without responses (mean and % agreeing)", () => {
    expect(cesMean(0, 0)).toBeNull();
    expect(cesAgreeing(0, 0)).toBeNull();
  });

  it("scores a list of raw answers end to end", () => {
    // Sum: 7+6+5+5+4+4+6+7+5+4 = 53 → mean 5.3; agreeing (≥5): 7,6,5,5,6,7,5 = 7 → 70 %.
    const scores = [7, 6, 5, 5, 4, 4, 6, 7, 5, 4];
    const t = tally("ces", scores);
    expect(t.positive).toBe(7);
    expect(cesMean(53, scores.length)).toBe(5.3);
    expect(cesAgreeing(t.positive, scores.length)).toBe(70);
  });
});

describe("surveyScore", () => {
  it("gives NPS from promoters, detractors and responses", () => {
    expect(surveyScore("nps", { responses: 100, positive: 45, negative: 25, scoreSum: 700 })).toBe(20);
  });

  it("gives CSAT % from satisfied and responses", () => {
    expect(surveyScore("csat", { responses: 20, positive: 17, negative: 0, scoreSum: 80 })).toBe(85);
  });

  it("gives the CES mean (not % agreeing) from the score sum", () => {
    expect(surveyScore("ces", { responses: 10, positive: 7, negative: 0, scoreSum: 53 })).toBe(5.3);
  });

  it.each(["nps", "csat", "ces"] as const)("is null for %s without responses", (kind) => {
    expect(surveyScore(kind, { responses: 0, positive: 0, negative: 0, scoreSum: 0 })).toBeNull();
  });
});

describe("rate", () => {
  it("is 100 × part / whole", () => {
    expect(rate(1, 4)).toBe(25);
    expect(rate(0, 5)).toBe(0);
    expect(rate(5, 5)).toBe(100);
  });

  it("is null for an empty whole", () => {
    expect(rate(0, 0)).toBeNull();
  });

  it("is computed from summed counts, never as an average of per-day rates", () => {
    // Day 1: 9 of 10 (90 %). Day 2: 1 of 90 (1.11 %).
    expect(rate(9, 10)).toBe(90);
    expect(rate(1, 90)).toBeCloseTo(1.1111, 4);
    // The period: (9 + 1) of (10 + 90) = 10 of 100 = 10 %.
    const period = rate(10, 100);
    expect(period).toBe(10);
    // The mean of the daily rates would be (90 + 1.11) / 2 = 45.56 %, which is wrong.
    expect(period).not.toBeCloseTo(45.5556, 2);
  });
});

describe("FCR, case effectiveness and SLA attainment", () => {
  it("FCR: 130 of 200 contacts resolved at first contact → 65 %", () => {
    expect(firstContactResolution(130, 200)).toBe(65);
    expect(firstContactResolution(0, 0)).toBeNull();
  });

  it("case effectiveness: 45 of 60 cases with a positive outcome → 75 %", () => {
    expect(caseEffectiveness(45, 60)).toBe(75);
    expect(caseEffectiveness(0, 0)).toBeNull();
  });

  it("SLA attainment: 171 of 180 contacts within target time → 95 %", () => {
    expect(slaAttainment(171, 180)).toBe(95);
    expect(slaAttainment(0, 0)).toBeNull();
  });
});

describe("averageHandlingTime", () => {
  it("is (talk + hold + after-contact work) / contacts", () => {
    // (2400 + 300 + 900) / 12 = 3600 / 12 = 300 s
    expect(averageHandlingTime(2400, 300, 900, 12)).toBe(300);
    // (100 + 20 + 30) / 4 = 37.5
    expect(averageHandlingTime(100, 20, 30, 4)).toBe(37.5);
  });

  it("counts hold and after-contact work, not just talk time", () => {
    expect(averageHandlingTime(600, 0, 0, 2)).toBe(300);
    expect(averageHandlingTime(600, 120, 0, 2)).toBe(360);
    expect(averageHandlingTime(600, 120, 60, 2)).toBe(390);
  });

  it("is null with 0 contacts", () => {
    expect(averageHandlingTime(0, 0, 0, 0)).toBeNull();
    expect(averageHandlingTime(100, 10, 10, 0)).toBeNull();
  });
});

describe("atLeastAsGood", () => {
  it("reads the direction", () => {
    expect(atLeastAsGood(81, 80, "higher")).toBe(true);
    expect(atLeastAsGood(80, 80, "higher")).toBe(true);
    expect(atLeastAsGood(79, 80, "higher")).toBe(false);
    expect(atLeastAsGood(79, 80, "lower")).toBe(true);
    expect(atLeastAsGood(80, 80, "lower")).toBe(true);
    expect(atLeastAsGood(81, 80, "lower")).toBe(false);
  });
});

/** A status input with sensible defaults: a number KPI, higher is better, target 80, warning 70. */
function status(overrides: Partial<StatusInput>): StatusInput {
  return {
    kind: "number",
    value: 80,
    sampleSize: null,
    minSample: 10,
    target: 80,
    warning: 70,
    direction: "higher",
    ...overrides,
  };
}

describe("kpiStatus", () => {
  describe("higher is better (target 80, warning 70)", () => {
    it("is on target above the target", () => {
      expect(kpiStatus(status({ value: 85 }))).toBe("on_target");
    });

    it("is on target exactly at the target", () => {
      expect(kpiStatus(status({ value: 80 }))).toBe("on_target");
    });

    it("is warning between target and warning threshold", () => {
      expect(kpiStatus(status({ value: 75 }))).toBe("warning");
      expect(kpiStatus(status({ value: 79.9 }))).toBe("warning");
    });

    it("is warning exactly at the warning threshold", () => {
      expect(kpiStatus(status({ value: 70 }))).toBe("warning");
    });

    it("is off target beyond the warning threshold", () => {
      expect(kpiStatus(status({ value: 69.9 }))).toBe("off_target");
      expect(kpiStatus(status({ value: 0 }))).toBe("off_target");
    });

    it("is off target whenever the target is missed and there is no warning threshold", () => {
      expect(kpiStatus(status({ value: 79.9, warning: null }))).toBe("off_target");
      expect(kpiStatus(status({ value: 80, warning: null }))).toBe("on_target");
    });
  });

  describe("lower is better (AHT, target 300 s, warning 360 s)", () => {
    const aht = { direction: "lower", target: 300, warning: 360 } as const;

    it("is on target below the target", () => {
      expect(kpiStatus(status({ ...aht, value: 250 }))).toBe("on_target");
    });

    it("is on target exactly at the target", () => {
      expect(kpiStatus(status({ ...aht, value: 300 }))).toBe("on_target");
    });

    it("is warning between target and warning threshold", () => {
      expect(kpiStatus(status({ ...aht, value: 330 }))).toBe("warning");
    });

    it("is warning exactly at the warning threshold", () => {
      expect(kpiStatus(status({ ...aht, value: 360 }))).toBe("warning");
    });

    it("is off target beyond the warning threshold", () => {
      expect(kpiStatus(status({ ...aht, value: 361 }))).toBe("off_target");
    });

    it("is off target whenever the target is missed and there is no warning threshold", () => {
      expect(kpiStatus(status({ ...aht, warning: null, value: 301 }))).toBe("off_target");
    });
  });

  it("works with negative NPS thresholds (target 30, warning 0)", () => {
    const base = { kind: "nps", sampleSize: 50, target: 30, warning: 0 } as const;
    expect(kpiStatus(status({ ...base, value: 30 }))).toBe("on_target");
    expect(kpiStatus(status({ ...base, value: 0 }))).toBe("warning");
    expect(kpiStatus(status({ ...base, value: -10 }))).toBe("off_target");
  });

  it("is no_data when there is no value", () => {
    expect(kpiStatus(status({ value: null }))).toBe("no_data");
    expect(kpiStatus(status({ kind: "nps", value: null, sampleSize: 0 }))).toBe("no_data");
  });

  describe("minimum sample", () => {
    it("defaults to 10 responses (DOMAIN.md)", () => {
      expect(DEFAULT_MIN_SAMPLE).toBe(10);
    });

    it.each(["nps", "csat", "ces"] as const)("%s: below the minimum sample is not_enough", (kind) => {
      expect(kpiStatus(status({ kind, value: 90, sampleSize: 9, minSample: 10 }))).toBe("not_enough");
      expect(kpiStatus(status({ kind, value: 90, sampleSize: 1, minSample: 10 }))).toBe("not_enough");
    });

    it.each(["nps", "csat", "ces"] as const)("%s: exactly at the minimum sample has a real status", (kind) => {
      expect(kpiStatus(status({ kind, value: 90, sampleSize: 10, minSample: 10 }))).toBe("on_target");
      expect(kpiStatus(status({ kind, value: 75, sampleSize: 10, minSample: 10 }))).toBe("warning");
      expect(kpiStatus(status({ kind, value: 50, sampleSize: 10, minSample: 10 }))).toBe("off_target");
    });

    it("treats a survey without a sample size as not enough", () => {
      expect(kpiStatus(status({ kind: "csat", value: 90, sampleSize: null, minSample: 10 }))).toBe("not_enough");
    });

    it("ignores the minimum sample for number KPIs", () => {
      expect(kpiStatus(status({ kind: "number", value: 90, sampleSize: 1, minSample: 10 }))).toBe("on_target");
      expect(kpiStatus(status({ kind: "number", value: 50, sampleSize: null, minSample: 10 }))).toBe("off_target");
    });
  });
});

describe("change", () => {
  it("higher is better: a rise is an improvement", () => {
    expect(change(85, 80, "higher")).toEqual({ delta: 5, improved: true, worsened: false });
  });

  it("higher is better: a fall is a worsening", () => {
    expect(change(75, 80, "higher")).toEqual({ delta: -5, improved: false, worsened: true });
  });

  it("lower is better: a fall is an improvement", () => {
    expect(change(280, 300, "lower")).toEqual({ delta: -20, improved: true, worsened: false });
  });

  it("lower is better: a rise is a worsening", () => {
    expect(change(320, 300, "lower")).toEqual({ delta: 20, improved: false, worsened: true });
  });

  it("unchanged is neither improved nor worsened", () => {
    expect(change(80, 80, "higher")).toEqual({ delta: 0, improved: false, worsened: false });
    expect(change(80, 80, "lower")).toEqual({ delta: 0, improved: false, worsened: false });
  });

  it("handles negative scores (NPS −10 → 5 is +15)", () => {
    expect(change(5, -10, "higher")).toEqual({ delta: 15, improved: true, worsened: false });
  });

  it("is null when either value is missing", () => {
    expect(change(null, 80, "higher")).toBeNull();
    expect(change(80, null, "higher")).toBeNull();
    expect(change(null, null, "lower")).toBeNull();
  });
});

describe("periodStartOf", () => {
  it("day: the date itself", () => {
    expect(periodStartOf("2026-11-25", "day")).toBe("2026-11-25");
    expect(periodStartOf("2028-02-29", "day")).toBe("2028-02-29");
  });

  it.each([
    ["2026-11-25", "2026-11-23", "a Wednesday"],
    ["2026-11-29", "2026-11-23", "a Sunday (end of the ISO week)"],
    ["2026-11-23", "2026-11-23", "a Monday (itself)"],
    ["2026-11-28", "2026-11-23", "a Saturday"],
    ["2026-11-30", "2026-11-30", "the next Monday"],
    ["2027-01-01", "2026-12-28", "a Friday across a year boundary"],
    ["2027-01-03", "2026-12-28", "a Sunday across a year boundary"],
    ["2026-03-01", "2026-02-23", "a Sunday across a month boundary"],
  ])("week: %s → %s (%s)", (date, expected) => {
    expect(periodStartOf(date, "week")).toBe(expected);
  });

  it("month: the first of the month", () => {
    expect(periodStartOf("2026-11-25", "month")).toBe("2026-11-01");
    expect(periodStartOf("2026-11-01", "month")).toBe("2026-11-01");
    expect(periodStartOf("2026-02-28", "month")).toBe("2026-02-01");
    expect(periodStartOf("2026-12-31", "month")).toBe("2026-12-01");
  });
});

describe("isPeriodStart", () => {
  it("every date starts a day", () => {
    expect(isPeriodStart("2026-11-25", "day")).toBe(true);
  });

  it("only Mondays start a week", () => {
    expect(isPeriodStart("2026-11-23", "week")).toBe(true);
    expect(isPeriodStart("2026-11-25", "week")).toBe(false);
    expect(isPeriodStart("2026-11-29", "week")).toBe(false);
    // 2026-11-01 is a Sunday: the first of the month, but not a week start.
    expect(isPeriodStart("2026-11-01", "week")).toBe(false);
  });

  it("only the first starts a month", () => {
    expect(isPeriodStart("2026-11-01", "month")).toBe(true);
    expect(isPeriodStart("2026-11-02", "month")).toBe(false);
    // 2026-11-23 is a Monday: a week start, not a month start.
    expect(isPeriodStart("2026-11-23", "month")).toBe(false);
  });
});

describe("addPeriods", () => {
  it.each([
    ["2026-11-25", 1, "2026-11-26"],
    ["2026-11-25", -1, "2026-11-24"],
    ["2026-11-25", 0, "2026-11-25"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2026-01-01", -1, "2025-12-31"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-28", 2, "2026-03-30"],
    ["2026-10-24", 2, "2026-10-26"],
  ] as const)("day: %s by %i → %s", (start, n, expected) => {
    expect(addPeriods(start, "day", n)).toBe(expected);
  });

  it.each([
    ["2026-11-23", 1, "2026-11-30"],
    ["2026-11-23", -1, "2026-11-16"],
    ["2026-11-23", 6, "2027-01-04"],
    ["2026-12-28", 1, "2027-01-04"],
    ["2027-01-04", -1, "2026-12-28"],
    ["2026-11-23", -52, "2025-11-24"],
  ] as const)("week: %s by %i → %s", (start, n, expected) => {
    expect(addPeriods(start, "week", n)).toBe(expected);
  });

  it.each([
    ["2026-01-01", 1, "2026-02-01"],
    ["2026-03-01", -1, "2026-02-01"],
    ["2026-01-01", 12, "2027-01-01"],
    ["2026-01-01", -12, "2025-01-01"],
    ["2026-12-01", 1, "2027-01-01"],
    ["2026-01-01", -1, "2025-12-01"],
    ["2026-02-01", 1, "2026-03-01"],
    ["2026-01-01", 25, "2028-02-01"],
    ["2026-05-01", 0, "2026-05-01"],
  ] as const)("month: %s by %i → %s", (start, n, expected) => {
    expect(addPeriods(start, "month", n)).toBe(expected);
  });
});

describe("periodRange", () => {
  it("weeks: `count` Monday starts, oldest first, ending in the week containing the date", () => {
    expect(periodRange("2026-11-25", "week", 3)).toEqual(["2026-11-09", "2026-11-16", "2026-11-23"]);
  });

  it("weeks across a year boundary", () => {
    expect(periodRange("2027-01-01", "week", 2)).toEqual(["2026-12-21", "2026-12-28"]);
  });

  it("months: month starts ending in the month containing the date", () => {
    expect(periodRange("2026-02-15", "month", 3)).toEqual(["2025-12-01", "2026-01-01", "2026-02-01"]);
  });

  it("12 months", () => {
    expect(periodRange("2026-11-25", "month", 12)).toEqual([
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
      "2026-03-01",
      "2026-04-01",
      "2026-05-01",
      "2026-06-01",
      "2026-07-01",
      "2026-08-01",
      "2026-09-01",
      "2026-10-01",
      "2026-11-01",
    ]);
  });

  it("days across a month end", () => {
    expect(periodRange("2026-03-01", "day", 3)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
  });

  it("a count of 1 is just the containing period", () => {
    expect(periodRange("2026-11-29", "week", 1)).toEqual(["2026-11-23"]);
  });

  it("a count of 0 is empty", () => {
    expect(periodRange("2026-11-25", "month", 0)).toEqual([]);
  });
});

describe("viewablePeriods", () => {
  it.each([
    ["day", ["day", "week", "month"]],
    ["week", ["week"]],
    ["month", ["month"]],
  ] as [KpiPeriod, KpiPeriod[]][])("number KPI recorded per %s → %j", (period, expected) => {
    expect(viewablePeriods("number", period)).toEqual(expected);
  });

  const surveyCases: [KpiKind, KpiPeriod][] = (["nps", "csat", "ces"] as const).flatMap((kind) =>
    (["day", "week", "month"] as const).map((period): [KpiKind, KpiPeriod] => [kind, period]),
  );

  it.each(surveyCases)("%s KPI with period %s → day, week and month", (kind, period) => {
    expect(viewablePeriods(kind, period)).toEqual(["day", "week", "month"]);
  });
});
