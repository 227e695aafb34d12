/**
 * Shadowing against a real database: slots and bookings (including two people
 * taking the last seat at the same moment, on the PostgreSQL server), notes and
 * the ideas they send to the backlog, touchpoints and suggestions, and the host
 * department's insights (checked against hand-computed literals).
 */
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { connect, type Database } from "#db/connect.ts";
import { CommandError } from "#app/modules/forms.ts";
import { authorize, type Actor } from "#app/modules/policy/policy.ts";
import {
  addTouchpoint,
  bookSlot,
  cancelBooking,
  cancelSlot,
  chooseImprovement,
  moveImprovement,
  openSlot,
  saveNote,
  suggestImprovement,
} from "#app/modules/shadowing/commands.server.ts";
import {
  departmentInsights,
  getNote,
  listFailureReasons,
  listImprovements,
  listTouchpoints,
} from "#app/modules/shadowing/queries.server.ts";
import type { NoteInput } from "#app/modules/shadowing/schemas.ts";
import { createDepartment, createUser, insertBooking, insertSlot } from "#test/factories.ts";
import { createTestDatabase } from "#test/db.ts";

// Not databaseForThisFile(): the concurrency tests need the database's URL for more pools.
const testDb = await createTestDatabase();
const extraPools: Database[] = [];
afterAll(async () => {
  await Promise.all(extraPools.map((pool) => pool.destroy()));
  await testDb.destroy();
});
const db = testDb.db;

const NOW = new Date("2026-11-25T12:00:00Z");
/** A session a week ahead of NOW, and a moment during it. */
const SESSION = new Date("2026-12-01T09:00:00Z");
const DURING = new Date("2026-12-01T10:00:00Z");
const DAY_MS = 86_400_000;
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

let worlds = 0;

/** A fresh host department with a manager, and a second department observers come from. */
async function world() {
  const k = ++worlds;
  const host = await createDepartment(db, { name: `Claims ${k}` });
  const home = await createDepartment(db, { name: `Credit ${k}` });
  const manager = await createUser(db, { name: `Mia Manager ${k}`, departments: [{ id: host.id, isManager: true }] });
  return { k, host, home, manager };
}

function actorOf(
  user: { id: string },
  departments: { id: string; name: string; isManager?: boolean }[],
  role: Actor["role"] = "employee",
): Actor {
  return {
    id: user.id,
    role,
    departments: departments.map((d) => ({ id: d.id, slug: "x", name: d.name, isManager: d.isManager ?? false })),
  };
}

/** A person from `home`, as a user and as an actor. */
async function observerFrom(home: { id: string; name: string }, name?: string) {
  const user = await createUser(db, { name, departments: [{ id: home.id }] });
  return { user, actor: actorOf(user, [home]) };
}

async function openAt(
  w: { host: { id: string }; manager: { id: string } },
  startsAt: Date,
  capacity = 1,
  hostId?: string,
): Promise<string> {
  return openSlot(db, {
    actorId: w.manager.id,
    departmentId: w.host.id,
    slot: { minutes: 60, channel: "phone", capacity, hostId, details: "" },
    startsAt,
    now: NOW,
  });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return (error as CommandError).fieldErrors;
}

async function liveBookings(slotId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("shadow_bookings")
    .select("observer_id")
    .where("slot_id", "=", slotId)
    .where("cancelled_at", "is", null)
    .execute();
  return rows.map((r) => r.observer_id);
}

/** A note with every field and no content; tests fill in what they need. */
function note(overrides: Partial<NoteInput> = {}): NoteInput {
  return {
    wentWell: "",
    painPoints: "",
    reasons: [],
    newReason: "",
    kano: undefined,
    job: undefined,
    behaviours: [],
    ideas: [],
    ideaTouchpoints: [],
    confirmPersonalData: false,
    ...overrides,
  };
}

async function notesOfSlot(slotId: string) {
  return db
    .selectFrom("shadow_notes as n")
    .innerJoin("shadow_bookings as b", "b.id", "n.booking_id")
    .selectAll("n")
    .where("b.slot_id", "=", slotId)
    .execute();
}

async function improvementsOf(noteId: string) {
  return db
    .selectFrom("improvements")
    .select(["department_id", "description", "origin", "shadow_note_id", "position", "touchpoint_id", "status"])
    .where("shadow_note_id", "=", noteId)
    .orderBy("position")
    .execute();
}

/** A host department, one observer booked on a session a week ahead: ready for notes. */
async function bookedSession() {
  const w = await world();
  const slotId = await openAt(w, SESSION, 3);
  const observer = await observerFrom(w.home, "Olle Observer");
  await bookSlot(db, { actor: observer.actor, slotId, now: NOW });
  return { ...w, slotId, observer };
}

