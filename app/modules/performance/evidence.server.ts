/**
 * Gathers one employee's evidence over a period (company-local dates) from
 * the other areas: stories written and named in (by the day the moment
 * happened), recognition received and given, shadowing done and hosted, and
 * the improvements they owned with their department's KPI movement since.
 * Hidden stories and recognition, drafts, cancelled sessions and anything
 * after `asOf` are left out.
 */
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import { currentBehaviourOptions } from "#app/modules/promise/queries.server.ts";
import { departmentKpiPanels, movementsSince } from "#app/modules/reviews/agenda.server.ts";
import { plainExcerpt } from "#app/modules/stories/queries.server.ts";
import { localDay } from "#app/utils/company-time.server.ts";
import { EVIDENCE_LIST_LIMIT, EVIDENCE_VERSION } from "./constants.ts";
import type { Evidence, EvidenceImprovement, EvidenceRecognition, EvidenceStory } from "./evidence.ts";

export interface EvidenceInput {
  userId: string;
  periodStart: string;
  periodEnd: string;
  asOf?: Date;
}

export async function gatherEvidence(db: Database, input: EvidenceInput): Promise<Evidence> {
  const asOf = input.asOf ?? new Date();
  const [written, named, received, given, done, hosted, improvements, promise, noteBehaviours] = await Promise.all([
    stories(db, input, asOf, "written"),
    stories(db, input, asOf, "named"),
    recognitions(db, input, asOf, "received"),
    recognitions(db, input, asOf, "given"),
    shadowingDone(db, input, asOf),
    shadowingHosted(db, input, asOf),
    ownedImprovements(db, input, asOf),
    currentBehaviourOptions(db),
    db
      .selectFrom("shadow_note_behaviours as nb")
      .innerJoin("shadow_notes as n", "n.id", "nb.note_id")
      .select("nb.behaviour_id")
      .where("n.author_id", "=", input.userId)
      .where("n.status", "=", "submitted")
      .where("n.submitted_at", "<=", asOf)
      .where(inPeriod(input, "n.submitted_at"))
      .execute(),
  ]);
  const counts = new Map<string, number>();
  const shown = [
    ...[...written, ...named].flatMap((s) => s.behaviourIds),
    ...received.map((r) => r.behaviourId),
    ...noteBehaviours.map((b) => b.behaviour_id),
  ];
  for (const id of shown) counts.set(id, (counts.get(id) ?? 0) + 1);
  const promiseOrder = promise.map((b) => b.behaviourId);
  const rank = (id: string) => (promiseOrder.includes(id) ? promiseOrder.indexOf(id) : promiseOrder.length);
  const list = <T>(items: T[]) => items.slice(0, EVIDENCE_LIST_LIMIT);
  return {
    version: EVIDENCE_VERSION,
    asOf: asOf.toISOString(),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    counts: {
      storiesWritten: written.length,
      storiesNamed: named.length,
      recognitionReceived: received.length,
      recognitionGiven: given.length,
      shadowingDone: done.length,
      shadowingHosted: hosted.length,
      improvements: improvements.length,
    },
    storiesWritten: list(written),
    storiesNamed: list(named),
    recognitionReceived: list(received),
    recognitionGiven: list(given),
    shadowingDone: list(done),
    shadowingHosted: list(hosted),
    improvements: list(improvements),
    behaviours: [...counts]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || rank(a.id) - rank(b.id) || a.id.localeCompare(b.id)),
    promiseBehaviourIds: promiseOrder,
  };
}

function inPeriod(input: EvidenceInput, column: string) {
  return sql<boolean>`${localDay(column)} between ${input.periodStart}::date and ${input.periodEnd}::date`;
}

