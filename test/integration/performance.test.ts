/**
 * Performance-review cycles against a real database: the evidence gathered
 * for one employee over a period (checked against hand-built fixtures), opening
 * a cycle, writing the self-reflection and the manager's notes, marking a
 * conversation discussed (stored as it was, and frozen in the database too),
 * who may read, reflect on and conduct a preparation, each cycle's progress and
 * who sees which cycles, the prompt templates and the forms' validation.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { CommandError } from "#app/modules/forms.ts";
import type { NewKpiInput } from "#app/modules/kpis/schemas.ts";
import { listNotifications } from "#app/modules/notifications/notifications.server.ts";
import { loadActor } from "#app/modules/people/actor.server.ts";
import {
  markDiscussed,
  openCycle,
  resetTemplate,
  saveManagerNotes,
  saveReflection,
  saveTemplate,
  type PreparationSnapshot,
} from "#app/modules/performance/commands.server.ts";
import { gatherEvidence } from "#app/modules/performance/evidence.server.ts";
import { choosePrompts, RULE_KEYS } from "#app/modules/performance/prompts.ts";
import {
  defaultTemplate,
  departmentProgress,
  getCycle,
  getPreparation,
  listCycles,
  loadTemplates,
} from "#app/modules/performance/queries.server.ts";
import { OpenCycleSchema, TemplateSchema } from "#app/modules/performance/schemas.ts";
import { authorize, can, seesAllDepartments, type PreparationSubject } from "#app/modules/policy/policy.ts";
import { addBehaviour, addPillar, publishDraft, saveHeader, startDraft } from "#app/modules/promise/commands.server.ts";
import { getDraftId, loadPromise } from "#app/modules/promise/queries.server.ts";
import { createDepartment, createUser, insertBooking, insertKpi, insertReadings, insertSlot } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();

/** The day the tests run on; NOW is during it. */
const TODAY = "2026-11-25";
const NOW = new Date("2026-11-25T12:00:00Z");
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
/** October 2026: summer time in Stockholm (UTC+2) until the 25th, then UTC+1. */
const OCTOBER = { periodStart: "2026-10-01", periodEnd: "2026-10-31" };

/** The current promise's behaviours, in its order, and one that is not in it. */
/** A leader: publishes the promise and opens the cycles. */
const lea = await createUser(db, { role: "leader", name: "Lea Leader" });
const [SAY_NAME, CALL_BACK, ANSWER_MAIL] = (await publishPromise([
  "Say your name",
  "Call back the same day",
  "Answer e-mail",
])) as [string, string, string];
const OFF_PROMISE = (await db.insertInto("behaviours").defaultValues().returning("id").executeTakeFirstOrThrow()).id;

async function publishPromise(titles: string[]): Promise<string[]> {
  await startDraft(db, lea.id);
  const draft = async () => (await loadPromise(db, (await getDraftId(db))!))!;
  await saveHeader(db, { revision: (await draft()).revision, title: "Our promise", intro: "", sourceLocale: "en" });
  await addPillar(db, { revision: (await draft()).revision, title: "Personal advice" });
  for (const title of titles) {
    const d = await draft();
    await addBehaviour(db, { revision: d.revision, pillarRowId: d.pillars[0]!.id, title });
  }
  const d = await draft();
  await publishDraft(db, lea.id, d.revision);
  return d.pillars[0]!.behaviours.map((b) => b.behaviourId);
}

let worlds = 0;

/** Claims (a manager and two members) and Credit (a manager and a member). */
async function world() {
  const k = ++worlds;
  const claims = await createDepartment(db, { name: `Claims ${k}`, slug: `claims-${k}` });
  const credit = await createDepartment(db, { name: `Credit ${k}`, slug: `credit-${k}` });
  const manager = await createUser(db, { name: `Mia Manager ${k}`, departments: [{ id: claims.id, isManager: true }] });
  const emma = await createUser(db, { name: `Emma Employee ${k}`, departments: [{ id: claims.id }] });
  const astrid = await createUser(db, { name: `Astrid Author ${k}`, departments: [{ id: claims.id }] });
  const creditManager = await createUser(db, {
    name: `Chris Credit ${k}`,
    departments: [{ id: credit.id, isManager: true }],
  });
  const carl = await createUser(db, { name: `Carl Credit ${k}`, departments: [{ id: credit.id }] });
  return { k, claims, credit, manager, emma, astrid, creditManager, carl };
}
type World = Awaited<ReturnType<typeof world>>;

async function refused(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
}

