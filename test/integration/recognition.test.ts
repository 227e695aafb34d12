/**
 * Recognition against a real database: giving it to people and departments
 * (with its behaviour and what prompted it), the rules that refuse it and
 * write nothing, who is notified, editing within a day, hiding, reactions,
 * the wall's filters and paging, the leaders' figures per month (checked
 * against hand-computed literals) and the managers' suggestions.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { CommandError } from "#app/modules/forms.ts";
import { addPeriods, periodStartOf } from "#app/modules/kpis/formulas.ts";
import type { NewKpiInput } from "#app/modules/kpis/schemas.ts";
import { listNotifications } from "#app/modules/notifications/notifications.server.ts";
import {
  editRecognition,
  giveRecognition,
  setRecognitionHidden,
  toggleRecognitionReaction,
} from "#app/modules/recognition/commands.server.ts";
import {
  getRecognition,
  listRecognitions,
  recognitionFigures,
  recognitionSuggestions,
} from "#app/modules/recognition/queries.server.ts";
import type { RecognitionInput } from "#app/modules/recognition/schemas.ts";
import { companyDate } from "#app/utils/company-time.server.ts";
import { COMPANY_TIME_ZONE } from "#app/utils/format.ts";
import { createDepartment, createUser, insertKpi, insertReadings } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let worlds = 0;

/**
 * Two departments: Claims (a manager, two members, a deactivated member) and
 * Credit (one member, also named in Claims' tests as an outsider).
 */
async function world() {
  const k = ++worlds;
  const claims = await createDepartment(db, { name: `Claims ${k}`, slug: `claims-${k}` });
  const credit = await createDepartment(db, { name: `Credit ${k}`, slug: `credit-${k}` });
  const manager = await createUser(db, { name: `Mia Manager ${k}`, departments: [{ id: claims.id, isManager: true }] });
  const anna = await createUser(db, { name: `Anna Agent ${k}`, departments: [{ id: claims.id }] });
  const bo = await createUser(db, { name: `Bo Agent ${k}`, departments: [{ id: claims.id }] });
  const gone = await createUser(db, {
    name: `Gus Gone ${k}`,
    status: "deactivated",
    departments: [{ id: claims.id }],
  });
  const carl = await createUser(db, { name: `Carl Credit ${k}`, departments: [{ id: credit.id }] });
  const behaviour = await newBehaviour();
  return { k, claims, credit, manager, anna, bo, gone, carl, behaviour };
}
type World = Awaited<ReturnType<typeof world>>;

