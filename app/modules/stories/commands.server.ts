import type { Database } from "#db/connect.ts";
import { audit } from "#app/modules/audit.server.ts";
import { CommandError } from "#app/modules/forms.ts";
import { notify } from "#app/modules/notifications/notifications.server.ts";
import type { ReactionKind } from "#db/schema.ts";
import type { StoryInput } from "./schemas.server.ts";

/** Unknown departments, behaviours and colleagues are refused with a message on their field. */
async function checkReferences(db: Database, authorId: string, input: StoryInput): Promise<void> {
  const department = await db
    .selectFrom("departments")
    .select("id")
    .where("id", "=", input.departmentId)
    .executeTakeFirst();
  if (!department) throw CommandError.field("departmentId", "stories.unknownDepartment");
  const behaviours = await db
    .selectFrom("behaviours")
    .select("id")
    .where("id", "in", input.behaviours)
    .where("retired_at", "is", null)
    .execute();
  if (behaviours.length !== new Set(input.behaviours).size)
    throw CommandError.field("behaviours", "stories.unknownBehaviour");
  if (input.colleagues.includes(authorId)) throw CommandError.field("colleagues", "stories.selfAsColleague");
  if (input.colleagues.length) {
    const people = await db
      .selectFrom("users")
      .select("id")
      .where("id", "in", input.colleagues)
      .where("status", "=", "active")
      .execute();
    if (people.length !== new Set(input.colleagues).size)
      throw CommandError.field("colleagues", "stories.unknownColleague");
  }
}

async function setTags(db: Database, storyId: string, input: StoryInput): Promise<void> {
  await db.deleteFrom("story_behaviours").where("story_id", "=", storyId).execute();
  await db.deleteFrom("story_colleagues").where("story_id", "=", storyId).execute();
  await db
    .insertInto("story_behaviours")
    .values([...new Set(input.behaviours)].map((behaviourId) => ({ story_id: storyId, behaviour_id: behaviourId })))
    .execute();
  if (input.colleagues.length) {
    await db
      .insertInto("story_colleagues")
      .values([...new Set(input.colleagues)].map((userId) => ({ story_id: storyId, user_id: userId })))
      .execute();
  }
}

function columns(input: StoryInput) {
  return {
    title: input.title,
    body: input.body,
    channel: input.channel,
    happened_on: input.happenedOn,
    department_id: input.departmentId,
    language: input.language,
    consent: input.consent,
    kano: input.kano ?? null,
    job: input.job ?? null,
    personal_data_confirmed: input.confirmPersonalData,
  };
}

/** Writes a new story as a draft, or publishes it at once. One transaction. */
export async function createStory(
  db: Database,
  authorId: string,
  input: StoryInput,
  publish: boolean,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, authorId, input);
    const story = await trx
      .insertInto("stories")
      .values({
        ...columns(input),
        author_id: authorId,
        status: publish ? "published" : "draft",
        published_at: publish ? new Date() : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setTags(trx, story.id, input);
    if (publish)
      await notify(trx, { userIds: input.colleagues, kind: "story.named", actorId: authorId, storyId: story.id });
    await audit(trx, { actorId: authorId, action: publish ? "story.publish" : "story.draft", subject: story.id });
    return story.id;
  });
}