/** Published, visible stories the person wrote or was named in, newest moment first. */
async function stories(
  db: Database,
  input: EvidenceInput,
  asOf: Date,
  role: "written" | "named",
): Promise<EvidenceStory[]> {
  const rows = await db
    .selectFrom("stories as s")
    .innerJoin("users as a", "a.id", "s.author_id")
    .innerJoin("departments as d", "d.id", "s.department_id")
    .select([
      "s.id",
      "s.title",
      "s.happened_on",
      "a.name as author_name",
      "d.name as department_name",
      "s.featured_for_review_at",
      "s.story_of_week_at",
      (eb) =>
        eb
          .selectFrom("story_behaviours as sb")
          .select(sql<string[]>`coalesce(array_agg(sb.behaviour_id::text order by sb.behaviour_id), '{}')`.as("ids"))
          .whereRef("sb.story_id", "=", "s.id")
          .as("behaviour_ids"),
    ])
    .where("s.status", "=", "published")
    .where("s.hidden_at", "is", null)
    .where("s.published_at", "<=", asOf)
    .where("s.happened_on", ">=", input.periodStart)
    .where("s.happened_on", "<=", input.periodEnd)
    .$if(role === "written", (q) => q.where("s.author_id", "=", input.userId))
    .$if(role === "named", (q) =>
      q
        .where("s.author_id", "!=", input.userId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("story_colleagues as c")
              .select("c.user_id")
              .whereRef("c.story_id", "=", "s.id")
              .where("c.user_id", "=", input.userId),
          ),
        ),
    )
    .orderBy("s.happened_on", "desc")
    .orderBy("s.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    happenedOn: r.happened_on,
    authorName: r.author_name,
    departmentName: r.department_name,
    featured: r.featured_for_review_at !== null || r.story_of_week_at !== null,
    behaviourIds: r.behaviour_ids ?? [],
  }));
}

/** Visible recognition to the person (by name, not through their department) or by them, newest first. */
async function recognitions(
  db: Database,
  input: EvidenceInput,
  asOf: Date,
  direction: "received" | "given",
): Promise<EvidenceRecognition[]> {
  const rows = await db
    .selectFrom("recognitions as r")
    .innerJoin("users as a", "a.id", "r.author_id")
    .select([
      "r.id",
      "r.created_at",
      "a.name as author_name",
      "r.behaviour_id",
      "r.message",
      (eb) =>
        eb
          .selectFrom((inner) =>
            inner
              .selectFrom("recognition_people as rp")
              .innerJoin("users as u", "u.id", "rp.user_id")
              .select("u.name as name")
              .whereRef("rp.recognition_id", "=", "r.id")
              .unionAll(
                inner
                  .selectFrom("recognition_departments as rd")
                  .innerJoin("departments as d", "d.id", "rd.department_id")
                  .select("d.name as name")
                  .whereRef("rd.recognition_id", "=", "r.id"),
              )
              .as("x"),
          )
          .select(sql<string>`string_agg(x.name, ', ' order by x.name)`.as("names"))
          .as("recipients"),
    ])
    .where("r.hidden_at", "is", null)
    .where("r.created_at", "<=", asOf)
    .where(inPeriod(input, "r.created_at"))
    .$if(direction === "given", (q) => q.where("r.author_id", "=", input.userId))
    .$if(direction === "received", (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("recognition_people as rp")
            .select("rp.user_id")
            .whereRef("rp.recognition_id", "=", "r.id")
            .where("rp.user_id", "=", input.userId),
        ),
      ),
    )
    .orderBy("r.created_at", "desc")
    .orderBy("r.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at.toISOString(),
    authorName: r.author_name,
    recipients: r.recipients ?? "",
    behaviourId: r.behaviour_id,
    excerpt: plainExcerpt(r.message, 160),
  }));
}