describe("opening and booking slots", () => {
  it("refuses to open a slot that starts now or in the past", async () => {
    const w = await world();
    expect(await refusal(openAt(w, new Date("2026-11-25T11:59:00Z")))).toEqual({ startsAt: ["shadowing.errors.past"] });
    expect(await refusal(openAt(w, NOW))).toEqual({ startsAt: ["shadowing.errors.past"] });
    const slots = await db.selectFrom("shadow_slots").select("id").where("department_id", "=", w.host.id).execute();
    expect(slots).toEqual([]);
  });

  it("takes a host colleague only from the host department's active members", async () => {
    const w = await world();
    const outsider = await createUser(db, { departments: [{ id: w.home.id }] });
    const gone = await createUser(db, { status: "deactivated", departments: [{ id: w.host.id }] });
    const colleague = await createUser(db, { name: "Hanna Host", departments: [{ id: w.host.id }] });
    expect(await refusal(openAt(w, SESSION, 1, outsider.id))).toEqual({ hostId: ["shadowing.errors.hostNotMember"] });
    expect(await refusal(openAt(w, SESSION, 1, gone.id))).toEqual({ hostId: ["shadowing.errors.hostNotMember"] });
    const slotId = await openAt(w, SESSION, 1, colleague.id);
    const slot = await db
      .selectFrom("shadow_slots")
      .select(["host_id", "starts_at", "capacity", "created_by"])
      .where("id", "=", slotId)
      .executeTakeFirstOrThrow();
    expect(slot).toEqual({ host_id: colleague.id, starts_at: SESSION, capacity: 1, created_by: w.manager.id });
  });

  it("refuses to book a slot that has already started", async () => {
    const w = await world();
    const past = await db
      .insertInto("shadow_slots")
      .values({
        department_id: w.host.id,
        starts_at: new Date("2026-11-25T11:00:00Z"),
        minutes: 60,
        channel: "phone",
        capacity: 3,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { actor } = await observerFrom(w.home);
    expect(await refusal(bookSlot(db, { actor, slotId: past.id, now: NOW }))).toEqual({
      form: ["shadowing.errors.past"],
    });
    expect(await liveBookings(past.id)).toEqual([]);
  });

  it("records where the observer came from, refuses a second booking by the same person and a full slot", async () => {
    const w = await world();
    const slotId = await openAt(w, SESSION, 1);
    const first = await observerFrom(w.home);
    const second = await observerFrom(w.home);
    const bookingId = await bookSlot(db, { actor: first.actor, slotId, now: NOW });
    const booking = await db
      .selectFrom("shadow_bookings")
      .select(["observer_id", "observer_department_id"])
      .where("id", "=", bookingId)
      .executeTakeFirstOrThrow();
    expect(booking).toEqual({ observer_id: first.user.id, observer_department_id: w.home.id });
    // The same person again is told they are booked, not that the slot is full.
    expect(await refusal(bookSlot(db, { actor: first.actor, slotId, now: NOW }))).toEqual({
      form: ["shadowing.errors.alreadyBooked"],
    });
    expect(await refusal(bookSlot(db, { actor: second.actor, slotId, now: NOW }))).toEqual({
      form: ["shadowing.errors.full"],
    });
    expect(await liveBookings(slotId)).toEqual([first.user.id]);
  });

  it("refuses a double booking on a slot with seats left", async () => {
    const w = await world();
    const slotId = await openAt(w, SESSION, 2);
    const { user, actor } = await observerFrom(w.home);
    await bookSlot(db, { actor, slotId, now: NOW });
    expect(await refusal(bookSlot(db, { actor, slotId, now: NOW }))).toEqual({
      form: ["shadowing.errors.alreadyBooked"],
    });
    expect(await liveBookings(slotId)).toEqual([user.id]);
  });

  it("refuses a cancelled or unknown slot", async () => {
    const w = await world();
    // cancelSlot compares with the real clock: a slot far ahead.
    const slotId = await openAt(w, new Date("2099-03-02T09:00:00Z"), 2);
    await cancelSlot(db, { actorId: w.manager.id, slotId });
    const { actor } = await observerFrom(w.home);
    expect(await refusal(bookSlot(db, { actor, slotId, now: NOW }))).toEqual({ form: ["shadowing.errors.slotGone"] });
    expect(await refusal(bookSlot(db, { actor, slotId: UNKNOWN_ID, now: NOW }))).toEqual({
      form: ["shadowing.errors.slotGone"],
    });
    expect(await liveBookings(slotId)).toEqual([]);
  });

  it("frees the seat when a booking is cancelled", async () => {
    const w = await world();
    const slotId = await openAt(w, SESSION, 1);
    const first = await observerFrom(w.home);
    const second = await observerFrom(w.home);
    await bookSlot(db, { actor: first.actor, slotId, now: NOW });
    expect(await refusal(bookSlot(db, { actor: second.actor, slotId, now: NOW }))).toEqual({
      form: ["shadowing.errors.full"],
    });
    await cancelBooking(db, { actorId: first.user.id, slotId, now: NOW });
    await bookSlot(db, { actor: second.actor, slotId, now: NOW });
    expect(await liveBookings(slotId)).toEqual([second.user.id]);
    // The seat is taken again; the first booking stays as a cancelled row.
    expect(await refusal(bookSlot(db, { actor: first.actor, slotId, now: NOW }))).toEqual({
      form: ["shadowing.errors.full"],
    });
    const all = await db.selectFrom("shadow_bookings").select("id").where("slot_id", "=", slotId).execute();
    expect(all).toHaveLength(2);
    // Once the session has started, a booking can no longer be cancelled.
    expect(await refusal(cancelBooking(db, { actorId: second.user.id, slotId, now: DURING }))).toEqual({
      form: ["shadowing.errors.cannotCancelBooking"],
    });
  });

  it("lets people from other departments, leaders and admins book; not the host department's own people", () => {
    const claims = { id: "11111111-1111-4111-8111-111111111111", name: "Claims" };
    const credit = { id: "22222222-2222-4222-8222-222222222222", name: "Credit" };
    const me = { id: "33333333-3333-4333-8333-333333333333" };
    expect(authorize(actorOf(me, [claims]), "shadowing:book", claims)).toEqual({
      allowed: false,
      reason: "ownDepartment",
      department: "Claims",
    });
    expect(authorize(actorOf(me, [{ ...claims, isManager: true }]), "shadowing:book", claims)).toEqual({
      allowed: false,
      reason: "ownDepartment",
      department: "Claims",
    });
    expect(authorize(actorOf(me, [credit]), "shadowing:book", claims)).toEqual({ allowed: true });
    expect(authorize(actorOf(me, []), "shadowing:book", claims)).toEqual({ allowed: true });
    expect(authorize(actorOf(me, [claims], "leader"), "shadowing:book", claims)).toEqual({ allowed: true });
    expect(authorize(actorOf(me, [claims], "admin"), "shadowing:book", claims)).toEqual({ allowed: true });
    expect(authorize(null, "shadowing:book", claims)).toEqual({ allowed: false, reason: "signin" });
    // Hosting is for the department's managers.
    expect(authorize(actorOf(me, [{ ...claims, isManager: true }]), "shadowing:host", claims)).toEqual({
      allowed: true,
    });
    expect(authorize(actorOf(me, [claims], "admin"), "shadowing:host", claims)).toEqual({
      allowed: false,
      reason: "manager",
      department: "Claims",
    });
  });
});

describe("the last seat, taken at the same moment (PostgreSQL server only)", () => {
  /**
   * Books a slot for several people at once through two pools. A third
   * connection holds a lock that stops anyone inserting a booking until every
   * booker is inside bookSlot and waiting on the database, so each of them has
   * got as far as it can before the first one writes: without the slot's row
   * lock, they would all have counted the same free seats.
   */
  async function bookAtOnce(slotId: string, actors: Actor[]) {
    const url = testDb.url;
    if (!url) throw new Error("no server URL");
    const second = connect({ databaseUrl: url, max: 4 });
    const gate = connect({ databaseUrl: url, max: 1 });
    extraPools.push(second, gate);
    await sql`select 1`.execute(second);
    return gate.transaction().execute(async (trx) => {
      await sql`lock table shadow_bookings in share mode`.execute(trx);
      const attempts = actors.map((actor, i) => bookSlot(i % 2 ? second : db, { actor, slotId, now: NOW }));
      // Settled from the start, so no refusal goes unhandled while the gate commits.
      const settled = Promise.allSettled(attempts);
      const deadline = Date.now() + 15_000;
      for (;;) {
        // Activity is a snapshot per transaction unless cleared.
        await sql`select pg_stat_clear_snapshot()`.execute(trx);
        const waiting = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`.execute(trx);
        if (waiting.rows[0]!.n === actors.length) break;
        if (Date.now() > deadline) throw new Error(`only ${waiting.rows[0]!.n} bookers reached the database`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Committing the gate lets them all go.
      return { settled };
    });
  }

  function outcome(results: PromiseSettledResult<string>[]) {
    return results.map((r) =>
      r.status === "fulfilled"
        ? "booked"
        : r.reason instanceof CommandError
          ? (r.reason.fieldErrors.form ?? []).join()
          : String(r.reason),
    );
  }

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("gives one seat to exactly one of two people", async () => {
    const w = await world();
    const slotId = await openAt(w, SESSION, 1);
    const a = await observerFrom(w.home);
    const b = await observerFrom(w.home);
    const { settled } = await bookAtOnce(slotId, [a.actor, b.actor]);
    const results = outcome(await settled);
    expect(results.toSorted()).toEqual(["booked", "shadowing.errors.full"]);
    const live = await liveBookings(slotId);
    expect(live).toHaveLength(1);
    expect([a.user.id, b.user.id]).toContain(live[0]);
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("gives two seats to exactly two of five people", async () => {
    const w = await world();
    const slotId = await openAt(w, SESSION, 2);
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => observerFrom(w.home)));
    const { settled } = await bookAtOnce(
      slotId,
      people.map((p) => p.actor),
    );
    const results = outcome(await settled);
    expect(results.toSorted()).toEqual([
      "booked",
      "booked",
      "shadowing.errors.full",
      "shadowing.errors.full",
      "shadowing.errors.full",
    ]);
    expect(await liveBookings(slotId)).toHaveLength(2);
  });
});

describe("writing a note", () => {
  it("refuses a note with nothing in it (empty idea lines do not count) and writes nothing", async () => {
    const s = await bookedSession();
    expect(
      await refusal(
        saveNote(db, {
          actorId: s.observer.user.id,
          slotId: s.slotId,
          note: note({ ideas: ["", ""], ideaTouchpoints: ["", ""] }),
          submit: false,
          now: DURING,
        }),
      ),
    ).toEqual({ form: ["shadowing.errors.emptyNote"] });
    expect(await notesOfSlot(s.slotId)).toEqual([]);
  });

  it("refuses before the session has started and from someone without a booking", async () => {
    const s = await bookedSession();
    const content = note({ wentWell: "Calm voice, clear next steps." });
    expect(
      await refusal(
        saveNote(db, {
          actorId: s.observer.user.id,
          slotId: s.slotId,
          note: content,
          submit: true,
          now: new Date("2026-12-01T08:59:00Z"),
        }),
      ),
    ).toEqual({ form: ["shadowing.errors.notYet"] });
    const stranger = await observerFrom(s.home);
    expect(
      await refusal(
        saveNote(db, { actorId: stranger.user.id, slotId: s.slotId, note: content, submit: true, now: DURING }),
      ),
    ).toEqual({ form: ["shadowing.errors.notYourSession"] });
    expect(await notesOfSlot(s.slotId)).toEqual([]);
  });

  it("refuses a reason of another department's list and writes nothing, not even a new reason", async () => {
    const s = await bookedSession();
    const elsewhere = await db
      .insertInto("failure_reasons")
      .values({ department_id: s.home.id, label: "Lost password" })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const reasons of [[UNKNOWN_ID], [elsewhere.id]]) {
      expect(
        await refusal(
          saveNote(db, {
            actorId: s.observer.user.id,
            slotId: s.slotId,
            note: note({ wentWell: "Friendly.", reasons, newReason: "Unclear letter" }),
            submit: true,
            now: DURING,
          }),
        ),
      ).toEqual({ reasons: ["shadowing.errors.unknownReason"] });
    }
    expect(await notesOfSlot(s.slotId)).toEqual([]);
    expect(await listFailureReasons(db, s.host.id)).toEqual([]);
  });

  it("adds a new reason to the department's list and reuses an existing label in any case", async () => {
    const s = await bookedSession();
    const other = await observerFrom(s.home);
    await bookSlot(db, { actor: other.actor, slotId: s.slotId, now: NOW });
    const firstId = await saveNote(db, {
      actorId: s.observer.user.id,
      slotId: s.slotId,
      note: note({ newReason: "Waiting for callback" }),
      submit: false,
      now: DURING,
    });
    const list = await listFailureReasons(db, s.host.id);
    expect(list.map((r) => r.label)).toEqual(["Waiting for callback"]);
    const secondId = await saveNote(db, {
      actorId: other.user.id,
      slotId: s.slotId,
      note: note({ reasons: [list[0]!.id], newReason: "waiting FOR callback" }),
      submit: false,
      now: DURING,
    });
    expect(await listFailureReasons(db, s.host.id)).toEqual(list);
    expect((await getNote(db, firstId))?.reasons).toEqual(list);
    expect((await getNote(db, secondId))?.reasons).toEqual(list);
    const addedBy = await db
      .selectFrom("failure_reasons")
      .select("created_by")
      .where("id", "=", list[0]!.id)
      .executeTakeFirstOrThrow();
    expect(addedBy.created_by).toBe(s.observer.user.id);
  });

  it("keeps a draft's ideas in the note without sending them to the backlog", async () => {
    const s = await bookedSession();
    await addTouchpoint(db, { actorId: s.manager.id, departmentId: s.host.id, name: "Phone queue" });
    const [queue] = await listTouchpoints(db, s.host.id);
    const id = await saveNote(db, {
      actorId: s.observer.user.id,
      slotId: s.slotId,
      note: note({
        painPoints: "Long hold music.",
        ideas: ["Offer a call back", "", "Say the queue position"],
        ideaTouchpoints: [queue!.id, "", ""],
      }),
      submit: false,
      now: DURING,
    });
    const saved = await getNote(db, id);
    expect(saved).toMatchObject({
      status: "draft",
      submittedAt: null,
      painPoints: "Long hold music.",
      ideas: [
        { text: "Offer a call back", touchpointId: queue!.id },
        { text: "Say the queue position", touchpointId: null },
      ],
      improvements: [],
    });
    expect(await improvementsOf(id)).toEqual([]);
    expect(await listImprovements(db, s.host.id)).toEqual([]);
  });

  it("on submit sends each idea line to the backlog once, in order, with its touchpoint", async () => {
    const s = await bookedSession();
    const behaviour = (await db.insertInto("behaviours").defaultValues().returning("id").executeTakeFirstOrThrow()).id;
    await addTouchpoint(db, { actorId: s.manager.id, departmentId: s.host.id, name: "Phone queue" });
    await addTouchpoint(db, { actorId: s.manager.id, departmentId: s.host.id, name: "Claims letter" });
    const [queue, letter] = await listTouchpoints(db, s.host.id);
    const draftAt = DURING;
    const id = await saveNote(db, {
      actorId: s.observer.user.id,
      slotId: s.slotId,
      note: note({ wentWell: "Listened first.", ideas: ["Offer a call back"], ideaTouchpoints: [queue!.id] }),
      submit: false,
      now: draftAt,
    });
    const submittedAt = new Date("2026-12-02T08:00:00Z");
    const submitted = note({
      wentWell: "Listened first.",
      painPoints: "The letter used internal words.",
      kano: "performance",
      job: "emotional",
      behaviours: [behaviour],
      ideas: ["Offer a call back", "", "Plain-language letters", "Text when the claim moves"],
      ideaTouchpoints: [queue!.id, letter!.id, letter!.id, ""],
    });
    expect(
      await saveNote(db, {
        actorId: s.observer.user.id,
        slotId: s.slotId,
        note: submitted,
        submit: true,
        now: submittedAt,
      }),
    ).toBe(id);
    const expected = [
      {
        department_id: s.host.id,
        description: "Offer a call back",
        origin: "shadow_note",
        shadow_note_id: id,
        position: 0,
        touchpoint_id: queue!.id,
        status: "proposed",
      },
      {
        department_id: s.host.id,
        description: "Plain-language letters",
        origin: "shadow_note",
        shadow_note_id: id,
        position: 1,
        touchpoint_id: letter!.id,
        status: "proposed",
      },
      {
        department_id: s.host.id,
        description: "Text when the claim moves",
        origin: "shadow_note",
        shadow_note_id: id,
        position: 2,
        touchpoint_id: null,
        status: "proposed",
      },
    ];
    expect(await improvementsOf(id)).toEqual(expected);
    expect(await getNote(db, id)).toMatchObject({
      status: "submitted",
      createdAt: draftAt,
      submittedAt,
      kano: "performance",
      job: "emotional",
      behaviourIds: [behaviour],
      improvements: [
        { description: "Offer a call back", status: "proposed", touchpoint: "Phone queue" },
        { description: "Plain-language letters", status: "proposed", touchpoint: "Claims letter" },
        { description: "Text when the claim moves", status: "proposed", touchpoint: null },
      ],
    });

    // An edit, submitted again: the note changes, the backlog (which owns the ideas now) does not.
    await saveNote(db, {
      actorId: s.observer.user.id,
      slotId: s.slotId,
      note: { ...submitted, ideas: ["Offer a call back within the hour", "A new idea"], ideaTouchpoints: [] },
      submit: true,
      now: new Date("2026-12-03T08:00:00Z"),
    });
    expect(await improvementsOf(id)).toEqual(expected);
    expect(await getNote(db, id)).toMatchObject({
      status: "submitted",
      submittedAt,
      ideas: [
        { text: "Offer a call back within the hour", touchpointId: null },
        { text: "A new idea", touchpointId: null },
      ],
    });
  });

  it("refuses an idea's touchpoint from another department", async () => {
    const s = await bookedSession();
    await addTouchpoint(db, { actorId: s.manager.id, departmentId: s.home.id, name: "Credit chat" });
    const [foreign] = await listTouchpoints(db, s.home.id);
    expect(
      await refusal(
        saveNote(db, {
          actorId: s.observer.user.id,
          slotId: s.slotId,
          note: note({ ideas: ["Shorter forms"], ideaTouchpoints: [foreign!.id] }),
          submit: true,
          now: DURING,
        }),
      ),
    ).toEqual({ ideas: ["shadowing.errors.unknownTouchpoint"] });
    expect(await notesOfSlot(s.slotId)).toEqual([]);
  });

  it("locks the note 14 days after it was first saved", async () => {
    const s = await bookedSession();
    const save = (now: Date) =>
      saveNote(db, {
        actorId: s.observer.user.id,
        slotId: s.slotId,
        note: note({ wentWell: `Saved ${now.toISOString()}` }),
        submit: false,
        now,
      });
    const id = await save(DURING);
    await save(new Date(DURING.getTime() + 13 * DAY_MS));
    expect(await refusal(save(new Date(DURING.getTime() + 15 * DAY_MS)))).toEqual({
      form: ["shadowing.errors.noteLocked"],
    });
    expect((await getNote(db, id))?.wentWell).toBe("Saved 2026-12-14T10:00:00.000Z");
  });

  it("warns on submit about text that looks like personal data, unless the author confirms", async () => {
    const s = await bookedSession();
    const risky = note({
      painPoints: "The customer asked us to ring 070-123 45 67 instead.",
      ideas: ["Confirm the number on file"],
    });
    const fields = await refusal(
      saveNote(db, { actorId: s.observer.user.id, slotId: s.slotId, note: risky, submit: true, now: DURING }),
    );
    expect(fields).toEqual({ form: ["stories.personalDataFound"], personalData: ["phone|•••••••••••67"] });
    expect(await notesOfSlot(s.slotId)).toEqual([]);
    // A draft is not published: no warning yet.
    await saveNote(db, { actorId: s.observer.user.id, slotId: s.slotId, note: risky, submit: false, now: DURING });
    const id = await saveNote(db, {
      actorId: s.observer.user.id,
      slotId: s.slotId,
      note: { ...risky, confirmPersonalData: true },
      submit: true,
      now: DURING,
    });
    const [row] = await notesOfSlot(s.slotId);
    expect(row).toMatchObject({ id, status: "submitted", personal_data_confirmed: true });
    expect(await improvementsOf(id)).toHaveLength(1);
  });
});

describe("touchpoints and suggestions", () => {
  it("adds touchpoints in order and refuses a name the department already has, in any case", async () => {
    const w = await world();
    await addTouchpoint(db, { actorId: w.manager.id, departmentId: w.host.id, name: "Phone queue" });
    await addTouchpoint(db, { actorId: w.manager.id, departmentId: w.host.id, name: "Claims letter" });
    expect(
      await refusal(addTouchpoint(db, { actorId: w.manager.id, departmentId: w.host.id, name: "PHONE QUEUE" })),
    ).toEqual({ name: ["shadowing.errors.touchpointTaken"] });
    // Another department may use the same name.
    await addTouchpoint(db, { actorId: w.manager.id, departmentId: w.home.id, name: "Phone queue" });
    expect((await listTouchpoints(db, w.host.id)).map((t) => t.name)).toEqual(["Phone queue", "Claims letter"]);
    const positions = await db
      .selectFrom("touchpoints")
      .select(["name", "position"])
      .where("department_id", "=", w.host.id)
      .orderBy("position")
      .execute();
    expect(positions).toEqual([
      { name: "Phone queue", position: 0 },
      { name: "Claims letter", position: 1 },
    ]);
  });

  it("takes anyone's suggestion, with a touchpoint of the department only", async () => {
    const w = await world();
    const { user } = await observerFrom(w.home, "Sam Suggester");
    await addTouchpoint(db, { actorId: w.manager.id, departmentId: w.host.id, name: "Claims form" });
    await addTouchpoint(db, { actorId: w.manager.id, departmentId: w.home.id, name: "Credit form" });
    const [form] = await listTouchpoints(db, w.host.id);
    const [foreign] = await listTouchpoints(db, w.home.id);
    expect(
      await refusal(
        suggestImprovement(db, {
          actorId: user.id,
          departmentId: w.host.id,
          description: "Fewer fields",
          touchpointId: foreign!.id,
        }),
      ),
    ).toEqual({ touchpointId: ["shadowing.errors.unknownTouchpoint"] });
    const id = await suggestImprovement(db, {
      actorId: user.id,
      departmentId: w.host.id,
      description: "Save the form halfway",
      touchpointId: form!.id,
    });
    expect(await listImprovements(db, w.host.id)).toEqual([
      {
        id,
        description: "Save the form halfway",
        status: "proposed",
        origin: "suggestion",
        touchpoint: "Claims form",
        shadowNoteId: null,
        ownerName: null,
        dueOn: null,
        createdAt: expect.any(Date),
        createdBy: "Sam Suggester",
      },
    ]);
  });

  it("lists the backlog with open items first, newest first", async () => {
    const w = await world();
    const rows: [string, "proposed" | "chosen" | "in_progress" | "done" | "dropped", string][] = [
      ["old proposal", "proposed", "2026-11-01T09:00:00Z"],
      ["newest, done", "done", "2026-11-20T09:00:00Z"],
      ["chosen", "chosen", "2026-11-10T09:00:00Z"],
      ["older, dropped", "dropped", "2026-11-05T09:00:00Z"],
      ["in progress", "in_progress", "2026-11-15T09:00:00Z"],
      ["old, done", "done", "2026-10-01T09:00:00Z"],
    ];
    await db
      .insertInto("improvements")
      .values(
        rows.map(([description, status, at]) => ({
          department_id: w.host.id,
          description,
          origin: "suggestion" as const,
          status,
          dropped_reason: status === "dropped" ? "Not worth it" : null,
          created_at: new Date(at),
        })),
      )
      .execute();
    expect((await listImprovements(db, w.host.id)).map((i) => i.description)).toEqual([
      "in progress",
      "chosen",
      "old proposal",
      "newest, done",
      "older, dropped",
      "old, done",
    ]);
  });
});

describe("a department's insights", () => {
  it("counts sessions per month and observers by department (Stockholm months, held sessions only)", async () => {
    const w = await world();
    const sales = await createDepartment(db, { name: `Sales ${w.k}` });
    const [o1, o2, o3, o4] = await Promise.all([1, 2, 3, 4].map(() => createUser(db)));
    const leader = await createUser(db, { role: "leader" });
    // Held in November, one observer from Credit.
    await insertBooking(db, {
      slotId: await insertSlot(db, w.host.id, "2026-11-10T09:00:00Z"),
      observerId: o1!.id,
      observerDepartmentId: w.home.id,
    });
    // No one booked: not held.
    await insertSlot(db, w.host.id, "2026-11-12T09:00:00Z");
    // Cancelled slot with a booking: not held, not an observer.
    await insertBooking(db, {
      slotId: await insertSlot(db, w.host.id, "2026-11-13T09:00:00Z", true),
      observerId: o2!.id,
      observerDepartmentId: w.home.id,
    });
    // Only a cancelled booking: not held.
    await insertBooking(db, {
      slotId: await insertSlot(db, w.host.id, "2026-11-14T09:00:00Z"),
      observerId: o1!.id,
      observerDepartmentId: w.home.id,
      cancelled: true,
    });
    // 31 October in UTC, 1 November 00:30 in Stockholm: November; two observers.
    const midnight = await insertSlot(db, w.host.id, "2026-10-31T23:30:00Z");
    await insertBooking(db, { slotId: midnight, observerId: o3!.id, observerDepartmentId: sales.id });
    await insertBooking(db, { slotId: midnight, observerId: o4!.id, observerDepartmentId: w.home.id });
    // September, a leader with no department of their own.
    await insertBooking(db, {
      slotId: await insertSlot(db, w.host.id, "2026-09-15T08:00:00Z"),
      observerId: leader.id,
      observerDepartmentId: null,
    });
    // Tomorrow: not held yet.
    await insertBooking(db, {
      slotId: await insertSlot(db, w.host.id, "2026-11-26T09:00:00Z"),
      observerId: o2!.id,
      observerDepartmentId: w.home.id,
    });
    // Before the six months.
    await insertBooking(db, {
      slotId: await insertSlot(db, w.host.id, "2026-05-20T08:00:00Z"),
      observerId: o3!.id,
      observerDepartmentId: sales.id,
    });
    // Another department's session.
    await insertBooking(db, {
      slotId: await insertSlot(db, w.home.id, "2026-11-10T09:00:00Z"),
      observerId: o3!.id,
      observerDepartmentId: sales.id,
    });

    expect(await departmentInsights(db, { departmentId: w.host.id, now: NOW })).toEqual({
      sessionsPerMonth: [
        { month: "2026-06", sessions: 0 },
        { month: "2026-07", sessions: 0 },
        { month: "2026-08", sessions: 0 },
        { month: "2026-09", sessions: 1 },
        { month: "2026-10", sessions: 0 },
        { month: "2026-11", sessions: 2 },
      ],
      observersByDepartment: [
        { department: w.home.name, observers: 2 },
        { department: "", observers: 1 },
        { department: sales.name, observers: 1 },
      ],
      topReasons: [],
      weeks: [
        "2026-10-05",
        "2026-10-12",
        "2026-10-19",
        "2026-10-26",
        "2026-11-02",
        "2026-11-09",
        "2026-11-16",
        "2026-11-23",
      ],
      kano: [],
      jobs: [],
      latestNotes: [],
    });
  });

  it("ranks the reasons of the last four weeks with eight weekly counts, and mixes kano and jobs", async () => {
    const w = await world();
    const slotId = await insertSlot(db, w.host.id, "2026-10-01T08:00:00Z");
    const reasons = new Map<string, string>();
    for (const label of ["Waiting for callback", "Unclear letter", "Wrong form", "Account locked", "Old issue"]) {
      const row = await db
        .insertInto("failure_reasons")
        .values({ department_id: w.host.id, label })
        .returning("id")
        .executeTakeFirstOrThrow();
      reasons.set(label, row.id);
    }
    type Kano = "must_be" | "performance" | "attractive" | null;
    type Job = "functional" | "emotional" | "social" | null;
    const notes: [string, string | null, Kano, Job, string[]][] = [
      // Sunday 4 Oct 23:30 in Stockholm (summer time): before the eight weeks.
      ["Nils", "2026-10-04T21:30:00Z", "must_be", "functional", ["Old issue"]],
      // Monday 5 Oct 00:30 in Stockholm: the oldest week.
      ["Nora", "2026-10-04T22:30:00Z", "must_be", "functional", ["Waiting for callback"]],
      // Week of 26 Oct (winter time from the 25th): only before the last four weeks.
      ["Noa", "2026-10-27T10:00:00Z", "must_be", "emotional", ["Old issue"]],
      ["Nina", "2026-11-02T10:00:00Z", "performance", "functional", ["Waiting for callback", "Unclear letter"]],
      ["Ned", "2026-11-16T09:00:00Z", "performance", null, ["Waiting for callback"]],
      // Sunday 22 Nov in UTC, Monday 23 Nov 00:30 in Stockholm: this week.
      ["Nell", "2026-11-22T23:30:00Z", null, "emotional", ["Waiting for callback", "Unclear letter"]],
      ["Nick", "2026-11-25T11:00:00Z", "attractive", "social", ["Wrong form", "Account locked"]],
      // A draft counts nowhere.
      ["Nadia", null, "attractive", "social", ["Wrong form"]],
    ];
    const ids = new Map<string, string>();
    for (const [name, submittedAt, kano, job, labels] of notes) {
      const author = await createUser(db, { name: `${name} ${w.k}`, departments: [{ id: w.home.id }] });
      const bookingId = await insertBooking(db, {
        slotId: slotId,
        observerId: author.id,
        observerDepartmentId: w.home.id,
      });
      const row = await db
        .insertInto("shadow_notes")
        .values({
          booking_id: bookingId,
          author_id: author.id,
          department_id: w.host.id,
          status: submittedAt ? "submitted" : "draft",
          submitted_at: submittedAt ? new Date(submittedAt) : null,
          went_well: `${name} went well`,
          pain_points: `${name} pain`,
          kano,
          job,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids.set(name, row.id);
      await db
        .insertInto("shadow_note_reasons")
        .values(labels.map((label) => ({ note_id: row.id, reason_id: reasons.get(label)! })))
        .execute();
    }

    const insights = await departmentInsights(db, { departmentId: w.host.id, now: NOW });
    expect(insights.weeks).toEqual([
      "2026-10-05",
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
    ]);
    expect(insights.topReasons).toEqual([
      { label: "Waiting for callback", count: 3, weeks: [1, 0, 0, 0, 1, 0, 1, 1] },
      { label: "Unclear letter", count: 2, weeks: [0, 0, 0, 0, 1, 0, 0, 1] },
      { label: "Account locked", count: 1, weeks: [0, 0, 0, 0, 0, 0, 0, 1] },
      { label: "Wrong form", count: 1, weeks: [0, 0, 0, 0, 0, 0, 0, 1] },
    ]);
    expect(insights.kano).toEqual([
      { kano: "must_be", notes: 3 },
      { kano: "performance", notes: 2 },
      { kano: "attractive", notes: 1 },
    ]);
    expect(insights.jobs).toEqual([
      { job: "functional", notes: 3 },
      { job: "emotional", notes: 2 },
      { job: "social", notes: 1 },
    ]);
    expect(
      insights.latestNotes.map((n) => ({
        id: n.id,
        authorName: n.authorName,
        submittedAt: n.submittedAt,
        wentWell: n.wentWell,
        painPoints: n.painPoints,
      })),
    ).toEqual(
      [
        ["Nick", "2026-11-25T11:00:00Z"],
        ["Nell", "2026-11-22T23:30:00Z"],
        ["Ned", "2026-11-16T09:00:00Z"],
        ["Nina", "2026-11-02T10:00:00Z"],
        ["Noa", "2026-10-27T10:00:00Z"],
      ].map(([name, at]) => ({
        id: ids.get(name!),
        authorName: `${name} ${w.k}`,
        submittedAt: new Date(at!),
        wentWell: `${name} went well`,
        painPoints: `${name} pain`,
      })),
    );
    // All eight observers sat in on one October session.
    expect(insights.sessionsPerMonth.map((m) => m.sessions)).toEqual([0, 0, 0, 0, 1, 0]);
    expect(insights.observersByDepartment).toEqual([{ department: w.home.name, observers: 8 }]);
  });
});

describe("choosing and following up improvements", () => {
  async function backlog() {
    const w = await world();
    const owner = await createUser(db, { name: `Owen Owner ${w.k}`, departments: [{ id: w.host.id }] });
    await addTouchpoint(db, { actorId: w.manager.id, departmentId: w.host.id, name: "Phone queue" });
    const [touchpoint] = await listTouchpoints(db, w.host.id);
    const suggest = (description: string) =>
      suggestImprovement(db, { actorId: owner.id, departmentId: w.host.id, description, touchpointId: touchpoint!.id });
    return {
      ...w,
      owner,
      first: await suggest("Call back within the hour"),
      second: await suggest("Say the queue position"),
    };
  }
  const statusOf = async (id: string) =>
    await db
      .selectFrom("improvements")
      .select(["status", "owner_id", "due_on", "chosen_at", "done_at", "dropped_reason"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  it("chooses one improvement per touchpoint, and replaces the chosen one only when told to", async () => {
    const b = await backlog();
    const choose = (improvementId: string, replace?: string) =>
      chooseImprovement(db, {
        actorId: b.manager.id,
        departmentId: b.host.id,
        improvementId,
        ownerId: b.owner.id,
        dueOn: "2026-12-15",
        replace,
        today: "2026-11-25",
      });
    await choose(b.first);
    expect(await statusOf(b.first)).toMatchObject({ status: "chosen", owner_id: b.owner.id, due_on: "2026-12-15" });
    expect((await statusOf(b.first)).chosen_at).toBeInstanceOf(Date);

    const asked = await choose(b.second).catch((e: unknown) => e);
    expect(asked).toBeInstanceOf(CommandError);
    expect((asked as CommandError).status).toBe(409);
    expect((asked as CommandError).fieldErrors).toEqual({ replace: [`${b.first}|Call back within the hour`] });
    expect((await statusOf(b.second)).status).toBe("proposed");

    await choose(b.second, b.first);
    expect((await statusOf(b.second)).status).toBe("chosen");
    expect(await statusOf(b.first)).toMatchObject({
      status: "proposed",
      owner_id: null,
      due_on: null,
      chosen_at: null,
    });
  });

  it("refuses an owner from outside the department and a due date in the past", async () => {
    const b = await backlog();
    const outsider = await createUser(db, { departments: [{ id: b.home.id }] });
    const base = { actorId: b.manager.id, departmentId: b.host.id, improvementId: b.first, today: "2026-11-25" };
    await expect(chooseImprovement(db, { ...base, ownerId: outsider.id, dueOn: "2026-12-15" })).rejects.toMatchObject({
      fieldErrors: { ownerId: ["shadowing.errors.ownerNotMember"] },
    });
    await expect(chooseImprovement(db, { ...base, ownerId: b.owner.id, dueOn: "2026-11-24" })).rejects.toMatchObject({
      fieldErrors: { dueOn: ["shadowing.errors.duePast"] },
    });
    expect((await statusOf(b.first)).status).toBe("proposed");
  });

  it("moves a chosen improvement to started and done, and drops one only with a reason", async () => {
    const b = await backlog();
    const move = (improvementId: string, status: "in_progress" | "done" | "proposed" | "dropped", reason?: string) =>
      moveImprovement(db, { actorId: b.manager.id, departmentId: b.host.id, improvementId, status, reason });
    await expect(move(b.first, "done")).rejects.toMatchObject({
      fieldErrors: { form: ["shadowing.errors.cannotMove"] },
    });
    await chooseImprovement(db, {
      actorId: b.manager.id,
      departmentId: b.host.id,
      improvementId: b.first,
      ownerId: b.owner.id,
      dueOn: "2026-12-15",
      today: "2026-11-25",
    });
    await move(b.first, "in_progress");
    await move(b.first, "done");
    const done = await statusOf(b.first);
    expect(done.status).toBe("done");
    expect(done.done_at).toBeInstanceOf(Date);
    await expect(move(b.first, "proposed")).rejects.toMatchObject({
      fieldErrors: { form: ["shadowing.errors.cannotMove"] },
    });

    await expect(move(b.second, "dropped")).rejects.toMatchObject({
      fieldErrors: { reason: ["shadowing.errors.dropReason"] },
    });
    await move(b.second, "dropped", "Covered by the new phone system");
    expect(await statusOf(b.second)).toMatchObject({
      status: "dropped",
      dropped_reason: "Covered by the new phone system",
    });
    await move(b.second, "proposed");
    expect(await statusOf(b.second)).toMatchObject({ status: "proposed", dropped_reason: null });
  });
});
