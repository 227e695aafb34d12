/**
 * The demo company's seed against a real database, for what other tests and
 * the demo itself rely on: its CX reviews (finished, consecutive, relative to
 * today, the last one with previous decisions and a win), a next review in
 * Customer Service that can start where the last one ended and choose an idea
 * from shadowing without replacing anything, half a year of recognition
 * (one hidden, some for the demo employee, a suggestion left for the manager),
 * and two performance-review cycles (the earlier one mostly discussed, the
 * current one in progress, left for the demo employee and manager to try).
 */
import { describe, expect, it } from "vitest";
import { chooseImprovement } from "#app/modules/shadowing/commands.server.ts";
import type { Agenda } from "#app/modules/reviews/agenda.server.ts";
import { startReview } from "#app/modules/reviews/commands.server.ts";
import { lastReviewEnd } from "#app/modules/reviews/queries.server.ts";
import { listRecognitions, recognitionSuggestions } from "#app/modules/recognition/queries.server.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { addPeriods } from "#app/modules/kpis/formulas.ts";
import {
  markDiscussed,
  saveManagerNotes,
  saveReflection,
  type PreparationSnapshot,
} from "#app/modules/performance/commands.server.ts";
import { PROMPT_LIMITS } from "#app/modules/performance/constants.ts";
import { getPreparation } from "#app/modules/performance/queries.server.ts";
import { seedDemoCompany } from "#db/seed/demo.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();
await seedDemoCompany(db);

const DAY_MS = 86_400_000;

async function reviewsOf(slug: string) {
  return db
    .selectFrom("reviews as r")
    .innerJoin("departments as d", "d.id", "r.department_id")
    .select(["r.id", "r.department_id", "r.period_start", "r.period_end", "r.status", "r.agenda", "r.finished_at"])
    .where("d.slug", "=", slug)
    .orderBy("r.period_start")
    .execute();
}

describe("the demo company's CX reviews", () => {
  it("has three finished reviews in Customer Service, one each in Claims and E-commerce, and none open", async () => {
    const service = await reviewsOf("customer-service");
    expect(service.map((r) => r.status)).toEqual(["finished", "finished", "finished"]);
    expect((await reviewsOf("claims")).map((r) => r.status)).toEqual(["finished"]);
    expect((await reviewsOf("e-commerce")).map((r) => r.status)).toEqual(["finished"]);
    const open = await db.selectFrom("reviews").select("id").where("status", "=", "open").execute();
    expect(open).toEqual([]);

    // Consecutive periods, the last one ending a few days ago; each decided something.
    for (const [i, r] of service.entries()) {
      if (i > 0) expect(r.period_start).toBe(addPeriods(service[i - 1]!.period_end, "day", 1));
      expect(r.finished_at!.getTime()).toBeLessThan(Date.now());
    }
    const last = service.at(-1)!;
    expect(Date.parse(today()) - Date.parse(last.period_end)).toBeGreaterThanOrEqual(3 * DAY_MS);
    const decisions = await db
      .selectFrom("review_decisions")
      .select(["review_id"])
      .where(
        "review_id",
        "in",
        service.map((r) => r.id),
      )
      .execute();
    for (const r of service) expect(decisions.filter((d) => d.review_id === r.id).length).toBeGreaterThan(0);

    // The last one opened with what the one before decided, and celebrated a win.
    const agenda = JSON.parse(last.agenda!) as Agenda;
    expect(agenda.previous?.id).toBe(service[1]!.id);
    expect(agenda.previous!.decisions.length).toBeGreaterThan(0);
    expect(agenda.wins.length).toBeGreaterThan(0);
  });

  it("lets the demo manager start the next review in Customer Service and choose an idea from shadowing", async () => {
    const department = await db
      .selectFrom("departments")
      .select("id")
      .where("slug", "=", "customer-service")
      .executeTakeFirstOrThrow();
    const manager = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "manager@demo.test")
      .executeTakeFirstOrThrow();
    const owner = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "employee@demo.test")
      .executeTakeFirstOrThrow();
    const periodStart = addPeriods((await lastReviewEnd(db, department.id))!, "day", 1);
    const reviewId = await startReview(db, {
      actorId: manager.id,
      departmentId: department.id,
      periodStart,
      periodEnd: today(),
      today: today(),
    });

    // A touchpoint with nothing chosen and an idea from a shadowing note.
    const idea = await db
      .selectFrom("improvements as i")
      .innerJoin("touchpoints as t", "t.id", "i.touchpoint_id")
      .select("i.id")
      .where("t.department_id", "=", department.id)
      .where("i.status", "=", "proposed")
      .where("i.origin", "=", "shadow_note")
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("improvements as c")
              .select("c.id")
              .whereRef("c.touchpoint_id", "=", "t.id")
              .where("c.status", "in", ["chosen", "in_progress"]),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    await chooseImprovement(db, {
      actorId: manager.id,
      departmentId: department.id,
      improvementId: idea.id,
      ownerId: owner.id,
      dueOn: addPeriods(today(), "day", 14),
      today: today(),
      reviewId,
    });
    const chosen = await db
      .selectFrom("review_decisions")
      .select("improvement_id")
      .where("review_id", "=", reviewId)
      .execute();
    expect(chosen).toEqual([{ improvement_id: idea.id }]);
  });
});

