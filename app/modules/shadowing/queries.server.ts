/** Reading the shadowing area: slots to book, sessions, notes, insights and the backlog. */
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import type { Channel, ImprovementOrigin, ImprovementStatus } from "#db/schema.ts";
import { COMPANY_TIME_ZONE } from "#app/utils/format.ts";

export interface SlotSummary {
  id: string;
  departmentId: string;
  departmentSlug: string;
  departmentName: string;
  startsAt: Date;
  minutes: number;
  channel: Channel;
  capacity: number;
  booked: number;
  hostName: string | null;
  details: string;
  cancelled: boolean;
  /** The reader has a live booking on it. */
  mine: boolean;
}

function slotQuery(db: Database, readerId: string) {
  return db
    .selectFrom("shadow_slots as s")
    .innerJoin("departments as d", "d.id", "s.department_id")
    .leftJoin("users as h", "h.id", "s.host_id")
    .select([
      "s.id",
      "s.department_id as departmentId",
      "d.slug as departmentSlug",
      "d.name as departmentName",
      "s.starts_at as startsAt",
      "s.minutes",
      "s.channel",
      "s.capacity",
      "h.name as hostName",
      "s.details",
    ])
    .select((eb) => [
      sql<boolean>`${eb.ref("s.cancelled_at")} is not null`.as("cancelled"),
      sql<number>`(select count(*) from shadow_bookings b where b.slot_id = s.id and b.cancelled_at is null)::int`.as(
        "booked",
      ),
      sql<boolean>`exists (select 1 from shadow_bookings b where b.slot_id = s.id and b.cancelled_at is null
        and b.observer_id = ${readerId})`.as("mine"),
    ]);
}

/** Slots from now on, soonest first: of one department, or of all. */
export async function listUpcomingSlots(
  db: Database,
  input: { readerId: string; departmentId?: string; now?: Date; limit?: number },
): Promise<SlotSummary[]> {
  let query = slotQuery(db, input.readerId)
    .where("s.starts_at", ">", input.now ?? new Date())
    .where("s.cancelled_at", "is", null)
    .orderBy("s.starts_at")
    .limit(input.limit ?? 50);
  if (input.departmentId) query = query.where("s.department_id", "=", input.departmentId);
  return query.execute();
}

export async function getSlot(db: Database, input: { id: string; readerId: string }) {
  const slot = await slotQuery(db, input.readerId).where("s.id", "=", input.id).executeTakeFirst();
  if (!slot) return undefined;
  const observers = await db
    .selectFrom("shadow_bookings as b")
    .innerJoin("users as u", "u.id", "b.observer_id")
    .leftJoin("departments as d", "d.id", "b.observer_department_id")
    .leftJoin("shadow_notes as n", "n.booking_id", "b.id")
    .select(["b.observer_id as id", "u.name", "d.name as department", "n.id as noteId", "n.status as noteStatus"])
    .where("b.slot_id", "=", input.id)
    .where("b.cancelled_at", "is", null)
    .orderBy("b.created_at")
    .execute();
  return { ...slot, observers };
}

/** Upcoming sessions where the reader is the colleague listened to. */
export async function listHostedSlots(db: Database, input: { userId: string; now?: Date }): Promise<SlotSummary[]> {
  return slotQuery(db, input.userId)
    .where("s.host_id", "=", input.userId)
    .where("s.starts_at", ">", input.now ?? new Date())
    .where("s.cancelled_at", "is", null)
    .orderBy("s.starts_at")
    .execute();
}

/** The reader's sessions as an observer, newest first, with their notes. */
export async function listMySessions(db: Database, input: { userId: string; limit?: number }) {
  return db
    .selectFrom("shadow_bookings as b")
    .innerJoin("shadow_slots as s", "s.id", "b.slot_id")
    .innerJoin("departments as d", "d.id", "s.department_id")
    .leftJoin("shadow_notes as n", "n.booking_id", "b.id")
    .select([
      "s.id as slotId",
      "s.starts_at as startsAt",
      "s.minutes",
      "s.channel",
      "s.cancelled_at as cancelledAt",
      "d.name as departmentName",
      "n.id as noteId",
      "n.status as noteStatus",
    ])
    .where("b.observer_id", "=", input.userId)
    .where("b.cancelled_at", "is", null)
    .orderBy("s.starts_at", "desc")
    .limit(input.limit ?? 20)
    .execute();
}

export async function listFailureReasons(db: Database, departmentId: string) {
  return db
    .selectFrom("failure_reasons")
    .select(["id", "label"])
    .where("department_id", "=", departmentId)
    .orderBy(sql`lower(label)`)
    .execute();
}

export async function listTouchpoints(db: Database, departmentId: string) {
  return db
    .selectFrom("touchpoints")
    .select(["id", "name"])
    .where("department_id", "=", departmentId)
    .where("archived_at", "is", null)
    .orderBy("position")
    .orderBy("name")
    .execute();
}

