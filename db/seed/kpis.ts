/**
 * 18 months of CX data for the demo company: each department's KPIs, the
 * readings of its number KPIs and the survey responses behind its NPS, CSAT
 * and CES. Generated, not stored: a seeded PRNG makes every demo company the
 * same for the same `today`, and everything is inserted in a few multi-row
 * statements so that it stays fast on PGlite.
 *
 * The story in the numbers: gentle improvement everywhere, worse weeks around
 * Christmas and the summer holidays, a Black Friday rush in the web shop, and
 * three incidents: a server outage (7 months ago), a bad week in the phone
 * queue (11 weeks ago) and a storm that flooded Claims (13 months ago).
 */
import type { Database } from "#db/connect.ts";
import type { Channel, DataSource, SurveyKind } from "#db/schema.ts";
import { addPeriods, periodStartOf } from "#app/modules/kpis/formulas.ts";
import { findTemplate } from "#app/modules/kpis/templates.ts";
import type { KpiPeriod } from "#app/modules/kpis/constants.ts";
import {
  DEMO_COMMENTS,
  DEMO_KPIS,
  type DemoDepartment,
  type Sentiment,
  type SeriesModel,
  type SeedSurvey,
} from "./kpis-content.ts";
import { Rng } from "./random.ts";

const MONTHS = 18;
const CHUNK = 1500;
const DAY = 86_400_000;
const SOURCE: DataSource = "seed";

