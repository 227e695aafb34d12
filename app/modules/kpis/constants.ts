/** Browser-safe lists and limits of the KPI area. */
export const KPI_KINDS = ["number", "nps", "csat", "ces"] as const;
export const SURVEY_KINDS = ["nps", "csat", "ces"] as const;
export const KPI_UNITS = ["count", "percent", "seconds", "minutes", "hours", "score"] as const;
export const KPI_DIRECTIONS = ["higher", "lower"] as const;
export const KPI_AGGREGATIONS = ["sum", "weighted"] as const;
export const KPI_PERIODS = ["day", "week", "month"] as const;
export const KPI_STATUSES = ["on_target", "warning", "off_target", "not_enough", "no_data"] as const;

export type KpiKind = (typeof KPI_KINDS)[number];
export type SurveyKind = (typeof SURVEY_KINDS)[number];
export type KpiUnit = (typeof KPI_UNITS)[number];
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];
export type KpiAggregation = (typeof KPI_AGGREGATIONS)[number];
export type KpiPeriod = (typeof KPI_PERIODS)[number];
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** The answer scale of each survey question (inclusive). */
export const SURVEY_SCALES: Record<SurveyKind, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

/** The unit a survey KPI is shown in (the database checks the same). */
export const SURVEY_UNITS: Record<SurveyKind, KpiUnit> = { nps: "score", csat: "percent", ces: "score" };

/** The default minimum number of responses before a score is shown (DOMAIN.md). */
export const DEFAULT_MIN_SAMPLE = 10;

/** How many periods a trend chart shows unless the reader chooses otherwise. */
export const DEFAULT_RANGE = 12;
export const RANGES = [6, 12, 24, 36] as const;

export const KPI_LIMITS = {
  name: 120,
  description: 2000,
  key: 60,
  comment: 2000,
  tokenName: 120,
  /** Rows per API request or CSV upload. */
  batch: 100_000,
  /** Bytes of an uploaded CSV file. */
  upload: 8 * 1024 * 1024,
} as const;

/** The columns of CSV imports (header names; order free). */
export const READING_COLUMNS = { required: ["kpi", "period_start", "value"], optional: ["sample_size"] } as const;
export const RESPONSE_COLUMNS = {
  required: ["kind", "score", "responded_at"],
  optional: ["channel", "comment"],
} as const;
