/**
 * The demo company's seed against a real database, for what other tests and
 * the demo itself rely on: its CX reviews (finished, consecutive, relative to
 * today, the last one with previous decisions and a win) and a next review in
 * Customer Service that can start where the last one ended and choose an idea
 * from shadowing without replacing anything.
 */
import { describe, expect, it } from "vitest";
import { chooseImprovement } from "#app/modules/shadowing/commands.server.ts";
import type { Agenda } from "#app/modules/reviews/agenda.server.ts";
import { startReview } from "#app/modules/reviews/commands.server.ts";
import { lastReviewEnd } from "#app/modules/reviews/queries.server.ts";
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
