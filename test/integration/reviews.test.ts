/**
 * CX reviews against a real database: the agenda assembled from a department's
 * KPIs, stories, shadowing and backlog (checked against hand-computed
 * literals), one decision per touchpoint, freezing a finished review (also in
 * the database), the rules of starting and holding one, the notifications of
 * finishing, who may run and read reviews, and which reviews a person sees.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { ImprovementOrigin, ImprovementStatus } from "#db/schema.ts";
import { CommandError } from "#app/modules/forms.ts";
import { insertResponses, setKpiArchived } from "#app/modules/kpis/commands.server.ts";
import type { NewKpiInput } from "#app/modules/kpis/schemas.ts";
import { listNotifications } from "#app/modules/notifications/notifications.server.ts";
import { loadActor } from "#app/modules/people/actor.server.ts";
import { authorize, can } from "#app/modules/policy/policy.ts";
import { assembleAgenda } from "#app/modules/reviews/agenda.server.ts";
import { finishReview, saveReviewNotes, setAttendees, startReview } from "#app/modules/reviews/commands.server.ts";
import { getReview, listReviews } from "#app/modules/reviews/queries.server.ts";
import { StartReviewSchema } from "#app/modules/reviews/schemas.ts";
import {
  addTouchpoint,
  chooseImprovement,
  moveImprovement,
  suggestImprovement,
} from "#app/modules/shadowing/commands.server.ts";
import { listTouchpoints } from "#app/modules/shadowing/queries.server.ts";
import { createDepartment, createUser, insertBooking, insertKpi, insertReadings, insertSlot } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();

/** The day the tests run on, as the commands are told; NOW is during it. */
const TODAY = "2026-11-25";
const NOW = new Date("2026-11-25T12:00:00Z");
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

let worlds = 0;

/** A department with a manager and a member, and a second department. */
async function world() {
  const k = ++worlds;
  const dept = await createDepartment(db, { name: `Claims ${k}`, slug: `claims-${k}` });
  const other = await createDepartment(db, { name: `Credit ${k}`, slug: `credit-${k}` });
  const manager = await createUser(db, { name: `Mia Manager ${k}`, departments: [{ id: dept.id, isManager: true }] });
  const member = await createUser(db, { name: `Owen Owner ${k}`, departments: [{ id: dept.id }] });
  return { k, dept, other, manager, member };
}
type World = Awaited<ReturnType<typeof world>>;

function start(w: World, periodStart: string, periodEnd: string, departmentId = w.dept.id) {
  return startReview(db, { actorId: w.manager.id, departmentId, periodStart, periodEnd, today: TODAY });
}

async function refused(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
}

async function touchpoint(w: World, name: string): Promise<string> {
  await addTouchpoint(db, { actorId: w.manager.id, departmentId: w.dept.id, name });
  return (await listTouchpoints(db, w.dept.id)).find((t) => t.name === name)!.id;
}

function suggest(w: World, description: string, touchpointId?: string) {
  return suggestImprovement(db, { actorId: w.member.id, departmentId: w.dept.id, description, touchpointId });
}

