/**
 * Input shapes of the KPI area, shared by forms, CSV rows and the JSON API.
 * Messages are locale keys (see app/modules/forms.ts).
 */
import { z } from "zod";
import { hasNul } from "#app/modules/forms.ts";
import { CHANNELS } from "#app/modules/stories/constants.ts";
import {
  DEFAULT_MIN_SAMPLE,
  KPI_AGGREGATIONS,
  KPI_DIRECTIONS,
  KPI_KINDS,
  KPI_LIMITS,
  KPI_PERIODS,
  KPI_UNITS,
  SURVEY_KINDS,
  SURVEY_SCALES,
  SURVEY_UNITS,
} from "./constants.ts";

/**
 * A decimal number as people type it in the Nordics and in CSV files from
 * their spreadsheets: "87.5", "87,5", "1 234,5" (space or no-break space
 * between thousands). Anything ambiguous ("1.234,5") is refused.
 */
export function parseDecimal(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (!/^[-+]?\d+([.,]\d+)?$/.test(compact)) return null;
  const value = Number(compact.replace(",", "."));
  return Number.isFinite(value) ? value : null;
}

/** A form or CSV field holding a decimal number. */
export const DecimalText = z
  .string()
  .trim()
  .max(40)
  .transform((text, ctx) => {
    const value = parseDecimal(text);
    if (value === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.number" });
      return z.NEVER;
    }
    return value;
  });

/** A form or CSV field holding a whole number. */
export const IntegerText = z
  .string()
  .trim()
  .max(20)
  .transform((text, ctx) => {
    const value = parseDecimal(text);
    if (value === null || !Number.isInteger(value)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.wholeNumber" });
      return z.NEVER;
    }
    return value;
  });

export const DateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date" })
  .refine(
    (d) => {
      const date = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d);
    },
    { message: "validation.date" },
  );

/** A moment with its offset, like 2026-10-03T09:12:00Z or 2026-10-03T11:12:00+02:00. */
export const MomentSchema = z
  .string()
  .trim()
  .datetime({ offset: true, message: "validation.moment" })
  .transform((value) => new Date(value));

/** What a KPI key looks like: lowercase words of letters and digits joined by hyphens. */
export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const KeySchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(KPI_LIMITS.key)
  .regex(KEY_PATTERN, { message: "kpis.errors.key" })
  // These name pages beside the KPIs' own (/departments/<slug>/kpis/new).
  .refine((key) => !["new", "import", "tokens"].includes(key), { message: "kpis.errors.reservedKey" });

const definitionFields = {
  name: z.string().trim().min(1).max(KPI_LIMITS.name),
  description: z.string().trim().max(KPI_LIMITS.description).default(""),
  unit: z.enum(KPI_UNITS),
  direction: z.enum(KPI_DIRECTIONS),
  aggregation: z.enum(KPI_AGGREGATIONS),
  target: DecimalText,
  warning: DecimalText.optional(),
  period: z.enum(KPI_PERIODS),
  channel: z.enum(CHANNELS).optional(),
  slaSeconds: IntegerText.pipe(
    z
      .number()
      .int()
      .min(1)
      .max(30 * 86_400),
  ).optional(),
  minSample: IntegerText.pipe(z.number().int().min(1).max(100_000)).default(String(DEFAULT_MIN_SAMPLE)),
};

type DefinitionShape = {
  kind?: (typeof KPI_KINDS)[number];
  unit: (typeof KPI_UNITS)[number];
  direction: (typeof KPI_DIRECTIONS)[number];
  target: number;
  warning?: number;
  channel?: string;
  slaSeconds?: number;
};

