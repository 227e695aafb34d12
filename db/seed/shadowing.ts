/**
 * About four months of shadowing in the demo company: touchpoints for every
 * department, failure-demand reasons for the customer-facing ones, weekly
 * sessions in Customer Service, Claims, Credit and E-commerce with colleagues
 * from elsewhere listening in, their notes, the ideas those notes sent to each
 * backlog, and the sessions of the next three weeks. Generated from the
 * building blocks in ./shadowing-content.ts with a seeded PRNG, relative to
 * `now`, and written in a few multi-row statements.
 */
import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type { Database } from "#db/connect.ts";
import type {
  FailureReasonsTable,
  ImprovementsTable,
  ShadowBookingsTable,
  ShadowNoteBehavioursTable,
  ShadowNoteReasonsTable,
  ShadowNotesTable,
  ShadowSlotsTable,
  TouchpointsTable,
} from "#db/schema.ts";
import {
  COMMON_REASONS,
  HOSTS,
  NORDIC_NOTES,
  PAIN_CLOSERS,
  SCRIPTED_NOTES,
  SUGGESTIONS,
  THANKS,
  TOUCHPOINTS,
  UPCOMING,
  type DepartmentSlug,
  type HostSlug,
  type Job,
  type Kano,
  type ScriptedIdea,
  type SeedIdea,
  type SeedReason,
  type SlotChannel,
} from "./shadowing-content.ts";
import { Rng } from "./random.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Weeks of past sessions (about four months). */
const WEEKS = 17;
/** The company's time zone (app/utils/format.ts): sessions start at local office hours. */
const ZONE = "Europe/Stockholm";
const CHUNK = 1000;
/** Has exactly the one past session the demo relies on (SCRIPTED_NOTES), never a generated one. */
const DEMO_EMPLOYEE = "employee@demo.test";
const KANO: Kano[] = ["must_be", "performance", "attractive"];
const JOB: Job[] = ["functional", "emotional", "social"];
/** What each host's review has already picked from its generated ideas, besides SCRIPTED_NOTES. */
const PICKS: Record<HostSlug, ("chosen" | "in_progress")[]> = {
  "customer-service": ["in_progress", "chosen"],
  claims: ["chosen"],
  credit: ["chosen"],
  "e-commerce": ["in_progress"],
};