describe("the demo company's recognition", () => {
  const userId = async (email: string) =>
    (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

  it("has about 45 recognitions over the last half year, across departments, one of them hidden", async () => {
    const rows = await db
      .selectFrom("recognitions")
      .select(["id", "author_id", "created_at", "updated_at", "story_id", "shadow_note_id", "improvement_id"])
      .select(["hidden_at", "hidden_by", "hidden_reason"])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.length).toBeLessThanOrEqual(50);
    for (const r of rows) {
      const age = Date.now() - r.created_at.getTime();
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(190 * DAY_MS);
      expect(r.updated_at).toEqual(r.created_at);
    }
    // Spread over the half year, not bunched at the seed's run.
    expect(rows.filter((r) => Date.now() - r.created_at.getTime() > 90 * DAY_MS).length).toBeGreaterThan(10);
    expect(rows.some((r) => r.story_id)).toBe(true);
    expect(rows.some((r) => r.shadow_note_id)).toBe(true);
    expect(rows.some((r) => r.improvement_id)).toBe(true);

    const hidden = rows.filter((r) => r.hidden_at);
    expect(hidden).toHaveLength(1);
    expect(hidden[0]!.hidden_reason).toBeTruthy();
    expect(hidden[0]!.hidden_by).toBe(await userId("admin@demo.test"));

    // Nobody thanked themselves.
    const self = await db
      .selectFrom("recognition_people as p")
      .innerJoin("recognitions as r", "r.id", "p.recognition_id")
      .select("r.id")
      .whereRef("p.user_id", "=", "r.author_id")
      .execute();
    expect(self).toEqual([]);

    // Every department gave and received some.
    const departments = await db.selectFrom("departments").select(["id", "slug"]).execute();
    const givers = await db
      .selectFrom("recognitions as r")
      .innerJoin("department_members as m", "m.user_id", "r.author_id")
      .select("m.department_id")
      .distinct()
      .execute();
    const receivers = await db
      .selectFrom("recognition_people as p")
      .innerJoin("department_members as m", "m.user_id", "p.user_id")
      .select("m.department_id")
      .union(db.selectFrom("recognition_departments").select("department_id"))
      .execute();
    for (const d of departments) {
      expect(
        givers.map((g) => g.department_id),
        d.slug,
      ).toContain(d.id);
      expect(
        receivers.map((g) => g.department_id),
        d.slug,
      ).toContain(d.id);
    }

    // About half have reactions; nobody reacts to their own.
    const reacted = await db.selectFrom("recognition_reactions").select("recognition_id").distinct().execute();
    expect(reacted.length).toBeGreaterThan(rows.length * 0.3);
    expect(reacted.length).toBeLessThan(rows.length * 0.75);
    const own = await db
      .selectFrom("recognition_reactions as x")
      .innerJoin("recognitions as r", "r.id", "x.recognition_id")
      .select("r.id")
      .whereRef("x.user_id", "=", "r.author_id")
      .execute();
    expect(own).toEqual([]);
  });

  it("notified the recipients when it was given, and the older notifications have been read", async () => {
    const rows = await db
      .selectFrom("notifications as n")
      .innerJoin("recognitions as r", "r.id", "n.recognition_id")
      .select(["n.created_at", "n.read_at", "r.created_at as given"])
      .execute();
    expect(rows.length).toBeGreaterThan(45);
    for (const n of rows) {
      expect(n.created_at).toEqual(n.given);
      const age = Date.now() - n.created_at.getTime();
      if (age > 15 * DAY_MS) expect(n.read_at).not.toBeNull();
      if (age < 13 * DAY_MS) expect(n.read_at).toBeNull();
      if (n.read_at) expect(n.read_at.getTime()).toBeGreaterThan(n.created_at.getTime());
    }
  });

  it("thanked the demo employee, once for a story, and the demo manager gave some", async () => {
    const employee = await userId("employee@demo.test");
    const received = await listRecognitions(db, { viewerId: employee, recipientId: employee, limit: 50 });
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(received.some((r) => r.story)).toBe(true);
    const manager = await userId("manager@demo.test");
    const given = await db.selectFrom("recognitions").select("id").where("author_id", "=", manager).execute();
    expect(given.length).toBeGreaterThanOrEqual(2);
  });

  it("leaves the Customer Service manager an improvement done lately to celebrate", async () => {
    const departments = await db
      .selectFrom("department_members as m")
      .innerJoin("departments as d", "d.id", "m.department_id")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["d.id", "d.name"])
      .where("u.email", "=", "manager@demo.test")
      .where("m.is_manager", "=", true)
      .execute();
    expect(departments.map((d) => d.name)).toEqual(["Customer Service"]);
    const suggestions = await recognitionSuggestions(db, { departments, today: today() });
    expect(suggestions.filter((s) => s.kind === "improvement").length).toBeGreaterThanOrEqual(1);
  });
});

