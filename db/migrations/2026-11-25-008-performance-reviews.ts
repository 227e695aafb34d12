import { sql, type Kysely } from "kysely";

// Frozen once landed: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // A performance-review cycle: leaders or admins open one for a period and some departments; every
  // active member of those departments gets a preparation (evidence and prompts) for the period.
  await db.schema
    .createTable("review_cycles")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 120`))
    .addColumn("period_start", "date", (c) => c.notNull())
    .addColumn("period_end", "date", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("review_cycles_period_order", sql`period_end >= period_start`)
    .execute();
  await db.schema
    .createTable("review_cycle_departments")
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("review_cycles.id").onDelete("cascade"))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("review_cycle_departments_pkey", ["cycle_id", "department_id"])
    .execute();
  await db.schema
    .createIndex("review_cycle_departments_department_idx")
    .on("review_cycle_departments")
    .column("department_id")
    .execute();

  // What people wrote for one employee's conversation, created on the first write. The evidence and
  // prompts are assembled live until the conversation is marked discussed; then they are stored
  // (JSON) with it, and the row no longer changes.
  await db.schema
    .createTable("review_preparations")
    .addColumn("cycle_id", "uuid", (c) => c.notNull().references("review_cycles.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("reflection", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(reflection) <= 20000`),
    )
    .addColumn("reflected_at", "timestamptz")
    .addColumn("manager_notes", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(manager_notes) <= 20000`),
    )
    .addColumn("prepared_at", "timestamptz")
    .addColumn("prepared_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("discussed_at", "timestamptz")
    .addColumn("discussed_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("snapshot", "text")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("review_preparations_pkey", ["cycle_id", "user_id"])
    .addCheckConstraint("review_preparations_discussed_has_record", sql`(discussed_at is null) = (snapshot is null)`)
    .execute();
  await sql`
    create function review_preparations_forbid_discussed_change() returns trigger language plpgsql as $$
    begin
      if old.discussed_at is not null then
        raise exception 'the conversation of % in cycle % is discussed and cannot change', old.user_id, old.cycle_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger review_preparations_frozen before update on review_preparations
    for each row execute function review_preparations_forbid_discussed_change()`.execute(db);

  // Leaders may reword a prompt rule's template in a language; without a row, the locale file's text is used.
  await db.schema
    .createTable("prompt_templates")
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull().check(sql`locale in ('en', 'sv', 'da', 'nb')`))
    .addColumn("text", "text", (c) => c.notNull().check(sql`length(text) between 1 and 500`))
    .addColumn("updated_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("prompt_templates_pkey", ["rule", "locale"])
    .execute();

  // Employees hear that their preparation is ready.
  await db.schema
    .alterTable("notifications")
    .addColumn("cycle_id", "uuid", (c) => c.references("review_cycles.id").onDelete("cascade"))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