/** The note on the reader's booking of a slot, if any. */
export async function getNoteForSlot(db: Database, input: { slotId: string; userId: string }) {
  const row = await db
    .selectFrom("shadow_bookings as b")
    .innerJoin("shadow_notes as n", "n.booking_id", "b.id")
    .select("n.id")
    .where("b.slot_id", "=", input.slotId)
    .where("b.observer_id", "=", input.userId)
    .where("b.cancelled_at", "is", null)
    .executeTakeFirst();
  return row ? getNote(db, row.id) : undefined;
}

export async function getNote(db: Database, id: string) {
  const note = await db
    .selectFrom("shadow_notes as n")
    .innerJoin("shadow_bookings as b", "b.id", "n.booking_id")
    .innerJoin("shadow_slots as s", "s.id", "b.slot_id")
    .innerJoin("departments as d", "d.id", "n.department_id")
    .innerJoin("users as a", "a.id", "n.author_id")
    .leftJoin("users as h", "h.id", "s.host_id")
    .select([
      "n.id",
      "n.author_id as authorId",
      "a.name as authorName",
      "n.department_id as departmentId",
      "d.slug as departmentSlug",
      "d.name as departmentName",
      "n.status",
      "n.went_well as wentWell",
      "n.pain_points as painPoints",
      "n.kano",
      "n.job",
      "n.draft_ideas as draftIdeas",
      "n.created_at as createdAt",
      "n.submitted_at as submittedAt",
      "s.id as slotId",
      "s.starts_at as startsAt",
      "s.channel",
      "s.host_id as hostId",
      "h.name as hostName",
    ])
    .where("n.id", "=", id)
    .executeTakeFirst();
  if (!note) return undefined;
  const [reasons, behaviours, improvements] = await Promise.all([
    db
      .selectFrom("shadow_note_reasons as r")
      .innerJoin("failure_reasons as f", "f.id", "r.reason_id")
      .select(["f.id", "f.label"])
      .where("r.note_id", "=", id)
      .orderBy("f.label")
      .execute(),
    db.selectFrom("shadow_note_behaviours").select("behaviour_id").where("note_id", "=", id).execute(),
    db
      .selectFrom("improvements as i")
      .leftJoin("touchpoints as t", "t.id", "i.touchpoint_id")
      .select(["i.id", "i.description", "i.status", "t.name as touchpoint"])
      .where("i.shadow_note_id", "=", id)
      .orderBy("i.position")
      .execute(),
  ]);
  return {
    ...note,
    ideas: JSON.parse(note.draftIdeas) as { text: string; touchpointId: string | null }[],
    reasons,
    behaviourIds: behaviours.map((b) => b.behaviour_id),
    improvements,
  };
}

/** How many submitted notes saw each Kano category (or job type), most first. */
function needsMix(db: Database, departmentId: string, column: "kano" | "job") {
  return db
    .selectFrom("shadow_notes")
    .select([sql<string>`${sql.ref(column)}`.as("value"), sql<number>`count(*)::int`.as("notes")])
    .where("department_id", "=", departmentId)
    .where("status", "=", "submitted")
    .where(column, "is not", null)
    .groupBy(column)
    .orderBy("notes", "desc")
    .orderBy(column)
    .execute();
}

export interface Insights {
  /** Sessions held (past slots with at least one observer) per month, oldest first. */
  sessionsPerMonth: { month: string; sessions: number }[];
  observersByDepartment: { department: string; observers: number }[];
  /** The most named failure-demand reasons of the last 4 weeks, with their weekly counts over 8 weeks. */
  topReasons: { label: string; count: number; weeks: number[] }[];
  weeks: string[];
  kano: { kano: string; notes: number }[];
  jobs: { job: string; notes: number }[];
  latestNotes: { id: string; authorName: string; submittedAt: Date; wentWell: string; painPoints: string }[];
}

/**
 * The host department's view of what observers saw. Weeks and months are cut
 * in the company's time zone; only submitted notes count.
 */