async function newBehaviour(retired = false): Promise<string> {
  const row = await db
    .insertInto("behaviours")
    .values({ retired_at: retired ? new Date() : null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function give(w: World, actorId: string, overrides: Partial<RecognitionInput> = {}): Promise<string> {
  return giveRecognition(db, {
    actorId,
    message: "Thank you for calling the customer back the same day.",
    behaviourId: w.behaviour,
    people: [],
    departments: [],
    ...overrides,
  });
}

async function refused(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return error as CommandError;
}

async function count(table: "recognitions" | "recognition_people" | "notifications" | "audit_log"): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<string>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function counts() {
  return {
    recognitions: await count("recognitions"),
    people: await count("recognition_people"),
    notifications: await count("notifications"),
    audit: await count("audit_log"),
  };
}

async function recipientsOf(id: string) {
  const people = await db.selectFrom("recognition_people").select("user_id").where("recognition_id", "=", id).execute();
  const departments = await db
    .selectFrom("recognition_departments")
    .select("department_id")
    .where("recognition_id", "=", id)
    .execute();
  return {
    people: people.map((p) => p.user_id).sort(),
    departments: departments.map((d) => d.department_id).sort(),
  };
}

async function notified(id: string): Promise<string[]> {
  const rows = await db
    .selectFrom("notifications")
    .select(["user_id", "kind", "actor_id"])
    .where("recognition_id", "=", id)
    .execute();
  for (const row of rows) expect(row.kind).toBe("recognition.received");
  return rows.map((r) => r.user_id).sort();
}

async function auditOf(id: string) {
  return db
    .selectFrom("audit_log")
    .select(["actor_id", "action", "details"])
    .where("subject", "=", id)
    .orderBy("id")
    .execute();
}

async function setCreatedAt(id: string, at: Date | string): Promise<void> {
  await db
    .updateTable("recognitions")
    .set({ created_at: typeof at === "string" ? sql<Date>`${at}::timestamptz` : at })
    .where("id", "=", id)
    .execute();
}

async function insertStory(
  w: World,
  title: string,
  values: { published: boolean; hidden?: boolean } = { published: true },
): Promise<string> {
  const row = await db
    .insertInto("stories")
    .values({
      author_id: w.anna.id,
      department_id: w.claims.id,
      status: values.published ? "published" : "draft",
      title,
      body: `What happened: ${title}.`,
      language: "en",
      channel: "phone",
      happened_on: "2026-10-01",
      consent: "internal_only",
      published_at: values.published ? new Date("2026-11-10T10:00:00Z") : null,
      hidden_at: values.hidden ? new Date("2026-11-12T10:00:00Z") : null,
      hidden_reason: values.hidden ? "Names a customer" : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertNote(w: World, submitted: boolean): Promise<string> {
  const slot = await db
    .insertInto("shadow_slots")
    .values({
      department_id: w.claims.id,
      starts_at: new Date("2026-11-03T09:00:00Z"),
      minutes: 60,
      channel: "phone",
      capacity: 20,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const booking = await db
    .insertInto("shadow_bookings")
    .values({ slot_id: slot.id, observer_id: w.carl.id, observer_department_id: w.credit.id })
    .returning("id")
    .executeTakeFirstOrThrow();
  const note = await db
    .insertInto("shadow_notes")
    .values({
      booking_id: booking.id,
      author_id: w.carl.id,
      department_id: w.claims.id,
      status: submitted ? "submitted" : "draft",
      submitted_at: submitted ? new Date("2026-11-04T10:00:00Z") : null,
      went_well: "Calm voice",
      pain_points: "Long hold",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return note.id;
}

async function insertImprovement(
  departmentId: string,
  description: string,
  values: { status?: "proposed" | "in_progress" | "done"; doneAt?: Date; ownerId?: string } = {},
): Promise<string> {
  const row = await db
    .insertInto("improvements")
    .values({
      department_id: departmentId,
      description,
      origin: "suggestion",
      status: values.status ?? "proposed",
      owner_id: values.ownerId ?? null,
      done_at: values.doneAt ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function newKpi(w: World, overrides: Partial<NewKpiInput> = {}) {
  return insertKpi(
    db,
    { actorId: w.manager.id, departmentId: w.claims.id },
    {
      name: "First-contact resolution",
      ...overrides,
    },
  );
}

function readings(w: World, kpi: Awaited<ReturnType<typeof newKpi>>, rows: [string, number][], today: string) {
  return insertReadings(db, { actorId: w.manager.id, departmentId: w.claims.id, kpi, today }, rows);
}

/** The company's month `n` months before this one: its "YYYY-MM" and a moment in the middle of it. */
function monthAgo(n: number): { label: string; at: Date } {
  const [year, month] = companyDate(new Date()).split("-").map(Number) as [number, number];
  const at = new Date(Date.UTC(year, month - 1 - n, 15, 12));
  const label = new Intl.DateTimeFormat("en-CA", { timeZone: COMPANY_TIME_ZONE, year: "numeric", month: "2-digit" })
    .format(at)
    .slice(0, 7);
  return { label, at };
}

describe("giving recognition", () => {
  it("thanks people, departments or both, with the behaviour and what prompted it", async () => {
    const w = await world();
    const story = await insertStory(w, `A saved weekend ${w.k}`);
    const note = await insertNote(w, true);
    const improvement = await insertImprovement(w.claims.id, "Call back before noon", { status: "done" });
    const kpi = await newKpi(w);

    const toPeople = await give(w, w.manager.id, {
      people: [w.anna.id, w.bo.id, w.anna.id, undefined],
      storyId: story,
      shadowNoteId: note,
    });
    const toDepartment = await give(w, w.carl.id, {
      departments: [w.claims.id],
      improvementId: improvement,
    });
    const toBoth = await give(w, w.manager.id, {
      people: [w.carl.id],
      departments: [w.claims.id, w.credit.id],
      kpiId: kpi.id,
      kpiPeriodStart: "2026-11-01",
    });
    // A period without its KPI is not kept.
    const periodAlone = await give(w, w.manager.id, { people: [w.anna.id], kpiPeriodStart: "2026-11-01" });

    expect(await recipientsOf(toPeople)).toEqual({ people: [w.anna.id, w.bo.id].sort(), departments: [] });
    expect(await recipientsOf(toDepartment)).toEqual({ people: [], departments: [w.claims.id] });
    expect(await recipientsOf(toBoth)).toEqual({
      people: [w.carl.id],
      departments: [w.claims.id, w.credit.id].sort(),
    });
    const stored = await db
      .selectFrom("recognitions")
      .select([
        "id",
        "author_id",
        "message",
        "behaviour_id",
        "story_id",
        "shadow_note_id",
        "improvement_id",
        "kpi_id",
        "kpi_period_start",
        "hidden_at",
      ])
      .where("id", "in", [toPeople, toDepartment, toBoth, periodAlone])
      .execute();
    const byId = new Map(stored.map((r) => [r.id, r]));
    const message = "Thank you for calling the customer back the same day.";
    const none = { story_id: null, shadow_note_id: null, improvement_id: null, kpi_id: null, kpi_period_start: null };
    const base = { message, behaviour_id: w.behaviour, hidden_at: null, ...none };
    expect(byId.get(toPeople)).toEqual({
      ...base,
      id: toPeople,
      author_id: w.manager.id,
      story_id: story,
      shadow_note_id: note,
    });
    expect(byId.get(toDepartment)).toEqual({
      ...base,
      id: toDepartment,
      author_id: w.carl.id,
      improvement_id: improvement,
    });
    expect(byId.get(toBoth)).toEqual({
      ...base,
      id: toBoth,
      author_id: w.manager.id,
      kpi_id: kpi.id,
      kpi_period_start: "2026-11-01",
    });
    expect(byId.get(periodAlone)).toEqual({ ...base, id: periodAlone, author_id: w.manager.id });

    expect(await auditOf(toBoth)).toEqual([
      { actor_id: w.manager.id, action: "recognition.give", details: { people: 1, departments: 2 } },
    ]);
    expect(await auditOf(toPeople)).toEqual([
      { actor_id: w.manager.id, action: "recognition.give", details: { people: 2, departments: 0 } },
    ]);
  });

  it("lets a person thank a department they belong to", async () => {
    const w = await world();
    const id = await give(w, w.anna.id, { departments: [w.claims.id] });
    expect(await recipientsOf(id)).toEqual({ people: [], departments: [w.claims.id] });
    // Everyone active in Claims but Anna herself.
    expect(await notified(id)).toEqual([w.manager.id, w.bo.id].sort());
  });

  it("refuses each invalid recognition with the field at fault, and writes nothing", async () => {
    const w = await world();
    const retired = await newBehaviour(true);
    const draftStory = await insertStory(w, `Draft ${w.k}`, { published: false });
    const hiddenStory = await insertStory(w, `Hidden ${w.k}`, { published: true, hidden: true });
    const draftNote = await insertNote(w, false);
    const cases: [string, string, Partial<RecognitionInput>, string][] = [
      ["self", w.anna.id, { people: [w.bo.id, w.anna.id] }, "people:recognition.errors.self"],
      [
        "self with a department",
        w.anna.id,
        { people: [w.anna.id], departments: [w.claims.id] },
        "people:recognition.errors.self",
      ],
      ["no recipient", w.anna.id, {}, "people:recognition.errors.noRecipient"],
      [
        "only empty recipients",
        w.anna.id,
        { people: [undefined], departments: [undefined] },
        "people:recognition.errors.noRecipient",
      ],
      ["unknown person", w.anna.id, { people: [w.bo.id, UNKNOWN_ID] }, "people:recognition.errors.unknownPerson"],
      ["deactivated person", w.anna.id, { people: [w.gone.id] }, "people:recognition.errors.unknownPerson"],
      [
        "unknown department",
        w.anna.id,
        { departments: [w.claims.id, UNKNOWN_ID] },
        "departments:recognition.errors.unknownDepartment",
      ],
      [
        "retired behaviour",
        w.anna.id,
        { people: [w.bo.id], behaviourId: retired },
        "behaviourId:recognition.errors.unknownBehaviour",
      ],
      [
        "unknown behaviour",
        w.anna.id,
        { people: [w.bo.id], behaviourId: UNKNOWN_ID },
        "behaviourId:recognition.errors.unknownBehaviour",
      ],
      [
        "unknown story",
        w.anna.id,
        { people: [w.bo.id], storyId: UNKNOWN_ID },
        "storyId:recognition.errors.unknownSource",
      ],
      [
        "draft story",
        w.anna.id,
        { people: [w.bo.id], storyId: draftStory },
        "storyId:recognition.errors.unknownSource",
      ],
      [
        "hidden story",
        w.anna.id,
        { people: [w.bo.id], storyId: hiddenStory },
        "storyId:recognition.errors.unknownSource",
      ],
      [
        "draft note",
        w.anna.id,
        { people: [w.bo.id], shadowNoteId: draftNote },
        "shadowNoteId:recognition.errors.unknownSource",
      ],
      [
        "unknown note",
        w.anna.id,
        { people: [w.bo.id], shadowNoteId: UNKNOWN_ID },
        "shadowNoteId:recognition.errors.unknownSource",
      ],
      [
        "unknown improvement",
        w.anna.id,
        { people: [w.bo.id], improvementId: UNKNOWN_ID },
        "improvementId:recognition.errors.unknownSource",
      ],
      [
        "unknown KPI",
        w.anna.id,
        { people: [w.bo.id], kpiId: UNKNOWN_ID, kpiPeriodStart: "2026-11-01" },
        "kpiId:recognition.errors.unknownSource",
      ],
    ];
    for (const [name, actorId, overrides, expected] of cases) {
      const before = await counts();
      const error = await refused(give(w, actorId, overrides));
      const [field, message] = expected.split(":") as [string, string];
      expect(error.fieldErrors, name).toEqual({ [field]: [message] });
      expect(await counts(), name).toEqual(before);
    }
  });
});

describe("notifications of recognition", () => {
  it("notifies the people named and the active members of the departments, once each, not the author", async () => {
    const w = await world();
    // Bo is named and a member of Claims; the manager, a member, writes it; Gus is deactivated.
    const id = await give(w, w.manager.id, { people: [w.bo.id, w.carl.id], departments: [w.claims.id] });
    expect(await notified(id)).toEqual([w.anna.id, w.bo.id, w.carl.id].sort());

    const forBo = (await listNotifications(db, w.bo.id)).filter((n) => n.recognition_id === id);
    expect(forBo).toHaveLength(1);
    expect(forBo[0]).toMatchObject({
      kind: "recognition.received",
      recognition_id: id,
      actor_name: w.manager.name,
      story_id: null,
      review_id: null,
      read_at: null,
    });
    expect((await listNotifications(db, w.manager.id)).some((n) => n.recognition_id === id)).toBe(false);
    expect((await listNotifications(db, w.gone.id)).some((n) => n.recognition_id === id)).toBe(false);
    expect(await auditOf(id)).toEqual([
      { actor_id: w.manager.id, action: "recognition.give", details: { people: 2, departments: 1 } },
    ]);
  });

  it("notifies only the people named when no department is", async () => {
    const w = await world();
    const id = await give(w, w.carl.id, { people: [w.anna.id] });
    expect(await notified(id)).toEqual([w.anna.id]);
  });
});

describe("changing recognition", () => {
  it("lets the author change the message and behaviour within 24 hours, nobody else and not later", async () => {
    const w = await world();
    const id = await give(w, w.manager.id, { people: [w.anna.id] });
    const { created_at: createdAt } = await db
      .selectFrom("recognitions")
      .select("created_at")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const other = await newBehaviour();
    const within = new Date(createdAt.getTime() + 23 * HOUR_MS);
    await editRecognition(db, {
      actorId: w.manager.id,
      id,
      message: "Thank you for the clear letter.",
      behaviourId: other,
      now: within,
    });
    expect(
      await db
        .selectFrom("recognitions")
        .select(["message", "behaviour_id", "updated_at"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ message: "Thank you for the clear letter.", behaviour_id: other, updated_at: within });
    expect((await auditOf(id)).map((a) => [a.actor_id, a.action])).toEqual([
      [w.manager.id, "recognition.give"],
      [w.manager.id, "recognition.edit"],
    ]);

    const unchanged = async () => {
      expect(
        await db
          .selectFrom("recognitions")
          .select(["message", "behaviour_id"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow(),
      ).toEqual({ message: "Thank you for the clear letter.", behaviour_id: other });
      expect(await auditOf(id)).toHaveLength(2);
    };
    const late = await refused(
      editRecognition(db, {
        actorId: w.manager.id,
        id,
        message: "Too late",
        behaviourId: w.behaviour,
        now: new Date(createdAt.getTime() + 25 * HOUR_MS),
      }),
    );
    expect(late.fieldErrors).toEqual({ form: ["recognition.errors.editWindow"] });
    await unchanged();
    const notAuthor = await refused(
      editRecognition(db, { actorId: w.anna.id, id, message: "Mine now", behaviourId: w.behaviour, now: within }),
    );
    expect(notAuthor.fieldErrors).toEqual({ form: ["recognition.errors.notAuthor"] });
    await unchanged();
    const retired = await refused(
      editRecognition(db, {
        actorId: w.manager.id,
        id,
        message: "Retired",
        behaviourId: await newBehaviour(true),
        now: within,
      }),
    );
    expect(retired.fieldErrors).toEqual({ behaviourId: ["recognition.errors.unknownBehaviour"] });
    await unchanged();
    const unknown = await refused(
      editRecognition(db, { actorId: w.manager.id, id: UNKNOWN_ID, message: "x", behaviourId: other, now: within }),
    );
    expect(unknown.fieldErrors).toEqual({ form: ["recognition.errors.notAuthor"] });
  });

  it("hides a recognition with a reason and shows it again, in the audit log", async () => {
    const w = await world();
    const admin = await createUser(db, { name: `Ada Admin ${w.k}`, role: "admin" });
    const id = await give(w, w.manager.id, { people: [w.anna.id] });
    await setRecognitionHidden(db, { actorId: admin.id, id, reason: "Names a customer" });
    const hidden = await db
      .selectFrom("recognitions")
      .select(["hidden_at", "hidden_by", "hidden_reason"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(hidden.hidden_at).toBeInstanceOf(Date);
    expect(hidden).toMatchObject({ hidden_by: admin.id, hidden_reason: "Names a customer" });
    expect(await listRecognitions(db, { viewerId: w.anna.id, recipientId: w.anna.id })).toEqual([]);
    expect((await getRecognition(db, { id, viewerId: admin.id }))?.hiddenReason).toBe("Names a customer");

    await setRecognitionHidden(db, { actorId: admin.id, id, reason: null });
    expect(
      await db
        .selectFrom("recognitions")
        .select(["hidden_at", "hidden_by", "hidden_reason"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ hidden_at: null, hidden_by: null, hidden_reason: null });
    expect((await listRecognitions(db, { viewerId: w.anna.id, recipientId: w.anna.id })).map((r) => r.id)).toEqual([
      id,
    ]);
    expect(await auditOf(id)).toEqual([
      { actor_id: w.manager.id, action: "recognition.give", details: { people: 1, departments: 0 } },
      { actor_id: admin.id, action: "recognition.hide", details: { reason: "Names a customer" } },
      { actor_id: admin.id, action: "recognition.show", details: {} },
    ]);

    const before = await counts();
    const gone = await refused(setRecognitionHidden(db, { actorId: admin.id, id: UNKNOWN_ID, reason: "x" }));
    expect(gone.fieldErrors).toEqual({ form: ["recognition.errors.gone"] });
    expect(await counts()).toEqual(before);
  });

  it("adds a reaction and takes it back the second time", async () => {
    const w = await world();
    const id = await give(w, w.manager.id, { people: [w.anna.id] });
    const reactions = () =>
      db
        .selectFrom("recognition_reactions")
        .select(["user_id", "kind"])
        .where("recognition_id", "=", id)
        .orderBy("kind")
        .execute();
    expect(await toggleRecognitionReaction(db, { userId: w.bo.id, id, kind: "heart" })).toBe("added");
    expect(await toggleRecognitionReaction(db, { userId: w.bo.id, id, kind: "applause" })).toBe("added");
    expect(await reactions()).toEqual([
      { user_id: w.bo.id, kind: "applause" },
      { user_id: w.bo.id, kind: "heart" },
    ]);
    expect(await toggleRecognitionReaction(db, { userId: w.bo.id, id, kind: "heart" })).toBe("removed");
    expect(await reactions()).toEqual([{ user_id: w.bo.id, kind: "applause" }]);
  });
});

describe("the wall", () => {
  it("lists newest first and pages with a cursor", async () => {
    const w = await world();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await give(w, w.manager.id, { people: [w.anna.id], message: `Thanks ${i}` }));
    for (const [i, id] of ids.entries()) await setCreatedAt(id, new Date(Date.now() - (10 - i) * HOUR_MS));
    const page = (before?: { createdAt: Date; id: string }) =>
      listRecognitions(db, { viewerId: w.bo.id, behaviourId: w.behaviour, limit: 2, before });

    const first = await page();
    expect(first.map((r) => r.message)).toEqual(["Thanks 4", "Thanks 3"]);
    const second = await page({ createdAt: first[1]!.createdAt, id: first[1]!.id });
    expect(second.map((r) => r.message)).toEqual(["Thanks 2", "Thanks 1"]);
    const third = await page({ createdAt: second[1]!.createdAt, id: second[1]!.id });
    expect(third.map((r) => r.message)).toEqual(["Thanks 0"]);
    expect(await page({ createdAt: third[0]!.createdAt, id: third[0]!.id })).toEqual([]);
  });

  it("pages through recognitions given within the same millisecond without skipping any", async () => {
    const w = await world();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await give(w, w.manager.id, { people: [w.anna.id], message: `Same ${i}` }));
    // Stored in whole milliseconds, as the cursor (a Date) carries them.
    const precise = await db
      .selectFrom("recognitions")
      .select(sql<boolean>`created_at = date_trunc('milliseconds', created_at)`.as("whole"))
      .where("id", "in", ids)
      .execute();
    expect(precise.map((r) => r.whole)).toEqual([true, true, true]);
    const page = (before?: { createdAt: Date; id: string }) =>
      listRecognitions(db, { viewerId: w.bo.id, behaviourId: w.behaviour, limit: 1, before });
    const walk = async () => {
      const seen: string[] = [];
      let before: { createdAt: Date; id: string } | undefined;
      for (let i = 0; i < 5; i++) {
        const [item] = await page(before);
        if (!item) break;
        seen.push(item.id);
        before = { createdAt: item.createdAt, id: item.id };
      }
      return seen;
    };
    expect((await walk()).sort()).toEqual([...ids].sort());
    // The same moment for all three: the id breaks the tie.
    for (const id of ids) await setCreatedAt(id, "2026-11-20 10:00:00.123+00");
    expect(await walk()).toEqual([...ids].sort().reverse());
  });

  it("filters by department (directly or through its people), behaviour, recipient and months", async () => {
    const w = await world();
    const other = await newBehaviour();
    const toClaims = await give(w, w.carl.id, { departments: [w.claims.id] });
    const toAnna = await give(w, w.carl.id, { people: [w.anna.id], behaviourId: other });
    const toCarl = await give(w, w.manager.id, { people: [w.carl.id] });
    const toBoth = await give(w, w.manager.id, { people: [w.carl.id], departments: [w.claims.id] });
    const old = await give(w, w.carl.id, { people: [w.bo.id] });
    await setCreatedAt(old, new Date(Date.now() - 100 * DAY_MS));
    for (const [i, id] of [toClaims, toAnna, toCarl, toBoth].entries()) {
      await setCreatedAt(id, new Date(Date.now() - (10 - i) * HOUR_MS));
    }
    const ids = async (query: Omit<Parameters<typeof listRecognitions>[1], "viewerId">) =>
      (await listRecognitions(db, { viewerId: w.anna.id, ...query })).map((r) => r.id);

    expect(await ids({ departmentId: w.claims.id })).toEqual([toBoth, toAnna, toClaims, old]);
    expect(await ids({ departmentId: w.credit.id })).toEqual([toBoth, toCarl]);
    expect(await ids({ departmentId: w.claims.id, months: 1 })).toEqual([toBoth, toAnna, toClaims]);
    expect(await ids({ departmentId: w.claims.id, behaviourId: other })).toEqual([toAnna]);
    expect(await ids({ behaviourId: w.behaviour, months: 6 })).toEqual([toBoth, toCarl, toClaims, old]);
    // Named, not through a department.
    expect(await ids({ recipientId: w.carl.id })).toEqual([toBoth, toCarl]);
    expect(await ids({ recipientId: w.anna.id })).toEqual([toAnna]);
    expect(await ids({ recipientId: w.bo.id, months: 3 })).toEqual([]);

    const admin = await createUser(db, { role: "admin" });
    await setRecognitionHidden(db, { actorId: admin.id, id: toBoth, reason: "Off topic" });
    expect(await ids({ departmentId: w.credit.id })).toEqual([toCarl]);
    expect(await ids({ departmentId: w.credit.id, includeHidden: true })).toEqual([toBoth, toCarl]);
  });

  it("resolves the people, departments, sources and reactions of each item", async () => {
    const w = await world();
    const story = await insertStory(w, `Flooded basement ${w.k}`);
    const note = await insertNote(w, true);
    const improvement = await insertImprovement(w.claims.id, "Plain-language letters", { status: "done" });
    const id = await give(w, w.carl.id, {
      people: [w.bo.id, w.anna.id],
      departments: [w.credit.id, w.claims.id],
      storyId: story,
      shadowNoteId: note,
      improvementId: improvement,
    });
    await toggleRecognitionReaction(db, { userId: w.anna.id, id, kind: "heart" });
    await toggleRecognitionReaction(db, { userId: w.bo.id, id, kind: "heart" });
    await toggleRecognitionReaction(db, { userId: w.bo.id, id, kind: "applause" });

    const [item] = await listRecognitions(db, { viewerId: w.anna.id, recipientId: w.bo.id });
    expect(item).toEqual({
      id,
      message: "Thank you for calling the customer back the same day.",
      messageHtml: "<p>Thank you for calling the customer back the same day.</p>",
      authorId: w.carl.id,
      authorName: w.carl.name,
      behaviourId: w.behaviour,
      createdAt: expect.any(Date),
      people: [
        { id: w.anna.id, name: w.anna.name },
        { id: w.bo.id, name: w.bo.name },
      ],
      departments: [
        { id: w.claims.id, slug: w.claims.slug, name: w.claims.name },
        { id: w.credit.id, slug: w.credit.slug, name: w.credit.name },
      ],
      story: { id: story, title: `Flooded basement ${w.k}` },
      shadowNoteId: note,
      improvement: { id: improvement, description: "Plain-language letters", departmentSlug: w.claims.slug },
      hiddenReason: null,
      reactions: [
        { kind: "heart", count: 2, names: [w.anna.name, w.bo.name], mine: true },
        { kind: "applause", count: 1, names: [w.bo.name], mine: false },
        { kind: "at_our_best", count: 0, names: [], mine: false },
      ],
    });
    const [asBo] = await listRecognitions(db, { viewerId: w.bo.id, recipientId: w.bo.id });
    expect(asBo!.reactions.map((r) => r.mine)).toEqual([true, true, false]);

    // A story hidden later is no longer shown with it.
    await db
      .updateTable("stories")
      .set({ hidden_at: new Date(), hidden_reason: "Names a customer" })
      .where("id", "=", story)
      .execute();
    expect((await getRecognition(db, { id, viewerId: w.anna.id }))?.story).toBeNull();
  });
});

describe("recognition figures", () => {
  it("counts per month what each department gave and received, and each behaviour, without hidden ones", async () => {
    const k = ++worlds;
    const a = await createDepartment(db, { name: `Figures A ${k}`, slug: `figures-a-${k}` });
    const b = await createDepartment(db, { name: `Figures B ${k}`, slug: `figures-b-${k}` });
    const c = await createDepartment(db, { name: `Figures C ${k}`, slug: `figures-c-${k}` });
    const a1 = await createUser(db, { departments: [{ id: a.id }] });
    const a2 = await createUser(db, { departments: [{ id: a.id }] });
    const b1 = await createUser(db, { departments: [{ id: b.id }] });
    // In two departments: what she gives counts for both.
    const bc = await createUser(db, { departments: [{ id: b.id }, { id: c.id }] });
    const c1 = await createUser(db, { departments: [{ id: c.id }] });
    const outsider = await createUser(db, { role: "leader" });
    const admin = await createUser(db, { role: "admin" });
    const kind = await newBehaviour();
    const care = await newBehaviour();
    const [m2, m1, m0, m3] = [monthAgo(2), monthAgo(1), monthAgo(0), monthAgo(3)];

    const given = async (
      actorId: string,
      at: Date,
      behaviourId: string,
      people: string[],
      departments: string[] = [],
    ): Promise<string> => {
      const id = await giveRecognition(db, { actorId, message: "Thanks", behaviourId, people, departments });
      await setCreatedAt(id, at);
      return id;
    };
    await given(a1.id, m2.at, kind, [b1.id]);
    // To B directly and through b1 and bc: once for B; through bc, once for C.
    await given(a1.id, m1.at, kind, [b1.id, bc.id], [b.id]);
    await given(bc.id, m0.at, care, [], [a.id]);
    // Twice through A's people: once for A.
    await given(outsider.id, m0.at, care, [a1.id, a2.id]);
    await given(c1.id, m0.at, kind, [a1.id]);
    const hidden = await given(a1.id, m0.at, care, [b1.id], [c.id]);
    await setRecognitionHidden(db, { actorId: admin.id, id: hidden, reason: "Off topic" });
    // Before the months shown.
    await given(a1.id, m3.at, kind, [b1.id]);

    const figures = await recognitionFigures(db, { months: 3 });
    expect(figures.months).toEqual([m2.label, m1.label, m0.label]);
    expect(figures.departments.filter((d) => [a.slug, b.slug, c.slug].includes(d.slug))).toEqual([
      { name: a.name, slug: a.slug, given: [1, 1, 0], received: [0, 0, 3] },
      { name: b.name, slug: b.slug, given: [0, 0, 1], received: [1, 1, 0] },
      { name: c.name, slug: c.slug, given: [0, 0, 2], received: [0, 1, 0] },
    ]);
    expect(figures.behaviours.filter((x) => [kind, care].includes(x.behaviourId))).toEqual(
      expect.arrayContaining([
        { behaviourId: kind, received: [1, 1, 1] },
        { behaviourId: care, received: [0, 0, 2] },
      ]),
    );
    expect(figures.behaviours.filter((x) => [kind, care].includes(x.behaviourId))).toHaveLength(2);
  });
});

describe("recognition suggestions", () => {
  it("suggests an improvement done in the last 30 days until it is recognised", async () => {
    const w = await world();
    const today = companyDate(new Date());
    const recent = await insertImprovement(w.claims.id, "Callback button", {
      status: "done",
      doneAt: new Date(Date.now() - 2 * DAY_MS),
      ownerId: w.anna.id,
    });
    await insertImprovement(w.claims.id, "Long ago", { status: "done", doneAt: new Date(Date.now() - 40 * DAY_MS) });
    await insertImprovement(w.claims.id, "Still going", { status: "in_progress" });
    await insertImprovement(w.credit.id, "Elsewhere", { status: "done", doneAt: new Date(Date.now() - DAY_MS) });
    const departments = [{ id: w.claims.id, name: w.claims.name }];

    expect(await recognitionSuggestions(db, { departments, today })).toEqual([
      {
        kind: "improvement",
        departmentId: w.claims.id,
        departmentName: w.claims.name,
        improvementId: recent,
        description: "Callback button",
        ownerId: w.anna.id,
        ownerName: w.anna.name,
      },
    ]);
    await give(w, w.manager.id, { people: [w.anna.id], improvementId: recent });
    expect(await recognitionSuggestions(db, { departments, today })).toEqual([]);
    expect(await recognitionSuggestions(db, { departments: [], today })).toEqual([]);
  });

  it("suggests a KPI back on target after a period off it until that period is recognised", async () => {
    const w = await world();
    const today = companyDate(new Date());
    const current = periodStartOf(today, "month");
    const previous = addPeriods(current, "month", -1);
    const back = await newKpi(w, { name: `Back on target ${w.k}` });
    await readings(
      w,
      back,
      [
        [previous, 50],
        [current, 80],
      ],
      today,
    );
    const fromWarning = await newKpi(w, { name: `From warning ${w.k}` });
    await readings(
      w,
      fromWarning,
      [
        [previous, 70],
        [current, 76],
      ],
      today,
    );
    const steady = await newKpi(w, { name: `Steady ${w.k}` });
    await readings(
      w,
      steady,
      [
        [previous, 80],
        [current, 90],
      ],
      today,
    );
    const dropped = await newKpi(w, { name: `Dropped ${w.k}` });
    await readings(
      w,
      dropped,
      [
        [previous, 80],
        [current, 50],
      ],
      today,
    );
    const departments = [{ id: w.claims.id, name: w.claims.name }];
    const kpiSuggestion = (kpi: { id: string; name: string }) => ({
      kind: "kpi",
      departmentId: w.claims.id,
      departmentName: w.claims.name,
      kpiId: kpi.id,
      kpiName: kpi.name,
      periodStart: current,
    });

    const suggested = await recognitionSuggestions(db, { departments, today });
    expect(suggested).toHaveLength(2);
    expect(suggested).toEqual(expect.arrayContaining([kpiSuggestion(back), kpiSuggestion(fromWarning)]));

    // Recognising another period of it does not answer this one.
    await give(w, w.manager.id, { departments: [w.claims.id], kpiId: back.id, kpiPeriodStart: previous });
    expect(await recognitionSuggestions(db, { departments, today })).toHaveLength(2);
    await give(w, w.manager.id, { departments: [w.claims.id], kpiId: back.id, kpiPeriodStart: current });
    expect(await recognitionSuggestions(db, { departments, today })).toEqual([kpiSuggestion(fromWarning)]);
  });
});
