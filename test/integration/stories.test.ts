import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { CommandError } from "#app/modules/forms.ts";
import type { Actor } from "#app/modules/policy/policy.ts";
import {
  addComment,
  createStory,
  deleteStory,
  setStoryHidden,
  toggleReaction,
  updateStory,
} from "#app/modules/stories/commands.server.ts";
import { checkPersonalData } from "#app/modules/stories/form-data.server.ts";
import { unreadNotificationCount } from "#app/modules/notifications/notifications.server.ts";
import { getStory, listStories, SEARCH_CANDIDATES } from "#app/modules/stories/queries.server.ts";
import { StorySchema, today, type StoryInput } from "#app/modules/stories/schemas.server.ts";
import { createDepartment, createUser } from "#test/factories.ts";
import { databaseForThisFile } from "#test/db.ts";

const db = await databaseForThisFile();
const claims = await createDepartment(db, { name: "Claims", slug: "claims" });
const credit = await createDepartment(db, { name: "Credit", slug: "credit" });
const author = await createUser(db, { name: "Astrid Author", departments: [{ id: claims.id }] });
const colleague = await createUser(db, { name: "Cai Colleague", departments: [{ id: claims.id }] });
const reader = await createUser(db, { name: "Rita Reader", departments: [{ id: credit.id }] });
const manager = await createUser(db, { name: "Mia Manager", departments: [{ id: claims.id, isManager: true }] });
const behaviour = (await db.insertInto("behaviours").defaultValues().returning("id").executeTakeFirstOrThrow()).id;
const retired = (
  await db.insertInto("behaviours").values({ retired_at: new Date() }).returning("id").executeTakeFirstOrThrow()
).id;

const actor = (user: { id: string }, managed: string[] = []): Actor => ({
  id: user.id,
  role: "employee",
  departments: managed.map((id) => ({ id, slug: "x", name: "X", isManager: true })),
});
const asAuthor = actor(author);
const asReader = actor(reader);
const asManager = actor(manager, [claims.id]);

function input(overrides: Partial<StoryInput> = {}): StoryInput {
  return {
    title: "A late call that saved the weekend",
    body: "The customer called at 17:55 about a flooded basement. We **called back** within the hour.",
    channel: "phone",
    happenedOn: "2026-10-01",
    departmentId: claims.id,
    language: "en",
    behaviours: [behaviour],
    colleagues: [],
    consent: "anonymised",
    confirmPersonalData: false,
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CommandError);
  return (error as CommandError).fieldErrors;
}