export async function departmentInsights(
  db: Database,
  input: { departmentId: string; now?: Date; months?: number },
): Promise<Insights> {
  const now = input.now ?? new Date();
  const months = input.months ?? 6;
  const tz = COMPANY_TIME_ZONE;
  const local = sql`(${now}::timestamptz at time zone ${tz})`;
  const [sessions, observers, reasonWeeks, kano, jobs, latest] = await Promise.all([
    sql<{ month: string; sessions: number }>`
      select to_char(m, 'YYYY-MM') as month,
        (select count(*) from shadow_slots s
          where s.department_id = ${input.departmentId} and s.cancelled_at is null and s.starts_at <= ${now}
            and date_trunc('month', s.starts_at at time zone ${tz}) = m
            and exists (select 1 from shadow_bookings b where b.slot_id = s.id and b.cancelled_at is null))::int
          as sessions
      from generate_series(date_trunc('month', ${local}) - make_interval(months => ${months - 1}),
                           date_trunc('month', ${local}), interval '1 month') m
      order by m`.execute(db),
    db
      .selectFrom("shadow_bookings as b")
      .innerJoin("shadow_slots as s", "s.id", "b.slot_id")
      .leftJoin("departments as d", "d.id", "b.observer_department_id")
      .select([sql<string>`coalesce(d.name, '')`.as("department"), sql<number>`count(*)::int`.as("observers")])
      .where("s.department_id", "=", input.departmentId)
      .where("b.cancelled_at", "is", null)
      .where("s.cancelled_at", "is", null)
      .where("s.starts_at", "<=", now)
      .where("s.starts_at", ">", sql<Date>`${now}::timestamptz - make_interval(months => ${months})`)
      .groupBy("d.name")
      .orderBy("observers", "desc")
      .orderBy("department")
      .execute(),
    sql<{ label: string; week: string; count: number }>`
      select f.label, to_char(date_trunc('week', n.submitted_at at time zone ${tz}), 'YYYY-MM-DD') as week,
             count(*)::int as count
      from shadow_note_reasons r
      join shadow_notes n on n.id = r.note_id
      join failure_reasons f on f.id = r.reason_id
      where n.department_id = ${input.departmentId} and n.status = 'submitted'
        and n.submitted_at >= (date_trunc('week', ${local}) - interval '7 weeks') at time zone ${tz}
        and n.submitted_at <= ${now}
      group by 1, 2`.execute(db),
    needsMix(db, input.departmentId, "kano"),
    needsMix(db, input.departmentId, "job"),
    db
      .selectFrom("shadow_notes as n")
      .innerJoin("users as a", "a.id", "n.author_id")
      .select([
        "n.id",
        "a.name as authorName",
        "n.submitted_at as submittedAt",
        "n.went_well as wentWell",
        "n.pain_points as painPoints",
      ])
      .where("n.department_id", "=", input.departmentId)
      .where("n.status", "=", "submitted")
      .orderBy("n.submitted_at", "desc")
      .limit(5)
      .execute(),
  ]);
  // The eight weeks, oldest first; the last four decide the top reasons.
  const thisWeek = await sql<{ week: string }>`
    select to_char(date_trunc('week', ${local}), 'YYYY-MM-DD') as week`.execute(db);
  const last = new Date(`${thisWeek.rows[0]!.week}T00:00:00Z`);
  const weeks = Array.from({ length: 8 }, (_, i) =>
    new Date(last.getTime() - (7 - i) * 7 * 86_400_000).toISOString().slice(0, 10),
  );
  const byLabel = new Map<string, number[]>();
  for (const r of reasonWeeks.rows) {
    const counts = byLabel.get(r.label) ?? weeks.map(() => 0);
    const index = weeks.indexOf(r.week);
    if (index >= 0) counts[index]! += r.count;
    byLabel.set(r.label, counts);
  }
  const topReasons = [...byLabel]
    .map(([label, counts]) => ({ label, weeks: counts, count: counts.slice(4).reduce((a, b) => a + b, 0) }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, 5);
  return {
    sessionsPerMonth: sessions.rows,
    observersByDepartment: observers,
    topReasons,
    weeks,
    kano: kano.map((k) => ({ kano: k.value, notes: k.notes })),
    jobs: jobs.map((j) => ({ job: j.value, notes: j.notes })),
    latestNotes: latest.map((n) => ({ ...n, submittedAt: n.submittedAt! })),
  };
}

export interface ImprovementItem {
  id: string;
  description: string;
  status: ImprovementStatus;
  origin: ImprovementOrigin;
  touchpoint: string | null;
  shadowNoteId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  createdAt: Date;
  createdBy: string | null;
}

/** The backlog's items of a department, with their touchpoint, owner and author by name. */
export function improvementQuery(db: Database, departmentId: string) {
  return db
    .selectFrom("improvements as i")
    .leftJoin("touchpoints as t", "t.id", "i.touchpoint_id")
    .leftJoin("users as o", "o.id", "i.owner_id")
    .leftJoin("users as c", "c.id", "i.created_by")
    .select([
      "i.id",
      "i.description",
      "i.status",
      "i.origin",
      "t.name as touchpoint",
      "i.shadow_note_id as shadowNoteId",
      "o.name as ownerName",
      "i.due_on as dueOn",
      "i.created_at as createdAt",
      "c.name as createdBy",
    ])
    .where("i.department_id", "=", departmentId);
}

/** A department's improvement backlog: open items first, newest first. */
export async function listImprovements(db: Database, departmentId: string): Promise<ImprovementItem[]> {
  return improvementQuery(db, departmentId)
    .orderBy(sql`case when i.status in ('done', 'dropped') then 1 else 0 end`)
    .orderBy("i.created_at", "desc")
    .execute();
}

/** One item, with what its own page shows besides. */
export async function getImprovement(db: Database, input: { departmentId: string; id: string }) {
  return improvementQuery(db, input.departmentId)
    .select([
      "i.touchpoint_id as touchpointId",
      "i.owner_id as ownerId",
      "i.dropped_reason as droppedReason",
      "i.chosen_at as chosenAt",
      "i.done_at as doneAt",
    ])
    .where("i.id", "=", input.id)
    .executeTakeFirst();
}
