/**
 * The agenda of a CX review, assembled from what the other areas hold for the
 * review's department and period: KPIs against target (off-target first), the
 * featured and newest stories, what shadowing observers found, the backlog by
 * touchpoint, the previous review's decisions and the wins since.
 *
 * It is plain JSON (dates as strings): an open review shows it live, and
 * finishing a review stores it (`reviews.agenda`) so that later changes do not
 * rewrite what the meeting saw.
 */
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import type { ImprovementOrigin, ImprovementStatus } from "#db/schema.ts";
import type { KpiPeriod } from "#app/modules/kpis/constants.ts";
import { recentPanels, type KpiPanel } from "#app/modules/kpis/dashboard.server.ts";
import { change, periodStartOf } from "#app/modules/kpis/formulas.ts";
import { listKpis } from "#app/modules/kpis/queries.server.ts";
import { improvementQuery, listTouchpoints } from "#app/modules/shadowing/queries.server.ts";
import { plainExcerpt } from "#app/modules/stories/queries.server.ts";
import { companyDate, localDay } from "#app/utils/company-time.server.ts";
import { AGENDA_LIMITS, AGENDA_VERSION } from "./constants.ts";

export interface AgendaStory {
  id: string;
  title: string;
  excerpt: string;
  authorName: string;
  channel: string;
  happenedOn: string;
  consent: string;
}

export interface AgendaNote {
  id: string;
  authorName: string;
  authorDepartment: string | null;
  submittedAt: string;
  wentWell: string;
  painPoints: string;
}

export interface AgendaItem {
  id: string;
  description: string;
  status: ImprovementStatus;
  origin: ImprovementOrigin;
  touchpointId: string | null;
  touchpoint: string | null;
  shadowNoteId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  chosenAt: string | null;
  doneAt: string | null;
}

/** A KPI before an improvement was chosen and now. */
export interface Movement {
  kpiId: string;
  name: string;
  unit: KpiPanel["kpi"]["unit"];
  before: number | null;
  after: number | null;
  improved: boolean;
  worsened: boolean;
}

export interface Agenda {
  version: typeof AGENDA_VERSION;
  /** When it was assembled (ISO). */
  asOf: string;
  kpis: KpiPanel[];
  stories: { featured: AgendaStory[]; newest: AgendaStory[]; published: number };
  shadowing: { sessions: number; notes: AgendaNote[]; reasons: { label: string; count: number }[]; ideas: number };
  /** The department's touchpoints: what is chosen there now and the proposals to choose from. */
  touchpoints: { id: string; name: string; current: AgendaItem | null; proposals: AgendaItem[] }[];
  /** Proposals not tied to a touchpoint (yet). */
  unplaced: AgendaItem[];
  previous: { id: string; periodStart: string; periodEnd: string; decisions: AgendaItem[] } | null;
  wins: { item: AgendaItem; movements: Movement[] }[];
}

export interface AgendaInput {
  departmentId: string;
  periodStart: string;
  periodEnd: string;
  /** The review being held (left out of "previous"). */
  reviewId?: string;
  asOf?: Date;
}