/** Sessions the person listened in on (not cancelled, already begun), with their submitted note. */
async function shadowingDone(db: Database, input: EvidenceInput, asOf: Date) {
  const rows = await db
    .selectFrom("shadow_bookings as b")
    .innerJoin("shadow_slots as s", "s.id", "b.slot_id")
    .innerJoin("departments as d", "d.id", "s.department_id")
    .leftJoin("shadow_notes as n", (join) =>
      join.onRef("n.booking_id", "=", "b.id").on("n.status", "=", "submitted").on("n.submitted_at", "<=", asOf),
    )
    .select(["s.id as slot_id", "s.starts_at", "d.name as department_name", "n.id as note_id"])
    .where("b.observer_id", "=", input.userId)
    .where("b.cancelled_at", "is", null)
    .where("s.cancelled_at", "is", null)
    .where("s.starts_at", "<=", asOf)
    .where(inPeriod(input, "s.starts_at"))
    .orderBy("s.starts_at", "desc")
    .execute();
  return rows.map((r) => ({
    slotId: r.slot_id,
    startsAt: r.starts_at.toISOString(),
    departmentName: r.department_name,
    noteId: r.note_id,
  }));
}

/** Sessions the person hosted that someone listened in on. */
async function shadowingHosted(db: Database, input: EvidenceInput, asOf: Date) {
  const rows = await db
    .selectFrom("shadow_slots as s")
    .innerJoin("shadow_bookings as b", (join) => join.onRef("b.slot_id", "=", "s.id").on("b.cancelled_at", "is", null))
    .select(["s.id", "s.starts_at", sql<number>`count(b.id)::int`.as("observers")])
    .where("s.host_id", "=", input.userId)
    .where("s.cancelled_at", "is", null)
    .where("s.starts_at", "<=", asOf)
    .where(inPeriod(input, "s.starts_at"))
    .groupBy(["s.id", "s.starts_at"])
    .orderBy("s.starts_at", "desc")
    .execute();
  return rows.map((r) => ({ slotId: r.id, startsAt: r.starts_at.toISOString(), observers: r.observers }));
}

/**
 * Improvements the person owns that were being worked on during the period:
 * chosen by its end, and not done before its start. Done ones carry their
 * department's KPI movement since they were chosen.
 */
async function ownedImprovements(db: Database, input: EvidenceInput, asOf: Date): Promise<EvidenceImprovement[]> {
  const rows = await db
    .selectFrom("improvements as i")
    .innerJoin("departments as d", "d.id", "i.department_id")
    .select([
      "i.id",
      "i.description",
      "i.status",
      "i.department_id",
      "d.slug as department_slug",
      "d.name as department_name",
      "i.chosen_at",
      "i.done_at",
    ])
    .where("i.owner_id", "=", input.userId)
    .where("i.status", "in", ["chosen", "in_progress", "done"])
    .where("i.chosen_at", "<=", asOf)
    .where(localDay("i.chosen_at"), "<=", input.periodEnd)
    .where((eb) => eb.or([eb("i.done_at", "is", null), eb(localDay("i.done_at"), ">=", input.periodStart)]))
    // Done first (the wins), then the most recently chosen.
    .orderBy(sql`i.done_at is null`)
    .orderBy("i.done_at", "desc")
    .orderBy("i.chosen_at", "desc")
    .execute();
  const panels = new Map<string, Awaited<ReturnType<typeof departmentKpiPanels>>>();
  for (const departmentId of new Set(rows.filter((r) => r.status === "done").map((r) => r.department_id))) {
    panels.set(
      departmentId,
      await departmentKpiPanels(db, { departmentId, periodStart: input.periodStart, periodEnd: input.periodEnd }),
    );
  }
  return rows.map((r) => ({
    id: r.id,
    description: r.description,
    status: r.status,
    departmentSlug: r.department_slug,
    departmentName: r.department_name,
    chosenAt: r.chosen_at?.toISOString() ?? null,
    doneAt: r.done_at?.toISOString() ?? null,
    movements:
      r.status === "done" && r.done_at && r.done_at <= asOf
        ? movementsSince(panels.get(r.department_id) ?? [], r.chosen_at?.toISOString() ?? null)
        : [],
  }));
}
