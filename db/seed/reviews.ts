/**
 * Past CX reviews in the demo company (./reviews-content.ts), held through the real commands in the
 * order a manager would: start, attendees, notes, ideas raised, decisions, finish. Between two reviews
 * of a department some decisions are started and finished, so that the next review opens with them
 * and has a win to celebrate. Everything is relative to `now`: the last period ends at least three
 * days before today and no review is left open, so a new one follows on from the last.
 *
 * The commands stamp the real time. Each step is moved back to its meeting right after it, before
 * the review is finished: the database refuses any change to a finished review (migration 006).
 */
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import { finishReview, saveReviewNotes, setAttendees, startReview } from "#app/modules/reviews/commands.server.ts";
import { chooseImprovement, moveImprovement, suggestImprovement } from "#app/modules/shadowing/commands.server.ts";
import { REVIEWS, type SeedDecision, type SeedReview } from "./reviews-content.ts";
import { Rng } from "./random.ts";
import { addDays, localDate, localTime, weekday } from "./shadowing.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** No meetings on these (as in ./shadowing.ts): a review due then is held the next working day. */
const RED_DAYS = new Set(["12-24", "12-25", "12-26", "12-31", "01-01", "01-06"]);

interface Member {
  id: string;
  email: string;
  name: string;
  isManager: boolean;
  isEmployee: boolean;
}

interface Item {
  id: string;
  touchpointId: string | null;
  description: string;
  status: string;
  origin: string;
  createdAt: number;
}

interface Decision {
  plan: SeedDecision | null;
  touchpointId: string;
  touchpoint: string;
  /** The backlog item, or undefined for an idea raised in the meeting. */
  improvementId?: string;
  description: string;
  owner: Member;
  dueOn: string;
}

interface Move {
  improvementId: string;
  /** The owner, who moves it on. */
  actorId: string;
  status: "in_progress" | "done";
  at: number;
}

/**
 * The commands open their own transaction; inside the seed's transaction they join it instead
 * (Kysely refuses a transaction within a transaction).
 */