describe("the demo company's performance conversations", () => {
  const userId = async (email: string) =>
    (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const cycles = () =>
    db
      .selectFrom("review_cycles as c")
      .innerJoin("users as u", "u.id", "c.created_by")
      .select(["c.id", "c.name", "c.period_start", "c.period_end", "c.created_at", "u.email as created_by"])
      .orderBy("c.period_start")
      .execute();
  const preparations = (cycleId: string) =>
    db
      .selectFrom("review_preparations as p")
      .innerJoin("users as u", "u.id", "p.user_id")
      .leftJoin("users as pb", "pb.id", "p.prepared_by")
      .leftJoin("users as db", "db.id", "p.discussed_by")
      .select(["u.email", "u.locale", "p.reflection", "p.reflected_at", "p.manager_notes", "p.prepared_at"])
      .select(["pb.email as prepared_by", "p.discussed_at", "db.email as discussed_by", "p.snapshot", "p.updated_at"])
      .where("p.cycle_id", "=", cycleId)
      .execute();
  const members = async (slug: string) =>
    (
      await db
        .selectFrom("department_members as m")
        .innerJoin("departments as d", "d.id", "m.department_id")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select("u.email")
        .where("d.slug", "=", slug)
        .execute()
    ).map((m) => m.email);
  const day = (at: Date) => at.toISOString().slice(0, 10);

  it("has two cycles opened by the demo leader: the first and the second half of the last year", async () => {
    const [earlier, current, ...more] = await cycles();
    expect(more).toEqual([]);
    for (const c of [earlier!, current!]) {
      expect(c.name).toMatch(/^(Spring|Autumn) conversations \d{4}$/);
      expect(c.created_by).toBe("leader@demo.test");
      // Opened after its period, in the past.
      expect(day(c.created_at) > c.period_end).toBe(true);
      expect(c.created_at.getTime()).toBeLessThan(Date.now());
      const departments = await db
        .selectFrom("review_cycle_departments as cd")
        .innerJoin("departments as d", "d.id", "cd.department_id")
        .select("d.slug")
        .where("cd.cycle_id", "=", c.id)
        .orderBy("d.slug")
        .execute();
      expect(departments.map((d) => d.slug)).toEqual(["claims", "customer-service", "e-commerce"]);
    }
    expect(earlier!.name).not.toBe(current!.name);
    // The current period is the last half year, ending a few days ago; the earlier one the half year before.
    const ago = (date: string) => (Date.parse(today()) - Date.parse(date)) / DAY_MS;
    expect(ago(current!.period_end)).toBeGreaterThanOrEqual(4);
    expect(ago(current!.period_end)).toBeLessThanOrEqual(12);
    expect(ago(current!.period_start)).toBeGreaterThan(160);
    expect(ago(current!.period_start)).toBeLessThan(215);
    expect(addPeriods(earlier!.period_end, "day", 1)).toBe(current!.period_start);
    expect(earlier!.period_start).toBe(addPeriods(current!.period_start, "month", -6));

    // Everything the commands audited is moved back to when it happened.
    const audited = await db
      .selectFrom("audit_log")
      .select(["action", "created_at"])
      .where((eb) => eb.or([eb("action", "like", "cycle.%"), eb("action", "like", "preparation.%")]))
      .execute();
    expect(audited.filter((a) => a.action === "cycle.open")).toHaveLength(2);
    expect(audited.filter((a) => a.created_at < current!.created_at).length).toBeGreaterThan(15);
    for (const a of audited) expect(a.created_at.getTime()).toBeLessThan(Date.now());
  });

  it("held most of the earlier conversations in the weeks after its period, their evidence and prompts stored", async () => {
    const [earlier, current] = await cycles();
    const rows = await preparations(earlier!.id);
    const discussed = rows.filter((p) => p.discussed_at);
    expect(discussed.length).toBeGreaterThanOrEqual(8);
    expect(discussed.length).toBeGreaterThan(rows.length / 2);
    for (const p of rows) {
      for (const at of [p.reflected_at, p.prepared_at, p.discussed_at]) {
        if (!at) continue;
        expect(at.getTime()).toBeGreaterThan(earlier!.created_at.getTime());
        expect(at.getTime()).toBeLessThan(current!.created_at.getTime());
      }
      expect(Boolean(p.reflected_at)).toBe(p.reflection !== "");
      expect(Boolean(p.prepared_at)).toBe(p.manager_notes !== "");
    }
    for (const p of discussed) {
      expect(p.prepared_at!.getTime()).toBeLessThan(p.discussed_at!.getTime());
      expect(p.updated_at).toEqual(p.discussed_at);
      expect(p.discussed_by).toBe(p.prepared_by);
      const snapshot = JSON.parse(p.snapshot!) as PreparationSnapshot;
      expect(snapshot.evidence.periodStart).toBe(earlier!.period_start);
      expect(snapshot.evidence.periodEnd).toBe(earlier!.period_end);
      expect(snapshot.evidence.asOf).toBe(p.discussed_at!.toISOString());
      expect(snapshot.prompts.length).toBeGreaterThanOrEqual(PROMPT_LIMITS.min);
      expect(snapshot.prompts.length).toBeLessThanOrEqual(PROMPT_LIMITS.max);
      expect(snapshot.prompts.at(-1)!.rule).toBe("support");
    }
    // The demo employee's conversation was held by the demo manager, hers by a leader.
    const employee = discussed.find((p) => p.email === "employee@demo.test");
    expect(employee?.discussed_by).toBe("manager@demo.test");
    expect(discussed.find((p) => p.email === "manager@demo.test")?.discussed_by).toBe("leader@demo.test");

    // Everyone was told when it opened and when their conversation was held, and has read it since.
    const told = await db
      .selectFrom("notifications as n")
      .innerJoin("users as u", "u.id", "n.user_id")
      .select(["u.email", "n.kind", "n.created_at", "n.read_at"])
      .where("n.cycle_id", "=", earlier!.id)
      .execute();
    const opened = told.filter((n) => n.kind === "cycle.opened");
    const everyone = new Set([
      ...(await members("customer-service")),
      ...(await members("claims")),
      ...(await members("e-commerce")),
    ]);
    expect(opened.map((n) => n.email).sort()).toEqual([...everyone].sort());
    for (const n of opened) expect(n.created_at).toEqual(earlier!.created_at);
    for (const p of discussed) {
      const n = told.find((x) => x.kind === "preparation.discussed" && x.email === p.email);
      expect(n?.created_at).toEqual(p.discussed_at);
    }
    for (const n of told) expect(n.read_at!.getTime()).toBeGreaterThan(n.created_at.getTime());
  });

  it("leaves the current cycle in progress, written in people's own languages, nothing held in Customer Service", async () => {
    const [, current] = await cycles();
    const rows = await preparations(current!.id);
    for (const p of rows) {
      for (const at of [p.reflected_at, p.prepared_at, p.discussed_at]) {
        if (at) expect(at.getTime()).toBeGreaterThan(current!.created_at.getTime());
        if (at) expect(at.getTime()).toBeLessThan(Date.now());
      }
    }
    // Nothing yet for the demo employee and the demo manager to try it on.
    expect(rows.find((p) => p.email === "employee@demo.test")).toBeUndefined();
    expect(rows.find((p) => p.email === "manager@demo.test")).toBeUndefined();
    const erik = await getPreparation(db, current!.id, await userId("employee@demo.test"));
    expect(erik).toMatchObject({ reflection: "", managerNotes: "", discussedAt: null, snapshot: null });

    const service = new Set(await members("customer-service"));
    const inService = rows.filter((p) => service.has(p.email));
    expect(inService.filter((p) => p.discussed_at)).toEqual([]);
    const reflected = inService.filter((p) => p.reflected_at);
    expect(reflected.length).toBeGreaterThanOrEqual(3);
    expect(new Set(reflected.map((p) => p.locale))).toEqual(new Set(["sv", "da", "nb"]));
    const prepared = inService.filter((p) => p.prepared_at);
    expect(prepared.length).toBeGreaterThanOrEqual(2);
    for (const p of prepared) expect(p.prepared_by).toBe("manager@demo.test");

    // Claims and E-commerce are partly done: some held (with their evidence), some not yet.
    const others = rows.filter((p) => !service.has(p.email));
    const held = others.filter((p) => p.discussed_at);
    expect(held.length).toBeGreaterThanOrEqual(1);
    expect(others.length).toBeGreaterThan(held.length);
    const mikkel = held.find((p) => p.email === "mikkel.dahl@demo.test");
    const evidence = (JSON.parse(mikkel!.snapshot!) as PreparationSnapshot).evidence;
    expect(evidence.counts.storiesWritten).toBeGreaterThanOrEqual(1);

    // The demo employee has been told and not read it yet.
    const told = await db
      .selectFrom("notifications as n")
      .innerJoin("users as u", "u.id", "n.user_id")
      .select(["n.created_at", "n.read_at"])
      .where("n.cycle_id", "=", current!.id)
      .where("n.kind", "=", "cycle.opened")
      .where("u.email", "=", "employee@demo.test")
      .execute();
    expect(told).toEqual([{ created_at: current!.created_at, read_at: null }]);
  });

  it("lets the demo employee reflect and the demo manager prepare and hold the conversation", async () => {
    const [, current] = await cycles();
    const erik = await userId("employee@demo.test");
    const maja = await userId("manager@demo.test");
    const input = { cycleId: current!.id, userId: erik };
    await saveReflection(db, { ...input, actorId: erik, reflection: "I'd like to do **more callbacks**." });
    await saveManagerNotes(db, { ...input, actorId: maja, notes: "Ask about the callback routine." });
    await markDiscussed(db, {
      ...input,
      actorId: maja,
      periodStart: current!.period_start,
      periodEnd: current!.period_end,
    });
    const preparation = await getPreparation(db, current!.id, erik);
    expect(preparation?.discussedAt).not.toBeNull();
    // His stories of the half year are in the evidence, and the first question asks about one.
    expect(preparation!.snapshot!.evidence.counts.storiesWritten).toBeGreaterThanOrEqual(2);
    expect(preparation!.snapshot!.prompts[0]!.rule).toBe("storyWritten");
  });
});