/** Picks `count` distinct items, the least used first (ties at random), and counts them as used. */
function leastUsed<T>(list: readonly T[], used: Map<T, number>, count: number, rng: Rng): T[] {
  const result = list
    .map((item) => ({ item, key: (used.get(item) ?? 0) + rng.next() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, count)
    .map((x) => x.item);
  for (const item of result) used.set(item, (used.get(item) ?? 0) + 1);
  return result;
}

// The calendar, in the company's time zone.

const zoneParts = new Intl.DateTimeFormat("en-US", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Milliseconds the zone is ahead of UTC at an instant. */
function zoneOffset(at: number): number {
  const whole = at - (((at % 1000) + 1000) % 1000);
  const p = Object.fromEntries(zoneParts.formatToParts(new Date(whole)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - whole;
}

/** The local calendar date of an instant. */
export function localDate(at: number): string {
  return new Date(at + zoneOffset(at)).toISOString().slice(0, 10);
}

/** The instant of a local wall-clock time. */
export function localTime(date: string, hour: number, minute = 0): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + hour * HOUR + minute * MINUTE;
  const first = wall - zoneOffset(wall);
  return wall - zoneOffset(first);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Public holidays around Christmas and New Year: no sessions. */
const RED_DAYS = new Set(["12-24", "12-25", "12-26", "12-31", "01-01", "01-06"]);

/** A reason's weight in a session this many weeks ago. */
function weightAt(reason: SeedReason, weeksAgo: number): number {
  if (reason.addedWeeksAgo !== undefined && weeksAgo > reason.addedWeeksAgo) return 0;
  const [from, to] = reason.weight;
  const [start, end] = reason.between ?? [WEEKS, 0];
  if (weeksAgo >= start) return from;
  if (weeksAgo <= end) return to;
  return from + ((to - from) * (start - weeksAgo)) / (start - end);
}

/** Puts the host's first name in; without a host, drops the sentences that thank them. */
function withHost(text: string, host: string | null): string {
  if (host) return text.replaceAll("{host}", host);
  return text
    .split(/(?<=[.!?])\s+/)
    .filter((s) => !s.includes("{host}"))
    .join(" ");
}

// The people.

interface Person {
  id: string;
  email: string;
  firstName: string;
  locale: string | null;
  /** Slugs of the departments they belong to (managers included), in the company's order. */
  departments: string[];
}

interface Staff {
  /** Employees who are members but not managers: hosts and owners of improvements. */
  members: Person[];
  managers: Person[];
}

interface Slot {
  id: string;
  slug: HostSlug;
  departmentId: string;
  startsAt: number;
  minutes: number;
  channel: SlotChannel;
  capacity: number;
  host: Person | null;
  details: string;
  createdBy: string | null;
  createdAt: number;
  weeksAgo: number;
  observers: Person[];
}

interface Idea {
  text: string;
  touchpointId: string | null;
  scripted?: ScriptedIdea;
}

interface NoteContent {
  wentWell: string;
  painPoints: string;
  reasons: string[];
  ideas: Idea[];
  kano: Kano | null;
  job: Job | null;
  behaviours: string[];
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Seeds shadowing for the demo company. `people` maps e-mails, `departments`
 * slugs and `behaviours` the promise's behaviour keys to ids; departments or
 * people missing from them are skipped. Everything is relative to `now`.
 */
export async function seedShadowing(
  db: Database,
  input: {
    people: Map<string, string>;
    departments: Map<string, string>;
    behaviours: Map<string, string>;
    now?: Date;
  },
): Promise<{ slots: number; bookings: number; notes: number; improvements: number }> {
  const now = (input.now ?? new Date()).getTime();
  const today = localDate(now);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const order = Object.keys(TOUCHPOINTS) as DepartmentSlug[];
  const slugs = order.filter((slug) => input.departments.has(slug));
  const hostSlugs = (Object.keys(HOSTS) as HostSlug[]).filter((slug) => input.departments.has(slug));
  const departmentId = (slug: string) => input.departments.get(slug)!;

  // Who belongs where (the demo company's people, whatever ./demo.ts says today).
  const slugById = new Map([...input.departments].map(([slug, id]) => [id, slug]));
  const memberships = input.departments.size
    ? await db
        .selectFrom("department_members as m")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select(["m.department_id", "m.is_manager", "u.id", "u.email", "u.name", "u.locale", "u.role"])
        .where("u.status", "=", "active")
        .where("m.department_id", "in", [...input.departments.values()])
        .execute()
    : [];
  const people = new Map<string, Person>();
  const staff = new Map<string, Staff>(slugs.map((slug) => [slug, { members: [], managers: [] }]));
  for (const m of [...memberships].sort((a, b) => a.email.localeCompare(b.email))) {
    const slug = slugById.get(m.department_id)!;
    let person = people.get(m.email);
    if (!person) {
      person = {
        id: m.id,
        email: m.email,
        firstName: m.name.split(" ")[0] ?? m.name,
        locale: m.locale,
        departments: [],
      };
      people.set(m.email, person);
    }
    person.departments.push(slug);
    const s = staff.get(slug)!;
    // Company leaders who sit in a department are not asked to host or own improvements.
    if (m.is_manager) s.managers.push(person);
    else if (m.role === "employee") s.members.push(person);
  }
  for (const p of people.values()) {
    p.departments.sort((a, b) => order.indexOf(a as DepartmentSlug) - order.indexOf(b as DepartmentSlug));
  }
  const everyone = [...people.values()];
  const belongs = (p: Person, slug: string) => p.departments.includes(slug);
  const memberOf = (slug: string, email: string | undefined) => staff.get(slug)?.members.find((p) => p.email === email);

  // Touchpoints and failure-demand reasons.
  const touchpoints: Insertable<TouchpointsTable>[] = [];
  const touchpointIds = new Map<string, string>();
  for (const slug of slugs) {
    for (const [position, name] of TOUCHPOINTS[slug].entries()) {
      const id = randomUUID();
      touchpointIds.set(`${slug}/${name.toLowerCase()}`, id);
      touchpoints.push({
        id,
        department_id: departmentId(slug),
        name,
        position,
        created_at: new Date(now - 21 * WEEK + position * MINUTE),
      });
    }
  }
  const touchpointId = (slug: string, name: string | null): string | null => {
    if (name === null) return null;
    const id = touchpointIds.get(`${slug}/${name.toLowerCase()}`);
    if (!id) throw new Error(`Unknown touchpoint in ${slug}: ${name}`);
    return id;
  };

  const reasons: Insertable<FailureReasonsTable>[] = [];
  const reasonIds = new Map<string, string>();
  for (const slug of hostSlugs) {
    const labels = HOSTS[slug].reasons.map((r) => r.label);
    const missing = COMMON_REASONS.filter((label) => !labels.includes(label));
    if (missing.length) throw new Error(`${slug} lacks the common reasons ${missing.join(", ")}`);
    const manager = staff.get(slug)!.managers[0] ?? null;
    for (const [i, r] of HOSTS[slug].reasons.entries()) {
      const id = randomUUID();
      reasonIds.set(`${slug}/${r.label.toLowerCase()}`, id);
      reasons.push({
        id,
        department_id: departmentId(slug),
        label: r.label,
        created_by: manager?.id ?? null,
        created_at: new Date(now - (r.addedWeeksAgo ?? 20) * WEEK - DAY + i * MINUTE),
      });
    }
  }
  const reasonId = (slug: string, label: string): string => {
    const id = reasonIds.get(`${slug}/${label.toLowerCase()}`);
    if (!id) throw new Error(`Unknown failure reason in ${slug}: ${label}`);
    return id;
  };

  // Past sessions: roughly weekly per host, at local office hours.
  const slots: Slot[] = [];
  for (const slug of hostSlugs) {
    const plan = HOSTS[slug];
    const { members, managers } = staff.get(slug)!;
    const rng = new Rng(`slots/${slug}`);
    for (let k = WEEKS; k >= 0; k--) {
      for (const entry of plan.schedule) {
        if (entry.everyOtherWeek && k % 2 === 1) continue;
        // Now and then a week off (never lately: the last weeks feed the department's top reasons).
        const off = rng.chance(0.05) && k >= 5;
        const julyOff = rng.chance(0.5);
        const shift = rng.next();
        const hour = rng.pick(entry.hours);
        const minutes = rng.chance(0.55) ? 60 : 90;
        const channel = rng.pick(entry.channels);
        // The programme grows: bigger sessions lately.
        const growth = 1 - k / WEEKS;
        const capacity = 1 + rng.weighted([2 - 2 * growth, 3, 2 + 3 * growth]);
        const host = members.length && rng.chance(0.75) ? rng.pick(members) : null;
        const details = rng.chance(0.35) ? rng.pick(plan.details) : "";
        const manager = managers.length ? rng.pick(managers) : null;
        const lead = rng.int(7, 21) * DAY + rng.int(0, 6) * HOUR;
        let date = addDays(monday, -7 * k + entry.weekday - 1);
        if (shift < 0.06 && entry.weekday > 1) date = addDays(date, -1);
        else if (shift < 0.12 && entry.weekday < 5) date = addDays(date, 1);
        const startsAt = localTime(date, hour);
        // Half the team is away in July: fewer sessions then.
        if (off || RED_DAYS.has(date.slice(5)) || (date.slice(5, 7) === "07" && julyOff)) continue;
        if (startsAt + minutes * MINUTE > now - 30 * MINUTE || now - startsAt > (WEEKS * 7 + 6) * DAY) continue;
        slots.push({
          id: randomUUID(),
          slug,
          departmentId: departmentId(slug),
          startsAt,
          minutes,
          channel,
          capacity,
          host,
          details,
          createdBy: manager?.id ?? null,
          createdAt: startsAt - lead,
          weeksAgo: (now - startsAt) / WEEK,
          observers: [],
        });
      }
    }
  }
  slots.sort((a, b) => a.startsAt - b.startsAt);

  // The notes the demo relies on take their seats first.
  const scriptedBy = new Map<string, (typeof SCRIPTED_NOTES)[number]>();
  for (const s of SCRIPTED_NOTES) {
    const observer = people.get(s.observer);
    if (!observer || belongs(observer, s.department)) continue;
    const candidates = slots.filter(
      (slot) =>
        slot.slug === s.department && slot.startsAt + slot.minutes * MINUTE < now - DAY && !slot.observers.length,
    );
    const slot = candidates.sort((a, b) => Math.abs(a.weeksAgo - s.weeksAgo) - Math.abs(b.weeksAgo - s.weeksAgo))[0];
    if (!slot) continue;
    const rng = new Rng(`scripted/${s.observer}`);
    const members = staff.get(s.department)!.members;
    if (!slot.host && members.length) slot.host = rng.pick(members);
    slot.observers.push(observer);
    scriptedBy.set(`${slot.id}/${observer.id}`, s);
  }

  // Everyone else books seats in other departments, spread fairly.
  const seen = new Map<string, number>();
  const bookingRng = new Rng("bookings");
  for (const slot of slots) {
    const wanted = bookingRng.chance(0.75) ? slot.capacity : bookingRng.int(1, slot.capacity);
    while (slot.observers.length < wanted) {
      const pool = everyone.filter(
        (p) => p.email !== DEMO_EMPLOYEE && !belongs(p, slot.slug) && !slot.observers.includes(p),
      );
      if (!pool.length) break;
      const observer = pool[bookingRng.weighted(pool.map((p) => 1 / (1 + (seen.get(p.id) ?? 0)) ** 2))]!;
      seen.set(observer.id, (seen.get(observer.id) ?? 0) + 1);
      slot.observers.push(observer);
    }
  }

  // Bookings, notes and the ideas they send to each backlog.
  const bookings: Insertable<ShadowBookingsTable>[] = [];
  const notes: Insertable<ShadowNotesTable>[] = [];
  const noteReasons: Insertable<ShadowNoteReasonsTable>[] = [];
  const noteBehaviours: Insertable<ShadowNoteBehavioursTable>[] = [];
  const improvements: (Insertable<ImprovementsTable> & { id: string; scripted?: ScriptedIdea })[] = [];
  const usedNordic = new Set<number>();
  const usage = new Map<string, number>();
  const ideaUsage = new Map<SeedIdea, number>();
  const noteRng = new Rng("notes");

  const book = (slot: Slot, observer: Person, rng: Rng, createdAt: number): string => {
    const id = randomUUID();
    const home = observer.departments.filter((slug) => slug !== slot.slug);
    bookings.push({
      id,
      slot_id: slot.id,
      observer_id: observer.id,
      observer_department_id: home.length ? departmentId(rng.pick(home)) : null,
      created_at: new Date(createdAt),
    });
    return id;
  };

  const behaviourKeys = (keys: string[], count: number, rng: Rng) => {
    const known = keys.filter((k) => input.behaviours.has(k));
    return rng.sample(
      known,
      known.map(() => 1),
      count,
    );
  };

  /**
   * The failure reasons of a note. Each reason is owed its weight's share of every tag; a note takes the
   * reasons owed most (with a little jitter), so recent counts follow the story week by week instead of the
   * sampling noise of a handful of notes. Written-out notes bring their own reasons and settle their debt.
   */
  const owed = new Map<SeedReason, number>();
  const tally = (slot: Slot, count: number, rng: Rng, fixed?: string[]): SeedReason[] => {
    const list = HOSTS[slot.slug].reasons;
    const weights = list.map((r) => weightAt(r, slot.weeksAgo));
    const total = weights.reduce((a, b) => a + b, 0);
    const tags = fixed?.length ?? count;
    // Old debts fade: what matters is the share over the last few weeks.
    list.forEach((r, i) => owed.set(r, 0.85 * (owed.get(r) ?? 0) + (total ? ((weights[i] ?? 0) / total) * tags : 0)));
    const chosen: SeedReason[] = [];
    if (fixed) {
      for (const label of fixed) {
        const r = list.find((x) => x.label === label);
        if (!r) throw new Error(`Unknown failure reason in ${slot.slug}: ${label}`);
        chosen.push(r);
      }
    } else {
      while (chosen.length < count) {
        const open = list.filter((r, i) => (weights[i] ?? 0) > 0 && !chosen.includes(r));
        if (!open.length) break;
        const ranked = open.map((r) => ({ r, key: (owed.get(r) ?? 0) + 0.3 * rng.next() }));
        chosen.push(ranked.sort((a, b) => b.key - a.key)[0]!.r);
      }
    }
    for (const r of chosen) owed.set(r, (owed.get(r) ?? 0) - 1);
    return chosen;
  };

  const compose = (slot: Slot, observer: Person, rng: Rng): NoteContent => {
    const plan = HOSTS[slot.slug];
    const hostName = slot.host?.firstName ?? null;
    const scripted = scriptedBy.get(`${slot.id}/${observer.id}`);
    if (scripted) {
      tally(slot, 0, rng, scripted.reasons);
      return {
        wentWell: withHost(scripted.wentWell, hostName),
        painPoints: scripted.painPoints,
        reasons: scripted.reasons,
        ideas: scripted.ideas.map((idea) => ({
          text: idea.text,
          touchpointId: touchpointId(slot.slug, idea.touchpoint),
          scripted: idea,
        })),
        kano: scripted.kano,
        job: scripted.job,
        behaviours: scripted.behaviours.filter((k) => input.behaviours.has(k)),
      };
    }
    const available = (labels: string[]) =>
      labels.every((label) => {
        const r = plan.reasons.find((x) => x.label === label);
        return r !== undefined && weightAt(r, slot.weeksAgo) > 0;
      });
    const language = observer.locale;
    if ((language === "sv" || language === "da" || language === "nb") && rng.chance(0.5)) {
      const index = NORDIC_NOTES.findIndex(
        (n, i) =>
          !usedNordic.has(i) &&
          n.department === slot.slug &&
          n.language === language &&
          (n.withinWeeks === undefined || slot.weeksAgo <= n.withinWeeks) &&
          available(n.reasons),
      );
      const n = NORDIC_NOTES[index];
      if (n) {
        usedNordic.add(index);
        tally(slot, 0, rng, n.reasons);
        const thanks = hostName && rng.chance(0.5) ? ` ${withHost(rng.pick(THANKS[language]), hostName)}` : "";
        return {
          wentWell: n.wentWell + thanks,
          painPoints: n.painPoints,
          reasons: n.reasons,
          ideas: n.ideas.map((idea) => ({ text: idea.text, touchpointId: touchpointId(slot.slug, idea.touchpoint) })),
          kano: n.kano,
          job: n.job,
          behaviours: n.behaviours.filter((k) => input.behaviours.has(k)),
        };
      }
    }

    const chosen = tally(slot, 1 + rng.weighted([0.2, 0.45, 0.35]), rng);

    const thanks = hostName && rng.chance(0.45);
    const well = leastUsed(plan.wentWell, usage, thanks && rng.chance(0.5) ? 1 : 2, rng);
    if (thanks) well.push(withHost(rng.pick(THANKS.en), hostName));

    const pains =
      chosen.length === 1
        ? leastUsed(chosen[0]!.pains, usage, 2, rng)
        : chosen.flatMap((r) => leastUsed(r.pains, usage, 1, rng));
    const closer = pains.length < 2 || (chosen.length === 2 && rng.chance(0.3)) ? rng.pick(PAIN_CLOSERS) : null;
    const painPoints =
      pains.length >= 2 && rng.chance(0.35)
        ? pains.map((p) => `- ${p}`).join("\n") + (closer ? `\n\n${closer}` : "")
        : [...pains, ...(closer ? [closer] : [])].join(" ");

    // Up to three ideas, the least repeated first; an idea already in the backlog twice only as the first.
    const wanted = 1 + rng.weighted([0.5, 0.35, 0.15]);
    const ideas = [...new Set(chosen.flatMap((r) => r.ideas))]
      .map((idea) => ({ idea, key: (ideaUsage.get(idea) ?? 0) + rng.next() }))
      .sort((a, b) => a.key - b.key)
      .slice(0, wanted)
      .map((x) => x.idea)
      .filter((idea, i) => i === 0 || (ideaUsage.get(idea) ?? 0) < 2);
    for (const idea of ideas) ideaUsage.set(idea, (ideaUsage.get(idea) ?? 0) + 1);

    const k = rng.next();
    const j = rng.next();
    const first = chosen[0]!;
    return {
      wentWell: well.join(" "),
      painPoints,
      reasons: chosen.map((r) => r.label),
      ideas: ideas.map((idea) => ({ text: idea.text, touchpointId: touchpointId(slot.slug, idea.touchpoint) })),
      kano: k < 0.12 ? null : k < 0.75 ? first.kano : rng.pick(KANO),
      job: j < 0.15 ? null : j < 0.7 ? first.job : rng.pick(JOB),
      behaviours: behaviourKeys(plan.behaviours, rng.weighted([0.3, 0.45, 0.25]), rng),
    };
  };

  type State = "none" | "draft" | "submitted";
  const written = new Map<string, number>();
  const planned: { slot: Slot; observer: Person; bookingId: string; state: State; rng: Rng }[] = [];
  for (const slot of slots) {
    const end = slot.startsAt + slot.minutes * MINUTE;
    for (const observer of slot.observers) {
      const rng = new Rng(`note/${slot.slug}/${slot.startsAt}/${observer.email}`);
      const bookedAt =
        slot.createdAt + HOUR + Math.floor(rng.next() * Math.max(0, slot.startsAt - slot.createdAt - 2 * HOUR));
      const bookingId = book(slot, observer, rng, bookedAt);
      const age = now - end;
      const r = noteRng.next();
      // About 70% of sessions get a note: evenly spread, so that every month has its share.
      const share = (written.get(slot.slug) ?? noteRng.next()) + 0.72 + 0.2 * (r - 0.5);
      let state: State;
      if (scriptedBy.has(`${slot.id}/${observer.id}`)) state = "submitted";
      else if (age < 2 * HOUR) state = "none";
      else if (age < 12 * DAY) state = r < 0.12 ? "draft" : r < 0.85 ? "submitted" : "none";
      else state = share >= 1 ? "submitted" : "none";
      written.set(slot.slug, share >= 1 ? share - 1 : share);
      planned.push({ slot, observer, bookingId, state, rng });
    }
  }
  // A few drafts waiting to be finished, always.
  const recent = planned.filter(
    (p) =>
      now - (p.slot.startsAt + p.slot.minutes * MINUTE) < 12 * DAY && !scriptedBy.has(`${p.slot.id}/${p.observer.id}`),
  );
  for (const state of ["none", "submitted"] as const) {
    for (const p of [...recent].reverse()) {
      if (planned.filter((x) => x.state === "draft").length >= 2) break;
      if (p.state === state) p.state = "draft";
    }
  }

  for (const p of planned) {
    if (p.state === "none") continue;
    const { slot, observer, rng } = p;
    const end = slot.startsAt + slot.minutes * MINUTE;
    const createdAt = Math.min(end + rng.int(10, 90) * MINUTE, now - 5 * MINUTE);
    let submittedAt: number | null = Math.max(createdAt + 20 * MINUTE, end + rng.int(2, 30) * HOUR);
    if (p.state === "draft" || submittedAt > now - 5 * MINUTE) submittedAt = null;
    const updatedAt = submittedAt ?? Math.min(createdAt + rng.int(0, 120) * MINUTE, now - MINUTE);
    const content = compose(slot, observer, rng);
    const id = randomUUID();
    notes.push({
      id,
      booking_id: p.bookingId,
      author_id: observer.id,
      department_id: slot.departmentId,
      status: submittedAt === null ? "draft" : "submitted",
      went_well: content.wentWell,
      pain_points: content.painPoints,
      kano: content.kano,
      job: content.job,
      draft_ideas: JSON.stringify(content.ideas.map((i) => ({ text: i.text, touchpointId: i.touchpointId }))),
      created_at: new Date(createdAt),
      updated_at: new Date(Math.max(updatedAt, createdAt)),
      submitted_at: submittedAt === null ? null : new Date(submittedAt),
    });
    for (const label of new Set(content.reasons))
      noteReasons.push({ note_id: id, reason_id: reasonId(slot.slug, label) });
    for (const key of new Set(content.behaviours)) {
      noteBehaviours.push({ note_id: id, behaviour_id: input.behaviours.get(key)! });
    }
    if (submittedAt === null) continue;
    for (const [position, idea] of content.ideas.entries()) {
      improvements.push({
        id: randomUUID(),
        department_id: slot.departmentId,
        touchpoint_id: idea.touchpointId,
        description: idea.text,
        origin: "shadow_note",
        shadow_note_id: id,
        position,
        status: "proposed",
        created_by: observer.id,
        created_at: new Date(submittedAt),
        updated_at: new Date(submittedAt),
        scripted: idea.scripted,
      });
    }
  }

  // What the reviews have done with some of the ideas.
  const statusRng = new Rng("improvements");
  const due = (days: number) => addDays(today, days);
  const ownerIn = (slug: string, email?: string) => {
    const members = staff.get(slug)!.members;
    return memberOf(slug, email) ?? (members.length ? statusRng.pick(members) : null);
  };
  const slugOf = (id: string) => slugById.get(id)!;
  for (const imp of improvements) {
    const s = imp.scripted;
    if (!s?.status) continue;
    const created = (imp.created_at as Date).getTime();
    imp.status = s.status;
    if (s.status === "dropped") {
      imp.dropped_reason = s.droppedReason ?? "Not now.";
      imp.updated_at = new Date(Math.min(created + 9 * DAY, now - HOUR));
      continue;
    }
    imp.owner_id = ownerIn(slugOf(imp.department_id), s.owner)?.id ?? null;
    if (s.status === "done") {
      const doneAt = Math.max(created + DAY, now - (s.doneWeeksAgo ?? 2) * WEEK);
      imp.updated_at = new Date(doneAt);
      imp.due_on = localDate(doneAt + 2 * DAY);
    } else {
      imp.due_on = due(s.dueInDays ?? 21);
      imp.updated_at = new Date(Math.min(created + 6 * DAY, now - HOUR));
    }
  }
  for (const slug of hostSlugs) {
    const id = departmentId(slug);
    for (const status of PICKS[slug]) {
      // One improvement per touchpoint at a time: the busiest touchpoint without one.
      const taken = new Set(
        improvements.filter((i) => i.department_id === id && i.status !== "proposed").map((i) => i.touchpoint_id),
      );
      const candidates = improvements.filter((i) => {
        const age = now - (i.created_at as Date).getTime();
        return (
          i.department_id === id &&
          i.status === "proposed" &&
          i.touchpoint_id &&
          !taken.has(i.touchpoint_id) &&
          age > 2 * WEEK &&
          age < 10 * WEEK
        );
      });
      const byTouchpoint = new Map<string, typeof candidates>();
      for (const c of candidates)
        byTouchpoint.set(c.touchpoint_id!, [...(byTouchpoint.get(c.touchpoint_id!) ?? []), c]);
      const busiest = [...byTouchpoint.values()].sort((a, b) => b.length - a.length)[0];
      const pick = busiest?.at(-1);
      if (!pick) continue;
      const created = (pick.created_at as Date).getTime();
      pick.status = status;
      pick.owner_id = ownerIn(slug)?.id ?? null;
      pick.due_on = due(statusRng.int(10, 45));
      pick.updated_at = new Date(Math.min(created + statusRng.int(3, 10) * DAY, now - HOUR));
    }
  }

  // Ideas sent straight to a department.
  for (const s of SUGGESTIONS) {
    const author = input.people.get(s.author);
    if (!input.departments.has(s.department) || !author) continue;
    const created = now - s.weeksAgo * WEEK - 3 * HOUR;
    const owner = s.chosen ? memberOf(s.department, s.chosen.owner) : undefined;
    improvements.push({
      id: randomUUID(),
      department_id: departmentId(s.department),
      touchpoint_id: touchpointId(s.department, s.touchpoint),
      description: s.text,
      origin: "suggestion",
      status: owner ? "chosen" : "proposed",
      owner_id: owner?.id ?? null,
      due_on: owner ? due(s.chosen!.dueInDays) : null,
      created_by: author,
      created_at: new Date(created),
      updated_at: new Date(owner ? Math.min(created + 5 * DAY, now - HOUR) : created),
    });
  }

  // The next three weeks.
  const upcomingRng = new Rng("upcoming");
  for (const u of UPCOMING) {
    if (!input.departments.has(u.department)) continue;
    const { members, managers } = staff.get(u.department)!;
    let date = addDays(today, u.inDays);
    while (weekday(date) === 0 || weekday(date) === 6) date = addDays(date, 1);
    const startsAt = localTime(date, u.hour);
    const createdAt = now - upcomingRng.int(2, 9) * DAY - upcomingRng.int(0, 6) * HOUR;
    const slot: Slot = {
      id: randomUUID(),
      slug: u.department,
      departmentId: departmentId(u.department),
      startsAt,
      minutes: u.minutes,
      channel: u.channel,
      capacity: u.capacity,
      host: members.length ? upcomingRng.pick(members) : null,
      details: u.details,
      createdBy: managers.length ? upcomingRng.pick(managers).id : null,
      createdAt,
      weeksAgo: (now - startsAt) / WEEK,
      observers: [],
    };
    if (startsAt <= now) continue;
    slots.push(slot);
    for (const email of u.observers) {
      const observer = people.get(email);
      if (!observer || belongs(observer, u.department) || slot.observers.length >= slot.capacity) continue;
      slot.observers.push(observer);
      book(slot, observer, upcomingRng, createdAt + Math.floor(upcomingRng.next() * (now - createdAt)));
    }
  }

  // The demo employee sat in on E-commerce's chat two days ago and has not written the note yet:
  // "Write your note" waits on their shadowing page.
  const demo = people.get(DEMO_EMPLOYEE);
  const shop = input.departments.get("e-commerce");
  if (demo && shop && !belongs(demo, "e-commerce")) {
    const startsAt = localTime(addDays(today, -2), 10);
    const pending: Slot = {
      id: randomUUID(),
      slug: "e-commerce",
      departmentId: shop,
      startsAt,
      minutes: 60,
      channel: "chat",
      capacity: 2,
      host: null,
      details: "",
      createdBy: null,
      createdAt: startsAt - 7 * 86_400_000,
      weeksAgo: (now - startsAt) / WEEK,
      observers: [demo],
    };
    slots.push(pending);
    book(pending, demo, new Rng("pending"), startsAt - 3 * 86_400_000);
  }

  const slotRows: Insertable<ShadowSlotsTable>[] = slots.map((s) => ({
    id: s.id,
    department_id: s.departmentId,
    starts_at: new Date(s.startsAt),
    minutes: s.minutes,
    channel: s.channel,
    capacity: s.capacity,
    host_id: s.host?.id ?? null,
    details: s.details,
    created_by: s.createdBy,
    created_at: new Date(s.createdAt),
  }));
  const improvementRows: Insertable<ImprovementsTable>[] = improvements.map(({ scripted: _, ...row }) => {
    const changed = row.updated_at as Date;
    const picked = row.status === "chosen" || row.status === "in_progress" || row.status === "done";
    return {
      ...row,
      chosen_at: picked ? new Date(Math.min(changed.getTime(), (row.created_at as Date).getTime() + 3 * DAY)) : null,
      done_at: row.status === "done" ? changed : null,
    };
  });

  await insertChunks(touchpoints, (rows) => db.insertInto("touchpoints").values(rows).execute());
  await insertChunks(reasons, (rows) => db.insertInto("failure_reasons").values(rows).execute());
  await insertChunks(slotRows, (rows) => db.insertInto("shadow_slots").values(rows).execute());
  await insertChunks(bookings, (rows) => db.insertInto("shadow_bookings").values(rows).execute());
  await insertChunks(notes, (rows) => db.insertInto("shadow_notes").values(rows).execute());
  await insertChunks(noteReasons, (rows) => db.insertInto("shadow_note_reasons").values(rows).execute());
  await insertChunks(noteBehaviours, (rows) => db.insertInto("shadow_note_behaviours").values(rows).execute());
  await insertChunks(improvementRows, (rows) => db.insertInto("improvements").values(rows).execute());

  return {
    slots: slotRows.length,
    bookings: bookings.length,
    notes: notes.length,
    improvements: improvementRows.length,
  };
}
