import { sql, type Kysely } from "kysely";

// Frozen once landed: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per version of the promise. A draft becomes a published version
  // (with its number) once; a published version never changes again.
  await db.schema
    .createTable("promise_versions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("number", "integer", (c) => c.unique().check(sql`number > 0`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'published')`),
    )
    .addColumn("title", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(title) <= 200`),
    )
    .addColumn("intro", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(intro) <= 10000`),
    )
    .addColumn("source_locale", "text", (c) =>
      c
        .notNull()
        .defaultTo("en")
        .check(sql`source_locale in ('en', 'sv', 'da', 'nb')`),
    )
    .addColumn("translations", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("based_on_id", "uuid", (c) => c.references("promise_versions.id"))
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("published_at", "timestamptz")
    .addCheckConstraint(
      "promise_versions_published_has_number",
      sql`(status = 'published') = (number is not null and published_at is not null)`,
    )
    .execute();
  // At most one draft at a time: leaders work on the same next version.
  await sql`create unique index promise_versions_one_draft on promise_versions ((true)) where status = 'draft'`.execute(
    db,
  );

  // Identities that outlive versions: a pillar or behaviour carried into the
  // next version (edited or not) keeps its id, so content tagged with it stays linked.
  await db.schema
    .createTable("pillars")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("behaviours")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // Set when a published version no longer has it; old content still shows it.
    .addColumn("retired_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("promise_pillars")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("version_id", "uuid", (c) => c.notNull().references("promise_versions.id").onDelete("cascade"))
    .addColumn("pillar_id", "uuid", (c) => c.notNull().references("pillars.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(title) <= 200`),
    )
    .addColumn("body", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(body) <= 10000`),
    )
    .addColumn("translations", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addUniqueConstraint("promise_pillars_version_pillar_key", ["version_id", "pillar_id"])
    .execute();

  await db.schema
    .createTable("promise_behaviours")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("version_id", "uuid", (c) => c.notNull().references("promise_versions.id").onDelete("cascade"))
    .addColumn("pillar_row_id", "uuid", (c) => c.notNull().references("promise_pillars.id").onDelete("cascade"))
    .addColumn("behaviour_id", "uuid", (c) => c.notNull().references("behaviours.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(title) <= 200`),
    )
    .addColumn("description", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(description) <= 10000`),
    )
    .addColumn("examples", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(examples) <= 10000`),
    )
    .addColumn("translations", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addUniqueConstraint("promise_behaviours_version_behaviour_key", ["version_id", "behaviour_id"])
    .execute();
  await db.schema
    .createIndex("promise_behaviours_behaviour_idx")
    .on("promise_behaviours")
    .column("behaviour_id")
    .execute();

  await db.schema
    .createTable("promise_acknowledgements")
    .addColumn("version_id", "uuid", (c) => c.notNull().references("promise_versions.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("acknowledged_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("promise_acknowledgements_pkey", ["version_id", "user_id"])
    .execute();

  // The database itself refuses to change a published version's content.
  await sql`
    create function promise_forbid_published_change() returns trigger language plpgsql as $$
    declare
      target uuid;
    begin
      if tg_table_name = 'promise_versions' then
        if old.status = 'published' then
          raise exception 'promise version % is published and cannot change', old.number;
        end if;
        return coalesce(new, old);
      end if;
      target := case when tg_op = 'DELETE' then old.version_id else new.version_id end;
      if exists (select 1 from promise_versions where id = target and status = 'published') then
        raise exception 'a published promise version cannot change';
      end if;
      if tg_op = 'UPDATE' and old.version_id <> new.version_id then
        raise exception 'content cannot move between promise versions';
      end if;
      return coalesce(new, old);
    end $$`.execute(db);
  await sql`create trigger promise_versions_frozen before update or delete on promise_versions
    for each row execute function promise_forbid_published_change()`.execute(db);
  await sql`create trigger promise_pillars_frozen before insert or update or delete on promise_pillars
    for each row execute function promise_forbid_published_change()`.execute(db);
  await sql`create trigger promise_behaviours_frozen before insert or update or delete on promise_behaviours
    for each row execute function promise_forbid_published_change()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