/** One standard normal draw for a name: shared noise (the same bad day for two KPIs of a queue). */
function noise(key: string): number {
  return new Rng(key).normal();
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;

// The calendar.

const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The Friday after the fourth Thursday of November. */
function blackFriday(year: number): string {
  const first = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const thursday = 1 + ((4 - first + 7) % 7) + 21;
  return `${year}-11-${String(thursday + 1).padStart(2, "0")}`;
}

/** Holiday pressure 0..1: fewer staff and more contacts in the summer holidays and around Christmas. */
function season(date: string): number {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (month === 7) return 1;
  if (month === 6) return day >= 20 ? 0.6 : 0;
  if (month === 8) return day <= 14 ? 0.6 : 0;
  if (month === 12) return day >= 15 ? 1 : 0.5;
  // January: the first invoices after Christmas.
  if (month === 1) return day <= 7 ? 0.7 : 0.3;
  return 0;
}

interface Day {
  date: string;
  /** 0 Sunday … 6 Saturday. */
  dow: number;
  /** Progress over the 18 months, 0..1: the improvement. */
  t: number;
  season: number;
  blackFriday: boolean;
  afterBlackFriday: boolean;
  outage: boolean;
  outageWeek: boolean;
  phoneWeek: boolean;
  storm: boolean;
}

/** A period's days (only those before today) and what happened in them. */
interface Span {
  start: string;
  days: Day[];
  /** All days of the period, elapsed or not. */
  length: number;
  t: number;
  season: number;
  blackFriday: boolean;
  afterBlackFriday: boolean;
  outage: boolean;
  outageWeek: boolean;
  phoneWeek: boolean;
  storm: boolean;
}

interface Calendar {
  start: string;
  spans(period: KpiPeriod): Span[];
  /** The months of the range (the current one too), with their elapsed days. */
  months: Span[];
}

function buildCalendar(today: string): Calendar {
  const currentMonth = periodStartOf(today, "month");
  const start = addPeriods(currentMonth, "month", -(MONTHS - 1));
  const outageMonth = addPeriods(currentMonth, "month", -7);
  const outageDay = addPeriods(outageMonth, "day", 11);
  const outageWeek = periodStartOf(outageDay, "week");
  const phoneWeek = addPeriods(periodStartOf(today, "week"), "week", -11);
  const stormMonth = addPeriods(currentMonth, "month", -13);
  const blackFridayWeeks = new Set<string>();
  const afterBlackFridayWeeks = new Set<string>();
  for (let y = Number(start.slice(0, 4)); y <= Number(today.slice(0, 4)); y++) {
    const week = periodStartOf(blackFriday(y), "week");
    blackFridayWeeks.add(week);
    afterBlackFridayWeeks.add(addPeriods(week, "week", 1));
  }

  const span = ms(today) - ms(start);
  const days = new Map<string, Day>();
  for (let time = ms(periodStartOf(start, "week")); time < ms(today); time += DAY) {
    const date = dateOf(time);
    const week = periodStartOf(date, "week");
    const month = periodStartOf(date, "month");
    days.set(date, {
      date,
      dow: new Date(time).getUTCDay(),
      t: clamp((time - ms(start)) / span, 0, 1),
      season: season(date),
      blackFriday: blackFridayWeeks.has(week),
      afterBlackFriday: afterBlackFridayWeeks.has(week),
      outage: month === outageMonth,
      outageWeek: week === outageWeek,
      phoneWeek: week === phoneWeek,
      storm: month === stormMonth,
    });
  }

  const spanOf = (periodStart: string, period: KpiPeriod): Span => {
    const end = addPeriods(periodStart, period, 1);
    const list: Day[] = [];
    for (let time = ms(periodStart); time < Math.min(ms(end), ms(today)); time += DAY) {
      const d = days.get(dateOf(time));
      if (d) list.push(d);
    }
    const mean = (f: (d: Day) => number) => list.reduce((sum, d) => sum + f(d), 0) / Math.max(list.length, 1);
    const any = (f: (d: Day) => boolean) => list.some(f);
    return {
      start: periodStart,
      days: list,
      length: Math.round((ms(end) - ms(periodStart)) / DAY),
      t: mean((d) => d.t),
      season: mean((d) => d.season),
      blackFriday: any((d) => d.blackFriday),
      afterBlackFriday: any((d) => d.afterBlackFriday),
      outage: any((d) => d.outage),
      outageWeek: any((d) => d.outageWeek),
      phoneWeek: any((d) => d.phoneWeek),
      storm: any((d) => d.storm),
    };
  };

  const spans = (period: KpiPeriod): Span[] => {
    const list: Span[] = [];
    // Daily readings start with the range; a week that began before it is still shown whole.
    const first = period === "day" ? start : periodStartOf(start, period);
    for (let p = first; ms(p) < ms(today); p = addPeriods(p, period, 1)) list.push(spanOf(p, period));
    return list;
  };

  return { start, spans, months: spans("month") };
}

// The number KPIs.

interface Reading {
  value: number;
  sample: number | null;
}

/** Monday busiest, weekends quiet (index: day of the week, Sunday first). */
const CALLS_BY_DAY = [0.13, 1.25, 1.05, 1, 0.95, 0.9, 0.3];
const WAIT_BY_DAY = [0.7, 1.25, 1.05, 1, 0.95, 0.9, 0.8];

function calls(d: Day): number {
  const n = 700 * (CALLS_BY_DAY[d.dow] ?? 1) * (1 + 0.25 * d.season) * (d.phoneWeek ? 1.3 : 1);
  return Math.max(1, Math.round(n * Math.exp(0.08 * noise(`calls/${d.date}`))));
}

/** Average seconds in the phone queue on a day. */
function waitSeconds(d: Day): number {
  const wait = 72 * (1 - 0.3 * d.t) * (1 + 0.5 * d.season) * (WAIT_BY_DAY[d.dow] ?? 1) * (d.phoneWeek ? 3 : 1);
  return Math.max(5, Math.round(wait * Math.exp(0.15 * noise(`wait/${d.date}`))));
}

/** Contacts a day, weekday and weekend (an ordinary day, before the season). */
function volume(d: Day, weekday: number, weekend: number, key: string): number {
  const base = d.dow === 0 || d.dow === 6 ? weekend : weekday;
  return Math.max(1, Math.round(base * (1 + 0.15 * d.season) * Math.exp(0.1 * noise(`${key}/${d.date}`))));
}

/** A rate from counts: `n` contacts of which a binomial share `p` made it. */
function rateReading(p: number, n: number, rng: Rng): Reading {
  const q = clamp(p, 0.02, 0.995);
  const hits = clamp(Math.round(q * n + rng.normal() * Math.sqrt(n * q * (1 - q))), 0, n);
  return { value: round1((100 * hits) / n), sample: n };
}

const sum = (days: Day[], f: (d: Day) => number) => days.reduce((total, d) => total + f(d), 0);
const isWeekend = (d: Day) => d.dow === 0 || d.dow === 6;

function numberReading(model: SeriesModel, s: Span, rng: Rng): Reading {
  const day = s.days[0]!;
  switch (model) {
    case "wait-time":
      return { value: waitSeconds(day), sample: calls(day) };
    case "sla-phone": {
      const p = 0.97 - waitSeconds(day) / 500 + 0.015 * noise(`sla-phone/${day.date}`);
      return rateReading(p, calls(day), rng);
    }
    case "sla-email": {
      const n = volume(day, 260, 90, "email");
      const weekend = day.dow === 6 ? 0.08 : day.dow === 0 ? 0.04 : 0;
      const p = 0.86 + 0.08 * day.t - 0.12 * day.season - weekend - (day.phoneWeek ? 0.22 : 0);
      return rateReading(p + 0.03 * rng.normal(), n, rng);
    }
    case "sla-claims": {
      const n = volume(day, 110, 25, "claims-email") * (day.storm ? 2 : 1);
      const p = 0.84 + 0.08 * day.t - 0.06 * day.season - (day.storm ? 0.27 : 0);
      return rateReading(p + 0.03 * rng.normal(), n, rng);
    }
    case "sla-tickets": {
      const n = volume(day, 55, 10, "tickets") * (day.outageWeek ? 3 : 1);
      const p = 0.84 + 0.06 * day.t - 0.04 * day.season - (isWeekend(day) ? 0.04 : 0) - (day.outageWeek ? 0.3 : 0);
      return rateReading(p + 0.03 * rng.normal(), n, rng);
    }
    case "sla-social": {
      const rush = day.blackFriday || day.outageWeek;
      const n = volume(day, 45, 30, "social") * (rush ? 3 : 1);
      const p = 0.84 + 0.06 * day.t - 0.05 * day.season - (isWeekend(day) ? 0.03 : 0) - (rush ? 0.22 : 0);
      return rateReading(p + 0.03 * rng.normal(), n, rng);
    }
    case "aht": {
      const contacts = Math.round(1.35 * sum(s.days, calls));
      const aht = 325 * (1 - 0.13 * s.t) * (1 + 0.06 * s.season) * (s.phoneWeek ? 1.3 : 1);
      return { value: Math.round(aht * Math.exp(0.03 * rng.normal())), sample: contacts };
    }
    case "fcr": {
      const tickets = sum(s.days, (d) => volume(d, 62, 8, "tickets")) * (s.outageWeek ? 2 : 1);
      const p = 0.7 + 0.09 * s.t - 0.03 * s.season - (s.outageWeek ? 0.12 : 0);
      return rateReading(p + 0.015 * rng.normal(), tickets, rng);
    }
    case "abandoned-baskets": {
      const rush = s.blackFriday ? 1.8 : 1 + 0.4 * s.season;
      const baskets = Math.round(sum(s.days, (d) => volume(d, 1250, 1400, "baskets")) * rush);
      const p =
        0.66 -
        0.09 * s.t +
        0.02 * s.season +
        (s.blackFriday ? 0.12 : 0) +
        (s.afterBlackFriday ? 0.04 : 0) +
        (s.outageWeek ? 0.09 : 0);
      return rateReading(p + 0.01 * rng.normal(), baskets, rng);
    }
    case "downtime-shop":
    case "downtime-systems": {
      const shop = model === "downtime-shop";
      const share = s.days.length / s.length;
      let minutes = (shop ? 14 : 18) * (1 - 0.4 * s.t) * Math.exp(0.3 * rng.normal());
      // Now and then a smaller hiccup.
      if (rng.next() < (shop ? 0.3 : 0.35)) minutes += 10 + 30 * rng.next();
      if (s.outage) minutes += shop ? 240 : 290;
      return { value: Math.max(0, Math.round(minutes * share)), sample: null };
    }
    case "case-claims": {
      const cases = Math.round((1150 * s.days.length * (s.storm ? 1.6 : 1)) / 30);
      const p = 0.77 + 0.07 * s.t - 0.02 * s.season - (s.storm ? 0.12 : 0);
      return rateReading(p + 0.01 * rng.normal(), Math.max(1, cases), rng);
    }
    case "case-credit": {
      const cases = Math.round((420 * s.days.length) / 30);
      const january = s.start.slice(5, 7) === "01" ? 0.03 : 0;
      const p = 0.73 + 0.1 * s.t - 0.02 * s.season - january;
      return rateReading(p + 0.015 * rng.normal(), Math.max(1, cases), rng);
    }
  }
}

// Survey responses.

/** How a bad month moves a score (in the kind's unit), and the month-to-month noise. */
const SURVEY_SCALE: Record<SurveyKind, { penalty: number; noise: number }> = {
  nps: { penalty: 10, noise: 3 },
  csat: { penalty: 6, noise: 1.5 },
  ces: { penalty: 0.35, noise: 0.06 },
};

/** How hard each incident hit a department's customers (0..1). */
function severity(slug: DemoDepartment, s: Span): number {
  if (s.outage && slug === "e-commerce") return 1;
  if (s.outage && slug === "it") return 0.7;
  if (s.storm && slug === "claims") return 1;
  if (s.phoneWeek && slug === "customer-service") return 0.5;
  if (s.blackFriday && slug === "e-commerce") return 0.3;
  return 0;
}

const DETRACTORS = [2, 1, 1, 2, 3, 6, 9];
const CSAT_LOW = [2, 3, 5];
const CES_LOW = [1, 1.5, 2.5, 5];
const CES_HIGH = [0.35, 0.35, 0.3];
const CES_HIGH_MEAN = 5.95;
const CES_LOW_MEAN = 3.15;

/**
 * One answer from a distribution whose score is `target` (NPS points, CSAT %, CES mean). `r` in [0, 1)
 * picks the class (promoter, passive, detractor…): stratified over a month, so that the month's score
 * follows the story rather than the sampling noise of ~150 answers.
 */
function drawScore(kind: SurveyKind, target: number, r: number, rng: Rng): number {
  switch (kind) {
    case "nps": {
      const passives = 0.28;
      const promoters = clamp((1 - passives + target / 100) / 2, 0.02, 0.95);
      const detractors = clamp((1 - passives - target / 100) / 2, 0.02, 0.95);
      if (r < promoters) return rng.next() < 0.55 ? 10 : 9;
      if (r < promoters + detractors) return rng.weighted(DETRACTORS);
      return rng.next() < 0.6 ? 8 : 7;
    }
    case "csat":
      if (r < clamp(target / 100, 0.2, 0.99)) return rng.next() < 0.55 ? 5 : 4;
      return 1 + rng.weighted(CSAT_LOW);
    case "ces":
      if (r < clamp((target - CES_LOW_MEAN) / (CES_HIGH_MEAN - CES_LOW_MEAN), 0.05, 0.99)) {
        return 5 + rng.weighted(CES_HIGH);
      }
      return 1 + rng.weighted(CES_LOW);
  }
}

function sentimentOf(kind: SurveyKind, score: number): Sentiment {
  switch (kind) {
    case "nps":
      return score >= 9 ? "positive" : score >= 7 ? "neutral" : "negative";
    case "csat":
      return score >= 4 ? "positive" : score === 3 ? "neutral" : "negative";
    case "ces":
      return score >= 6 ? "positive" : score >= 4 ? "neutral" : "negative";
  }
}

/** Complaints come with a comment more often than praise: about 15% overall. */
const COMMENT_CHANCE: Record<Sentiment, number> = { positive: 0.12, neutral: 0.14, negative: 0.28 };

/** Weight of each day of the week (Sunday first) and each hour (local time, UTC+1) of answers. */
const OFFICE_DAYS = [0.1, 1, 1, 1, 1, 0.95, 0.25];
const ALWAYS_DAYS = [0.75, 1, 0.95, 0.95, 0.9, 0.85, 0.8];
const OFFICE_HOURS: [number, number][] = [
  [8, 0.7],
  [9, 1],
  [10, 1.1],
  [11, 1],
  [12, 0.8],
  [13, 1],
  [14, 1],
  [15, 0.9],
  [16, 0.6],
  [17, 0.3],
];
const ALWAYS_HOURS: [number, number][] = [
  [7, 0.3],
  [8, 0.5],
  [9, 0.7],
  [10, 0.8],
  [11, 0.8],
  [12, 0.9],
  [13, 0.8],
  [14, 0.8],
  [15, 0.8],
  [16, 0.8],
  [17, 0.9],
  [18, 1],
  [19, 1.1],
  [20, 1.1],
  [21, 0.9],
  [22, 0.5],
];

interface ResponseRow {
  department_id: string;
  kind: SurveyKind;
  score: number;
  responded_at: string;
  channel: Channel;
  comment: string | null;
  source: DataSource;
}

function surveyResponses(
  slug: DemoDepartment,
  departmentId: string,
  kind: SurveyKind,
  survey: SeedSurvey,
  calendar: Calendar,
): ResponseRow[] {
  const plan = DEMO_KPIS[slug];
  const rng = new Rng(`responses/${slug}/${kind}`);
  const channels = plan.channels.map(([c]) => c);
  const channelWeights = plan.channels.map(([, w]) => w);
  const dayWeights = plan.alwaysOpen ? ALWAYS_DAYS : OFFICE_DAYS;
  const hours = plan.alwaysOpen ? ALWAYS_HOURS : OFFICE_HOURS;
  const hourWeights = hours.map(([, w]) => w);
  const comments = (["positive", "neutral", "negative"] as const).map((sentiment) =>
    DEMO_COMMENTS.filter((c) => c.sentiment === sentiment && (!c.departments || c.departments.includes(slug))),
  );
  const scale = SURVEY_SCALE[kind];
  const used = new Set<number>();
  const rows: ResponseRow[] = [];

  for (const month of calendar.months) {
    if (!month.days.length) continue;
    const target =
      survey.from +
      (survey.to - survey.from) * month.t -
      survey.season * month.season -
      scale.penalty * severity(slug, month) +
      scale.noise * noise(`score/${slug}/${kind}/${month.start}`);
    // Busy months bring more answers; a partial month only its elapsed days' share.
    const weights = month.days.map((d) => dayWeights[d.dow] ?? 1);
    const elapsed = weights.reduce((a, b) => a + b, 0);
    const full = elapsed + (month.length - month.days.length) * 0.8;
    const expected = survey.monthly * (1 + 0.2 * month.season) * Math.exp(0.1 * rng.normal());
    const count = Math.round((expected * elapsed) / full);

    for (let i = 0; i < count; i++) {
      const day = month.days[rng.weighted(weights, elapsed)]!;
      const hour = hours[rng.weighted(hourWeights)]![0] - 1;
      // A distinct second per department and kind: the identity index never sees a duplicate.
      let second = Math.floor(ms(day.date) / 1000) + hour * 3600 + Math.floor(rng.next() * 3600);
      while (used.has(second)) second++;
      used.add(second);
      const score = drawScore(kind, target, (i + rng.next()) / count, rng);
      const sentiment = sentimentOf(kind, score);
      const pool = comments[sentiment === "positive" ? 0 : sentiment === "neutral" ? 1 : 2]!;
      const comment =
        pool.length && rng.next() < COMMENT_CHANCE[sentiment] ? pool[Math.floor(rng.next() * pool.length)]!.text : null;
      rows.push({
        department_id: departmentId,
        kind,
        score,
        responded_at: new Date(second * 1000).toISOString(),
        channel: channels[rng.weighted(channelWeights)]!,
        comment,
        source: SOURCE,
      });
    }
  }
  return rows;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Seeds the demo company's KPIs, 18 months of readings (ending with the
 * current, partial month) and the survey responses behind the scores.
 * Departments missing from `departments` are skipped. Only periods and
 * answers before `today` are generated: nothing lies in the future.
 */
export async function seedKpis(
  db: Database,
  input: { departments: Map<string, string>; createdBy: string; today?: string },
): Promise<{ kpis: number; readings: number; responses: number }> {
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(ms(today))) throw new Error(`Not a date: ${today}`);
  const calendar = buildCalendar(today);
  const createdAt = `${calendar.start}T08:00:00Z`;

  const kpiRows = [];
  const series: { slug: DemoDepartment; key: string; model: SeriesModel; period: KpiPeriod }[] = [];
  const responses: ResponseRow[] = [];
  for (const [slug, plan] of Object.entries(DEMO_KPIS) as [DemoDepartment, (typeof DEMO_KPIS)[DemoDepartment]][]) {
    const departmentId = input.departments.get(slug);
    if (!departmentId) continue;
    for (const [position, k] of plan.kpis.entries()) {
      const template = findTemplate(k.template);
      if (!template) throw new Error(`Unknown KPI template: ${k.template}`);
      const channel = k.channel ?? (k.slaSeconds ? template.channel : undefined) ?? null;
      kpiRows.push({
        department_id: departmentId,
        key: k.key,
        name: k.name,
        description: k.description,
        template: template.key,
        kind: template.kind,
        unit: template.unit,
        direction: template.direction,
        aggregation: template.aggregation,
        target: template.target,
        warning: template.warning,
        period: template.period,
        channel,
        sla_seconds: k.slaSeconds ?? null,
        position,
        created_by: input.createdBy,
        created_at: createdAt,
        updated_at: createdAt,
      });
      if (template.kind === "number") {
        if (!k.model) throw new Error(`KPI ${slug}/${k.key} needs a series model`);
        series.push({ slug, key: k.key, model: k.model, period: template.period });
      }
    }
    for (const [kind, survey] of Object.entries(plan.surveys) as [SurveyKind, SeedSurvey][]) {
      responses.push(...surveyResponses(slug, departmentId, kind, survey, calendar));
    }
  }
  if (!kpiRows.length) return { kpis: 0, readings: 0, responses: 0 };

  const inserted = await db.insertInto("kpis").values(kpiRows).returning(["id", "department_id", "key"]).execute();
  const ids = new Map(inserted.map((k) => [`${k.department_id}/${k.key}`, k.id]));

  const readings: {
    kpi_id: string;
    period_start: string;
    value: number;
    sample_size: number | null;
    source: DataSource;
  }[] = [];
  for (const s of series) {
    const kpiId = ids.get(`${input.departments.get(s.slug)}/${s.key}`)!;
    const rng = new Rng(`readings/${s.slug}/${s.key}`);
    for (const span of calendar.spans(s.period)) {
      const r = numberReading(s.model, span, rng);
      readings.push({ kpi_id: kpiId, period_start: span.start, value: r.value, sample_size: r.sample, source: SOURCE });
    }
  }

  await insertChunks(readings, (chunk) => db.insertInto("kpi_readings").values(chunk).execute());
  await insertChunks(responses, (chunk) => db.insertInto("survey_responses").values(chunk).execute());
  return { kpis: kpiRows.length, readings: readings.length, responses: responses.length };
}