/** The author's edit; publishing a draft here notifies the colleagues named, newly named ones too. */
export async function updateStory(
  db: Database,
  authorId: string,
  storyId: string,
  input: StoryInput,
  publish: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const story = await trx
      .selectFrom("stories")
      .select(["author_id", "status"])
      .where("id", "=", storyId)
      .forUpdate()
      .executeTakeFirst();
    if (!story || story.author_id !== authorId) throw CommandError.field("form", "errors.notFound");
    await checkReferences(trx, authorId, input);
    const before = await trx.selectFrom("story_colleagues").select("user_id").where("story_id", "=", storyId).execute();
    const wasPublished = story.status === "published";
    const nowPublished = wasPublished || publish;
    await trx
      .updateTable("stories")
      .set({
        ...columns(input),
        status: nowPublished ? "published" : "draft",
        ...(nowPublished && !wasPublished ? { published_at: new Date() } : {}),
        updated_at: new Date(),
      })
      .where("id", "=", storyId)
      .execute();
    await setTags(trx, storyId, input);
    if (nowPublished) {
      const alreadyTold = wasPublished ? new Set(before.map((c) => c.user_id)) : new Set<string>();
      await notify(trx, {
        userIds: input.colleagues.filter((id) => !alreadyTold.has(id)),
        kind: "story.named",
        actorId: authorId,
        storyId,
      });
    }
    await audit(trx, {
      actorId: authorId,
      action: publish && !wasPublished ? "story.publish" : "story.edit",
      subject: storyId,
    });
  });
}

export async function deleteStory(db: Database, actorId: string, storyId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const story = await trx.selectFrom("stories").select(["title"]).where("id", "=", storyId).executeTakeFirst();
    if (!story) throw CommandError.field("form", "errors.notFound");
    await trx.deleteFrom("notifications").where("story_id", "=", storyId).execute();
    await trx.deleteFrom("stories").where("id", "=", storyId).execute();
    await audit(trx, { actorId, action: "story.delete", subject: storyId, details: { title: story.title } });
  });
}

/** Hides a story from everyone but its author (who sees why) and moderators; `reason: null` shows it again. */
export async function setStoryHidden(
  db: Database,
  actorId: string,
  storyId: string,
  reason: string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("stories")
      .set(
        reason
          ? { hidden_at: new Date(), hidden_by: actorId, hidden_reason: reason }
          : { hidden_at: null, hidden_by: null, hidden_reason: null },
      )
      .where("id", "=", storyId)
      .execute();
    await audit(trx, {
      actorId,
      action: reason ? "story.hide" : "story.unhide",
      subject: storyId,
      details: { reason },
    });
  });
}

export async function setFeaturedForReview(
  db: Database,
  actorId: string,
  storyId: string,
  featured: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("stories")
      .set({ featured_for_review_at: featured ? new Date() : null })
      .where("id", "=", storyId)
      .execute();
    await audit(trx, { actorId, action: featured ? "story.feature" : "story.unfeature", subject: storyId });
  });
}

/** The story of the week: the newest choice is the one everyone sees. */
export async function setStoryOfWeek(db: Database, actorId: string, storyId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("stories").set({ story_of_week_at: new Date() }).where("id", "=", storyId).execute();
    await audit(trx, { actorId, action: "story.story-of-week", subject: storyId });
  });
}

/** Adds the reaction, or takes it back when the person had already given it. */
export async function toggleReaction(
  db: Database,
  userId: string,
  storyId: string,
  kind: ReactionKind,
): Promise<"added" | "removed"> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("story_reactions")
      .where("story_id", "=", storyId)
      .where("user_id", "=", userId)
      .where("kind", "=", kind)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) return "removed";
    await trx.insertInto("story_reactions").values({ story_id: storyId, user_id: userId, kind }).execute();
    const story = await trx
      .selectFrom("stories")
      .select("author_id")
      .where("id", "=", storyId)
      .executeTakeFirstOrThrow();
    await notify(trx, { userIds: [story.author_id], kind: "story.reaction", actorId: userId, storyId });
    return "added";
  });
}

export async function addComment(db: Database, userId: string, storyId: string, body: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("story_comments").values({ story_id: storyId, author_id: userId, body }).execute();
    const story = await trx
      .selectFrom("stories")
      .select("author_id")
      .where("id", "=", storyId)
      .executeTakeFirstOrThrow();
    const named = await trx.selectFrom("story_colleagues").select("user_id").where("story_id", "=", storyId).execute();
    await notify(trx, {
      userIds: [story.author_id, ...named.map((n) => n.user_id)],
      kind: "story.comment",
      actorId: userId,
      storyId,
    });
  });
}