const STATUS_ORDER = ["off_target", "warning", "on_target", "not_enough", "no_data"];

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export async function assembleAgenda(db: Database, input: AgendaInput): Promise<Agenda> {
  const asOf = input.asOf ?? new Date();
  const { departmentId, periodStart, periodEnd } = input;
  const previous = await db
    .selectFrom("reviews")
    .select(["id", "period_start", "period_end", "finished_at"])
    .where("department_id", "=", departmentId)
    .where("status", "=", "finished")
    .where("period_start", "<", periodStart)
    .$if(Boolean(input.reviewId), (q) => q.where("id", "<>", input.reviewId!))
    .orderBy("period_start", "desc")
    .limit(1)
    .executeTakeFirst();
  const [kpis, stories, shadowing, items, decisions] = await Promise.all([
    departmentKpiPanels(db, input),
    agendaStories(db, { ...input, asOf, featuredSince: previous?.finished_at ?? null }),
    agendaShadowing(db, { ...input, asOf }),
    agendaItems(db, departmentId).where("i.status", "in", ["proposed", "chosen", "in_progress"]).execute(),
    previous
      ? agendaItems(db, departmentId)
          .innerJoin("review_decisions as rd", "rd.improvement_id", "i.id")
          .where("rd.review_id", "=", previous.id)
          .execute()
      : Promise.resolve([]),
  ]);
  // Wins: improvements done since the previous review's period (or within this one).
  const doneRows = await agendaItems(db, departmentId)
    .where("i.status", "=", "done")
    .where(localDay("i.done_at"), previous ? ">" : ">=", previous ? previous.period_end : periodStart)
    .where(localDay("i.done_at"), "<=", periodEnd)
    .where("i.done_at", "<=", asOf)
    .orderBy("i.done_at")
    .execute();
  const touchpoints = await listTouchpoints(db, departmentId);
  const open = items.map(toItem);
  const placed = new Set(touchpoints.map((t) => t.id));
  return {
    version: AGENDA_VERSION,
    asOf: asOf.toISOString(),
    kpis,
    stories,
    shadowing,
    touchpoints: touchpoints.map((t) => ({
      id: t.id,
      name: t.name,
      current: open.find((i) => i.touchpointId === t.id && i.status !== "proposed") ?? null,
      proposals: open.filter((i) => i.touchpointId === t.id && i.status === "proposed"),
    })),
    unplaced: open.filter((i) => i.status === "proposed" && !(i.touchpointId && placed.has(i.touchpointId))),
    previous: previous
      ? {
          id: previous.id,
          periodStart: previous.period_start,
          periodEnd: previous.period_end,
          decisions: decisions.map(toItem),
        }
      : null,
    wins: doneRows.map(toItem).map((item) => ({ item, movements: movementsSince(kpis, item.chosenAt) })),
  };
}

