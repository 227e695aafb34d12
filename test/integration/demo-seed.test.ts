/**
 * The demo company's seed against a real database, for what other tests and
 * the demo itself rely on: its CX reviews (finished, consecutive, relative to
 * today, the last one with previous decisions and a win), a next review in
 * Customer Service that can start where the last one ended and choose an idea
 * from shadowing without replacing anything, and half a year of recognition
 * (one hidden, some for the demo employee, a suggestion left for the manager).
 */
import { describe, expect, it } from "vitest";
import { chooseImprovement } from "#app/modules/shadowing/commands.server.ts";
import type { Agenda } from "#app/modules/reviews/agenda.server.ts";
import { startReview } from "#app/modules/reviews/commands.server.ts";
import { lastReviewEnd } from "#app/modules/reviews/queries.server.ts";
import { listRecognitions, recognitionSuggestions } from "#app/modules/recognition/queries.server.ts";
import { today } from "#app/modules/stories/schemas.server.ts";
import { addPeriods } from "#app/modules/kpis/formulas.ts";
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
