/**
 * Half a year of recognition in the demo company (./recognition-content.ts), given through the real
 * command so that recipients, departments and notifications are what the app would write, then
 * moved back to when it was given. Older notifications have been read; about half the
 * recognitions have reactions; one was hidden by the admin. The newest done improvement of each
 * department is left unrecognised, so its manager has something to celebrate (the suggestions).
 */
import type { Database } from "#db/connect.ts";
import type { ReactionKind } from "#db/schema.ts";
import { giveRecognition, setRecognitionHidden } from "#app/modules/recognition/commands.server.ts";
import { RECOGNITIONS, type SeedRecognition } from "./recognition-content.ts";
import { Rng } from "./random.ts";
import { joined } from "./reviews.ts";
import { addDays, localDate, localTime, weekday } from "./shadowing.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Notifications older than this have been read. */
const READ_AFTER = 14 * DAY;
const KINDS: ReactionKind[] = ["heart", "applause", "at_our_best"];
const KIND_WEIGHTS = [5, 4, 2];

interface Plan {
  index: number;
  seed: SeedRecognition;
  at: number;
  authorId: string;
  people: string[];
  departments: string[];
  message: string;
  behaviourId: string;
  storyId?: string;
  shadowNoteId?: string;
  improvementId?: string;
}

const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

/**
 * Seeds the demo company's recognition. `people` maps e-mails, `departments` slugs and
 * `behaviours` the promise's keys to ids. Run it last: it thanks for stories, shadowing notes and
 * improvements. Returns the number of recognitions.
 */
