/**
 * Shadowing: slots, bookings, notes, and the ideas they send to the host
 * department's improvement backlog. Each command is one transaction; a refused
 * one (CommandError) writes nothing.
 */
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import type { ImprovementStatus } from "#db/schema.ts";
import { audit } from "#app/modules/audit.server.ts";
import { CommandError } from "#app/modules/forms.ts";
import type { Actor } from "#app/modules/policy/policy.ts";
import { lockOpenReview, recordDecision } from "#app/modules/reviews/commands.server.ts";
import { findPersonalData, maskFinding } from "#app/modules/stories/personal-data.ts";
import { SHADOW_LIMITS } from "./constants.ts";
import { ideasOf, type NoteInput, type SlotInput } from "./schemas.ts";

const DAY_MS = 86_400_000;

/** Opens a slot; `startsAt` is already an instant (see companyTimeToInstant). */
export async function openSlot(
  db: Database,
  input: { actorId: string; departmentId: string; slot: Omit<SlotInput, "startsAt">; startsAt: Date; now?: Date },
): Promise<string> {
  if (input.startsAt.getTime() <= (input.now ?? new Date()).getTime()) {
    throw CommandError.field("startsAt", "shadowing.errors.past");
  }
  return db.transaction().execute(async (trx) => {
    if (input.slot.hostId) {
      const member = await trx
        .selectFrom("department_members as m")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select("m.user_id")
        .where("m.department_id", "=", input.departmentId)
        .where("m.user_id", "=", input.slot.hostId)
        .where("u.status", "=", "active")
        .executeTakeFirst();
      if (!member) throw CommandError.field("hostId", "shadowing.errors.hostNotMember");
    }
    const slot = await trx
      .insertInto("shadow_slots")
      .values({
        department_id: input.departmentId,
        starts_at: input.startsAt,
        minutes: input.slot.minutes,
        channel: input.slot.channel,
        capacity: input.slot.capacity,
        host_id: input.slot.hostId ?? null,
        details: input.slot.details,
        created_by: input.actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, { actorId: input.actorId, action: "shadow-slot.open", subject: slot.id });
    return slot.id;
  });
}

export async function cancelSlot(db: Database, input: { actorId: string; slotId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cancelled = await trx
      .updateTable("shadow_slots")
      .set({ cancelled_at: new Date() })
      .where("id", "=", input.slotId)
      .where("cancelled_at", "is", null)
      .where("starts_at", ">", new Date())
      .returning("id")
      .executeTakeFirst();
    if (!cancelled) throw CommandError.field("form", "shadowing.errors.cannotCancelSlot");
    await audit(trx, { actorId: input.actorId, action: "shadow-slot.cancel", subject: input.slotId });
  });
}

/**
 * Books a seat. The slot row is locked first, so two people booking the last
 * seat at the same moment are served one after the other: the second finds
 * it full. (The policy has already said the actor may book in this department.)
 */
export async function bookSlot(db: Database, input: { actor: Actor; slotId: string; now?: Date }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const slot = await trx
      .selectFrom("shadow_slots")
      .select(["id", "department_id", "starts_at", "capacity", "cancelled_at"])
      .where("id", "=", input.slotId)
      .forUpdate()
      .executeTakeFirst();
    if (!slot || slot.cancelled_at) throw CommandError.field("form", "shadowing.errors.slotGone");
    if (slot.starts_at.getTime() <= (input.now ?? new Date()).getTime()) {
      throw CommandError.field("form", "shadowing.errors.past");
    }
    const bookings = await trx
      .selectFrom("shadow_bookings")
      .select("observer_id")
      .where("slot_id", "=", slot.id)
      .where("cancelled_at", "is", null)
      .execute();
    if (bookings.some((b) => b.observer_id === input.actor.id)) {
      throw CommandError.field("form", "shadowing.errors.alreadyBooked");
    }
    if (bookings.length >= slot.capacity) throw CommandError.field("form", "shadowing.errors.full");
    const home = input.actor.departments.find((d) => d.id !== slot.department_id);
    const booking = await trx
      .insertInto("shadow_bookings")
      .values({ slot_id: slot.id, observer_id: input.actor.id, observer_department_id: home?.id ?? null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, { actorId: input.actor.id, action: "shadow-slot.book", subject: slot.id });
    return booking.id;
  });
}

