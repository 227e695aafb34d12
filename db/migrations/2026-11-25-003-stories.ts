import { sql, type Kysely } from "kysely";

// Frozen once landed: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("stories")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("author_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'published')`),
    )
    .addColumn("title", "text", (c) => c.notNull().check(sql`length(title) <= 200`))
    .addColumn("body", "text", (c) => c.notNull().check(sql`length(body) <= 20000`))
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('en', 'sv', 'da', 'nb')`))
    .addColumn("channel", "text", (c) =>
      c
        .notNull()
        .check(
          sql`channel in ('phone', 'chat', 'email', 'messaging', 'sms', 'social', 'in_person', 'self_service', 'other')`,
        ),
    )
    .addColumn("happened_on", "date", (c) => c.notNull())
    .addColumn("consent", "text", (c) => c.notNull().check(sql`consent in ('given', 'anonymised', 'internal_only')`))
    .addColumn("kano", "text", (c) => c.check(sql`kano in ('must_be', 'performance', 'attractive')`))
    .addColumn("job", "text", (c) => c.check(sql`job in ('functional', 'emotional', 'social')`))
    // The author saw the personal-data warning and confirmed the text as it is.
    .addColumn("personal_data_confirmed", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("hidden_reason", "text", (c) => c.check(sql`length(hidden_reason) <= 1000`))
    .addColumn("featured_for_review_at", "timestamptz")
    .addColumn("story_of_week_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_at", "timestamptz")
    .addCheckConstraint("stories_published_has_date", sql`(status = 'published') = (published_at is not null)`)
    .addCheckConstraint("stories_hidden_has_reason", sql`hidden_at is null or hidden_reason is not null`)
    .execute();
  // Full-text search in the story's own language, so inflected words match.
  await sql`alter table stories add column search tsvector generated always as (
    case language
      when 'sv' then setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', body), 'B')
      when 'da' then setweight(to_tsvector('danish', title), 'A') || setweight(to_tsvector('danish', body), 'B')
      when 'nb' then setweight(to_tsvector('norwegian', title), 'A') || setweight(to_tsvector('norwegian', body), 'B')
      else setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
    end) stored`.execute(db);
  await sql`create index stories_search_idx on stories using gin (search)`.execute(db);
  // The feed: newest published first, keyset-paginated on (published_at, id).
  // (The predicate is only what every feed query states plainly, so the planner can always use it.)
  await sql`create index stories_feed_idx on stories (published_at desc, id desc) where status = 'published'`.execute(
    db,
  );
  // An author's stories and drafts (profile, "your drafts").
  await db.schema
    .createIndex("stories_author_idx")
    .on("stories")
    .columns(["author_id", "status", "updated_at"])
    .execute();
  await db.schema
    .createIndex("stories_department_idx")
    .on("stories")
    .columns(["department_id", "published_at"])
    .execute();

  await db.schema
    .createTable("story_behaviours")
    .addColumn("story_id", "uuid", (c) => c.notNull().references("stories.id").onDelete("cascade"))
    .addColumn("behaviour_id", "uuid", (c) => c.notNull().references("behaviours.id"))
    .addPrimaryKeyConstraint("story_behaviours_pkey", ["story_id", "behaviour_id"])
    .execute();
  await db.schema.createIndex("story_behaviours_behaviour_idx").on("story_behaviours").column("behaviour_id").execute();

  await db.schema
    .createTable("story_colleagues")
    .addColumn("story_id", "uuid", (c) => c.notNull().references("stories.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("story_colleagues_pkey", ["story_id", "user_id"])
    .execute();
  await db.schema.createIndex("story_colleagues_user_idx").on("story_colleagues").column("user_id").execute();

  await db.schema
    .createTable("story_reactions")
    .addColumn("story_id", "uuid", (c) => c.notNull().references("stories.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('heart', 'applause', 'at_our_best')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("story_reactions_pkey", ["story_id", "user_id", "kind"])
    .execute();

  await db.schema
    .createTable("story_comments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("story_id", "uuid", (c) => c.notNull().references("stories.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("body", "text", (c) => c.notNull().check(sql`length(body) between 1 and 5000`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("story_comments_story_idx")
    .on("story_comments")
    .columns(["story_id", "created_at"])
    .execute();

  // In-app notifications (no e-mail yet): who, about what, read or not.
  await db.schema
    .createTable("notifications")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`length(kind) <= 60`))
    .addColumn("actor_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("story_id", "uuid", (c) => c.references("stories.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("read_at", "timestamptz")
    .execute();
  await sql`create index notifications_unread_idx on notifications (user_id, created_at desc) where read_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex("notifications_user_idx")
    .on("notifications")
    .columns(["user_id", "created_at"])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