function agendaItems(db: Database, departmentId: string) {
  return improvementQuery(db, departmentId)
    .select(["i.touchpoint_id as touchpointId", "i.chosen_at as chosenAt", "i.done_at as doneAt"])
    .orderBy("i.created_at", "desc");
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof agendaItems>["execute"]>>[number];

function toItem(row: ItemRow): AgendaItem {
  return {
    id: row.id,
    description: row.description,
    status: row.status,
    origin: row.origin,
    touchpointId: row.touchpointId,
    touchpoint: row.touchpoint,
    shadowNoteId: row.shadowNoteId,
    ownerName: row.ownerName,
    dueOn: row.dueOn,
    chosenAt: iso(row.chosenAt),
    doneAt: iso(row.doneAt),
  };
}

/**
 * The department's KPIs over the weeks (or, for a review of a month or more,
 * the months) up to the end of the period, off-target first.
 */
export async function departmentKpiPanels(
  db: Database,
  input: { departmentId: string; periodStart: string; periodEnd: string },
): Promise<KpiPanel[]> {
  const days = (Date.parse(input.periodEnd) - Date.parse(input.periodStart)) / 86_400_000 + 1;
  const asked: KpiPeriod = days >= 28 ? "month" : "week";
  const kpis = await listKpis(db, { departmentIds: [input.departmentId] });
  const panels = await recentPanels(db, kpis, { asked, count: AGENDA_LIMITS.kpiPeriods, lastDate: input.periodEnd });
  const rank = (p: KpiPanel) => STATUS_ORDER.indexOf(p.summary.latest?.status ?? "no_data");
  return panels
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * Each KPI in the last period before the improvement was chosen and in its
 * latest period with a value: the movement to celebrate beside a win.
 */
export function movementsSince(panels: KpiPanel[], chosenAt: string | null): Movement[] {
  if (!chosenAt) return [];
  // The day in Stockholm, not in UTC: chosen on a Monday at 00:30 is that Monday's week.
  const chosenDay = companyDate(new Date(chosenAt));
  return panels.flatMap(({ kpi, period, summary }) => {
    const chosenPeriod = periodStartOf(chosenDay, period);
    const before = summary.points.filter((p) => p.periodStart < chosenPeriod && p.value !== null).at(-1);
    const after = summary.latest && summary.latest.periodStart >= chosenPeriod ? summary.latest : undefined;
    if (!before || !after || before.value === null || after.value === null) return [];
    const moved = change(after.value, before.value, kpi.direction)!;
    return [
      {
        kpiId: kpi.id,
        name: kpi.name,
        unit: kpi.unit,
        before: before.value,
        after: after.value,
        improved: moved.improved,
        worsened: moved.worsened,
      },
    ];
  });
}

async function agendaStories(
  db: Database,
  input: AgendaInput & { asOf: Date; featuredSince: Date | null },
): Promise<Agenda["stories"]> {
  // Reviews are where internal-only stories of the department may be shown: no consent filter.
  const base = db
    .selectFrom("stories as s")
    .innerJoin("users as a", "a.id", "s.author_id")
    .select([
      "s.id",
      "s.title",
      "s.body",
      "a.name as authorName",
      "s.channel",
      "s.happened_on as happenedOn",
      "s.consent",
    ])
    .where("s.department_id", "=", input.departmentId)
    .where("s.status", "=", "published")
    .where("s.hidden_at", "is", null)
    .where("s.published_at", "<=", input.asOf);
  const [featured, newest, count] = await Promise.all([
    base
      .where("s.featured_for_review_at", "is not", null)
      .where("s.featured_for_review_at", "<=", input.asOf)
      .$if(input.featuredSince !== null, (q) => q.where("s.featured_for_review_at", ">", input.featuredSince!))
      .orderBy("s.featured_for_review_at", "desc")
      .limit(AGENDA_LIMITS.stories)
      .execute(),
    base
      .where(localDay("s.published_at"), ">=", input.periodStart)
      .where(localDay("s.published_at"), "<=", input.periodEnd)
      .orderBy("s.published_at", "desc")
      .limit(AGENDA_LIMITS.stories * 2)
      .execute(),
    base
      .clearSelect()
      .select(sql<number>`count(*)::int`.as("n"))
      .where(localDay("s.published_at"), ">=", input.periodStart)
      .where(localDay("s.published_at"), "<=", input.periodEnd)
      .executeTakeFirstOrThrow(),
  ]);
  const toStory = ({ body, ...row }: (typeof featured)[number]): AgendaStory => ({
    ...row,
    excerpt: plainExcerpt(body, 200),
  });
  const featuredIds = new Set(featured.map((s) => s.id));
  return {
    featured: featured.map(toStory),
    newest: newest
      .filter((s) => !featuredIds.has(s.id))
      .slice(0, AGENDA_LIMITS.stories)
      .map(toStory),
    published: count.n,
  };
}

async function agendaShadowing(db: Database, input: AgendaInput & { asOf: Date }): Promise<Agenda["shadowing"]> {
  const inPeriod = (column: string) =>
    sql<boolean>`${localDay(column)} between ${input.periodStart}::date and ${input.periodEnd}::date`;
  const notes = db
    .selectFrom("shadow_notes as n")
    .where("n.department_id", "=", input.departmentId)
    .where("n.status", "=", "submitted")
    .where(inPeriod("n.submitted_at"))
    .where("n.submitted_at", "<=", input.asOf);
  const [sessions, latest, reasons, ideas] = await Promise.all([
    db
      .selectFrom("shadow_slots as s")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("s.department_id", "=", input.departmentId)
      .where("s.cancelled_at", "is", null)
      .where("s.starts_at", "<=", input.asOf)
      .where(inPeriod("s.starts_at"))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("shadow_bookings as b")
            .select("b.id")
            .whereRef("b.slot_id", "=", "s.id")
            .where("b.cancelled_at", "is", null),
        ),
      )
      .executeTakeFirstOrThrow(),
    notes
      .innerJoin("users as a", "a.id", "n.author_id")
      .innerJoin("shadow_bookings as b", "b.id", "n.booking_id")
      .leftJoin("departments as d", "d.id", "b.observer_department_id")
      .select([
        "n.id",
        "a.name as authorName",
        "d.name as authorDepartment",
        "n.submitted_at as submittedAt",
        "n.went_well as wentWell",
        "n.pain_points as painPoints",
      ])
      .orderBy("n.submitted_at", "desc")
      .limit(AGENDA_LIMITS.notes)
      .execute(),
    notes
      .innerJoin("shadow_note_reasons as r", "r.note_id", "n.id")
      .innerJoin("failure_reasons as f", "f.id", "r.reason_id")
      .select(["f.label", sql<number>`count(*)::int`.as("count")])
      .groupBy("f.label")
      .orderBy("count", "desc")
      .orderBy("f.label")
      .limit(AGENDA_LIMITS.reasons)
      .execute(),
    db
      .selectFrom("improvements as i")
      .select(sql<number>`count(*)::int`.as("n"))
      .where("i.department_id", "=", input.departmentId)
      .where("i.origin", "=", "shadow_note")
      .where(inPeriod("i.created_at"))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    sessions: sessions.n,
    notes: latest.map((n) => ({ ...n, submittedAt: n.submittedAt!.toISOString() })),
    reasons,
    ideas: ideas.n,
  };
}