/** Frees the seat: the observer's own booking, before the session starts. */
export async function cancelBooking(
  db: Database,
  input: { actorId: string; slotId: string; now?: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cancelled = await trx
      .updateTable("shadow_bookings")
      .set({ cancelled_at: new Date() })
      .where("slot_id", "=", input.slotId)
      .where("observer_id", "=", input.actorId)
      .where("cancelled_at", "is", null)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("shadow_slots")
            .select("id")
            .where("id", "=", input.slotId)
            .where("starts_at", ">", input.now ?? new Date()),
        ),
      )
      .returning("id")
      .executeTakeFirst();
    if (!cancelled) throw CommandError.field("form", "shadowing.errors.cannotCancelBooking");
    await audit(trx, { actorId: input.actorId, action: "shadow-slot.unbook", subject: input.slotId });
  });
}

/** A note is the author's to change for 14 days after it was first saved. */
export function noteEditable(note: { createdAt: Date }, now = new Date()): boolean {
  return now.getTime() - note.createdAt.getTime() < SHADOW_LIMITS.editableDays * DAY_MS;
}

function hasContent(input: NoteInput): boolean {
  return Boolean(
    input.wentWell ||
      input.painPoints ||
      input.reasons.length ||
      input.newReason ||
      input.kano ||
      input.job ||
      input.behaviours.length ||
      ideasOf(input).length,
  );
}

/**
 * Saves the observer's note on their booking (creating it the first time) and,
 * on submit, sends its ideas to the host department's backlog, each linked
 * back to the note. Returns the note's id.
 */