async function improvement(id: string) {
  return db
    .selectFrom("improvements")
    .select(["status", "owner_id", "due_on", "chosen_at", "origin", "review_id"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

async function decisionsOf(reviewId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("review_decisions")
    .select("improvement_id")
    .where("review_id", "=", reviewId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => r.improvement_id);
}

/** An improvement in a given state, written directly (the agenda reads what is there). */
async function insertImprovement(
  departmentId: string,
  description: string,
  values: {
    createdAt: string;
    status?: ImprovementStatus;
    origin?: ImprovementOrigin;
    touchpointId?: string;
    shadowNoteId?: string;
    ownerId?: string;
    dueOn?: string;
    chosenAt?: string;
    doneAt?: string;
  },
): Promise<string> {
  const row = await db
    .insertInto("improvements")
    .values({
      department_id: departmentId,
      description,
      origin: values.origin ?? "suggestion",
      status: values.status ?? "proposed",
      touchpoint_id: values.touchpointId ?? null,
      shadow_note_id: values.shadowNoteId ?? null,
      owner_id: values.ownerId ?? null,
      due_on: values.dueOn ?? null,
      chosen_at: values.chosenAt ? new Date(values.chosenAt) : null,
      done_at: values.doneAt ? new Date(values.doneAt) : null,
      dropped_reason: values.status === "dropped" ? "Not worth it" : null,
      created_at: new Date(values.createdAt),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertStory(
  departmentId: string,
  authorId: string,
  title: string,
  values: { publishedAt: string | null; featuredAt?: string; hidden?: boolean },
): Promise<string> {
  const row = await db
    .insertInto("stories")
    .values({
      author_id: authorId,
      department_id: departmentId,
      status: values.publishedAt ? "published" : "draft",
      title,
      body: `What happened: **${title}**, and we _called back_.`,
      language: "en",
      channel: "phone",
      happened_on: "2026-10-01",
      consent: "internal_only",
      published_at: values.publishedAt ? new Date(values.publishedAt) : null,
      featured_for_review_at: values.featuredAt ? new Date(values.featuredAt) : null,
      hidden_at: values.hidden ? new Date("2026-11-12T10:00:00Z") : null,
      hidden_reason: values.hidden ? "Names a customer" : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function newKpi(w: World, overrides: Partial<NewKpiInput>) {
  return insertKpi(db, { actorId: w.manager.id, departmentId: w.dept.id }, { period: "week", ...overrides });
}

function readings(
  w: World,
  kpi: Awaited<ReturnType<typeof newKpi>>,
  rows: [periodStart: string, value: number, sampleSize: number][],
) {
  return insertReadings(db, { actorId: w.manager.id, departmentId: w.dept.id, kpi, today: TODAY }, rows);
}

async function npsResponses(departmentId: string, respondedAt: string, scores: number[]) {
  await insertResponses(db, {
    actorId: null,
    departmentId,
    source: "api",
    // A second apart: the same answer twice at one moment is stored once.
    responses: scores.map((score, i) => ({
      kind: "nps" as const,
      score,
      respondedAt: new Date(Date.parse(respondedAt) + i * 1000),
      channel: "phone" as const,
      comment: null,
    })),
  });
}

describe("the agenda", () => {
  it("assembles KPIs, stories, shadowing, the backlog, the previous decisions and the wins of the period", async () => {
    const w = await world();
    const { dept, other, manager, member: owen } = w;
    const author = await createUser(db, { name: `Astrid Author ${w.k}`, departments: [{ id: dept.id }] });
    const olle = await createUser(db, { name: `Olle Observer ${w.k}`, departments: [{ id: other.id }] });
    const lea = await createUser(db, { name: `Lea Leader ${w.k}`, role: "leader" });
    const observers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) => createUser(db, { name: `Observer ${i} ${w.k}`, departments: [{ id: other.id }] })),
    );

    // KPIs. The review covers three weeks, so they are shown in weeks: the twelve ending 16 November.
    const fcr = await newKpi(w, { name: "First-contact resolution", period: "week" });
    const aht = await newKpi(w, {
      name: "Handling time",
      unit: "seconds",
      direction: "lower",
      target: 300,
      warning: 360,
      period: "day",
    });
    const npsKpi = await newKpi(w, {
      name: "NPS",
      kind: "nps",
      unit: "score",
      target: 30,
      warning: 10,
      period: "week",
      minSample: 4,
    });
    const complaints = await newKpi(w, {
      name: "Complaints",
      unit: "count",
      direction: "lower",
      aggregation: "sum",
      target: 5,
      warning: 10,
    });
    const retired = await newKpi(w, { name: "Retired" });
    await setKpiArchived(db, { actorId: manager.id, kpiId: retired.id, archived: true });
    await readings(w, retired, [["2026-11-16", 1, 100]]);
    // 60 before, 80 now; the week after the period (10) is not the review's.
    await readings(w, fcr, [
      ["2026-10-12", 60, 100],
      ["2026-11-16", 80, 100],
      ["2026-11-23", 10, 100],
    ]);
    // Daily, shown weekly: week of 5 Oct 450; 12 Oct (420×10 + 400×30)/40 = 405; 16 Nov (380×20 + 400×20)/40 = 390.
    await readings(w, aht, [
      ["2026-10-06", 450, 10],
      ["2026-10-13", 420, 10],
      ["2026-10-14", 400, 30],
      ["2026-11-17", 380, 20],
      ["2026-11-18", 400, 20],
    ]);
    // Week of 12 Oct: 3 promoters, 1 detractor of 5 = 40. Week of 16 Nov: 2 and 1 of 4 = 25.
    await npsResponses(dept.id, "2026-10-13T10:00:00Z", [10, 9, 9, 6, 7]);
    await npsResponses(dept.id, "2026-11-17T10:00:00Z", [10, 9, 3, 8]);
    // 23 November in Stockholm, and another department's answer: neither counts.
    await npsResponses(dept.id, "2026-11-22T23:30:00Z", [0]);
    await npsResponses(other.id, "2026-11-17T10:00:00Z", [0, 0]);

    // Touchpoints: two in use, one archived.
    const phone = await touchpoint(w, "Phone queue");
    const form = await touchpoint(w, "Claims form");
    const portal = await touchpoint(w, "Old portal");
    await db
      .updateTable("touchpoints")
      .set({ archived_at: new Date("2026-10-01T08:00:00Z") })
      .where("id", "=", portal)
      .execute();

    // An older review decided d0; the previous one (5 Oct – 1 Nov) decided d1, d2 and d3.
    const d0 = await suggest(w, "Shorter letters");
    const d1 = await suggest(w, "Call back within the hour", phone);
    const d2 = await suggest(w, "Say the queue position", form);
    const d3 = await suggest(w, "A checklist for new claims");
    const decide = (reviewId: string, improvementId: string) =>
      chooseImprovement(db, {
        actorId: manager.id,
        departmentId: dept.id,
        improvementId,
        ownerId: owen.id,
        dueOn: "2026-12-31",
        today: TODAY,
        reviewId,
      });
    const older = await start(w, "2026-09-01", "2026-09-30");
    await decide(older, d0);
    await finishReview(db, {
      actorId: manager.id,
      departmentId: dept.id,
      reviewId: older,
      now: new Date("2026-10-01T08:00:00Z"),
    });
    const previous = await start(w, "2026-10-05", "2026-11-01");
    await decide(previous, d1);
    await decide(previous, d2);
    await decide(previous, d3);
    await finishReview(db, {
      actorId: manager.id,
      departmentId: dept.id,
      reviewId: previous,
      now: new Date("2026-11-02T08:00:00Z"),
    });
    // What became of them since.
    const at = (iso: string) => new Date(iso);
    await db
      .updateTable("improvements")
      .set({ status: "done", done_at: at("2026-10-01T10:00:00Z") })
      .where("id", "=", d0)
      .execute();
    await db
      .updateTable("improvements")
      // Chosen on Monday 19 October at 00:30 in Stockholm (still the 18th in UTC): the week of 19 October.
      .set({ status: "done", chosen_at: at("2026-10-18T22:30:00Z"), done_at: at("2026-11-10T10:00:00Z") })
      .where("id", "=", d1)
      .execute();
    await db
      .updateTable("improvements")
      .set({ status: "in_progress", chosen_at: at("2026-10-21T09:00:00Z") })
      .where("id", "=", d2)
      .execute();
    await db
      .updateTable("improvements")
      .set({
        status: "dropped",
        dropped_reason: "The new system does it",
        owner_id: null,
        due_on: null,
        chosen_at: null,
      })
      .where("id", "=", d3)
      .execute();
    for (const [id, createdAt] of [
      [d0, "2026-08-20T09:00:00Z"],
      [d1, "2026-09-20T09:00:00Z"],
      [d2, "2026-09-21T09:00:00Z"],
      [d3, "2026-09-22T09:00:00Z"],
    ] as const) {
      await db
        .updateTable("improvements")
        .set({ created_at: at(createdAt) })
        .where("id", "=", id)
        .execute();
    }

    // Stories.
    const story = (title: string, values: Parameters<typeof insertStory>[3]) =>
      insertStory(dept.id, author.id, `${title} ${w.k}`, values);
    // 1 November 23:30 in Stockholm: before the period.
    await story("Before", { publishedAt: "2026-11-01T22:30:00Z" });
    // 2 November 00:30 in Stockholm: the period's first day.
    const first = await story("First", { publishedAt: "2026-11-01T23:30:00Z" });
    const middle = await story("Middle", { publishedAt: "2026-11-10T10:00:00Z" });
    // 22 November 23:30 in Stockholm: the last day; 30 minutes later is after the period.
    const last = await story("Last", { publishedAt: "2026-11-22T22:30:00Z" });
    await story("After", { publishedAt: "2026-11-22T23:30:00Z" });
    const featured = await story("Featured", {
      publishedAt: "2026-11-12T10:00:00Z",
      featuredAt: "2026-11-13T10:00:00Z",
    });
    // Featured since the previous review finished, though published long before: still shown.
    const featuredOld = await story("Featured old", {
      publishedAt: "2026-09-01T10:00:00Z",
      featuredAt: "2026-11-05T10:00:00Z",
    });
    // Featured for the previous review (before it finished): not again.
    await story("Featured stale", { publishedAt: "2026-10-15T10:00:00Z", featuredAt: "2026-10-20T10:00:00Z" });
    await story("Hidden", { publishedAt: "2026-11-11T10:00:00Z", hidden: true, featuredAt: "2026-11-14T10:00:00Z" });
    await story("Draft", { publishedAt: null });
    await insertStory(other.id, olle.id, `Elsewhere ${w.k}`, { publishedAt: "2026-11-11T10:00:00Z" });

    // Shadowing: sessions held in the period with someone booked.
    const reasons = new Map<string, string>();
    for (const label of ["Waiting for callback", "Unclear letter", "Wrong form"]) {
      const row = await db
        .insertInto("failure_reasons")
        .values({ department_id: dept.id, label })
        .returning("id")
        .executeTakeFirstOrThrow();
      reasons.set(label, row.id);
    }
    const held = await insertSlot(db, dept.id, "2026-11-03T09:00:00Z");
    // 2 November 00:30 in Stockholm.
    const midnight = await insertSlot(db, dept.id, "2026-11-01T23:30:00Z");
    await insertBooking(db, { slotId: midnight, observerId: observers[0]!.id, observerDepartmentId: other.id });
    // Only a cancelled booking; a cancelled slot; before the period; 23 November in Stockholm; another department.
    await insertBooking(db, {
      slotId: await insertSlot(db, dept.id, "2026-11-10T09:00:00Z"),
      observerId: observers[1]!.id,
      observerDepartmentId: other.id,
      cancelled: true,
    });
    await insertBooking(db, {
      slotId: await insertSlot(db, dept.id, "2026-11-12T09:00:00Z", true),
      observerId: observers[1]!.id,
      observerDepartmentId: other.id,
    });
    const october = await insertSlot(db, dept.id, "2026-10-20T09:00:00Z");
    await insertBooking(db, {
      slotId: await insertSlot(db, dept.id, "2026-11-22T23:30:00Z"),
      observerId: observers[2]!.id,
      observerDepartmentId: other.id,
    });
    await insertBooking(db, {
      slotId: await insertSlot(db, other.id, "2026-11-05T09:00:00Z"),
      observerId: observers[3]!.id,
      observerDepartmentId: other.id,
    });

    const notes = new Map<string, string>();
    const notesToWrite: [string, string, { id: string }, string | null, string | null, string[]][] = [
      ["n1", held, olle, other.id, "2026-11-04T10:00:00Z", ["Waiting for callback", "Unclear letter"]],
      ["n2", held, lea, null, "2026-11-15T10:00:00Z", ["Waiting for callback"]],
      ["n3", october, observers[4]!, other.id, "2026-10-28T10:00:00Z", ["Wrong form", "Waiting for callback"]],
      ["n4", held, observers[5]!, other.id, null, ["Wrong form"]],
      // 23 November in Stockholm.
      ["n5", held, observers[3]!, other.id, "2026-11-22T23:30:00Z", ["Wrong form", "Unclear letter"]],
    ];
    for (const [name, slotId, observer, observerDepartmentId, submittedAt, labels] of notesToWrite) {
      const bookingId = await insertBooking(db, {
        slotId: slotId,
        observerId: observer.id,
        observerDepartmentId: observerDepartmentId,
      });
      const row = await db
        .insertInto("shadow_notes")
        .values({
          booking_id: bookingId,
          author_id: observer.id,
          department_id: dept.id,
          status: submittedAt ? "submitted" : "draft",
          submitted_at: submittedAt ? new Date(submittedAt) : null,
          went_well: `${name} went well`,
          pain_points: `${name} pain`,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      notes.set(name, row.id);
      await db
        .insertInto("shadow_note_reasons")
        .values(labels.map((label) => ({ note_id: row.id, reason_id: reasons.get(label)! })))
        .execute();
    }

    // The backlog now.
    const current = await insertImprovement(dept.id, "Ring back before noon", {
      createdAt: "2026-11-03T09:00:00Z",
      status: "chosen",
      touchpointId: phone,
      ownerId: owen.id,
      dueOn: "2026-12-15",
      chosenAt: "2026-11-20T09:00:00Z",
    });
    const p1 = await insertImprovement(dept.id, "Queue music off", {
      createdAt: "2026-11-05T09:00:00Z",
      touchpointId: phone,
    });
    const p2 = await insertImprovement(dept.id, "Callback button", {
      createdAt: "2026-11-06T09:00:00Z",
      touchpointId: phone,
    });
    const p3 = await insertImprovement(dept.id, "Fewer fields", {
      createdAt: "2026-11-07T09:00:00Z",
      touchpointId: form,
    });
    const onArchived = await insertImprovement(dept.id, "Portal login help", {
      createdAt: "2026-11-08T09:00:00Z",
      touchpointId: portal,
    });
    const idea = await insertImprovement(dept.id, "Explain the letter on the phone", {
      createdAt: "2026-11-04T10:00:00Z",
      origin: "shadow_note",
      shadowNoteId: notes.get("n1"),
    });
    const oldIdea = await insertImprovement(dept.id, "Send the form by e-mail", {
      createdAt: "2026-10-28T10:00:00Z",
      origin: "shadow_note",
      shadowNoteId: notes.get("n3"),
    });
    await insertImprovement(dept.id, "Already dropped", { createdAt: "2026-11-09T09:00:00Z", status: "dropped" });
    await insertImprovement(other.id, "Another department's idea", { createdAt: "2026-11-09T09:00:00Z" });
    // Done on 2 November at 00:30 in Stockholm: after the previous period, a win.
    const quickWin = await insertImprovement(dept.id, "Plain-language greeting", {
      createdAt: "2026-10-22T09:00:00Z",
      status: "done",
      touchpointId: form,
      ownerId: owen.id,
      dueOn: "2026-11-30",
      chosenAt: "2026-10-26T09:00:00Z",
      doneAt: "2026-11-01T23:30:00Z",
    });
    // Done on 1 November in Stockholm (within the previous period), and after this period: not wins.
    await insertImprovement(dept.id, "Done in time for the last review", {
      createdAt: "2026-10-02T09:00:00Z",
      status: "done",
      touchpointId: form,
      chosenAt: "2026-10-05T09:00:00Z",
      doneAt: "2026-11-01T22:30:00Z",
    });
    await insertImprovement(dept.id, "Done after the period", {
      createdAt: "2026-10-03T09:00:00Z",
      status: "done",
      touchpointId: form,
      chosenAt: "2026-10-05T09:00:00Z",
      doneAt: "2026-11-23T10:00:00Z",
    });

    const reviewId = await start(w, "2026-11-02", "2026-11-22");
    const agenda = await assembleAgenda(db, {
      departmentId: dept.id,
      periodStart: "2026-11-02",
      periodEnd: "2026-11-22",
      reviewId,
      asOf: NOW,
    });

    expect(agenda.version).toBe(1);
    expect(agenda.asOf).toBe("2026-11-25T12:00:00.000Z");

    // Off target first, then warning, on target and no data; the archived KPI is left out.
    const weeks = agenda.kpis[0]!.summary.points.map((p) => p.periodStart);
    expect(weeks).toEqual([
      "2026-08-31",
      "2026-09-07",
      "2026-09-14",
      "2026-09-21",
      "2026-09-28",
      "2026-10-05",
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
    ]);
    const _ = null;
    expect(
      agenda.kpis.map((p) => ({
        id: p.kpi.id,
        period: p.period,
        latest: [p.summary.latest?.periodStart, p.summary.latest?.value, p.summary.latest?.status],
        values: p.summary.points.map((point) => point.value),
      })),
    ).toEqual([
      {
        id: aht.id,
        period: "week",
        latest: ["2026-11-16", 390, "off_target"],
        values: [_, _, _, _, _, 450, 405, _, _, _, _, 390],
      },
      {
        id: npsKpi.id,
        period: "week",
        latest: ["2026-11-16", 25, "warning"],
        values: [_, _, _, _, _, _, 40, _, _, _, _, 25],
      },
      {
        id: fcr.id,
        period: "week",
        latest: ["2026-11-16", 80, "on_target"],
        values: [_, _, _, _, _, _, 60, _, _, _, _, 80],
      },
      {
        id: complaints.id,
        period: "week",
        latest: ["2026-11-16", null, "no_data"],
        values: [_, _, _, _, _, _, _, _, _, _, _, _],
      },
    ]);

    const storyOf = (id: string, title: string) => ({
      id,
      title: `${title} ${w.k}`,
      excerpt: `What happened: ${title} ${w.k}, and we called back.`,
      authorName: author.name,
      channel: "phone",
      happenedOn: "2026-10-01",
      consent: "internal_only",
    });
    expect(agenda.stories).toEqual({
      featured: [storyOf(featured, "Featured"), storyOf(featuredOld, "Featured old")],
      newest: [storyOf(last, "Last"), storyOf(middle, "Middle"), storyOf(first, "First")],
      published: 4,
    });

    expect(agenda.shadowing).toEqual({
      sessions: 2,
      notes: [
        {
          id: notes.get("n2"),
          authorName: lea.name,
          authorDepartment: null,
          submittedAt: "2026-11-15T10:00:00.000Z",
          wentWell: "n2 went well",
          painPoints: "n2 pain",
        },
        {
          id: notes.get("n1"),
          authorName: olle.name,
          authorDepartment: other.name,
          submittedAt: "2026-11-04T10:00:00.000Z",
          wentWell: "n1 went well",
          painPoints: "n1 pain",
        },
      ],
      reasons: [
        { label: "Waiting for callback", count: 2 },
        { label: "Unclear letter", count: 1 },
      ],
      ideas: 1,
    });

    const item = (
      id: string,
      description: string,
      fields: Partial<{
        status: ImprovementStatus;
        origin: ImprovementOrigin;
        touchpointId: string;
        touchpoint: string;
        shadowNoteId: string;
        ownerName: string;
        dueOn: string;
        chosenAt: string;
        doneAt: string;
      }> = {},
    ) => ({
      id,
      description,
      status: "proposed",
      origin: "suggestion",
      touchpointId: null,
      touchpoint: null,
      shadowNoteId: null,
      ownerName: null,
      dueOn: null,
      chosenAt: null,
      doneAt: null,
      ...fields,
    });
    const onPhone = { touchpointId: phone, touchpoint: "Phone queue" };
    const onForm = { touchpointId: form, touchpoint: "Claims form" };
    const d2Item = item(d2, "Say the queue position", {
      ...onForm,
      status: "in_progress",
      ownerName: owen.name,
      dueOn: "2026-12-31",
      chosenAt: "2026-10-21T09:00:00.000Z",
    });
    expect(agenda.touchpoints).toEqual([
      {
        id: phone,
        name: "Phone queue",
        current: item(current, "Ring back before noon", {
          ...onPhone,
          status: "chosen",
          ownerName: owen.name,
          dueOn: "2026-12-15",
          chosenAt: "2026-11-20T09:00:00.000Z",
        }),
        proposals: [item(p2, "Callback button", onPhone), item(p1, "Queue music off", onPhone)],
      },
      { id: form, name: "Claims form", current: d2Item, proposals: [item(p3, "Fewer fields", onForm)] },
    ]);
    expect(agenda.unplaced).toEqual([
      item(onArchived, "Portal login help", { touchpointId: portal, touchpoint: "Old portal" }),
      item(idea, "Explain the letter on the phone", { origin: "shadow_note", shadowNoteId: notes.get("n1") }),
      item(oldIdea, "Send the form by e-mail", { origin: "shadow_note", shadowNoteId: notes.get("n3") }),
    ]);

    const d1Item = item(d1, "Call back within the hour", {
      ...onPhone,
      status: "done",
      ownerName: owen.name,
      dueOn: "2026-12-31",
      chosenAt: "2026-10-18T22:30:00.000Z",
      doneAt: "2026-11-10T10:00:00.000Z",
    });
    // The previous review's decisions, as they stand now.
    expect(agenda.previous).toEqual({
      id: previous,
      periodStart: "2026-10-05",
      periodEnd: "2026-11-01",
      decisions: [item(d3, "A checklist for new claims", { status: "dropped" }), d2Item, d1Item],
    });

    // Wins: each KPI in the last week with a value before the week it was chosen, and in its latest.
    const movement = (
      kpi: { id: string; name: string; unit: string },
      before: number,
      after: number,
      improved: boolean,
    ) => ({
      kpiId: kpi.id,
      name: kpi.name,
      unit: kpi.unit,
      before,
      after,
      improved,
      worsened: !improved,
    });
    expect(agenda.wins).toEqual([
      {
        // Chosen in the week of 26 October.
        item: item(quickWin, "Plain-language greeting", {
          ...onForm,
          status: "done",
          ownerName: owen.name,
          dueOn: "2026-11-30",
          chosenAt: "2026-10-26T09:00:00.000Z",
          doneAt: "2026-11-01T23:30:00.000Z",
        }),
        movements: [movement(aht, 405, 390, true), movement(npsKpi, 40, 25, false), movement(fcr, 60, 80, true)],
      },
      {
        // Chosen in the week of 19 October (Stockholm time): "before" is the week of 12 October.
        item: d1Item,
        movements: [movement(aht, 405, 390, true), movement(npsKpi, 40, 25, false), movement(fcr, 60, 80, true)],
      },
    ]);
  });

  it("has no previous review for a department's first, and counts wins from the period's start", async () => {
    const w = await world();
    const before = await insertImprovement(w.dept.id, "Done the day before", {
      createdAt: "2026-10-01T09:00:00Z",
      status: "done",
      chosenAt: "2026-10-05T09:00:00Z",
      doneAt: "2026-11-01T12:00:00Z",
    });
    const within = await insertImprovement(w.dept.id, "Done on the first day", {
      createdAt: "2026-10-01T09:00:00Z",
      status: "done",
      chosenAt: "2026-10-05T09:00:00Z",
      doneAt: "2026-11-02T12:00:00Z",
    });
    // Done after the agenda was assembled.
    await insertImprovement(w.dept.id, "Done later today", {
      createdAt: "2026-10-01T09:00:00Z",
      status: "done",
      chosenAt: "2026-10-05T09:00:00Z",
      doneAt: "2026-11-20T15:00:00Z",
    });
    const agenda = await assembleAgenda(db, {
      departmentId: w.dept.id,
      periodStart: "2026-11-02",
      periodEnd: "2026-11-22",
      asOf: new Date("2026-11-20T12:00:00Z"),
    });
    expect(agenda.previous).toBeNull();
    expect(agenda.wins.map((win) => win.item.id)).toEqual([within]);
    expect(agenda.wins.map((win) => win.item.id)).not.toContain(before);
    expect(agenda.wins[0]!.movements).toEqual([]);
    expect(agenda.kpis).toEqual([]);
    expect(agenda.touchpoints).toEqual([]);
    expect(agenda.stories).toEqual({ featured: [], newest: [], published: 0 });
    expect(agenda.shadowing).toEqual({ sessions: 0, notes: [], reasons: [], ideas: 0 });
  });
});

describe("deciding in a review", () => {
  it("chooses one improvement per touchpoint, replaces it only when told to, and records the review's own decisions", async () => {
    const w = await world();
    const phone = await touchpoint(w, "Phone queue");
    const form = await touchpoint(w, "Claims form");
    const first = await suggest(w, "Call back within the hour", phone);
    const second = await suggest(w, "Say the queue position", phone);
    const elsewhere = await suggest(w, "Fewer fields", form);
    const choose = (improvementId: string, extra: { replace?: string; reviewId?: string }) =>
      chooseImprovement(db, {
        actorId: w.manager.id,
        departmentId: w.dept.id,
        improvementId,
        ownerId: w.member.id,
        dueOn: "2026-12-15",
        today: TODAY,
        ...extra,
      });
    // Chosen in the backlog before the meeting: not a decision of the review.
    await choose(first, {});
    const reviewId = await start(w, "2026-11-02", "2026-11-22");

    const conflict = await refused(choose(second, { reviewId }));
    expect(conflict.status).toBe(409);
    expect(conflict.fieldErrors).toEqual({ replace: [`${first}|Call back within the hour`] });
    expect((await improvement(second)).status).toBe("proposed");
    expect((await improvement(first)).status).toBe("chosen");
    expect(await decisionsOf(reviewId)).toEqual([]);

    await choose(second, { reviewId, replace: first });
    expect(await improvement(second)).toMatchObject({ status: "chosen", owner_id: w.member.id, due_on: "2026-12-15" });
    expect(await improvement(first)).toMatchObject({
      status: "proposed",
      owner_id: null,
      due_on: null,
      chosen_at: null,
    });
    // Chosen outside the review while it is open: still not the review's.
    await choose(elsewhere, {});
    expect(await decisionsOf(reviewId)).toEqual([second]);

    const review = await getReview(db, { departmentId: w.dept.id, id: reviewId });
    expect(review?.decisions).toEqual([
      {
        id: second,
        description: "Say the queue position",
        touchpoint: "Phone queue",
        status: "chosen",
        ownerName: w.member.name,
      },
    ]);
    const [listed] = await listReviews(db, { departmentIds: [w.dept.id], openIn: [w.dept.id] });
    expect(listed).toMatchObject({ id: reviewId, decisions: 1 });

    // Replaced again in the same meeting: the replaced one is no longer among its decisions.
    await choose(first, { reviewId, replace: second });
    expect(await decisionsOf(reviewId)).toEqual([first]);
    expect((await improvement(second)).status).toBe("proposed");
  });

  it("links an idea raised in the review to it", async () => {
    const w = await world();
    const phone = await touchpoint(w, "Phone queue");
    const reviewId = await start(w, "2026-11-02", "2026-11-22");
    const raised = await suggestImprovement(db, {
      actorId: w.manager.id,
      departmentId: w.dept.id,
      description: "Text the customer when we call back",
      touchpointId: phone,
      reviewId,
    });
    expect(await improvement(raised)).toMatchObject({ status: "proposed", origin: "review", review_id: reviewId });
  });
});

describe("finishing a review", () => {
  it("stores the agenda as it was, and later changes to the data do not rewrite it", async () => {
    const w = await world();
    const phone = await touchpoint(w, "Phone queue");
    const chosen = await suggest(w, "Call back within the hour", phone);
    const reviewId = await start(w, "2026-11-02", "2026-11-22");
    await saveReviewNotes(db, {
      actorId: w.manager.id,
      departmentId: w.dept.id,
      reviewId,
      notes: "Agreed: call back sooner.",
    });
    await setAttendees(db, {
      actorId: w.manager.id,
      departmentId: w.dept.id,
      reviewId,
      userIds: [w.member.id, w.manager.id],
    });
    await chooseImprovement(db, {
      actorId: w.manager.id,
      departmentId: w.dept.id,
      improvementId: chosen,
      ownerId: w.member.id,
      dueOn: "2026-12-15",
      today: TODAY,
      reviewId,
    });
    await insertStory(w.dept.id, w.member.id, "Before the meeting", { publishedAt: "2026-11-10T10:00:00Z" });

    const finishedAt = new Date("2026-11-25T09:00:00Z");
    const input = { departmentId: w.dept.id, periodStart: "2026-11-02", periodEnd: "2026-11-22", reviewId };
    const live = await assembleAgenda(db, { ...input, asOf: finishedAt });
    await finishReview(db, { actorId: w.manager.id, departmentId: w.dept.id, reviewId, now: finishedAt });

    const row = await db.selectFrom("reviews").selectAll().where("id", "=", reviewId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "finished", finished_at: finishedAt, finished_by: w.manager.id });
    const stored = JSON.parse(row.agenda!) as typeof live;
    expect(stored.version).toBe(1);
    expect(stored.asOf).toBe("2026-11-25T09:00:00.000Z");
    expect(stored).toEqual(JSON.parse(JSON.stringify(live)));
    expect(stored.stories.published).toBe(1);
    expect(stored.touchpoints.map((t) => [t.name, t.current?.id, t.current?.status])).toEqual([
      ["Phone queue", chosen, "chosen"],
    ]);

    const frozen = await getReview(db, { departmentId: w.dept.id, id: reviewId });
    expect(frozen).toMatchObject({
      status: "finished",
      notes: "Agreed: call back sooner.",
      startedBy: w.manager.name,
      finishedBy: w.manager.name,
      finishedAt,
      attendees: [
        { id: w.manager.id, name: w.manager.name },
        { id: w.member.id, name: w.member.name },
      ],
    });
    expect(frozen!.agenda).toEqual(stored);

    // Later: a story of the period is published, the chosen improvement is started.
    await insertStory(w.dept.id, w.member.id, "After the meeting", { publishedAt: "2026-11-12T10:00:00Z" });
    await moveImprovement(db, {
      actorId: w.manager.id,
      departmentId: w.dept.id,
      improvementId: chosen,
      status: "in_progress",
    });
    const later = await getReview(db, { departmentId: w.dept.id, id: reviewId });
    expect(later!.agenda).toEqual(stored);
    // The decisions list shows where they stand now; a live agenda would have changed.
    expect(later!.decisions).toEqual([
      {
        id: chosen,
        description: "Call back within the hour",
        touchpoint: "Phone queue",
        status: "in_progress",
        ownerName: w.member.name,
      },
    ]);
    const relive = await assembleAgenda(db, { ...input, asOf: NOW });
    expect(relive.stories.published).toBe(2);
    expect(relive.touchpoints[0]!.current?.status).toBe("in_progress");
  });

  it("refuses every change to a finished review with a conflict, and writes nothing", async () => {
    const w = await world();
    const phone = await touchpoint(w, "Phone queue");
    const chosen = await suggest(w, "Call back within the hour", phone);
    const other = await suggest(w, "Say the queue position", phone);
    const guest = await createUser(db, { name: `Gus Guest ${w.k}`, departments: [{ id: w.other.id }] });
    const reviewId = await start(w, "2026-11-02", "2026-11-22");
    await saveReviewNotes(db, { actorId: w.manager.id, departmentId: w.dept.id, reviewId, notes: "As it was." });
    await setAttendees(db, { actorId: w.manager.id, departmentId: w.dept.id, reviewId, userIds: [w.member.id] });
    const common = { actorId: w.manager.id, departmentId: w.dept.id, reviewId };
    const choice = { improvementId: chosen, ownerId: w.member.id, dueOn: "2026-12-15", today: TODAY };
    await chooseImprovement(db, { ...common, ...choice });
    await finishReview(db, { ...common, now: new Date("2026-11-25T09:00:00Z") });

    const state = async () => ({
      review: await db.selectFrom("reviews").selectAll().where("id", "=", reviewId).executeTakeFirstOrThrow(),
      attendees: await db.selectFrom("review_attendees").select("user_id").where("review_id", "=", reviewId).execute(),
      decisions: await decisionsOf(reviewId),
      improvements: await db
        .selectFrom("improvements")
        .select(["id", "status", "owner_id", "review_id"])
        .where("department_id", "=", w.dept.id)
        .orderBy("id")
        .execute(),
      notifications: await db.selectFrom("notifications").select("user_id").where("review_id", "=", reviewId).execute(),
    });
    const before = await state();
    expect(before.notifications).toEqual([{ user_id: w.member.id }]);

    // One at a time: each is refused before the next is tried.
    const attempts: [string, () => Promise<unknown>][] = [
      ["notes", () => saveReviewNotes(db, { ...common, notes: "Rewritten afterwards" })],
      ["attendees", () => setAttendees(db, { ...common, userIds: [w.member.id, guest.id] })],
      ["choose", () => chooseImprovement(db, { ...common, ...choice, improvementId: other, replace: chosen })],
      ["raise", () => suggestImprovement(db, { ...common, description: "An idea too late", touchpointId: phone })],
      ["finish", () => finishReview(db, { ...common, now: NOW })],
    ];
    for (const [name, attempt] of attempts) {
      const error = await refused(attempt());
      expect([name, error.status, error.fieldErrors]).toEqual([name, 409, { form: ["reviews.errors.finished"] }]);
    }
    expect(await state()).toEqual(before);
  });

  it("is frozen by the database itself", async () => {
    const w = await world();
    const idea = await suggest(w, "Call back within the hour");
    const reviewId = await start(w, "2026-11-02", "2026-11-22");
    await finishReview(db, { actorId: w.manager.id, departmentId: w.dept.id, reviewId, now: NOW });
    await expect(sql`update reviews set notes = 'Rewritten' where id = ${reviewId}`.execute(db)).rejects.toThrow(
      `review ${reviewId} is finished and cannot change`,
    );
    await expect(
      db
        .updateTable("reviews")
        .set({ status: "open", agenda: null, finished_at: null })
        .where("id", "=", reviewId)
        .execute(),
    ).rejects.toThrow("is finished and cannot change");
    await expect(
      db.insertInto("review_attendees").values({ review_id: reviewId, user_id: w.member.id }).execute(),
    ).rejects.toThrow("a finished review cannot change");
    await expect(
      db.insertInto("review_decisions").values({ review_id: reviewId, improvement_id: idea }).execute(),
    ).rejects.toThrow("a finished review cannot change");
    const row = await db
      .selectFrom("reviews")
      .select(["status", "notes", "finished_at"])
      .where("id", "=", reviewId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "finished", notes: "", finished_at: NOW });
    expect(await decisionsOf(reviewId)).toEqual([]);
  });

  it("notifies the department's active members but the one finishing, with the review's department and period", async () => {
    const w = await world();
    const second = await createUser(db, {
      name: `Max Manager ${w.k}`,
      departments: [{ id: w.dept.id, isManager: true }],
    });
    await createUser(db, { status: "deactivated", departments: [{ id: w.dept.id }] });
    const outsider = await createUser(db, { departments: [{ id: w.other.id }] });
    const reviewId = await start(w, "2026-11-02", "2026-11-22");
    await finishReview(db, { actorId: w.manager.id, departmentId: w.dept.id, reviewId, now: NOW });

    const sent = await db
      .selectFrom("notifications")
      .select(["user_id", "kind", "actor_id", "story_id"])
      .where("review_id", "=", reviewId)
      .execute();
    expect(sent.toSorted((a, b) => a.user_id.localeCompare(b.user_id))).toEqual(
      [w.member.id, second.id].toSorted().map((id) => ({
        user_id: id,
        kind: "review.finished",
        actor_id: w.manager.id,
        story_id: null,
      })),
    );
    expect(await listNotifications(db, w.manager.id)).toEqual([]);
    expect(await listNotifications(db, outsider.id)).toEqual([]);
    const [notification, ...rest] = await listNotifications(db, w.member.id);
    expect(rest).toEqual([]);
    expect(notification).toMatchObject({
      kind: "review.finished",
      read_at: null,
      actor_name: w.manager.name,
      story_id: null,
      story_title: null,
      review_id: reviewId,
      review_period_start: "2026-11-02",
      review_period_end: "2026-11-22",
      review_department_slug: w.dept.slug,
      review_department_name: w.dept.name,
    });
  });

  it("notifies every active member when someone from outside the department finishes", async () => {
    const w = await world();
    const admin = await createUser(db, { role: "admin" });
    const reviewId = await start(w, "2026-11-02", "2026-11-22");
    await finishReview(db, { actorId: admin.id, departmentId: w.dept.id, reviewId, now: NOW });
    const sent = await db.selectFrom("notifications").select("user_id").where("review_id", "=", reviewId).execute();
    expect(sent.map((n) => n.user_id).toSorted()).toEqual([w.manager.id, w.member.id].toSorted());
  });
});

describe("the rules of a review", () => {
  async function reviewsOf(departmentId: string) {
    return db
      .selectFrom("reviews")
      .select(["period_start", "period_end", "status"])
      .where("department_id", "=", departmentId)
      .orderBy("period_start")
      .orderBy("period_end")
      .execute();
  }

  it("refuses a period overlapping an open review of the department, not a finished one or another department's", async () => {
    const w = await world();
    const open = await start(w, "2026-11-02", "2026-11-15");
    for (const [from, to] of [
      ["2026-11-15", "2026-11-22"],
      ["2026-10-01", "2026-11-02"],
      ["2026-11-05", "2026-11-06"],
      ["2026-10-01", "2026-11-24"],
    ] as const) {
      const error = await refused(start(w, from, to));
      expect([from, to, error.status, error.fieldErrors]).toEqual([
        from,
        to,
        422,
        { periodStart: ["reviews.errors.overlap"] },
      ]);
    }
    expect(await reviewsOf(w.dept.id)).toEqual([
      { period_start: "2026-11-02", period_end: "2026-11-15", status: "open" },
    ]);

    // The days on either side are free.
    await start(w, "2026-11-16", "2026-11-22");
    await start(w, "2026-10-26", "2026-11-01");
    // Another department's period is its own.
    await start(w, "2026-11-02", "2026-11-15", w.other.id);
    // Once finished, a review no longer holds its period.
    await finishReview(db, { actorId: w.manager.id, departmentId: w.dept.id, reviewId: open, now: NOW });
    await expect(start(w, "2026-11-05", "2026-11-10")).resolves.toEqual(expect.any(String));
    expect(await reviewsOf(w.dept.id)).toEqual([
      { period_start: "2026-10-26", period_end: "2026-11-01", status: "open" },
      { period_start: "2026-11-02", period_end: "2026-11-15", status: "finished" },
      { period_start: "2026-11-05", period_end: "2026-11-10", status: "open" },
      { period_start: "2026-11-16", period_end: "2026-11-22", status: "open" },
    ]);
    expect(await reviewsOf(w.other.id)).toEqual([
      { period_start: "2026-11-02", period_end: "2026-11-15", status: "open" },
    ]);
  });

  it("refuses a period that starts after today", async () => {
    const w = await world();
    const error = await refused(start(w, "2026-11-26", "2026-11-30"));
    expect([error.status, error.fieldErrors]).toEqual([422, { periodStart: ["reviews.errors.startInFuture"] }]);
    expect(await reviewsOf(w.dept.id)).toEqual([]);
    // Today itself is fine, and so is an end after today.
    await start(w, TODAY, "2026-11-30");
    expect(await reviewsOf(w.dept.id)).toEqual([{ period_start: TODAY, period_end: "2026-11-30", status: "open" }]);
  });

  it("takes an owner only from the department's active members and a due date from today on", async () => {
    const w = await world();
    const phone = await touchpoint(w, "Phone queue");
    const idea = await suggest(w, "Call back within the hour", phone);
    const outsider = await createUser(db, { departments: [{ id: w.other.id }] });
    const gone = await createUser(db, { status: "deactivated", departments: [{ id: w.dept.id }] });
    const reviewId = await start(w, "2026-11-02", "2026-11-22");
    const base = { actorId: w.manager.id, departmentId: w.dept.id, improvementId: idea, today: TODAY, reviewId };
    for (const ownerId of [outsider.id, gone.id, UNKNOWN_ID]) {
      const error = await refused(chooseImprovement(db, { ...base, ownerId, dueOn: "2026-12-15" }));
      expect(error.fieldErrors).toEqual({ ownerId: ["shadowing.errors.ownerNotMember"] });
    }
    const late = await refused(chooseImprovement(db, { ...base, ownerId: w.member.id, dueOn: "2026-11-24" }));
    expect(late.fieldErrors).toEqual({ dueOn: ["shadowing.errors.duePast"] });
    expect(await improvement(idea)).toMatchObject({ status: "proposed", owner_id: null, due_on: null });
    expect(await decisionsOf(reviewId)).toEqual([]);
    // Due today is fine.
    await chooseImprovement(db, { ...base, ownerId: w.member.id, dueOn: TODAY });
    expect(await decisionsOf(reviewId)).toEqual([idea]);
  });

  it("takes attendees only from active people, and a refused list changes nothing", async () => {
    const w = await world();
    const guest = await createUser(db, { name: `Gus Guest ${w.k}`, departments: [{ id: w.other.id }] });
    const gone = await createUser(db, { status: "deactivated", departments: [{ id: w.dept.id }] });
    const reviewId = await start(w, "2026-11-02", "2026-11-22");
    const common = { actorId: w.manager.id, departmentId: w.dept.id, reviewId };
    // A guest from another department may attend; a name twice counts once.
    await setAttendees(db, { ...common, userIds: [w.member.id, guest.id, w.member.id] });
    for (const userIds of [
      [w.manager.id, UNKNOWN_ID],
      [w.manager.id, gone.id],
    ]) {
      const error = await refused(setAttendees(db, { ...common, userIds }));
      expect(error.fieldErrors).toEqual({ attendees: ["reviews.errors.unknownAttendee"] });
    }
    const review = await getReview(db, { departmentId: w.dept.id, id: reviewId });
    expect(review!.attendees).toEqual([
      { id: guest.id, name: guest.name },
      { id: w.member.id, name: w.member.name },
    ]);
    const audited = await db
      .selectFrom("audit_log")
      .select("action")
      .where("subject", "=", reviewId)
      .orderBy("id")
      .execute();
    expect(audited.map((a) => a.action)).toEqual(["review.start", "review.attendees"]);
  });

  it("refuses a review of another department's id, and one that does not exist", async () => {
    const w = await world();
    const reviewId = await start(w, "2026-11-02", "2026-11-22");
    for (const [departmentId, id] of [
      [w.other.id, reviewId],
      [w.dept.id, UNKNOWN_ID],
    ]) {
      const error = await refused(
        saveReviewNotes(db, { actorId: w.manager.id, departmentId: departmentId!, reviewId: id!, notes: "x" }),
      );
      expect([error.status, error.fieldErrors]).toEqual([422, { form: ["reviews.errors.gone"] }]);
    }
    expect(await getReview(db, { departmentId: w.other.id, id: reviewId })).toBeUndefined();
    expect((await getReview(db, { departmentId: w.dept.id, id: reviewId }))!.notes).toBe("");
  });

  it("validates the period: the end not before the start, at most a year", () => {
    const issues = (periodStart: string, periodEnd: string) =>
      StartReviewSchema.safeParse({ periodStart, periodEnd }).error?.issues.map(
        (i) => `${i.path.join(".")}:${i.message}`,
      );
    expect(issues("2026-11-10", "2026-11-09")).toEqual(["periodEnd:reviews.errors.endBeforeStart"]);
    expect(issues("2026-11-10", "2026-11-10")).toBeUndefined();
    // 366 days from 25 November 2025 to 25 November 2026, both counted: the longest.
    expect(issues("2025-11-25", "2026-11-25")).toBeUndefined();
    expect(issues("2025-11-24", "2026-11-25")).toEqual(["periodEnd:reviews.errors.periodTooLong"]);
    expect(issues("2024-01-01", "2026-01-01")).toEqual(["periodEnd:reviews.errors.periodTooLong"]);
    // Days that do not exist (the database would refuse them).
    expect(issues("2026-11-31", "2026-12-01")).toEqual(["periodStart:validation.date"]);
    expect(issues("2026-02-01", "2026-02-30")).toEqual(["periodEnd:validation.date"]);
    expect(StartReviewSchema.safeParse({ periodStart: " 2026-11-02 ", periodEnd: "2026-11-22" }).data).toEqual({
      periodStart: "2026-11-02",
      periodEnd: "2026-11-22",
    });
  });
});

describe("who may run and read reviews", () => {
  it("lets the department's managers, leaders and admins run its reviews; its members, leaders and admins read them", async () => {
    const w = await world();
    const leader = await createUser(db, { role: "leader" });
    const admin = await createUser(db, { role: "admin" });
    const otherManager = await createUser(db, { departments: [{ id: w.other.id, isManager: true }] });
    const outsider = await createUser(db, { departments: [{ id: w.other.id }] });
    const actor = async (user: { id: string }) => (await loadActor(db, user.id))!;
    const department = { id: w.dept.id, name: w.dept.name };
    const asManager = await actor(w.manager);
    const asMember = await actor(w.member);

    for (const user of [asManager, await actor(leader), await actor(admin)]) {
      expect(authorize(user, "review:run", department)).toEqual({ allowed: true });
      expect(authorize(user, "review:read", department)).toEqual({ allowed: true });
    }
    const notManager = { allowed: false, reason: "manager", department: w.dept.name };
    expect(authorize(asMember, "review:run", department)).toEqual(notManager);
    expect(authorize(await actor(otherManager), "review:run", department)).toEqual(notManager);
    expect(authorize(asMember, "review:read", department)).toEqual({ allowed: true });
    const notMember = { allowed: false, reason: "member", department: w.dept.name };
    expect(authorize(await actor(outsider), "review:read", department)).toEqual(notMember);
    expect(authorize(await actor(otherManager), "review:read", department)).toEqual(notMember);
    expect(authorize(null, "review:read", department)).toEqual({ allowed: false, reason: "signin" });
  });
});

describe("listing reviews", () => {
  it("shows members the finished reviews of their departments, and open ones only where they hold them", async () => {
    const w = await world();
    const third = await createDepartment(db, { name: `Sales ${w.k}` });
    const both = await createUser(db, { departments: [{ id: w.dept.id }, { id: w.other.id }] });
    const mixed = await createUser(db, { departments: [{ id: w.dept.id, isManager: true }, { id: w.other.id }] });
    const leader = await createUser(db, { role: "leader" });
    const phone = await touchpoint(w, "Phone queue");
    const idea = await suggest(w, "Call back within the hour", phone);

    const finished = async (departmentId: string, from: string, to: string, finishedAt: string) => {
      const id = await start(w, from, to, departmentId);
      await finishReview(db, { actorId: w.manager.id, departmentId, reviewId: id, now: new Date(finishedAt) });
      return id;
    };
    const octoberId = await start(w, "2026-10-01", "2026-10-31");
    await chooseImprovement(db, {
      actorId: w.manager.id,
      departmentId: w.dept.id,
      improvementId: idea,
      ownerId: w.member.id,
      dueOn: "2026-12-15",
      today: TODAY,
      reviewId: octoberId,
    });
    await finishReview(db, {
      actorId: w.manager.id,
      departmentId: w.dept.id,
      reviewId: octoberId,
      now: new Date("2026-11-03T10:00:00Z"),
    });
    const openHere = await start(w, "2026-11-01", "2026-11-22");
    const septemberThere = await finished(w.other.id, "2026-09-01", "2026-09-30", "2026-10-02T10:00:00Z");
    const openThere = await start(w, "2026-11-01", "2026-11-20", w.other.id);
    await finished(third.id, "2026-10-01", "2026-10-31", "2026-11-02T10:00:00Z");

    /** As the reviews page asks. */
    const listFor = async (user: { id: string }) => {
      const actor = (await loadActor(db, user.id))!;
      const all = actor.role === "leader" || actor.role === "admin";
      const reviews = await listReviews(db, {
        departmentIds: all ? [w.dept.id, w.other.id] : actor.departments.map((d) => d.id),
        openIn: all ? "all" : actor.departments.filter((d) => can(actor, "review:run", d)).map((d) => d.id),
      });
      return reviews.map((r) => r.id);
    };
    expect(await listFor(both)).toEqual([octoberId, septemberThere]);
    expect(await listFor(mixed)).toEqual([openHere, octoberId, septemberThere]);
    expect(await listFor(leader)).toEqual([openHere, openThere, octoberId, septemberThere]);
    expect(await listReviews(db, { departmentIds: [], openIn: "all" })).toEqual([]);

    const [october] = await listReviews(db, { departmentIds: [w.dept.id], openIn: [] });
    expect(october).toEqual({
      id: octoberId,
      departmentName: w.dept.name,
      departmentSlug: w.dept.slug,
      periodStart: "2026-10-01",
      periodEnd: "2026-10-31",
      status: "finished",
      finishedAt: new Date("2026-11-03T10:00:00Z"),
      startedBy: w.manager.name,
      decisions: 1,
    });
  });
});
