/**
 * Performance conversations in the demo company (./performance-content.ts), written through the real
 * commands: the demo leader opens each cycle, employees write their reflections, managers their
 * notes, and the conversations held are marked discussed (which stores the evidence and prompts of
 * the period as they were then). Everything is relative to `now`: the current cycle's period is the
 * last half year, ending a few days ago, and it was opened the next working day; the earlier cycle
 * covers the half year before and was held in the weeks after its period.
 *
 * The commands stamp the real time; the seed moves each step back to when it happened. The database
 * refuses any change to a discussed conversation (migration 008), so a preparation's times are moved
 * back before it is marked discussed, and `markDiscussed` is given its own time.
 */
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import {
  markDiscussed,
  openCycle,
  saveManagerNotes,
  saveReflection,
} from "#app/modules/performance/commands.server.ts";
import { EARLIER_CYCLE, CURRENT_CYCLE, type SeedCycleDepartment } from "./performance-content.ts";
import { Rng } from "./random.ts";
import { joined } from "./reviews.ts";
import { addDays, localDate, localTime, weekday } from "./shadowing.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** No conversations on these (as in ./shadowing.ts). */
const RED_DAYS = new Set(["12-24", "12-25", "12-26", "12-31", "01-01", "01-06"]);
const LEADER = "leader@demo.test";

const isWorkday = (date: string) => weekday(date) !== 0 && weekday(date) !== 6 && !RED_DAYS.has(date.slice(5));