export async function saveNote(
  db: Database,
  input: { actorId: string; slotId: string; note: NoteInput; submit: boolean; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const note = input.note;
  if (!hasContent(note)) throw CommandError.field("form", "shadowing.errors.emptyNote");
  if (input.submit && !note.confirmPersonalData) {
    const findings = findPersonalData([note.wentWell, note.painPoints, ...ideasOf(note).map((i) => i.text)].join("\n"));
    if (findings.length) {
      throw new CommandError({
        form: ["stories.personalDataFound"],
        personalData: findings.map((f) => `${f.kind}|${maskFinding(f.match)}`),
      });
    }
  }
  return db.transaction().execute(async (trx) => {
    const booking = await trx
      .selectFrom("shadow_bookings as b")
      .innerJoin("shadow_slots as s", "s.id", "b.slot_id")
      .leftJoin("shadow_notes as n", "n.booking_id", "b.id")
      .select(["b.id", "s.department_id", "s.starts_at", "n.id as note_id", "n.status", "n.created_at"])
      .where("b.slot_id", "=", input.slotId)
      .where("b.observer_id", "=", input.actorId)
      .where("b.cancelled_at", "is", null)
      .executeTakeFirst();
    if (!booking) throw CommandError.field("form", "shadowing.errors.notYourSession");
    if (booking.starts_at.getTime() > now.getTime()) throw CommandError.field("form", "shadowing.errors.notYet");
    if (booking.note_id && !noteEditable({ createdAt: booking.created_at! }, now)) {
      throw CommandError.field("form", "shadowing.errors.noteLocked");
    }
    const departmentId = booking.department_id;

    const reasonIds = [...new Set(note.reasons)];
    if (reasonIds.length) {
      const known = await trx
        .selectFrom("failure_reasons")
        .select("id")
        .where("department_id", "=", departmentId)
        .where("id", "in", reasonIds)
        .execute();
      if (known.length !== reasonIds.length) throw CommandError.field("reasons", "shadowing.errors.unknownReason");
    }
    if (note.newReason) {
      // An existing label (any case) is reused rather than added twice.
      const added = await trx
        .insertInto("failure_reasons")
        .values({ department_id: departmentId, label: note.newReason, created_by: input.actorId })
        .onConflict((oc) => oc.expression(sql`department_id, lower(label)`).doNothing())
        .returning("id")
        .executeTakeFirst();
      const id =
        added?.id ??
        (
          await trx
            .selectFrom("failure_reasons")
            .select("id")
            .where("department_id", "=", departmentId)
            .where(sql`lower(label)`, "=", note.newReason.toLowerCase())
            .executeTakeFirstOrThrow()
        ).id;
      if (!reasonIds.includes(id)) reasonIds.push(id);
    }
    const behaviourIds = [...new Set(note.behaviours)];
    if (behaviourIds.length) {
      const known = await trx.selectFrom("behaviours").select("id").where("id", "in", behaviourIds).execute();
      if (known.length !== behaviourIds.length) throw CommandError.field("behaviours", "stories.unknownBehaviour");
    }
    const ideas = ideasOf(note);
    const touchpointIds = [...new Set(ideas.flatMap((i) => (i.touchpointId ? [i.touchpointId] : [])))];
    if (touchpointIds.length) {
      const known = await trx
        .selectFrom("touchpoints")
        .select("id")
        .where("department_id", "=", departmentId)
        .where("id", "in", touchpointIds)
        .execute();
      if (known.length !== touchpointIds.length)
        throw CommandError.field("ideas", "shadowing.errors.unknownTouchpoint");
    }

    const wasSubmitted = booking.status === "submitted";
    const values = {
      went_well: note.wentWell,
      pain_points: note.painPoints,
      kano: note.kano ?? null,
      job: note.job ?? null,
      draft_ideas: JSON.stringify(ideas),
      personal_data_confirmed: note.confirmPersonalData,
      updated_at: now,
      ...(input.submit && !wasSubmitted ? { status: "submitted" as const, submitted_at: now } : {}),
    };
    const noteId = booking.note_id
      ? (
          await trx
            .updateTable("shadow_notes")
            .set(values)
            .where("id", "=", booking.note_id)
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id
      : (
          await trx
            .insertInto("shadow_notes")
            .values({
              ...values,
              booking_id: booking.id,
              author_id: input.actorId,
              department_id: departmentId,
              created_at: now,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
    await trx.deleteFrom("shadow_note_reasons").where("note_id", "=", noteId).execute();
    if (reasonIds.length) {
      await trx
        .insertInto("shadow_note_reasons")
        .values(reasonIds.map((reason_id) => ({ note_id: noteId, reason_id })))
        .execute();
    }
    await trx.deleteFrom("shadow_note_behaviours").where("note_id", "=", noteId).execute();
    if (behaviourIds.length) {
      await trx
        .insertInto("shadow_note_behaviours")
        .values(behaviourIds.map((behaviour_id) => ({ note_id: noteId, behaviour_id })))
        .execute();
    }
    // Ideas reach the backlog once, when the note is submitted; from then on the backlog owns them.
    if (input.submit && !wasSubmitted && ideas.length) {
      await trx
        .insertInto("improvements")
        .values(
          ideas.map((idea, position) => ({
            department_id: departmentId,
            touchpoint_id: idea.touchpointId,
            description: idea.text,
            origin: "shadow_note" as const,
            shadow_note_id: noteId,
            position,
            created_by: input.actorId,
          })),
        )
        .execute();
    }
    await audit(trx, {
      actorId: input.actorId,
      action: input.submit && !wasSubmitted ? "shadow-note.submit" : "shadow-note.save",
      subject: noteId,
    });
    return noteId;
  });
}

/**
 * Anyone may suggest an improvement to a department (employees' input is how
 * processes get better); an idea raised in a review (`reviewId`) links to it.
 */
export async function suggestImprovement(
  db: Database,
  input: { actorId: string; departmentId: string; description: string; touchpointId?: string; reviewId?: string },
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    if (input.reviewId) await lockOpenReview(trx, input.departmentId, input.reviewId);
    if (input.touchpointId) {
      const touchpoint = await trx
        .selectFrom("touchpoints")
        .select("id")
        .where("id", "=", input.touchpointId)
        .where("department_id", "=", input.departmentId)
        .executeTakeFirst();
      if (!touchpoint) throw CommandError.field("touchpointId", "shadowing.errors.unknownTouchpoint");
    }
    const row = await trx
      .insertInto("improvements")
      .values({
        department_id: input.departmentId,
        touchpoint_id: input.touchpointId ?? null,
        description: input.description,
        origin: input.reviewId ? "review" : "suggestion",
        review_id: input.reviewId ?? null,
        created_by: input.actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, { actorId: input.actorId, action: "improvement.suggest", subject: row.id });
    return row.id;
  });
}

export async function addTouchpoint(
  db: Database,
  input: { actorId: string; departmentId: string; name: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom("touchpoints")
      .select((eb) => eb.fn.max("position").as("position"))
      .where("department_id", "=", input.departmentId)
      .executeTakeFirst();
    const added = await trx
      .insertInto("touchpoints")
      .values({ department_id: input.departmentId, name: input.name, position: (last?.position ?? -1) + 1 })
      .onConflict((oc) => oc.expression(sql`department_id, lower(name)`).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!added) throw CommandError.field("name", "shadowing.errors.touchpointTaken");
    await audit(trx, { actorId: input.actorId, action: "touchpoint.add", subject: added.id });
  });
}

type ImprovementRow = { id: string; status: ImprovementStatus; touchpoint_id: string | null; description: string };

async function lockImprovement(trx: Database, departmentId: string, id: string): Promise<ImprovementRow> {
  const row = await trx
    .selectFrom("improvements")
    .select(["id", "status", "touchpoint_id", "description"])
    .where("id", "=", id)
    .where("department_id", "=", departmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw CommandError.field("form", "shadowing.errors.improvementGone");
  return row;
}

/**
 * Chooses an improvement for its touchpoint, with an owner from the department
 * and a due date. One chosen improvement per touchpoint ("start small"): when
 * another is chosen or started there, the answer names it (409) until the
 * manager says to replace it, which puts the other back among the proposals.
 * Chosen in a review (`reviewId`), it is that review's decision.
 */
export async function chooseImprovement(
  db: Database,
  input: {
    actorId: string;
    departmentId: string;
    improvementId: string;
    ownerId: string;
    dueOn: string;
    replace?: string;
    today: string;
    reviewId?: string;
  },
): Promise<void> {
  if (input.dueOn < input.today) throw CommandError.field("dueOn", "shadowing.errors.duePast");
  await db.transaction().execute(async (trx) => {
    if (input.reviewId) await lockOpenReview(trx, input.departmentId, input.reviewId);
    const improvement = await lockImprovement(trx, input.departmentId, input.improvementId);
    if (improvement.status !== "proposed") throw CommandError.field("form", "shadowing.errors.notProposed");
    const owner = await trx
      .selectFrom("department_members as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select("m.user_id")
      .where("m.department_id", "=", input.departmentId)
      .where("m.user_id", "=", input.ownerId)
      .where("u.status", "=", "active")
      .executeTakeFirst();
    if (!owner) throw CommandError.field("ownerId", "shadowing.errors.ownerNotMember");
    if (improvement.touchpoint_id) {
      const current = await trx
        .selectFrom("improvements")
        .select(["id", "description"])
        .where("touchpoint_id", "=", improvement.touchpoint_id)
        .where("status", "in", ["chosen", "in_progress"])
        .forUpdate()
        .executeTakeFirst();
      if (current && current.id !== input.replace) {
        throw new CommandError({ replace: [`${current.id}|${current.description}`] }, 409);
      }
      if (current) {
        await trx
          .updateTable("improvements")
          .set({ status: "proposed", owner_id: null, due_on: null, chosen_at: null, updated_at: new Date() })
          .where("id", "=", current.id)
          .execute();
        // Replaced in the same meeting that chose it: it was not that review's decision after all.
        if (input.reviewId) {
          await trx
            .deleteFrom("review_decisions")
            .where("review_id", "=", input.reviewId)
            .where("improvement_id", "=", current.id)
            .execute();
        }
        await audit(trx, { actorId: input.actorId, action: "improvement.replaced", subject: current.id });
      }
    }
    await trx
      .updateTable("improvements")
      .set({
        status: "chosen",
        owner_id: input.ownerId,
        due_on: input.dueOn,
        chosen_at: new Date(),
        updated_at: new Date(),
      })
      .where("id", "=", improvement.id)
      .execute();
    if (input.reviewId) await recordDecision(trx, input.reviewId, improvement.id);
    await audit(trx, {
      actorId: input.actorId,
      action: "improvement.choose",
      subject: improvement.id,
      details: input.reviewId ? { review: input.reviewId } : {},
    });
  });
}

/** Which status an improvement may move to from where it is. */
const MOVES: Record<ImprovementStatus, ImprovementStatus[]> = {
  proposed: ["dropped"],
  chosen: ["in_progress", "done", "dropped", "proposed"],
  in_progress: ["done", "dropped", "proposed"],
  done: [],
  dropped: ["proposed"],
};

export async function moveImprovement(
  db: Database,
  input: {
    actorId: string;
    departmentId: string;
    improvementId: string;
    status: "in_progress" | "done" | "proposed" | "dropped";
    reason?: string;
  },
): Promise<void> {
  if (input.status === "dropped" && !input.reason) throw CommandError.field("reason", "shadowing.errors.dropReason");
  await db.transaction().execute(async (trx) => {
    const improvement = await lockImprovement(trx, input.departmentId, input.improvementId);
    if (!MOVES[improvement.status].includes(input.status)) {
      throw CommandError.field("form", "shadowing.errors.cannotMove");
    }
    const now = new Date();
    await trx
      .updateTable("improvements")
      .set({
        status: input.status,
        dropped_reason: input.status === "dropped" ? input.reason! : null,
        done_at: input.status === "done" ? now : null,
        // Back among the proposals: no owner, no date, not chosen.
        ...(input.status === "proposed" || input.status === "dropped"
          ? { owner_id: null, due_on: null, chosen_at: null }
          : {}),
        updated_at: now,
      })
      .where("id", "=", improvement.id)
      .execute();
    await audit(trx, {
      actorId: input.actorId,
      action: `improvement.${input.status}`,
      subject: improvement.id,
      details: input.reason ? { reason: input.reason } : {},
    });
  });
}