async function count(
  table: "review_cycles" | "review_cycle_departments" | "review_preparations" | "notifications" | "audit_log",
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<string>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function insertStory(
  departmentId: string,
  authorId: string,
  title: string,
  values: {
    happenedOn: string;
    publishedAt?: string | null;
    hidden?: boolean;
    featuredAt?: string;
    storyOfWeekAt?: string;
    behaviours?: string[];
    colleagues?: string[];
  },
): Promise<string> {
  const publishedAt = values.publishedAt === undefined ? "2026-11-02T10:00:00Z" : values.publishedAt;
  const row = await db
    .insertInto("stories")
    .values({
      author_id: authorId,
      department_id: departmentId,
      status: publishedAt ? "published" : "draft",
      title,
      body: `What happened: ${title}.`,
      language: "en",
      channel: "phone",
      happened_on: values.happenedOn,
      consent: "internal_only",
      published_at: publishedAt ? new Date(publishedAt) : null,
      featured_for_review_at: values.featuredAt ? new Date(values.featuredAt) : null,
      story_of_week_at: values.storyOfWeekAt ? new Date(values.storyOfWeekAt) : null,
      hidden_at: values.hidden ? new Date("2026-11-12T10:00:00Z") : null,
      hidden_reason: values.hidden ? "Names a customer" : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (values.behaviours?.length) {
    await db
      .insertInto("story_behaviours")
      .values(values.behaviours.map((behaviour_id) => ({ story_id: row.id, behaviour_id })))
      .execute();
  }
  if (values.colleagues?.length) {
    await db
      .insertInto("story_colleagues")
      .values(values.colleagues.map((user_id) => ({ story_id: row.id, user_id })))
      .execute();
  }
  return row.id;
}

/** A recognition as it stands in the database, at a given moment. */
async function insertRecognition(
  authorId: string,
  values: {
    behaviourId: string;
    createdAt: string;
    people?: string[];
    departments?: string[];
    hidden?: boolean;
    message?: string;
  },
): Promise<string> {
  const row = await db
    .insertInto("recognitions")
    .values({
      author_id: authorId,
      message: values.message ?? "Thank you.",
      behaviour_id: values.behaviourId,
      created_at: new Date(values.createdAt),
      hidden_at: values.hidden ? new Date("2026-11-12T10:00:00Z") : null,
      hidden_reason: values.hidden ? "Off topic" : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (values.people?.length) {
    await db
      .insertInto("recognition_people")
      .values(values.people.map((user_id) => ({ recognition_id: row.id, user_id })))
      .execute();
  }
  if (values.departments?.length) {
    await db
      .insertInto("recognition_departments")
      .values(values.departments.map((department_id) => ({ recognition_id: row.id, department_id })))
      .execute();
  }
  return row.id;
}

async function hostedSlot(departmentId: string, hostId: string, startsAt: string, cancelled = false) {
  const id = await insertSlot(db, departmentId, startsAt, cancelled);
  await db.updateTable("shadow_slots").set({ host_id: hostId }).where("id", "=", id).execute();
  return id;
}

async function insertNote(
  booking: { id: string; authorId: string; departmentId: string },
  submittedAt: string | null,
  behaviours: string[],
): Promise<string> {
  const row = await db
    .insertInto("shadow_notes")
    .values({
      booking_id: booking.id,
      author_id: booking.authorId,
      department_id: booking.departmentId,
      status: submittedAt ? "submitted" : "draft",
      submitted_at: submittedAt ? new Date(submittedAt) : null,
      went_well: "Calm voice",
      pain_points: "Long hold",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (behaviours.length) {
    await db
      .insertInto("shadow_note_behaviours")
      .values(behaviours.map((behaviour_id) => ({ note_id: row.id, behaviour_id })))
      .execute();
  }
  return row.id;
}

async function insertImprovement(
  departmentId: string,
  ownerId: string,
  description: string,
  values: { status: "proposed" | "chosen" | "in_progress" | "done" | "dropped"; chosenAt?: string; doneAt?: string },
): Promise<string> {
  const row = await db
    .insertInto("improvements")
    .values({
      department_id: departmentId,
      description,
      origin: "suggestion",
      status: values.status,
      owner_id: ownerId,
      chosen_at: values.chosenAt ? new Date(values.chosenAt) : null,
      done_at: values.doneAt ? new Date(values.doneAt) : null,
      dropped_reason: values.status === "dropped" ? "Not worth it" : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function newKpi(w: World, overrides: Partial<NewKpiInput>) {
  return insertKpi(db, { actorId: w.manager.id, departmentId: w.claims.id }, { period: "month", ...overrides });
}

function readings(w: World, kpi: Awaited<ReturnType<typeof newKpi>>, rows: [string, number][]) {
  return insertReadings(db, { actorId: w.manager.id, departmentId: w.claims.id, kpi, today: TODAY }, rows);
}

function open(w: World, departmentIds: string[], overrides: Partial<Parameters<typeof openCycle>[1]> = {}) {
  return openCycle(db, {
    actorId: lea.id,
    name: `Autumn ${w.k}`,
    ...OCTOBER,
    departmentIds,
    ...overrides,
  });
}

async function preparationRow(cycleId: string, userId: string) {
  return db
    .selectFrom("review_preparations")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

describe("the evidence of a period", () => {
  it("gathers stories, recognition, shadowing and owned improvements of the period, and counts the behaviours", async () => {
    const w = await world();
    const { claims, credit, manager, emma, astrid, carl } = w;
    const olle = await createUser(db, { name: `Olle Observer ${w.k}`, departments: [{ id: credit.id }] });
    const oscar = await createUser(db, { name: `Oscar Observer ${w.k}`, departments: [{ id: credit.id }] });

    // Stories Emma wrote, by the day the moment happened (newest first).
    const w1 = await insertStory(claims.id, emma.id, `Flooded basement ${w.k}`, {
      happenedOn: "2026-10-05",
      behaviours: [SAY_NAME, ANSWER_MAIL],
      colleagues: [astrid.id],
    });
    const w2 = await insertStory(claims.id, emma.id, `Saved weekend ${w.k}`, {
      happenedOn: "2026-10-20",
      storyOfWeekAt: "2026-11-03T08:00:00Z",
      behaviours: [SAY_NAME],
    });
    const w3 = await insertStory(claims.id, emma.id, `Last day ${w.k}`, {
      happenedOn: "2026-10-31",
      featuredAt: "2026-11-04T08:00:00Z",
    });
    // Left out: a draft, a hidden one, a moment the day before or after the period (though published in
    // it), and one published after the evidence was gathered.
    await insertStory(claims.id, emma.id, `Draft ${w.k}`, { happenedOn: "2026-10-10", publishedAt: null });
    await insertStory(claims.id, emma.id, `Hidden ${w.k}`, {
      happenedOn: "2026-10-11",
      hidden: true,
      behaviours: [CALL_BACK],
    });
    await insertStory(claims.id, emma.id, `Day before ${w.k}`, {
      happenedOn: "2026-09-30",
      publishedAt: "2026-10-02T10:00:00Z",
    });
    await insertStory(claims.id, emma.id, `Day after ${w.k}`, { happenedOn: "2026-11-01" });
    await insertStory(claims.id, emma.id, `Too late ${w.k}`, {
      happenedOn: "2026-10-15",
      publishedAt: "2026-11-25T13:00:00Z",
    });
    // Stories Astrid wrote: one naming Emma counts; hidden, outside the period or not naming her do not.
    const n1 = await insertStory(claims.id, astrid.id, `Named ${w.k}`, {
      happenedOn: "2026-10-12",
      behaviours: [ANSWER_MAIL],
      colleagues: [emma.id, manager.id],
    });
    await insertStory(claims.id, astrid.id, `Named hidden ${w.k}`, {
      happenedOn: "2026-10-13",
      hidden: true,
      colleagues: [emma.id],
    });
    await insertStory(claims.id, astrid.id, `Named later ${w.k}`, { happenedOn: "2026-11-02", colleagues: [emma.id] });
    await insertStory(claims.id, astrid.id, `Not named ${w.k}`, { happenedOn: "2026-10-14", colleagues: [manager.id] });

    // Recognition to Emma by name, by the company-local day it was given.
    const received1 = await insertRecognition(astrid.id, {
      behaviourId: SAY_NAME,
      // 1 October 00:30 in Stockholm.
      createdAt: "2026-09-30T22:30:00Z",
      people: [emma.id],
      message: "Thanks for **calling back** the same day.",
    });
    const received2 = await insertRecognition(manager.id, {
      behaviourId: CALL_BACK,
      // 31 October 23:30 in Stockholm.
      createdAt: "2026-10-31T22:30:00Z",
      people: [emma.id, astrid.id],
      departments: [credit.id],
      message: "Great teamwork.",
    });
    // 30 September 23:30 and 1 November 00:30 in Stockholm; hidden; to her department, not to her.
    await insertRecognition(astrid.id, { behaviourId: SAY_NAME, createdAt: "2026-09-30T21:30:00Z", people: [emma.id] });
    await insertRecognition(manager.id, {
      behaviourId: SAY_NAME,
      createdAt: "2026-10-31T23:30:00Z",
      people: [emma.id],
    });
    await insertRecognition(astrid.id, {
      behaviourId: CALL_BACK,
      createdAt: "2026-10-15T10:00:00Z",
      people: [emma.id],
      hidden: true,
    });
    await insertRecognition(carl.id, {
      behaviourId: SAY_NAME,
      createdAt: "2026-10-16T10:00:00Z",
      departments: [claims.id],
    });
    // Recognition Emma gave: its behaviour is not one she showed.
    const given = await insertRecognition(emma.id, {
      behaviourId: ANSWER_MAIL,
      createdAt: "2026-10-15T10:00:00Z",
      people: [astrid.id],
      message: "Thank you, Astrid.",
    });
    await insertRecognition(emma.id, {
      behaviourId: ANSWER_MAIL,
      createdAt: "2026-10-16T10:00:00Z",
      people: [astrid.id],
      hidden: true,
    });
    await insertRecognition(emma.id, {
      behaviourId: ANSWER_MAIL,
      createdAt: "2026-11-05T10:00:00Z",
      people: [astrid.id],
    });

    // Shadowing Emma did in Credit: 1 October 00:30 in Stockholm (with a submitted note), and with a draft note.
    const s1 = await insertSlot(db, credit.id, "2026-09-30T22:30:00Z");
    const s1Booking = await insertBooking(db, { slotId: s1, observerId: emma.id, observerDepartmentId: claims.id });
    const note = await insertNote(
      { id: s1Booking, authorId: emma.id, departmentId: credit.id },
      "2026-10-02T10:00:00Z",
      [SAY_NAME, CALL_BACK, OFF_PROMISE],
    );
    const s2 = await insertSlot(db, credit.id, "2026-10-22T09:00:00Z");
    const s2Booking = await insertBooking(db, { slotId: s2, observerId: emma.id, observerDepartmentId: claims.id });
    await insertNote({ id: s2Booking, authorId: emma.id, departmentId: credit.id }, null, [ANSWER_MAIL]);
    // A cancelled slot, a cancelled booking, and 1 November 00:30 in Stockholm.
    await insertBooking(db, {
      slotId: await insertSlot(db, credit.id, "2026-10-12T09:00:00Z", true),
      observerId: emma.id,
      observerDepartmentId: claims.id,
    });
    await insertBooking(db, {
      slotId: await insertSlot(db, credit.id, "2026-10-13T09:00:00Z"),
      observerId: emma.id,
      observerDepartmentId: claims.id,
      cancelled: true,
    });
    await insertBooking(db, {
      slotId: await insertSlot(db, credit.id, "2026-10-31T23:30:00Z"),
      observerId: emma.id,
      observerDepartmentId: claims.id,
    });

    // Sessions Emma hosted: two observers (a third cancelled); none booked; cancelled; after the period.
    const h1 = await hostedSlot(claims.id, emma.id, "2026-10-14T09:00:00Z");
    for (const observer of [carl, olle]) {
      await insertBooking(db, { slotId: h1, observerId: observer.id, observerDepartmentId: credit.id });
    }
    await insertBooking(db, { slotId: h1, observerId: oscar.id, observerDepartmentId: credit.id, cancelled: true });
    await hostedSlot(claims.id, emma.id, "2026-10-15T09:00:00Z");
    const h3 = await hostedSlot(claims.id, emma.id, "2026-10-16T09:00:00Z", true);
    await insertBooking(db, { slotId: h3, observerId: carl.id, observerDepartmentId: credit.id });
    const h4 = await hostedSlot(claims.id, emma.id, "2026-11-10T09:00:00Z");
    await insertBooking(db, { slotId: h4, observerId: carl.id, observerDepartmentId: credit.id });
    const astridHosts = await hostedSlot(claims.id, astrid.id, "2026-10-14T13:00:00Z");
    await insertBooking(db, { slotId: astridHosts, observerId: carl.id, observerDepartmentId: credit.id });

    // Improvements Emma owned while the period ran: chosen by its end, not done before its start.
    const done = await insertImprovement(claims.id, emma.id, "Call back within the hour", {
      status: "done",
      chosenAt: "2026-09-15T09:00:00Z",
      doneAt: "2026-10-20T10:00:00Z",
    });
    const started = await insertImprovement(claims.id, emma.id, "A checklist for new claims", {
      status: "in_progress",
      chosenAt: "2026-10-05T09:00:00Z",
    });
    // 31 October 23:30 in Stockholm: the period's last day.
    const lastDay = await insertImprovement(claims.id, emma.id, "Say the queue position", {
      status: "chosen",
      chosenAt: "2026-10-31T22:30:00Z",
    });
    // 1 November 00:30; done 30 September 23:30; never chosen; dropped; someone else's.
    await insertImprovement(claims.id, emma.id, "Chosen too late", {
      status: "chosen",
      chosenAt: "2026-10-31T23:30:00Z",
    });
    await insertImprovement(claims.id, emma.id, "Done before", {
      status: "done",
      chosenAt: "2026-08-01T09:00:00Z",
      doneAt: "2026-09-30T21:30:00Z",
    });
    await insertImprovement(claims.id, emma.id, "Only an idea", { status: "proposed" });
    await insertImprovement(claims.id, emma.id, "Dropped", { status: "dropped" });
    await insertImprovement(claims.id, astrid.id, "Astrid's", {
      status: "in_progress",
      chosenAt: "2026-10-05T09:00:00Z",
    });

    // Claims' KPIs, by month (the period is a month): before September (when "done" was chosen) and in October.
    const fcr = await newKpi(w, { name: "First-contact resolution" });
    const aht = await newKpi(w, {
      name: "Handling time",
      unit: "seconds",
      direction: "lower",
      target: 300,
      warning: 360,
    });
    // November is after the period: not its movement.
    await readings(w, fcr, [
      ["2026-08-01", 60],
      ["2026-10-01", 80],
      ["2026-11-01", 10],
    ]);
    await readings(w, aht, [
      ["2026-08-01", 300],
      ["2026-10-01", 330],
    ]);

    const evidence = await gatherEvidence(db, { userId: emma.id, ...OCTOBER, asOf: NOW });

    expect(evidence.version).toBe(1);
    expect(evidence.asOf).toBe("2026-11-25T12:00:00.000Z");
    expect([evidence.periodStart, evidence.periodEnd]).toEqual(["2026-10-01", "2026-10-31"]);
    expect(evidence.counts).toEqual({
      storiesWritten: 3,
      storiesNamed: 1,
      recognitionReceived: 2,
      recognitionGiven: 1,
      shadowingDone: 2,
      shadowingHosted: 1,
      improvements: 3,
    });

    const story = (id: string, title: string, happenedOn: string, featured: boolean, behaviourIds: string[]) => ({
      id,
      title: `${title} ${w.k}`,
      happenedOn,
      authorName: emma.name,
      departmentName: claims.name,
      featured,
      behaviourIds,
    });
    expect(evidence.storiesWritten).toEqual([
      story(w3, "Last day", "2026-10-31", true, []),
      story(w2, "Saved weekend", "2026-10-20", true, [SAY_NAME]),
      story(w1, "Flooded basement", "2026-10-05", false, [SAY_NAME, ANSWER_MAIL].sort()),
    ]);
    expect(evidence.storiesNamed).toEqual([
      { ...story(n1, "Named", "2026-10-12", false, [ANSWER_MAIL]), authorName: astrid.name },
    ]);

    expect(evidence.recognitionReceived).toEqual([
      {
        id: received2,
        createdAt: "2026-10-31T22:30:00.000Z",
        authorName: manager.name,
        recipients: `${astrid.name}, ${credit.name}, ${emma.name}`,
        behaviourId: CALL_BACK,
        excerpt: "Great teamwork.",
      },
      {
        id: received1,
        createdAt: "2026-09-30T22:30:00.000Z",
        authorName: astrid.name,
        recipients: emma.name,
        behaviourId: SAY_NAME,
        excerpt: "Thanks for calling back the same day.",
      },
    ]);
    expect(evidence.recognitionGiven).toEqual([
      {
        id: given,
        createdAt: "2026-10-15T10:00:00.000Z",
        authorName: emma.name,
        recipients: astrid.name,
        behaviourId: ANSWER_MAIL,
        excerpt: "Thank you, Astrid.",
      },
    ]);

    expect(evidence.shadowingDone).toEqual([
      { slotId: s2, startsAt: "2026-10-22T09:00:00.000Z", departmentName: credit.name, noteId: null },
      { slotId: s1, startsAt: "2026-09-30T22:30:00.000Z", departmentName: credit.name, noteId: note },
    ]);
    expect(evidence.shadowingHosted).toEqual([{ slotId: h1, startsAt: "2026-10-14T09:00:00.000Z", observers: 2 }]);

    const improvement = (id: string, description: string, status: string, chosenAt: string, doneAt: string | null) => ({
      id,
      description,
      status,
      departmentSlug: claims.slug,
      departmentName: claims.name,
      chosenAt,
      doneAt,
      movements: [] as unknown[],
    });
    expect(evidence.improvements).toEqual([
      {
        // Done first, with Claims' KPIs in August (before September) and October; the warning one first.
        ...improvement(
          done,
          "Call back within the hour",
          "done",
          "2026-09-15T09:00:00.000Z",
          "2026-10-20T10:00:00.000Z",
        ),
        movements: [
          {
            kpiId: aht.id,
            name: "Handling time",
            unit: "seconds",
            before: 300,
            after: 330,
            improved: false,
            worsened: true,
          },
          {
            kpiId: fcr.id,
            name: "First-contact resolution",
            unit: "percent",
            before: 60,
            after: 80,
            improved: true,
            worsened: false,
          },
        ],
      },
      improvement(lastDay, "Say the queue position", "chosen", "2026-10-31T22:30:00.000Z", null),
      improvement(started, "A checklist for new claims", "in_progress", "2026-10-05T09:00:00.000Z", null),
    ]);

    // Stories (written and named), recognition received and submitted notes; not recognition given,
    // hidden items or draft notes. Ties in the promise's order, behaviours outside it last.
    expect(evidence.behaviours).toEqual([
      { id: SAY_NAME, count: 4 },
      { id: CALL_BACK, count: 2 },
      { id: ANSWER_MAIL, count: 2 },
      { id: OFF_PROMISE, count: 1 },
    ]);
    expect(evidence.promiseBehaviourIds).toEqual([SAY_NAME, CALL_BACK, ANSWER_MAIL]);

    // The prompts this evidence asks: the first seven triggered rules, then the closing question.
    const prompts = choosePrompts(evidence);
    expect(prompts.map((p) => [p.rule, p.source?.id ?? null])).toEqual([
      ["storyWritten", w2],
      ["improvementKpiRose", done],
      ["recognitionReceived", received2],
      ["storyNamed", n1],
      ["shadowed", note],
      ["improvementOwned", lastDay],
      ["hosted", null],
      ["support", null],
    ]);
    expect(prompts[1]!.values).toEqual({
      kpi: "First-contact resolution",
      improvement: "Call back within the hour",
      department: claims.name,
    });
  });

  it("lists at most ten of each kind but counts them all, and is empty for a quiet period", async () => {
    const w = await world();
    for (let day = 1; day <= 12; day++) {
      await insertRecognition(w.emma.id, {
        behaviourId: SAY_NAME,
        createdAt: `2026-10-${String(day).padStart(2, "0")}T10:00:00Z`,
        people: [w.astrid.id],
      });
    }
    const evidence = await gatherEvidence(db, { userId: w.emma.id, ...OCTOBER, asOf: NOW });
    expect(evidence.counts.recognitionGiven).toBe(12);
    expect(evidence.recognitionGiven.map((r) => r.createdAt.slice(0, 10))).toEqual(
      [12, 11, 10, 9, 8, 7, 6, 5, 4, 3].map((day) => `2026-10-${String(day).padStart(2, "0")}`),
    );
    // Given recognition shows no behaviour of her own.
    expect(evidence.behaviours).toEqual([]);

    const quiet = await gatherEvidence(db, { userId: w.carl.id, ...OCTOBER, asOf: NOW });
    expect(quiet.counts).toEqual({
      storiesWritten: 0,
      storiesNamed: 0,
      recognitionReceived: 0,
      recognitionGiven: 0,
      shadowingDone: 0,
      shadowingHosted: 0,
      improvements: 0,
    });
    expect(choosePrompts(quiet).map((p) => p.rule)).toEqual([
      "noStory",
      "noShadowing",
      "noRecognitionGiven",
      "proudestMoment",
      "support",
    ]);
  });
});

describe("opening a cycle", () => {
  it("writes the cycle and its departments, notifies each active member once but the one opening it, and audits", async () => {
    const w = await world();
    // A leader who is also a member of Claims opens it; Carl is in both departments.
    const leader = await createUser(db, { role: "leader", departments: [{ id: w.claims.id }] });
    await db.insertInto("department_members").values({ department_id: w.claims.id, user_id: w.carl.id }).execute();
    const gone = await createUser(db, { status: "deactivated", departments: [{ id: w.claims.id }] });
    const invited = await createUser(db, { status: "invited", departments: [{ id: w.credit.id }] });
    const elsewhere = await createDepartment(db, { name: `Sales ${w.k}` });
    const outsider = await createUser(db, { departments: [{ id: elsewhere.id }] });

    const cycleId = await openCycle(db, {
      actorId: leader.id,
      name: `Autumn ${w.k}`,
      ...OCTOBER,
      departmentIds: [w.claims.id, w.credit.id],
    });

    expect(
      await db.selectFrom("review_cycles").selectAll().where("id", "=", cycleId).executeTakeFirstOrThrow(),
    ).toEqual({
      id: cycleId,
      name: `Autumn ${w.k}`,
      period_start: "2026-10-01",
      period_end: "2026-10-31",
      created_by: leader.id,
      created_at: expect.any(Date),
    });
    const departments = await db
      .selectFrom("review_cycle_departments")
      .select("department_id")
      .where("cycle_id", "=", cycleId)
      .execute();
    expect(departments.map((d) => d.department_id).sort()).toEqual([w.claims.id, w.credit.id].sort());

    const sent = await db
      .selectFrom("notifications")
      .select(["user_id", "kind", "actor_id", "story_id", "review_id", "recognition_id"])
      .where("cycle_id", "=", cycleId)
      .execute();
    const members = [w.manager, w.emma, w.astrid, w.creditManager, w.carl].map((u) => u.id);
    expect(sent.map((n) => n.user_id).sort()).toEqual(members.sort());
    for (const n of sent) {
      expect(n).toMatchObject({
        kind: "cycle.opened",
        actor_id: leader.id,
        story_id: null,
        review_id: null,
        recognition_id: null,
      });
    }
    for (const user of [leader, gone, invited, outsider]) {
      expect((await listNotifications(db, user.id)).some((n) => n.cycle_id === cycleId)).toBe(false);
    }
    const [notification, ...rest] = await listNotifications(db, w.emma.id);
    expect(rest).toEqual([]);
    expect(notification).toMatchObject({
      kind: "cycle.opened",
      actor_name: leader.name,
      cycle_id: cycleId,
      cycle_name: `Autumn ${w.k}`,
      read_at: null,
    });

    const audited = await db
      .selectFrom("audit_log")
      .select(["actor_id", "action", "details"])
      .where("subject", "=", cycleId)
      .execute();
    expect(audited).toEqual([
      {
        actor_id: leader.id,
        action: "cycle.open",
        details: { name: `Autumn ${w.k}`, periodStart: "2026-10-01", periodEnd: "2026-10-31", departments: 2 },
      },
    ]);
  });

  it("refuses a department that does not exist, and writes nothing", async () => {
    const w = await world();
    const before = {
      cycles: await count("review_cycles"),
      departments: await count("review_cycle_departments"),
      notifications: await count("notifications"),
      audit: await count("audit_log"),
    };
    const error = await refused(open(w, [w.claims.id, UNKNOWN_ID]));
    expect([error.status, error.fieldErrors]).toEqual([422, { departments: ["performance.errors.unknownDepartment"] }]);
    expect({
      cycles: await count("review_cycles"),
      departments: await count("review_cycle_departments"),
      notifications: await count("notifications"),
      audit: await count("audit_log"),
    }).toEqual(before);
  });
});

describe("preparing a conversation", () => {
  it("saves the self-reflection and the manager's notes, and takes them back when saved empty", async () => {
    const w = await world();
    const cycleId = await open(w, [w.claims.id]);
    const base = { cycleId, userId: w.emma.id };
    expect(await preparationRow(cycleId, w.emma.id)).toBeUndefined();

    await saveReflection(db, { ...base, actorId: w.emma.id, reflection: "I called back **every** time." });
    expect(await preparationRow(cycleId, w.emma.id)).toMatchObject({
      reflection: "I called back **every** time.",
      reflected_at: expect.any(Date),
      manager_notes: "",
      prepared_at: null,
      prepared_by: null,
      discussed_at: null,
      snapshot: null,
    });

    await saveManagerNotes(db, { ...base, actorId: w.manager.id, notes: "Ask about the checklist." });
    const prepared = await preparationRow(cycleId, w.emma.id);
    expect(prepared).toMatchObject({
      reflection: "I called back **every** time.",
      reflected_at: expect.any(Date),
      manager_notes: "Ask about the checklist.",
      prepared_at: expect.any(Date),
      prepared_by: w.manager.id,
    });
    // Saved again: replaced, still one row.
    await saveReflection(db, { ...base, actorId: w.emma.id, reflection: "Rewritten." });
    expect((await preparationRow(cycleId, w.emma.id))!.reflection).toBe("Rewritten.");
    expect(
      await db.selectFrom("review_preparations").select("user_id").where("cycle_id", "=", cycleId).execute(),
    ).toEqual([{ user_id: w.emma.id }]);

    const preparation = await getPreparation(db, cycleId, w.emma.id);
    expect(preparation).toMatchObject({
      employee: { id: w.emma.id, name: w.emma.name, email: w.emma.email },
      reflection: "Rewritten.",
      managerNotes: "Ask about the checklist.",
      preparedBy: w.manager.name,
      discussedAt: null,
      discussedBy: null,
      snapshot: null,
    });

    await saveReflection(db, { ...base, actorId: w.emma.id, reflection: "" });
    await saveManagerNotes(db, { ...base, actorId: w.manager.id, notes: "" });
    expect(await preparationRow(cycleId, w.emma.id)).toMatchObject({
      reflection: "",
      reflected_at: null,
      manager_notes: "",
      prepared_at: null,
      prepared_by: null,
    });

    const audited = await db
      .selectFrom("audit_log")
      .select(["actor_id", "action", "details"])
      .where("subject", "=", cycleId)
      .orderBy("id")
      .execute();
    expect(audited.map((a) => [a.actor_id, a.action])).toEqual([
      [lea.id, "cycle.open"],
      [w.emma.id, "preparation.reflect"],
      [w.manager.id, "preparation.notes"],
      [w.emma.id, "preparation.reflect"],
      [w.emma.id, "preparation.reflect"],
      [w.manager.id, "preparation.notes"],
    ]);
    expect(audited[2]!.details).toEqual({ employee: w.emma.id });
  });

  it("stores the evidence and prompts when discussed, and later evidence does not change them", async () => {
    const w = await world();
    const cycleId = await open(w, [w.claims.id]);
    const base = { cycleId, userId: w.emma.id, ...OCTOBER };
    await insertStory(w.claims.id, w.emma.id, `Before the talk ${w.k}`, {
      happenedOn: "2026-10-10",
      behaviours: [CALL_BACK],
    });
    await insertRecognition(w.astrid.id, {
      behaviourId: CALL_BACK,
      createdAt: "2026-10-11T10:00:00Z",
      people: [w.emma.id],
    });
    await saveReflection(db, { ...base, actorId: w.emma.id, reflection: "Proud of the callback." });
    await saveManagerNotes(db, { ...base, actorId: w.manager.id, notes: "Praise the callback." });

    const live = await gatherEvidence(db, { userId: w.emma.id, ...OCTOBER, asOf: NOW });
    await markDiscussed(db, { ...base, actorId: w.manager.id, now: NOW });

    const row = (await preparationRow(cycleId, w.emma.id))!;
    expect(row).toMatchObject({
      reflection: "Proud of the callback.",
      manager_notes: "Praise the callback.",
      discussed_at: NOW,
      discussed_by: w.manager.id,
    });
    const stored = JSON.parse(row.snapshot!) as PreparationSnapshot;
    expect(stored).toEqual(JSON.parse(JSON.stringify({ evidence: live, prompts: choosePrompts(live) })));
    expect(stored.evidence.counts).toMatchObject({ storiesWritten: 1, recognitionReceived: 1 });
    expect(stored.evidence.asOf).toBe("2026-11-25T12:00:00.000Z");
    expect(stored.prompts[0]!.rule).toBe("storyWritten");

    const discussed = await getPreparation(db, cycleId, w.emma.id);
    expect(discussed).toMatchObject({ discussedAt: NOW, discussedBy: w.manager.name, snapshot: stored });

    const notified = await db
      .selectFrom("notifications")
      .select(["user_id", "kind", "actor_id"])
      .where("cycle_id", "=", cycleId)
      .where("kind", "=", "preparation.discussed")
      .execute();
    expect(notified).toEqual([{ user_id: w.emma.id, kind: "preparation.discussed", actor_id: w.manager.id }]);
    const audited = await db
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("subject", "=", cycleId)
      .where("action", "=", "preparation.discussed")
      .execute();
    expect(audited).toEqual([{ actor_id: w.manager.id, details: { employee: w.emma.id } }]);

    // Afterwards: another story of the period and more recognition.
    await insertStory(w.claims.id, w.emma.id, `After the talk ${w.k}`, {
      happenedOn: "2026-10-20",
      publishedAt: "2026-11-25T13:00:00Z",
    });
    await insertRecognition(w.manager.id, {
      behaviourId: SAY_NAME,
      createdAt: "2026-10-30T10:00:00Z",
      people: [w.emma.id],
    });
    const relive = await gatherEvidence(db, { userId: w.emma.id, ...OCTOBER, asOf: new Date("2026-11-25T14:00:00Z") });
    expect(relive.counts).toMatchObject({ storiesWritten: 2, recognitionReceived: 2 });
    expect((await getPreparation(db, cycleId, w.emma.id))!.snapshot).toEqual(stored);
  });

  it("refuses every change once discussed with a conflict, writes nothing, and the database refuses too", async () => {
    const w = await world();
    const cycleId = await open(w, [w.claims.id]);
    const base = { cycleId, userId: w.emma.id };
    await saveReflection(db, { ...base, actorId: w.emma.id, reflection: "As it was." });
    await markDiscussed(db, { ...base, ...OCTOBER, actorId: w.manager.id, now: NOW });

    const state = async () => ({
      row: await preparationRow(cycleId, w.emma.id),
      audit: await count("audit_log"),
      notifications: await count("notifications"),
    });
    const before = await state();
    const attempts: [string, () => Promise<unknown>][] = [
      ["reflect", () => saveReflection(db, { ...base, actorId: w.emma.id, reflection: "Rewritten afterwards" })],
      ["notes", () => saveManagerNotes(db, { ...base, actorId: w.manager.id, notes: "Added afterwards" })],
      ["discuss", () => markDiscussed(db, { ...base, ...OCTOBER, actorId: w.manager.id })],
    ];
    for (const [name, attempt] of attempts) {
      const error = await refused(attempt());
      expect([name, error.status, error.fieldErrors]).toEqual([name, 409, { form: ["performance.errors.discussed"] }]);
    }
    expect(await state()).toEqual(before);

    await expect(
      sql`update review_preparations set reflection = 'Rewritten' where cycle_id = ${cycleId} and user_id = ${w.emma.id}`.execute(
        db,
      ),
    ).rejects.toThrow(`the conversation of ${w.emma.id} in cycle ${cycleId} is discussed and cannot change`);
    await expect(
      db
        .updateTable("review_preparations")
        .set({ discussed_at: null, snapshot: null })
        .where("cycle_id", "=", cycleId)
        .where("user_id", "=", w.emma.id)
        .execute(),
    ).rejects.toThrow("is discussed and cannot change");
    expect(await state()).toEqual(before);

    // Another employee's conversation in the same cycle is not affected.
    await saveReflection(db, { ...base, userId: w.astrid.id, actorId: w.astrid.id, reflection: "Mine." });
    expect((await preparationRow(cycleId, w.astrid.id))!.reflection).toBe("Mine.");
  });
});

describe("who may see and hold a conversation", () => {
  const actions = ["preparation:read", "preparation:reflect", "preparation:conduct"] as const;
  async function rights(user: { id: string }, subject: PreparationSubject) {
    const actor = (await loadActor(db, user.id))!;
    return actions.map((action) => can(actor, action, subject));
  }

  it("lets the employee read and reflect, their manager and leaders conduct, admins read, nobody else", async () => {
    const w = await world();
    const coManager = await createUser(db, {
      name: `Max Manager ${w.k}`,
      departments: [{ id: w.claims.id, isManager: true }],
    });
    const leader = await createUser(db, { role: "leader" });
    const admin = await createUser(db, { role: "admin" });
    const cycleId = await open(w, [w.claims.id, w.credit.id]);

    const emma = (await getPreparation(db, cycleId, w.emma.id))!;
    expect(emma.subject).toEqual({
      employeeId: w.emma.id,
      departments: [{ id: w.claims.id, name: w.claims.name, employeeIsManager: false }],
    });
    // [read, reflect, conduct]
    expect({
      employee: await rights(w.emma, emma.subject),
      manager: await rights(w.manager, emma.subject),
      coManager: await rights(coManager, emma.subject),
      otherManager: await rights(w.creditManager, emma.subject),
      colleague: await rights(w.astrid, emma.subject),
      outsider: await rights(w.carl, emma.subject),
      leader: await rights(leader, emma.subject),
      admin: await rights(admin, emma.subject),
    }).toEqual({
      employee: [true, true, false],
      manager: [true, false, true],
      coManager: [true, false, true],
      otherManager: [false, false, false],
      colleague: [false, false, false],
      outsider: [false, false, false],
      leader: [true, false, true],
      admin: [true, false, false],
    });
    const asColleague = (await loadActor(db, w.astrid.id))!;
    expect(authorize(asColleague, "preparation:read", emma.subject)).toEqual({
      allowed: false,
      reason: "theirManager",
    });
    expect(authorize(asColleague, "preparation:reflect", emma.subject)).toEqual({ allowed: false, reason: "employee" });
    expect(authorize(null, "preparation:read", emma.subject)).toEqual({ allowed: false, reason: "signin" });

    // A manager's own conversation is held by a leader: not by themselves or a fellow manager.
    const mia = (await getPreparation(db, cycleId, w.manager.id))!;
    expect(mia.subject).toEqual({
      employeeId: w.manager.id,
      departments: [{ id: w.claims.id, name: w.claims.name, employeeIsManager: true }],
    });
    expect({
      self: await rights(w.manager, mia.subject),
      coManager: await rights(coManager, mia.subject),
      member: await rights(w.emma, mia.subject),
      leader: await rights(leader, mia.subject),
      admin: await rights(admin, mia.subject),
    }).toEqual({
      self: [true, true, false],
      coManager: [false, false, false],
      member: [false, false, false],
      leader: [true, false, true],
      admin: [true, false, false],
    });

    // A leader's own conversation: not held by themselves.
    const memberLeader = await createUser(db, { role: "leader", departments: [{ id: w.claims.id }] });
    const own = (await getPreparation(db, cycleId, memberLeader.id))!;
    expect(await rights(memberLeader, own.subject)).toEqual([true, true, false]);
    expect(await rights(leader, own.subject)).toEqual([true, false, true]);

    // Someone not in the cycle's departments has no preparation in it.
    const elsewhere = await createDepartment(db, { name: `Sales ${w.k}` });
    const seller = await createUser(db, { departments: [{ id: elsewhere.id }] });
    expect(await getPreparation(db, cycleId, seller.id)).toBeUndefined();
    expect(await getPreparation(db, cycleId, UNKNOWN_ID)).toBeUndefined();
  });

  it("lets leaders and admins open cycles, and each department's managers see its progress", async () => {
    const w = await world();
    const leader = await createUser(db, { role: "leader" });
    const admin = await createUser(db, { role: "admin" });
    const actor = async (user: { id: string }) => (await loadActor(db, user.id))!;
    const claims = { id: w.claims.id, name: w.claims.name };
    for (const user of [leader, admin]) {
      expect(can(await actor(user), "cycle:open", undefined)).toBe(true);
      expect(can(await actor(user), "cycle:progress", claims)).toBe(true);
    }
    expect(authorize(await actor(w.manager), "cycle:open", undefined)).toEqual({
      allowed: false,
      reason: "role",
      role: "leader",
    });
    expect(can(await actor(w.manager), "cycle:progress", claims)).toBe(true);
    const notManager = { allowed: false, reason: "manager", department: w.claims.name };
    expect(authorize(await actor(w.creditManager), "cycle:progress", claims)).toEqual(notManager);
    expect(authorize(await actor(w.emma), "cycle:progress", claims)).toEqual(notManager);
  });
});

describe("a cycle's progress and list", () => {
  it("shows each active member of a department with how far their conversation has come", async () => {
    const w = await world();
    const bo = await createUser(db, { name: `bo Berg ${w.k}`, departments: [{ id: w.claims.id }] });
    await createUser(db, { status: "deactivated", name: `Gus Gone ${w.k}`, departments: [{ id: w.claims.id }] });
    const cycleId = await open(w, [w.claims.id]);
    await saveReflection(db, { actorId: w.emma.id, cycleId, userId: w.emma.id, reflection: "Done." });
    await saveManagerNotes(db, { actorId: w.manager.id, cycleId, userId: w.emma.id, notes: "Ready." });
    await saveManagerNotes(db, { actorId: w.manager.id, cycleId, userId: bo.id, notes: "Ready." });
    await markDiscussed(db, { actorId: w.manager.id, cycleId, userId: bo.id, ...OCTOBER, now: NOW });

    const row = (user: { id: string; name: string }, isManager: boolean, fields: Record<string, unknown> = {}) => ({
      userId: user.id,
      name: user.name,
      isManager,
      preparedAt: null,
      reflectedAt: null,
      discussedAt: null,
      ...fields,
    });
    expect(await departmentProgress(db, cycleId, w.claims.id)).toEqual([
      row(w.astrid, false),
      row(bo, false, { preparedAt: expect.any(Date), discussedAt: NOW }),
      row(w.emma, false, { preparedAt: expect.any(Date), reflectedAt: expect.any(Date) }),
      row(w.manager, true),
    ]);
    // Another cycle's preparations are not this one's.
    const other = await open(w, [w.claims.id], { name: `Winter ${w.k}` });
    expect((await departmentProgress(db, other, w.claims.id)).map((r) => r.preparedAt)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("lists the cycles of a member's departments, and all of them for leaders and admins, latest period first", async () => {
    const w = await world();
    const leader = await createUser(db, { role: "leader" });
    const admin = await createUser(db, { role: "admin" });
    const loner = await createUser(db);
    const both = await open(w, [w.credit.id, w.claims.id], { name: `Autumn ${w.k}` });
    const claimsOnly = await open(w, [w.claims.id], {
      name: `Summer ${w.k}`,
      periodStart: "2026-06-01",
      periodEnd: "2026-08-31",
    });
    const creditOnly = await open(w, [w.credit.id], {
      name: `November ${w.k}`,
      periodStart: "2026-11-01",
      periodEnd: "2026-11-30",
    });
    const mine = [both, claimsOnly, creditOnly];

    const listFor = async (user: { id: string }) => {
      const actor = (await loadActor(db, user.id))!;
      const cycles = await listCycles(db, { id: actor.id, seesAll: seesAllDepartments(actor) });
      return cycles.map((c) => c.id).filter((id) => mine.includes(id));
    };
    expect(await listFor(w.emma)).toEqual([both, claimsOnly]);
    expect(await listFor(w.manager)).toEqual([both, claimsOnly]);
    expect(await listFor(w.carl)).toEqual([creditOnly, both]);
    expect(await listFor(leader)).toEqual([creditOnly, both, claimsOnly]);
    expect(await listFor(admin)).toEqual([creditOnly, both, claimsOnly]);
    expect(await listCycles(db, { id: loner.id, seesAll: false })).toEqual([]);
    // Members see nothing beyond their departments' cycles.
    expect((await listCycles(db, { id: w.emma.id, seesAll: false })).map((c) => c.id)).toEqual([both, claimsOnly]);

    const summary = {
      id: both,
      name: `Autumn ${w.k}`,
      periodStart: "2026-10-01",
      periodEnd: "2026-10-31",
      createdAt: expect.any(Date),
      departments: [
        { id: w.claims.id, slug: w.claims.slug, name: w.claims.name },
        { id: w.credit.id, slug: w.credit.slug, name: w.credit.name },
      ],
    };
    expect((await listCycles(db, { id: w.carl.id, seesAll: false }))[1]).toEqual(summary);
    expect(await getCycle(db, both)).toEqual(summary);
    expect(await getCycle(db, UNKNOWN_ID)).toBeUndefined();
  });
});

describe("prompt templates", () => {
  it("rewords a rule in one language, shows which are edited, and resets to the locale file's wording", async () => {
    const leader = await createUser(db, { role: "leader" });
    const english = async () => loadTemplates(db, ["en"]);
    const fileText = defaultTemplate("storyNamed", "en");
    expect(fileText).toContain("{{title}}");

    const initial = await english();
    expect(initial.map((t) => t.rule)).toEqual(RULE_KEYS);
    expect(initial.every((t) => !t.edited && t.text === t.defaultText && t.locale === "en")).toBe(true);

    // Swedish only: English keeps the file's wording.
    await saveTemplate(db, { actorId: leader.id, rule: "storyNamed", locale: "sv", text: "{{author}} nämnde dig." });
    const swedishFileText = defaultTemplate("storyNamed", "sv");
    expect(swedishFileText).not.toBe(fileText);
    const both = await loadTemplates(db, ["en", "sv"]);
    expect(both.map((t) => `${t.rule}/${t.locale}`).slice(0, 4)).toEqual([
      `${RULE_KEYS[0]}/en`,
      `${RULE_KEYS[0]}/sv`,
      `${RULE_KEYS[1]}/en`,
      `${RULE_KEYS[1]}/sv`,
    ]);
    expect(both.filter((t) => t.rule === "storyNamed")).toEqual([
      { rule: "storyNamed", locale: "en", text: fileText, defaultText: fileText, edited: false },
      {
        rule: "storyNamed",
        locale: "sv",
        text: "{{author}} nämnde dig.",
        defaultText: swedishFileText,
        edited: true,
      },
    ]);
    expect(both.filter((t) => t.edited)).toHaveLength(1);

    await saveTemplate(db, { actorId: leader.id, rule: "storyNamed", locale: "en", text: "First {{author}} wrote." });
    await saveTemplate(db, { actorId: leader.id, rule: "storyNamed", locale: "en", text: "{{author}} named you." });
    const edited = await english();
    expect(edited.find((t) => t.rule === "storyNamed")).toEqual({
      rule: "storyNamed",
      locale: "en",
      text: "{{author}} named you.",
      defaultText: fileText,
      edited: true,
    });
    expect(edited.filter((t) => t.edited).map((t) => t.rule)).toEqual(["storyNamed"]);
    const stored = () =>
      db.selectFrom("prompt_templates").select(["rule", "locale", "text", "updated_by"]).orderBy("locale").execute();
    expect(await stored()).toEqual([
      { rule: "storyNamed", locale: "en", text: "{{author}} named you.", updated_by: leader.id },
      { rule: "storyNamed", locale: "sv", text: "{{author}} nämnde dig.", updated_by: leader.id },
    ]);

    await resetTemplate(db, { actorId: leader.id, rule: "storyNamed", locale: "en" });
    expect((await english()).find((t) => t.rule === "storyNamed")).toMatchObject({ text: fileText, edited: false });
    expect(await stored()).toEqual([
      { rule: "storyNamed", locale: "sv", text: "{{author}} nämnde dig.", updated_by: leader.id },
    ]);

    const audited = await db
      .selectFrom("audit_log")
      .select(["action", "subject", "details"])
      .where("actor_id", "=", leader.id)
      .orderBy("id")
      .execute();
    expect(audited).toEqual([
      { action: "prompt.template", subject: "storyNamed/sv", details: { text: "{{author}} nämnde dig." } },
      { action: "prompt.template", subject: "storyNamed/en", details: { text: "First {{author}} wrote." } },
      { action: "prompt.template", subject: "storyNamed/en", details: { text: "{{author}} named you." } },
      { action: "prompt.reset", subject: "storyNamed/en", details: {} },
    ]);
  });
});

describe("the forms", () => {
  const issues = (result: { error?: { issues: { path: (string | number)[]; message: string }[] } }) =>
    result.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);

  it("takes a template only with the placeholders its rule offers", () => {
    const template = (rule: string, text: string, locale = "en") => TemplateSchema.safeParse({ rule, locale, text });
    expect(template("storyNamed", "  {{author}} named you in “{{ title }}”.  ").data).toEqual({
      rule: "storyNamed",
      locale: "en",
      text: "{{author}} named you in “{{ title }}”.",
    });
    expect(issues(template("storyNamed", "{{author}} thanked {{name}}."))).toEqual([
      "text:performance.errors.unknownPlaceholder",
    ]);
    expect(issues(template("support", "What would help with {{behaviour}}?"))).toEqual([
      "text:performance.errors.unknownPlaceholder",
    ]);
    expect(issues(template("support", "What would help you?"))).toBeUndefined();
    expect(issues(template("madeUp", "Anything"))?.map((i) => i.split(":")[0])).toEqual(["rule"]);
    expect(issues(template("support", "Anything", "fr"))?.map((i) => i.split(":")[0])).toEqual(["locale"]);
    expect(issues(template("support", "   "))?.map((i) => i.split(":")[0])).toEqual(["text"]);
    expect(issues(template("support", "x".repeat(501)))?.map((i) => i.split(":")[0])).toEqual(["text"]);
  });

  it("opens a cycle only with departments and a real period of at most a year", () => {
    const a = "11111111-1111-4111-8111-111111111111";
    const b = "22222222-2222-4222-8222-222222222222";
    const cycle = (overrides: Record<string, unknown>) =>
      OpenCycleSchema.safeParse({ name: "Autumn", ...OCTOBER, departments: a, ...overrides });
    expect(cycle({ name: "  Autumn 2026 " }).data).toEqual({ name: "Autumn 2026", ...OCTOBER, departments: [a] });
    expect(cycle({ departments: [a, undefined, b, a] }).data?.departments).toEqual([a, b]);

    expect(issues(cycle({ departments: undefined }))).toEqual(["departments:performance.errors.noDepartments"]);
    expect(issues(cycle({ departments: [] }))).toEqual(["departments:performance.errors.noDepartments"]);
    expect(issues(cycle({ departments: ["not-an-id"] }))?.map((i) => i.split(":")[0])).toEqual(["departments.0"]);
    expect(issues(cycle({ periodStart: "2026-10-31", periodEnd: "2026-10-30" }))).toEqual([
      "periodEnd:performance.errors.endBeforeStart",
    ]);
    expect(issues(cycle({ periodStart: "2026-10-31", periodEnd: "2026-10-31" }))).toBeUndefined();
    // 366 days from 25 November 2025 to 25 November 2026, both counted: the longest.
    expect(issues(cycle({ periodStart: "2025-11-25", periodEnd: "2026-11-25" }))).toBeUndefined();
    expect(issues(cycle({ periodStart: "2025-11-24", periodEnd: "2026-11-25" }))).toEqual([
      "periodEnd:performance.errors.periodTooLong",
    ]);
    expect(issues(cycle({ periodStart: "2026-02-01", periodEnd: "2026-02-30" }))).toEqual([
      "periodEnd:validation.date",
    ]);
    // A date that is not a day is said once, without the checks that compare the two.
    expect(issues(cycle({ periodStart: "2026-13-01" }))).toEqual(["periodStart:validation.date"]);
    expect(issues(cycle({ periodEnd: "2026-10-32" }))).toEqual(["periodEnd:validation.date"]);
    expect(issues(cycle({ periodEnd: "31/10/2026" }))).toEqual(["periodEnd:validation.date"]);
    expect(issues(cycle({ name: "   " }))?.map((i) => i.split(":")[0])).toEqual(["name"]);
    expect(issues(cycle({ name: "x".repeat(121) }))?.map((i) => i.split(":")[0])).toEqual(["name"]);
  });
});