/** Rules across fields; the database checks the same. */
function checkDefinition(value: DefinitionShape, ctx: z.RefinementCtx) {
  if (value.warning !== undefined) {
    const worseSide = value.direction === "higher" ? value.warning <= value.target : value.warning >= value.target;
    if (!worseSide) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["warning"],
        message: value.direction === "higher" ? "kpis.errors.warningBelowTarget" : "kpis.errors.warningAboveTarget",
      });
    }
  }
  if (value.slaSeconds !== undefined && !value.channel) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["channel"], message: "kpis.errors.slaNeedsChannel" });
  }
  if (value.kind && value.kind !== "number" && value.unit !== SURVEY_UNITS[value.kind]) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["unit"], message: `kpis.errors.surveyUnit.${value.kind}` });
  }
  if (value.unit === "percent" && (value.target < 0 || value.target > 100)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["target"], message: "kpis.errors.percentRange" });
  }
}

export const NewKpiSchema = z
  .object({
    ...definitionFields,
    key: KeySchema,
    kind: z.enum(KPI_KINDS),
    template: z.string().max(60).optional(),
  })
  .superRefine(checkDefinition);
export type NewKpiInput = z.infer<typeof NewKpiSchema>;

/** Editing keeps the key (integrations use it) and the kind (the data depends on it). */
export const EditKpiSchema = z.object({ ...definitionFields, kind: z.enum(KPI_KINDS) }).superRefine(checkDefinition);
export type EditKpiInput = z.infer<typeof EditKpiSchema>;

/** One reading, whichever way it came in. */
export interface ReadingRow {
  kpiKey?: string;
  periodStart: string;
  value: number;
  sampleSize: number | null;
}

export const ReadingFormSchema = z.object({
  periodStart: DateSchema,
  value: DecimalText,
  sampleSize: IntegerText.pipe(z.number().int().min(0)).optional(),
});

/** A CSV row of readings: `kpi,period_start,value,sample_size`. */
export const ReadingCsvSchema = z.object({
  kpi: KeySchema,
  period_start: DateSchema,
  value: DecimalText,
  sample_size: IntegerText.pipe(z.number().int().min(0)).optional(),
});

export const ReadingsApiSchema = z.object({
  readings: z
    .array(
      z.object({
        periodStart: DateSchema,
        value: z.number().finite(),
        sampleSize: z.number().int().min(0).max(2_000_000_000).nullish(),
      }),
    )
    .min(1)
    .max(KPI_LIMITS.batch),
});

/** One survey answer, whichever way it came in. */
export interface ResponseRow {
  kind: (typeof SURVEY_KINDS)[number];
  score: number;
  respondedAt: Date;
  channel: (typeof CHANNELS)[number] | null;
  comment: string | null;
}

function checkScore(value: { kind: (typeof SURVEY_KINDS)[number]; score: number }, ctx: z.RefinementCtx) {
  const scale = SURVEY_SCALES[value.kind];
  if (value.score < scale.min || value.score > scale.max) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["score"], message: `kpis.errors.scale.${value.kind}` });
  }
}

const optionalComment = z
  .string()
  .trim()
  .max(KPI_LIMITS.comment)
  .refine((c) => !hasNul(c))
  .nullish()
  .transform((c) => c || null);

export const ResponseCsvSchema = z
  .object({
    kind: z.string().trim().toLowerCase().pipe(z.enum(SURVEY_KINDS)),
    score: IntegerText,
    responded_at: MomentSchema,
    channel: z.string().trim().pipe(z.enum(CHANNELS)).optional(),
    comment: optionalComment,
  })
  .superRefine(checkScore);

/** One answer typed in on a survey KPI's page: the moment in the company's time zone. */
export const ResponseFormSchema = z
  .object({
    kind: z.enum(SURVEY_KINDS),
    score: IntegerText,
    respondedAt: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: "validation.moment" }),
    channel: z.enum(CHANNELS).optional(),
    comment: optionalComment,
  })
  .superRefine(checkScore);

export const ResponsesApiSchema = z.object({
  responses: z
    .array(
      z
        .object({
          kind: z.enum(SURVEY_KINDS),
          score: z.number().int(),
          respondedAt: MomentSchema,
          channel: z.enum(CHANNELS).nullish(),
          comment: optionalComment,
        })
        .superRefine(checkScore),
    )
    .min(1)
    .max(KPI_LIMITS.batch),
});

export const TokenSchema = z.object({ name: z.string().trim().min(1).max(KPI_LIMITS.tokenName) });
