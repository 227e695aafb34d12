/**
 * The library of usual CX KPIs a manager starts from. Names and descriptions
 * live in the locale files (`kpis.templates.<key>.name` / `.description`);
 * a KPI made from a template keeps its own copy, so renaming it is fine.
 */
import type { KpiAggregation, KpiDirection, KpiKind, KpiPeriod, KpiUnit } from "./constants.ts";
import type { Channel } from "#db/schema.ts";

export interface KpiTemplate {
  key: string;
  kind: KpiKind;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  period: KpiPeriod;
  target: number;
  warning: number | null;
  channel?: Channel;
  slaSeconds?: number;
}

export const KPI_TEMPLATES: readonly KpiTemplate[] = [
  {
    key: "nps",
    kind: "nps",
    unit: "score",
    direction: "higher",
    aggregation: "weighted",
    period: "month",
    target: 30,
    warning: 10,
  },
  {
    key: "csat",
    kind: "csat",
    unit: "percent",
    direction: "higher",
    aggregation: "weighted",
    period: "month",
    target: 85,
    warning: 75,
  },
  {
    key: "ces",
    kind: "ces",
    unit: "score",
    direction: "higher",
    aggregation: "weighted",
    period: "month",
    target: 5.5,
    warning: 5,
  },
  {
    key: "fcr",
    kind: "number",
    unit: "percent",
    direction: "higher",
    aggregation: "weighted",
    period: "week",
    target: 75,
    warning: 65,
  },
  {
    key: "aht",
    kind: "number",
    unit: "seconds",
    direction: "lower",
    aggregation: "weighted",
    period: "week",
    target: 300,
    warning: 360,
  },
  {
    key: "wait-time",
    kind: "number",
    unit: "seconds",
    direction: "lower",
    aggregation: "weighted",
    period: "day",
    target: 60,
    warning: 120,
  },
  {
    key: "response-sla",
    kind: "number",
    unit: "percent",
    direction: "higher",
    aggregation: "weighted",
    period: "day",
    target: 80,
    warning: 70,
    channel: "phone",
    slaSeconds: 60,
  },
  {
    key: "abandoned-baskets",
    kind: "number",
    unit: "percent",
    direction: "lower",
    aggregation: "weighted",
    period: "week",
    target: 60,
    warning: 70,
  },
  {
    key: "server-downtime",
    kind: "number",
    unit: "minutes",
    direction: "lower",
    aggregation: "sum",
    period: "month",
    target: 30,
    warning: 60,
  },
  {
    key: "case-effectiveness",
    kind: "number",
    unit: "percent",
    direction: "higher",
    aggregation: "weighted",
    period: "month",
    target: 80,
    warning: 70,
  },
];

export function findTemplate(key: string | null | undefined): KpiTemplate | undefined {
  return KPI_TEMPLATES.find((t) => t.key === key);
}
