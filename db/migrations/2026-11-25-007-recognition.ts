import { sql, type Kysely } from "kysely";

// Frozen once landed: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Public thanks for customer-focused work: to one or more colleagues and/or whole departments,
  // for a behaviour of the promise, optionally from the story, shadow note, improvement or KPI
  // that prompted it.
  await db.schema
    .createTable("recognitions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("author_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("message", "text", (c) => c.notNull().check(sql`length(message) between 1 and 2000`))
    .addColumn("behaviour_id", "uuid", (c) => c.notNull().references("behaviours.id"))
    .addColumn("story_id", "uuid", (c) => c.references("stories.id").onDelete("set null"))
    .addColumn("shadow_note_id", "uuid", (c) => c.references("shadow_notes.id").onDelete("set null"))
    .addColumn("improvement_id", "uuid", (c) => c.references("improvements.id").onDelete("set null"))
    // A KPI back on target in a period (the suggestion it answered).
    .addColumn("kpi_id", "uuid", (c) => c.references("kpis.id").onDelete("set null"))
    .addColumn("kpi_period_start", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("hidden_at", "timestamptz")
    .addColumn("hidden_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("hidden_reason", "text", (c) => c.check(sql`length(hidden_reason) <= 1000`))
    .addCheckConstraint("recognitions_hidden_has_reason", sql`(hidden_at is null) = (hidden_reason is null)`)
    .execute();
  await db.schema.createIndex("recognitions_wall_idx").on("recognitions").columns(["created_at", "id"]).execute();
  await db.schema.createIndex("recognitions_behaviour_idx").on("recognitions").column("behaviour_id").execute();
  await db.schema.createIndex("recognitions_author_idx").on("recognitions").column("author_id").execute();
  await db.schema.createIndex("recognitions_improvement_idx").on("recognitions").column("improvement_id").execute();

  await db.schema
    .createTable("recognition_people")
    .addColumn("recognition_id", "uuid", (c) => c.notNull().references("recognitions.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("recognition_people_pkey", ["recognition_id", "user_id"])
    .execute();
  await db.schema.createIndex("recognition_people_user_idx").on("recognition_people").column("user_id").execute();

  await db.schema
    .createTable("recognition_departments")
    .addColumn("recognition_id", "uuid", (c) => c.notNull().references("recognitions.id").onDelete("cascade"))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("recognition_departments_pkey", ["recognition_id", "department_id"])
    .execute();
  await db.schema
    .createIndex("recognition_departments_department_idx")
    .on("recognition_departments")
    .column("department_id")
    .execute();

  await db.schema
    .createTable("recognition_reactions")
    .addColumn("recognition_id", "uuid", (c) => c.notNull().references("recognitions.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('heart', 'applause', 'at_our_best')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("recognition_reactions_pkey", ["recognition_id", "user_id", "kind"])
    .execute();

  await db.schema
    .alterTable("notifications")
    .addColumn("recognition_id", "uuid", (c) => c.references("recognitions.id").onDelete("cascade"))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