export async function seedRecognition(
  db: Database,
  input: {
    people: Map<string, string>;
    departments: Map<string, string>;
    behaviours: Map<string, string>;
    now?: Date;
  },
): Promise<number> {
  const now = (input.now ?? new Date()).getTime();
  const today = localDate(now);
  const cmd = joined(db);

  const [users, stories, colleagues, notes, done, introduced] = await Promise.all([
    db
      .selectFrom("users")
      .select(["id", "email", "name", "locale", "role"])
      .where("status", "=", "active")
      .orderBy("email")
      .execute(),
    db
      .selectFrom("stories")
      .select(["id", "title", "author_id", "published_at"])
      .where("status", "=", "published")
      .where("hidden_at", "is", null)
      .execute(),
    db.selectFrom("story_colleagues").select(["story_id", "user_id"]).execute(),
    db
      .selectFrom("shadow_notes as n")
      .innerJoin("shadow_bookings as b", "b.id", "n.booking_id")
      .innerJoin("shadow_slots as s", "s.id", "b.slot_id")
      .select(["n.id", "n.author_id", "n.department_id", "n.submitted_at", "s.host_id"])
      .where("n.status", "=", "submitted")
      .where("s.host_id", "is not", null)
      .orderBy("n.submitted_at")
      .execute(),
    db
      .selectFrom("improvements")
      .select(["id", "department_id", "description", "owner_id", "done_at"])
      .where("status", "=", "done")
      .where("done_at", "is not", null)
      .orderBy("done_at", "desc")
      .execute(),
    // When each behaviour first appeared in a published promise.
    db
      .selectFrom("promise_behaviours as pb")
      .innerJoin("promise_versions as v", "v.id", "pb.version_id")
      .select(["pb.behaviour_id", (eb) => eb.fn.min("v.published_at").as("since")])
      .where("v.status", "=", "published")
      .groupBy("pb.behaviour_id")
      .execute(),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const firstName = (id: string) => userById.get(id)!.name.split(" ")[0]!;
  const person = (email: string) => {
    const id = input.people.get(email);
    if (!id) throw new Error(`Recognition seed: no person ${email}`);
    return id;
  };
  const department = (slug: string) => {
    const id = input.departments.get(slug);
    if (!id) throw new Error(`Recognition seed: no department ${slug}`);
    return id;
  };
  // The newest done improvement of each department waits for its manager.
  const newestDone = new Set<string>();
  const seenDepartments = new Set<string>();
  for (const i of done) {
    if (seenDepartments.has(i.department_id)) continue;
    seenDepartments.add(i.department_id);
    newestDone.add(i.id);
  }
  const usedNotes = new Set<string>();
  const usedImprovements = new Set<string>();

  /** An office hour on the working day `after` days after `base`, after `base` and before now. */
  const after = (rng: Rng, base: number, days: number) => {
    let day = addDays(localDate(base), days);
    while (isWeekend(day)) day = addDays(day, 1);
    let at = localTime(day, rng.int(8, 16), rng.int(0, 59));
    if (at <= base) at = base + rng.int(20, 90) * MINUTE;
    return Math.min(at, now - rng.int(30, 120) * MINUTE);
  };
  const daysAgo = (rng: Rng, days: number) => {
    let day = addDays(today, -days);
    while (isWeekend(day)) day = addDays(day, -1);
    return Math.min(localTime(day, rng.int(8, 16), rng.int(0, 59)), now - rng.int(30, 120) * MINUTE);
  };

  const plans: Plan[] = [];
  for (const [index, seed] of RECOGNITIONS.entries()) {
    const rng = new Rng(`recognition/${index}`);
    const behaviourId = input.behaviours.get(seed.behaviour);
    if (!behaviourId) throw new Error(`Recognition seed: no behaviour ${seed.behaviour}`);
    let authorId = seed.author === undefined ? undefined : person(seed.author);
    const people = (seed.people ?? []).map(person);
    const departments = (seed.departments ?? []).map(department);
    let message = seed.message;
    const plan: Partial<Plan> = {};
    let at: number;
    if ("story" in seed) {
      const story = stories.find((s) => s.title === seed.story);
      if (!story?.published_at) throw new Error(`Recognition seed: no published story "${seed.story}"`);
      people.push(...colleagues.filter((c) => c.story_id === story.id).map((c) => c.user_id));
      plan.storyId = story.id;
      at = after(rng, story.published_at.getTime(), seed.after);
    } else if ("note" in seed) {
      const departmentId = department(seed.note.department);
      const target = now - seed.note.weeksAgo * WEEK;
      const candidates = notes.filter((n) => {
        if (n.department_id !== departmentId || usedNotes.has(n.id) || n.host_id === n.author_id) return false;
        if (authorId) return n.author_id === authorId;
        const locale = userById.get(n.author_id)?.locale;
        return seed.language === "en" ? true : locale === seed.language;
      });
      const note = candidates.sort(
        (a, b) => Math.abs(a.submitted_at!.getTime() - target) - Math.abs(b.submitted_at!.getTime() - target),
      )[0];
      if (!note) continue;
      usedNotes.add(note.id);
      authorId = note.author_id;
      people.push(note.host_id!);
      message = message.replaceAll("{host}", firstName(note.host_id!));
      plan.shadowNoteId = note.id;
      at = after(rng, note.submitted_at!.getTime(), seed.after);
    } else if ("improvement" in seed) {
      const improvement = done.find((i) => seed.improvement.includes(i.description) && !usedImprovements.has(i.id));
      if (!improvement || newestDone.has(improvement.id) || !improvement.owner_id) continue;
      usedImprovements.add(improvement.id);
      people.push(improvement.owner_id);
      departments.push(improvement.department_id);
      message = message.replaceAll("{owner}", firstName(improvement.owner_id));
      plan.improvementId = improvement.id;
      at = after(rng, improvement.done_at!.getTime(), seed.after);
    } else {
      at = daysAgo(rng, seed.daysAgo);
    }
    if (!authorId) continue;
    const since = introduced.find((b) => b.behaviour_id === behaviourId)?.since;
    if (!since || new Date(since).getTime() > at) {
      throw new Error(`Recognition seed: "${seed.behaviour}" was not in the promise when "${message}" was given`);
    }
    plans.push({
      ...plan,
      index,
      seed,
      at,
      authorId,
      // Nobody thanks themselves (the command refuses it): a story's author may be among its colleagues.
      people: [...new Set(people)].filter((id) => id !== authorId),
      departments: [...new Set(departments)],
      message,
      behaviourId,
    });
  }
  plans.sort((a, b) => a.at - b.at);

  const admin = users.find((u) => u.role === "admin");
  const reactions: { recognition_id: string; user_id: string; kind: ReactionKind; created_at: Date }[] = [];
  for (const plan of plans) {
    const rng = new Rng(`recognition-after/${plan.index}`);
    const id = await giveRecognition(cmd, {
      actorId: plan.authorId,
      message: plan.message,
      behaviourId: plan.behaviourId,
      people: plan.people,
      departments: plan.departments,
      storyId: plan.storyId,
      shadowNoteId: plan.shadowNoteId,
      improvementId: plan.improvementId,
    });
    const at = new Date(plan.at);
    let hiddenAt: Date | null = null;
    if (plan.seed.hidden && admin) {
      await setRecognitionHidden(cmd, { actorId: admin.id, id, reason: plan.seed.hidden });
      hiddenAt = new Date(Math.min(plan.at + rng.int(2, 5) * HOUR, now - 10 * MINUTE));
    }
    await db
      .updateTable("recognitions")
      .set({ created_at: at, updated_at: at, ...(hiddenAt ? { hidden_at: hiddenAt } : {}) })
      .where("id", "=", id)
      .execute();
    const read = plan.at < now - READ_AFTER ? new Date(plan.at + rng.int(1, 72) * HOUR) : null;
    await db
      .updateTable("notifications")
      .set({ created_at: at, read_at: read })
      .where("recognition_id", "=", id)
      .execute();
    await db
      .updateTable("audit_log")
      .set({ created_at: at })
      .where("subject", "=", id)
      .where("action", "=", "recognition.give")
      .execute();
    if (hiddenAt) {
      await db
        .updateTable("audit_log")
        .set({ created_at: hiddenAt })
        .where("subject", "=", id)
        .where("action", "=", "recognition.hide")
        .execute();
    }

    // About half have reactions, from people other than the author and those thanked.
    if (plan.seed.hidden || !rng.chance(0.5)) continue;
    const pool = users.filter((u) => u.id !== plan.authorId && !plan.people.includes(u.id));
    const reactors = rng.sample(
      pool,
      pool.map(() => 1),
      rng.int(1, 6),
    );
    for (const reactor of reactors) {
      const kinds = new Set([KINDS[rng.weighted(KIND_WEIGHTS)]!]);
      if (rng.chance(0.15)) kinds.add(KINDS[rng.weighted(KIND_WEIGHTS)]!);
      // Most react within the first day or two.
      const when = Math.min(plan.at + Math.max(5 * MINUTE, rng.next() ** 3 * (now - plan.at)), now - MINUTE);
      for (const kind of kinds) {
        reactions.push({ recognition_id: id, user_id: reactor.id, kind, created_at: new Date(when) });
      }
    }
  }
  if (reactions.length) await db.insertInto("recognition_reactions").values(reactions).execute();
  return plans.length;
}
