/**
 * The "how is this number computed?" pages: one per metric of the template
 * library, and one for any other number. Each shows a worked example
 * computed with the same formulas the dashboards use.
 */
import type { KpiKind, KpiUnit } from "./constants.ts";
import {
  averageHandlingTime,
  caseEffectiveness,
  cesMean,
  csat,
  firstContactResolution,
  nps,
  rate,
  slaAttainment,
  weightedMean,
} from "./formulas.ts";
import { KPI_TEMPLATES } from "./templates.ts";

export const METRICS = [...KPI_TEMPLATES.map((t) => t.key), "number"];

export function definitionMetric(kpi: { kind: KpiKind; template: string | null }): string {
  if (kpi.kind !== "number") return kpi.kind;
  return kpi.template && METRICS.includes(kpi.template) ? kpi.template : "number";
}

export interface WorkedExample {
  /** Locale keys under kpis.definitions.inputs, with their values. */
  inputs: { key: string; value: number }[];
  result: number | null;
  unit: KpiUnit;
}

export const EXAMPLES: Record<string, () => WorkedExample> = {
  nps: () => ({
    inputs: [
      { key: "promoters", value: 45 },
      { key: "passives", value: 30 },
      { key: "detractors", value: 25 },
    ],
    result: nps(45, 25, 100),
    unit: "score",
  }),
  csat: () => ({
    inputs: [
      { key: "satisfied", value: 170 },
      { key: "responses", value: 200 },
    ],
    result: csat(170, 200),
    unit: "percent",
  }),
  ces: () => ({
    inputs: [
      { key: "scoreSum", value: 1060 },
      { key: "responses", value: 200 },
    ],
    result: cesMean(1060, 200),
    unit: "score",
  }),
  fcr: () => ({
    inputs: [
      { key: "resolvedFirst", value: 130 },
      { key: "contacts", value: 200 },
    ],
    result: firstContactResolution(130, 200),
    unit: "percent",
  }),
  aht: () => ({
    inputs: [
      { key: "talk", value: 2400 },
      { key: "hold", value: 300 },
      { key: "afterWork", value: 900 },
      { key: "contacts", value: 12 },
    ],
    result: averageHandlingTime(2400, 300, 900, 12),
    unit: "seconds",
  }),
  "wait-time": () => ({
    inputs: [
      { key: "mondayWait", value: 40 },
      { key: "mondayCalls", value: 100 },
      { key: "tuesdayWait", value: 100 },
      { key: "tuesdayCalls", value: 50 },
    ],
    result: weightedMean([
      { value: 40, sampleSize: 100 },
      { value: 100, sampleSize: 50 },
    ]),
    unit: "seconds",
  }),
  "response-sla": () => ({
    inputs: [
      { key: "withinTarget", value: 171 },
      { key: "contacts", value: 180 },
    ],
    result: slaAttainment(171, 180),
    unit: "percent",
  }),
  "abandoned-baskets": () => ({
    inputs: [
      { key: "abandoned", value: 620 },
      { key: "started", value: 1000 },
    ],
    result: rate(620, 1000),
    unit: "percent",
  }),
  "server-downtime": () => ({
    inputs: [
      { key: "firstOutage", value: 12 },
      { key: "secondOutage", value: 25 },
    ],
    result: 12 + 25,
    unit: "minutes",
  }),
  "case-effectiveness": () => ({
    inputs: [
      { key: "positiveOutcome", value: 45 },
      { key: "cases", value: 60 },
    ],
    result: caseEffectiveness(45, 60),
    unit: "percent",
  }),
};