export function joined(db: Database): Database {
  if (!db.isTransaction) return db;
  return new Proxy(db, {
    get(target, key) {
      if (key === "transaction") {
        return () => ({ execute: <T>(run: (trx: Database) => Promise<T>) => run(target) });
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** When a decision was started (late morning) or finished (afternoon), `days` after its meeting. */
function moveTime(meeting: string, days: number, status: Move["status"]): number {
  return localTime(addDays(meeting, days), status === "done" ? 14 : 10, (days * 7) % 50);
}

function dueFormat(language: SeedReview["language"]) {
  const format = new Intl.DateTimeFormat(language === "sv" ? "sv-SE" : "en-GB", {
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  return (date: string) => format.format(new Date(`${date}T00:00:00Z`));
}

function decisionList(review: SeedReview, decisions: Decision[]): string {
  const due = dueFormat(review.language);
  const [by, raised] = review.language === "sv" ? ["klart", "väckt i dag"] : ["due", "raised today"];
  return decisions
    .map((d) => {
      const origin = d.improvementId ? "" : ` (${raised})`;
      return `- **${d.touchpoint}:** ${d.description}${origin}. ${d.owner.name}, ${by} ${due(d.dueOn)}.`;
    })
    .join("\n");
}

/**
 * Seeds the demo company's CX reviews. `departments` maps slugs to ids; a department missing from
 * it, or whose manager is, is skipped. Run it after the shadowing and KPI seeds: the reviews choose
 * from the backlog, and finishing one stores its agenda.
 */
export async function seedReviews(
  db: Database,
  input: { departments: Map<string, string>; now?: Date },
): Promise<{ reviews: number; decisions: number }> {
  const now = (input.now ?? new Date()).getTime();
  const today = localDate(now);
  // The anchor: the last Sunday at least three days ago. Periods end on Sundays; meetings are on Mondays.
  let anchor = addDays(today, -3);
  while (weekday(anchor) !== 0) anchor = addDays(anchor, -1);
  const cmd = joined(db);

  const departmentIds = [...new Set(REVIEWS.map((r) => input.departments.get(r.department)))].filter(
    (id): id is string => Boolean(id),
  );
  if (!departmentIds.length) return { reviews: 0, decisions: 0 };
  const rows = await db
    .selectFrom("department_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.department_id", "m.is_manager", "u.id", "u.email", "u.name", "u.role"])
    .where("u.status", "=", "active")
    .where("m.department_id", "in", departmentIds)
    .orderBy("u.email")
    .execute();
  const staff = new Map<string, Member[]>();
  for (const r of rows) {
    const list = staff.get(r.department_id) ?? [];
    list.push({ id: r.id, email: r.email, name: r.name, isManager: r.is_manager, isEmployee: r.role === "employee" });
    staff.set(r.department_id, list);
  }

  // Audit entries are moved back to when their step happened.
  let auditMark = Number(
    (
      await db
        .selectFrom("audit_log")
        .select(sql<number>`coalesce(max(id), 0)`.as("id"))
        .executeTakeFirstOrThrow()
    ).id,
  );
  const stamp = async (at: number) => {
    const stamped = await db
      .updateTable("audit_log")
      .set({ created_at: new Date(at) })
      .where("id", ">", auditMark)
      .returning("id")
      .execute();
    for (const s of stamped) auditMark = Math.max(auditMark, Number(s.id));
  };

  let reviewCount = 0;
  let decisionCount = 0;
  const slugs = [...new Set(REVIEWS.map((r) => r.department))];
  for (const slug of slugs) {
    const departmentId = input.departments.get(slug);
    if (!departmentId) continue;
    const members = staff.get(departmentId) ?? [];
    const touchpoints = await db
      .selectFrom("touchpoints")
      .select(["id", "name"])
      .where("department_id", "=", departmentId)
      .where("archived_at", "is", null)
      .orderBy("position")
      .execute();
    const touchpointId = (name: string) => touchpoints.find((t) => t.name.toLowerCase() === name.toLowerCase())?.id;
    const memberByEmail = (email: string) => members.find((m) => m.email === email);
    const plans = REVIEWS.filter((r) => r.department === slug).sort((a, b) => b.endsWeeksBefore - a.endsWeeksBefore);
    const meetings = plans.map((plan) => {
      const periodEnd = addDays(anchor, -7 * plan.endsWeeksBefore);
      let day = addDays(periodEnd, 1);
      // Held on the next working day after a holiday, if that is still in the past.
      for (let next = day; RED_DAYS.has(next.slice(5)) || weekday(next) === 0 || weekday(next) === 6; ) {
        next = addDays(next, 1);
        if (localTime(next, 11) >= now - HOUR) break;
        day = next;
      }
      return { periodStart: addDays(periodEnd, 1 - 7 * plan.weeks), periodEnd, day };
    });
    let pending: Move[] = [];
    const finished: { id: string; at: number }[] = [];

    const applyMoves = async (before: number) => {
      const due = pending.filter((m) => m.at < before).sort((a, b) => a.at - b.at);
      pending = pending.filter((m) => m.at >= before);
      for (const m of due) {
        await moveImprovement(cmd, {
          actorId: m.actorId,
          departmentId,
          improvementId: m.improvementId,
          status: m.status,
        });
        await db
          .updateTable("improvements")
          .set({ updated_at: new Date(m.at), ...(m.status === "done" ? { done_at: new Date(m.at) } : {}) })
          .where("id", "=", m.improvementId)
          .execute();
        await stamp(m.at);
      }
    };

    for (const [index, plan] of plans.entries()) {
      const { periodStart, periodEnd, day } = meetings[index]!;
      const manager = memberByEmail(plan.manager);
      if (!manager) continue;
      const rng = new Rng(`review/${slug}/${plan.endsWeeksBefore}`);
      const begins = localTime(day, 9, rng.int(0, 10));
      const ends = localTime(day, 10, rng.int(0, 20));
      for (const d of plan.decisions.flatMap((d) => (d.instead ? [d, d.instead] : [d]))) {
        if ((d.startedAfter ?? 1) < 1 || (d.doneAfter ?? Infinity) <= (d.startedAfter ?? 0)) {
          throw new Error(`${slug}: "${d.touchpoint}" is started after the meeting and done after it is started`);
        }
      }

      await applyMoves(begins);
      const items: Item[] = (
        await db
          .selectFrom("improvements")
          .select(["id", "touchpoint_id", "description", "status", "origin", "created_at"])
          .where("department_id", "=", departmentId)
          .execute()
      ).map((i) => ({
        id: i.id,
        touchpointId: i.touchpoint_id,
        description: i.description,
        status: i.status,
        origin: i.origin,
        createdAt: i.created_at.getTime(),
      }));
      // An improvement chosen earlier that will be done before today leaves its touchpoint free again.
      const freed = new Set<Item>(
        items.filter((i) => pending.some((m) => m.status === "done" && m.improvementId === i.id)),
      );
      const current = (list: Item[], touchpoint: string, ignore = new Set<Item>()) =>
        list.some(
          (i) =>
            i.touchpointId === touchpoint && (i.status === "chosen" || i.status === "in_progress") && !ignore.has(i),
        );
      // Touchpoints left with nothing chosen and an idea from shadowing to choose: a new review needs one.
      const open = (list: Item[], ignore: Set<Item>) =>
        touchpoints.filter(
          (t) =>
            !current(list, t.id, ignore) &&
            list.some((i) => i.touchpointId === t.id && i.status === "proposed" && i.origin === "shadow_note"),
        ).length;
      const employees = members.filter((m) => m.isEmployee && !m.isManager);
      const ownerFor = (email: string | undefined) =>
        (email ? memberByEmail(email) : undefined) ?? rng.pick(employees.length ? employees : members);

      // What the meeting decides: the planned ideas where they can still be chosen.
      const decisions: Decision[] = [];
      const consider = (
        planned: SeedDecision | null,
        touchpoint: { id: string; name: string },
        proposal: Item | undefined,
        text: string,
      ) => {
        // One chosen improvement per touchpoint: the meeting would have to replace the other.
        if (current(items, touchpoint.id) || decisions.some((d) => d.touchpointId === touchpoint.id)) return;
        const item: Item = proposal ?? {
          id: "",
          touchpointId: touchpoint.id,
          description: text,
          status: "proposed",
          origin: "review",
          createdAt: begins,
        };
        const chosen: Item = { ...item, status: "chosen" };
        const after = [...items.filter((i) => i !== item), chosen];
        const done = planned?.doneAfter === undefined ? undefined : moveTime(day, planned.doneAfter, "done");
        const ignore = new Set(freed);
        if (done !== undefined && done < now - HOUR) ignore.add(chosen);
        if (open(items, freed) > 0 && open(after, ignore) === 0) return;
        if (proposal) items[items.indexOf(proposal)] = chosen;
        else items.push(chosen);
        if (ignore.has(chosen)) freed.add(chosen);
        decisions.push({
          plan: planned,
          touchpointId: touchpoint.id,
          touchpoint: touchpoint.name,
          improvementId: proposal?.id,
          description: text,
          owner: ownerFor(planned?.owner),
          dueOn: addDays(day, planned?.dueInDays ?? 28),
        });
      };
      const proposals = (touchpoint: string) =>
        items
          .filter((i) => i.touchpointId === touchpoint && i.status === "proposed" && i.createdAt < begins)
          .sort((a, b) => b.createdAt - a.createdAt);
      for (const first of plan.decisions) {
        for (let d: SeedDecision | undefined = first; d; d = d.instead) {
          const touchpoint = touchpoints.find((t) => t.id === touchpointId(d!.touchpoint));
          if (!touchpoint) continue;
          const before = decisions.length;
          if (d.raise) consider(d, touchpoint, undefined, d.raise);
          else {
            const list = proposals(touchpoint.id);
            const item =
              d.ideas?.map((text) => list.find((i) => i.description === text)).find(Boolean) ??
              list.find((i) => i.origin === "shadow_note");
            if (item) consider(d, touchpoint, item, item.description);
          }
          if (decisions.length > before) break;
        }
      }
      // Nothing of the plan could be chosen: the meeting picks an idea from shadowing elsewhere.
      for (const t of touchpoints) {
        if (decisions.length) break;
        const item = proposals(t.id).find((i) => i.origin === "shadow_note");
        if (item) consider(null, t, item, item.description);
      }

      // The meeting.
      const reviewId = await startReview(cmd, {
        actorId: manager.id,
        departmentId,
        periodStart,
        periodEnd,
        today: day,
      });
      await db
        .updateTable("reviews")
        .set({ created_at: new Date(begins), updated_at: new Date(begins) })
        .where("id", "=", reviewId)
        .execute();
      const attendees = [manager];
      for (const m of [...decisions.map((d) => d.owner), ...(plan.present ?? []).map(memberByEmail)]) {
        if (m && !attendees.includes(m)) attendees.push(m);
      }
      const pool = plan.attendees
        .map(memberByEmail)
        .filter((m): m is Member => m !== undefined && !attendees.includes(m));
      const count = rng.int(3, 6);
      while (attendees.length < count && pool.length) attendees.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
      await setAttendees(cmd, { actorId: manager.id, departmentId, reviewId, userIds: attendees.map((m) => m.id) });
      await saveReviewNotes(cmd, {
        actorId: manager.id,
        departmentId,
        reviewId,
        notes: plan.notes.replace("{decisions}", decisionList(plan, decisions)),
      });
      await db
        .updateTable("reviews")
        .set({ updated_at: new Date(begins + 40 * MINUTE) })
        .where("id", "=", reviewId)
        .execute();
      await stamp(begins);

      if (plan.raised) {
        const id = await suggestImprovement(cmd, {
          actorId: manager.id,
          departmentId,
          description: plan.raised.text,
          touchpointId: plan.raised.touchpoint === null ? undefined : touchpointId(plan.raised.touchpoint),
          reviewId,
        });
        const at = new Date(begins + 25 * MINUTE);
        await db.updateTable("improvements").set({ created_at: at, updated_at: at }).where("id", "=", id).execute();
        await stamp(at.getTime());
      }
      for (const [position, d] of decisions.entries()) {
        const at = begins + (30 + 5 * position) * MINUTE;
        let improvementId = d.improvementId;
        if (!improvementId) {
          improvementId = await suggestImprovement(cmd, {
            actorId: manager.id,
            departmentId,
            description: d.description,
            touchpointId: d.touchpointId,
            reviewId,
          });
          await db
            .updateTable("improvements")
            .set({ created_at: new Date(at - 2 * MINUTE), updated_at: new Date(at - 2 * MINUTE) })
            .where("id", "=", improvementId)
            .execute();
        }
        await chooseImprovement(cmd, {
          actorId: manager.id,
          departmentId,
          improvementId,
          ownerId: d.owner.id,
          dueOn: d.dueOn,
          today: day,
          reviewId,
        });
        await db
          .updateTable("improvements")
          .set({ chosen_at: new Date(at), updated_at: new Date(at) })
          .where("id", "=", improvementId)
          .execute();
        await db
          .updateTable("review_decisions")
          .set({ created_at: new Date(at) })
          .where("review_id", "=", reviewId)
          .where("improvement_id", "=", improvementId)
          .execute();
        await stamp(at);
        // What became of it afterwards (the moves that fall before today).
        for (const [status, after] of [
          ["in_progress", d.plan?.startedAfter],
          ["done", d.plan?.doneAfter],
        ] as const) {
          if (after === undefined) continue;
          const when = moveTime(day, after, status);
          if (when < now - HOUR) pending.push({ improvementId, actorId: d.owner.id, status, at: when });
        }
        decisionCount++;
      }

      await finishReview(cmd, { actorId: manager.id, departmentId, reviewId, now: new Date(ends) });
      await db
        .updateTable("notifications")
        .set({ created_at: new Date(ends) })
        .where("review_id", "=", reviewId)
        .execute();
      await stamp(ends);
      finished.push({ id: reviewId, at: ends });
      reviewCount++;
    }
    await applyMoves(now - HOUR);
    // The department has read about its earlier reviews; the latest one is still news.
    const readRng = new Rng(`review-read/${slug}`);
    for (const r of finished.slice(0, -1)) {
      const readAt = Math.min(r.at + readRng.int(1, 30) * HOUR, now - HOUR);
      await db
        .updateTable("notifications")
        .set({ read_at: new Date(readAt) })
        .where("review_id", "=", r.id)
        .execute();
    }
  }
  return { reviews: reviewCount, decisions: decisionCount };
}