describe("writing a story", () => {
  it("keeps a draft private until it is published, then notifies the colleagues named", async () => {
    const id = await createStory(db, author.id, input({ colleagues: [colleague.id], title: "Draft first" }), false);
    expect(await getStory(db, asReader, id)).toBeUndefined();
    expect((await getStory(db, asAuthor, id))?.story.status).toBe("draft");
    expect(await unreadNotificationCount(db, colleague.id)).toBe(0);
    await updateStory(db, author.id, id, input({ colleagues: [colleague.id], title: "Draft first" }), true);
    expect((await getStory(db, asReader, id))?.story.status).toBe("published");
    expect(await unreadNotificationCount(db, colleague.id)).toBe(1);
  });

  it("refuses unknown or retired behaviours, unknown colleagues and naming yourself; nothing is saved", async () => {
    const before = await db
      .selectFrom("stories")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    expect(await refusal(createStory(db, author.id, input({ behaviours: [retired] }), true))).toEqual({
      behaviours: ["stories.unknownBehaviour"],
    });
    expect(
      await refusal(createStory(db, author.id, input({ colleagues: ["00000000-0000-4000-8000-000000000000"] }), true)),
    ).toEqual({ colleagues: ["stories.unknownColleague"] });
    expect(await refusal(createStory(db, author.id, input({ colleagues: [author.id] }), true))).toEqual({
      colleagues: ["stories.selfAsColleague"],
    });
    const after = await db
      .selectFrom("stories")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it("validates the form: empty title, future date, body too long, no behaviour", () => {
    const parse = (values: Record<string, unknown>) =>
      StorySchema.safeParse({ ...input(), behaviours: [behaviour], ...values }).error?.issues.map(
        (i) => `${i.path.join(".")}:${i.message}`,
      );
    expect(parse({ title: "  " })).toEqual(["title:validation.tooShort:1"]);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(parse({ happenedOn: tomorrow })).toEqual(["happenedOn:stories.futureDate"]);
    expect(parse({ happenedOn: today() })).toBeUndefined();
    expect(parse({ body: "x".repeat(20_001) })).toEqual(["body:validation.tooLong:20000"]);
    expect(parse({ behaviours: [] })).toEqual(["behaviours:stories.needsBehaviour"]);
    expect(parse({ behaviours: behaviour })).toBeUndefined();
  });

  it("warns before publishing text that looks like a customer's personal data, unless confirmed", () => {
    const risky = input({ body: "Ring kunden på 070-123 45 67 eller mejla anna.svensson@example.se" });
    const error = (() => {
      try {
        checkPersonalData(risky, true);
      } catch (e) {
        return e as CommandError;
      }
    })();
    expect(error?.fieldErrors.form).toEqual(["stories.personalDataFound"]);
    expect(error?.fieldErrors.personalData?.map((p) => p.split("|")[0])).toEqual(["phone", "email"]);
    expect(() => checkPersonalData(risky, false)).not.toThrow();
    expect(() => checkPersonalData({ ...risky, confirmPersonalData: true }, true)).not.toThrow();
    expect(() => checkPersonalData(input(), true)).not.toThrow();
  });
});

describe("the feed", () => {
  it("filters by department, channel, behaviour, author and period, newest first", async () => {
    const ids: string[] = [];
    for (const [i, channel] of (["chat", "email", "chat"] as const).entries()) {
      ids.push(
        await createStory(
          db,
          reader.id,
          input({ title: `Credit story ${i}`, channel, departmentId: credit.id, happenedOn: `2026-09-0${i + 1}` }),
          true,
        ),
      );
    }
    const page = await listStories(db, asReader, { department: "credit", channel: "chat" });
    expect(page.items.map((s) => s.title)).toEqual(["Credit story 2", "Credit story 0"]);
    expect(
      (await listStories(db, asReader, { author: reader.id, from: "2026-09-02", to: "2026-09-02" })).items,
    ).toHaveLength(1);
    expect((await listStories(db, asReader, { behaviour, department: "credit" })).items).toHaveLength(3);
  });

  it("pages with a cursor without repeating or skipping stories", async () => {
    for (let i = 0; i < 7; i++) await createStory(db, colleague.id, input({ title: `Page story ${i}` }), true);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listStories(db, asReader, { author: colleague.id, cursor }, { limit: 3 });
      seen.push(...page.items.map((s) => s.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Page story ${i}`));
    expect(
      (await listStories(db, asReader, { author: colleague.id, cursor: "not-a-cursor" }, { limit: 3 })).items,
    ).toHaveLength(3);
  });

  it("shows an excerpt of the body's plain text, marked as cut where the story goes on", async () => {
    const long = `**Kunden** ringde om [fakturan](https://example.test/f). ${"Vi löste det direkt. ".repeat(900)}`;
    await createStory(db, colleague.id, input({ title: "Long story", body: long }), true);
    await createStory(db, colleague.id, input({ title: "Short story", body: "Kort och *bra*." }), true);
    // Link addresses fill the start, so the excerpt's source ends inside a link.
    const links = Array.from({ length: 12 }, (_, i) => `[steg ${i}](https://example.test/${"x".repeat(140)})`);
    await createStory(
      db,
      colleague.id,
      input({ title: "Linked story", body: `${links.join(" ")} Sedan löste vi det.` }),
      true,
    );
    const page = await listStories(db, asReader, { author: colleague.id }, { limit: 10 });
    const excerpt = (title: string) => page.items.find((s) => s.title === title)!.excerpt;
    expect(excerpt("Long story")).toMatch(/^Kunden ringde om fakturan\. Vi löste det direkt\. [^*[\]()]*[a-z.]…$/);
    expect(excerpt("Long story").length).toBeLessThanOrEqual(241);
    expect(excerpt("Short story")).toBe("Kort och bra.");
    expect(excerpt("Linked story")).toMatch(/^steg 0 steg 1 steg 2 [a-z0-9 ]*…$/);
  });

  it("finds inflected words in the story's own language, ranked, with the match marked", async () => {
    await createStory(
      db,
      author.id,
      input({ title: "Skadorna efter stormen", body: "Kunderna ringde om skadorna på taken.", language: "sv" }),
      true,
    );
    await createStory(
      db,
      author.id,
      input({ title: "Skaderne efter stormen", body: "Kunderne ringede om skaderne på tagene.", language: "da" }),
      true,
    );
    await createStory(
      db,
      author.id,
      input({ title: "Claims after the storms", body: "Customers called about damages.", language: "en" }),
      true,
    );
    const sv = await listStories(db, asReader, { q: "skada" });
    expect(sv.items.map((s) => s.title)).toContain("Skadorna efter stormen");
    const swedish = sv.items.find((s) => s.title === "Skadorna efter stormen")!;
    expect(swedish.headline).toContain("\u0002Skadorna\u0003");
    expect(swedish.headline).toContain("\u0002skadorna\u0003");
    const da = await listStories(db, asReader, { q: "skade" });
    expect(da.items.map((s) => s.title)).toContain("Skaderne efter stormen");
    const en = await listStories(db, asReader, { q: "damage" });
    expect(en.items.map((s) => s.title)).toEqual(["Claims after the storms"]);
  });
});

describe("search among many matches", () => {
  it("ranks the newest matches the reader may see with the filters applied, not the newest of all", async () => {
    const older = await createStory(
      db,
      author.id,
      input({
        title: "Hailstorm on the credit line",
        body: "A hailstorm question, answered.",
        departmentId: credit.id,
      }),
      true,
    );
    // More newer matches than search ranks, in another department and internal only: none may crowd it out.
    await sql`
      insert into stories (author_id, department_id, status, title, body, language, channel, happened_on, consent,
                           published_at)
      select ${author.id}, ${claims.id}, 'published', 'Hailstorm ' || g, 'Another hailstorm call.', 'en', 'phone',
             date '2026-10-01', case when g % 2 = 0 then 'internal_only' else 'given' end,
             now() + make_interval(secs => g)
      from generate_series(1, ${SEARCH_CANDIDATES + 10}) g`.execute(db);
    const filtered = await listStories(db, asManager, { q: "hailstorm", department: "credit" });
    expect(filtered.items.map((s) => s.id)).toEqual([older]);
    const visible = await listStories(db, asReader, { q: "hailstorm" });
    expect(visible.items.every((s) => s.consent !== "internal_only")).toBe(true);
    expect(visible.items).toHaveLength(20);
    expect(visible.nextCursor).not.toBeNull();
  });
});

describe("who sees what", () => {
  it("keeps internal-only stories with their author and the department's managers", async () => {
    const id = await createStory(db, author.id, input({ consent: "internal_only", title: "Internal lesson" }), true);
    expect(await getStory(db, asReader, id)).toBeUndefined();
    expect(await getStory(db, asManager, id)).toBeDefined();
    expect(await getStory(db, asAuthor, id)).toBeDefined();
    expect((await listStories(db, asReader, { q: "Internal lesson" })).items).toHaveLength(0);
  });

  it("hides a story with a reason: gone for readers, the author sees why; deleting removes it everywhere", async () => {
    const id = await createStory(db, author.id, input({ title: "To be hidden" }), true);
    await setStoryHidden(db, manager.id, id, "Names a customer's address");
    expect(await getStory(db, asReader, id)).toBeUndefined();
    expect((await getStory(db, asAuthor, id))?.story.hidden_reason).toBe("Names a customer's address");
    await setStoryHidden(db, manager.id, id, null);
    expect(await getStory(db, asReader, id)).toBeDefined();
    await deleteStory(db, author.id, id);
    expect(await getStory(db, asAuthor, id)).toBeUndefined();
    expect((await listStories(db, asReader, { q: "hidden" })).items.map((s) => s.id)).not.toContain(id);
    const audit = await db.selectFrom("audit_log").select("action").where("subject", "=", id).execute();
    expect(audit.map((a) => a.action)).toEqual(["story.publish", "story.hide", "story.unhide", "story.delete"]);
  });
});

describe("reactions and comments", () => {
  it("allows each reaction once per person, taken back by a second click, and tells the author", async () => {
    const id = await createStory(db, author.id, input({ title: "Reacted story" }), true);
    const before = await unreadNotificationCount(db, author.id);
    expect(await toggleReaction(db, reader.id, id, "heart")).toBe("added");
    expect(await toggleReaction(db, reader.id, id, "applause")).toBe("added");
    expect((await getStory(db, asReader, id))?.reactions.map((r) => r.kind).sort()).toEqual(["applause", "heart"]);
    expect(await toggleReaction(db, reader.id, id, "heart")).toBe("removed");
    expect((await getStory(db, asReader, id))?.reactions.map((r) => r.kind)).toEqual(["applause"]);
    expect(await unreadNotificationCount(db, author.id)).toBe(before + 2);
  });

  it("notifies the author and the colleagues named of a comment, not the commenter", async () => {
    const id = await createStory(db, author.id, input({ title: "Commented story", colleagues: [colleague.id] }), true);
    const [a, c] = [await unreadNotificationCount(db, author.id), await unreadNotificationCount(db, colleague.id)];
    await addComment(db, colleague.id, id, "Proud to be part of this!");
    expect(await unreadNotificationCount(db, author.id)).toBe(a + 1);
    expect(await unreadNotificationCount(db, colleague.id)).toBe(c);
    expect((await getStory(db, asReader, id))?.comments.map((x) => x.body)).toEqual(["Proud to be part of this!"]);
  });
});