/** The first day of the month `months` after (or before) the one `date` is in. */
function monthStart(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** "Spring conversations 2026" for a period ending in January to June, else "Autumn …". */
function cycleName(periodEnd: string): string {
  const month = Number(periodEnd.slice(5, 7));
  return `${month <= 6 ? "Spring" : "Autumn"} conversations ${periodEnd.slice(0, 4)}`;
}

interface Step {
  at: number;
  run: () => Promise<void>;
}

interface PlannedPreparation {
  employeeId: string;
  conductorId: string;
  reflectedAt: number | null;
  preparedAt: number | null;
  discussedAt: number | null;
}

/**
 * Seeds the demo company's performance-review cycles. `people` maps e-mails and `departments` slugs
 * to ids. Run it after the other seeds: a discussed conversation stores the evidence of its period.
 */
export async function seedPerformance(
  db: Database,
  input: { people: Map<string, string>; departments: Map<string, string>; now?: Date },
): Promise<{ cycles: number; preparations: number; discussed: number }> {
  const now = (input.now ?? new Date()).getTime();
  const today = localDate(now);
  const cmd = joined(db);
  const person = (email: string) => {
    const id = input.people.get(email);
    if (!id) throw new Error(`Performance seed: no person ${email}`);
    return id;
  };
  const leaderId = person(LEADER);

  // The current cycle was opened on the last working day at least four days ago; its period ended the
  // day before and began on the first of the month about half a year earlier. The earlier cycle
  // covers the six months before.
  let currentOpened = addDays(today, -4);
  while (!isWorkday(currentOpened)) currentOpened = addDays(currentOpened, -1);
  const currentEnd = addDays(currentOpened, -1);
  const currentStart = monthStart(addDays(currentEnd, -170), 0);
  const earlierEnd = addDays(currentStart, -1);
  const earlierStart = monthStart(currentStart, -6);
  let earlierOpened = addDays(earlierEnd, 3);
  while (!isWorkday(earlierOpened)) earlierOpened = addDays(earlierOpened, 1);

  const slugs = [...new Set([...EARLIER_CYCLE, ...CURRENT_CYCLE].map((c) => c.department))];
  const departmentIds = slugs.map((slug) => {
    const id = input.departments.get(slug);
    if (!id) throw new Error(`Performance seed: no department ${slug}`);
    return id;
  });
  const members = await db
    .selectFrom("department_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.department_id", "m.user_id", "m.is_manager"])
    .where("m.department_id", "in", departmentIds)
    .where("u.status", "=", "active")
    .execute();

  // Audit entries are moved back to when their command ran: one entry per command, in order.
  const auditMark = Number(
    (
      await db
        .selectFrom("audit_log")
        .select(sql<number>`coalesce(max(id), 0)`.as("id"))
        .executeTakeFirstOrThrow()
    ).id,
  );
  const auditTimes: number[] = [];
  let preparationCount = 0;
  let discussedCount = 0;

  const seedCycle = async (plan: {
    key: string;
    content: SeedCycleDepartment[];
    periodStart: string;
    periodEnd: string;
    openedDay: string;
    /** The current cycle's steps stay in the past, each before the next. */
    capped: boolean;
  }) => {
    const rng = new Rng(`performance/${plan.key}`);
    const opened = localTime(plan.openedDay, 9, rng.int(0, 40));
    const cycleDepartments = plan.content.map((c) => input.departments.get(c.department)!);
    const cycleId = await openCycle(cmd, {
      actorId: leaderId,
      name: cycleName(plan.periodEnd),
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      departmentIds: cycleDepartments,
    });
    auditTimes.push(opened);
    await db
      .updateTable("review_cycles")
      .set({ created_at: new Date(opened) })
      .where("id", "=", cycleId)
      .execute();

    /** A working-hours moment `days` after `base`, later than `after`, and (capped) at least `margin` ago. */
    const moment = (r: Rng, base: number, days: number, after: number, margin: number) => {
      let day = addDays(localDate(base), days);
      while (!isWorkday(day)) day = addDays(day, 1);
      let at = localTime(day, r.int(8, 15), r.int(0, 59));
      if (at <= after) at = after + r.int(15, 90) * MINUTE;
      if (plan.capped) at = Math.max(Math.min(at, Math.floor((now - margin) / MINUTE) * MINUTE), after + 10 * MINUTE);
      return at;
    };

    const planned: PlannedPreparation[] = [];
    const writes: Step[] = [];
    for (const group of plan.content) {
      const departmentId = input.departments.get(group.department)!;
      const managerId = person(group.manager);
      if (!members.some((m) => m.department_id === departmentId && m.user_id === managerId && m.is_manager)) {
        throw new Error(`Performance seed: ${group.manager} does not manage ${group.department}`);
      }
      for (const p of group.preparations) {
        const employeeId = person(p.employee);
        if (!members.some((m) => m.department_id === departmentId && m.user_id === employeeId)) {
          throw new Error(`Performance seed: ${p.employee} is not in ${group.department}`);
        }
        const conductorId = p.heldBy ? person(p.heldBy) : managerId;
        if (p.discussed && !p.notes) throw new Error(`Performance seed: ${p.employee} discussed without notes`);
        const r = new Rng(`performance/${plan.key}/${p.employee}`);
        // Days after the step before: the earlier cycle over a few weeks, the current one in its first days.
        const wait = (earlier: [number, number], current: [number, number]) =>
          r.int(...(plan.capped ? current : earlier));
        const reflectedAt = p.reflection ? moment(r, opened, wait([1, 8], [0, 3]), opened, 3 * HOUR) : null;
        const preparedAt = p.notes
          ? moment(r, reflectedAt ?? opened, wait([1, 5], [0, 2]), reflectedAt ?? opened, 2 * HOUR)
          : null;
        const discussedAt =
          p.discussed && preparedAt ? moment(r, preparedAt, wait([1, 6], [1, 2]), preparedAt, HOUR) : null;
        planned.push({ employeeId, conductorId, reflectedAt, preparedAt, discussedAt });
        if (p.reflection && reflectedAt) {
          const reflection = p.reflection;
          writes.push({
            at: reflectedAt,
            run: () => saveReflection(cmd, { actorId: employeeId, cycleId, userId: employeeId, reflection }),
          });
        }
        if (p.notes && preparedAt) {
          const notes = p.notes;
          writes.push({
            at: preparedAt,
            run: () => saveManagerNotes(cmd, { actorId: conductorId, cycleId, userId: employeeId, notes }),
          });
        }
      }
    }
    writes.sort((a, b) => a.at - b.at);
    for (const w of writes) {
      await w.run();
      auditTimes.push(w.at);
    }

    // Back to when they were written, while the conversations can still change.
    const written = planned.filter((p) => p.reflectedAt !== null || p.preparedAt !== null);
    const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
    if (written.length) {
      await sql`
        update review_preparations p
        set reflected_at = v.reflected_at, prepared_at = v.prepared_at, updated_at = v.updated_at
        from unnest(
          ${written.map((p) => p.employeeId)}::uuid[],
          ${written.map((p) => iso(p.reflectedAt))}::timestamptz[],
          ${written.map((p) => iso(p.preparedAt))}::timestamptz[],
          ${written.map((p) => iso(Math.max(p.reflectedAt ?? 0, p.preparedAt ?? 0)))}::timestamptz[]
        ) as v(user_id, reflected_at, prepared_at, updated_at)
        where p.cycle_id = ${cycleId} and p.user_id = v.user_id`.execute(db);
    }
    preparationCount += written.length;

    const held = planned.filter((p) => p.discussedAt !== null).sort((a, b) => a.discussedAt! - b.discussedAt!);
    for (const p of held) {
      await markDiscussed(cmd, {
        actorId: p.conductorId,
        cycleId,
        userId: p.employeeId,
        periodStart: plan.periodStart,
        periodEnd: plan.periodEnd,
        now: new Date(p.discussedAt!),
      });
      auditTimes.push(p.discussedAt!);
      discussedCount++;
    }

    // The notifications: told when the cycle opened (read before they wrote, and all of the earlier
    // cycle's), and when their conversation was marked discussed (the earlier ones read).
    const recipients = [
      ...new Set(members.filter((m) => cycleDepartments.includes(m.department_id)).map((m) => m.user_id)),
    ]
      .filter((id) => id !== leaderId)
      .sort();
    const rows: { userId: string; kind: string; createdAt: number; readAt: number | null }[] = [];
    for (const userId of recipients) {
      const r = new Rng(`performance-read/${plan.key}/${userId}`);
      const own = [
        ...planned.filter((p) => p.employeeId === userId).map((p) => p.reflectedAt),
        ...planned.filter((p) => p.conductorId === userId).map((p) => p.preparedAt),
      ].filter((at): at is number => at !== null);
      const first = own.length ? Math.min(...own) : null;
      let readAt: number | null = null;
      if (first !== null) readAt = Math.max(opened + 5 * MINUTE, first - r.int(5, 40) * MINUTE);
      else if (!plan.capped) readAt = opened + r.int(1, 30) * HOUR;
      rows.push({ userId, kind: "cycle.opened", createdAt: opened, readAt });
    }
    for (const p of held) {
      const r = new Rng(`performance-discussed/${plan.key}/${p.employeeId}`);
      const readAt = plan.capped ? null : p.discussedAt! + r.int(1, 20) * HOUR;
      rows.push({ userId: p.employeeId, kind: "preparation.discussed", createdAt: p.discussedAt!, readAt });
    }
    await sql`
      update notifications n
      set created_at = v.created_at, read_at = v.read_at
      from unnest(
        ${rows.map((r) => r.userId)}::uuid[],
        ${rows.map((r) => r.kind)}::text[],
        ${rows.map((r) => iso(r.createdAt))}::timestamptz[],
        ${rows.map((r) => iso(r.readAt))}::timestamptz[]
      ) as v(user_id, kind, created_at, read_at)
      where n.cycle_id = ${cycleId} and n.user_id = v.user_id and n.kind = v.kind`.execute(db);
  };

  await seedCycle({
    key: "earlier",
    content: EARLIER_CYCLE,
    periodStart: earlierStart,
    periodEnd: earlierEnd,
    openedDay: earlierOpened,
    capped: false,
  });
  await seedCycle({
    key: "current",
    content: CURRENT_CYCLE,
    periodStart: currentStart,
    periodEnd: currentEnd,
    openedDay: currentOpened,
    capped: true,
  });

  const entries = await db.selectFrom("audit_log").select("id").where("id", ">", auditMark).orderBy("id").execute();
  if (entries.length !== auditTimes.length) {
    throw new Error(`Performance seed: ${entries.length} audit entries for ${auditTimes.length} commands`);
  }
  await sql`
    update audit_log a
    set created_at = v.created_at
    from unnest(
      ${entries.map((e) => String(e.id))}::bigint[],
      ${auditTimes.map((at) => new Date(at).toISOString())}::timestamptz[]
    ) as v(id, created_at)
    where a.id = v.id`.execute(db);

  return { cycles: 2, preparations: preparationCount, discussed: discussedCount };
}
