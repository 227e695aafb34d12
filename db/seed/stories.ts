import type { Database } from "#db/connect.ts";
import { DEMO_STORIES } from "./stories-content.ts";

const DAY = 86_400_000;

function isoDate(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
}

/**
 * The demo company's customer stories, with tags, colleagues, reactions and
 * comments. `behaviours` maps the content's behaviour keys to identities.
 */
export async function seedStories(
  db: Database,
  input: { people: Map<string, string>; departments: Map<string, string>; behaviours: Map<string, string> },
): Promise<number> {
  for (const s of DEMO_STORIES) {
    const authorId = input.people.get(s.author)!;
    const publishedAt = new Date(Date.now() - s.daysAgo * DAY + 6 * 3_600_000);
    const story = await db
      .insertInto("stories")
      .values({
        author_id: authorId,
        department_id: input.departments.get(s.department)!,
        status: "published",
        title: s.title,
        body: s.body,
        language: s.language,
        channel: s.channel,
        happened_on: isoDate(s.daysAgo),
        consent: s.consent,
        kano: s.kano ?? null,
        job: s.job ?? null,
        published_at: publishedAt,
        created_at: publishedAt,
        updated_at: publishedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("story_behaviours")
      .values(s.behaviours.map((key) => ({ story_id: story.id, behaviour_id: input.behaviours.get(key)! })))
      .execute();
    if (s.colleagues.length) {
      await db
        .insertInto("story_colleagues")
        .values(s.colleagues.map((email) => ({ story_id: story.id, user_id: input.people.get(email)! })))
        .execute();
    }
    if (s.reactions.length) {
      await db
        .insertInto("story_reactions")
        .values(s.reactions.map((r) => ({ story_id: story.id, user_id: input.people.get(r.person)!, kind: r.kind })))
        .execute();
    }
    for (const c of s.comments) {
      await db
        .insertInto("story_comments")
        .values({
          story_id: story.id,
          author_id: input.people.get(c.person)!,
          body: c.body,
          created_at: new Date(Math.min(Date.now() - 3_600_000, publishedAt.getTime() + c.daysAfter * DAY)),
        })
        .execute();
    }
  }
  // A story of the week for the home page: the newest one with given consent.
  const newest = [...DEMO_STORIES].filter((s) => s.consent === "given").sort((a, b) => a.daysAgo - b.daysAgo)[0];
  if (newest) {
    await db
      .updateTable("stories")
      .set({ story_of_week_at: new Date(Date.now() - DAY) })
      .where("title", "=", newest.title)
      .execute();
  }
  return DEMO_STORIES.length;
}
