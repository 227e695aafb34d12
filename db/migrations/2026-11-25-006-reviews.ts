import { sql, type Kysely } from "kysely";

// Frozen once landed: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // A department's CX review: a manager-led meeting over a period. Open while it is being held;
  // finishing freezes it with a snapshot of its agenda (JSON), so that later data changes do not
  // rewrite what the meeting saw.
  await db.schema
    .createTable("reviews")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("period_start", "date", (c) => c.notNull())
    .addColumn("period_end", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open', 'finished')`),
    )
    .addColumn("notes", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(notes) <= 20000`),
    )
    .addColumn("agenda", "text")
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("finished_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("finished_at", "timestamptz")
    .addCheckConstraint("reviews_period_order", sql`period_end >= period_start`)
    .addCheckConstraint(
      "reviews_finished_has_record",
      sql`(status = 'finished') = (finished_at is not null and agenda is not null)`,
    )
    .execute();
  await db.schema
    .createIndex("reviews_department_idx")
    .on("reviews")
    .columns(["department_id", "period_end"])
    .execute();

  await db.schema
    .createTable("review_attendees")
    .addColumn("review_id", "uuid", (c) => c.notNull().references("reviews.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("review_attendees_pkey", ["review_id", "user_id"])
    .execute();

  // What a review decided: the improvements it chose. The next review opens with them.
  await db.schema
    .createTable("review_decisions")
    .addColumn("review_id", "uuid", (c) => c.notNull().references("reviews.id").onDelete("cascade"))
    .addColumn("improvement_id", "uuid", (c) => c.notNull().references("improvements.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("review_decisions_pkey", ["review_id", "improvement_id"])
    .execute();
  await db.schema
    .createIndex("review_decisions_improvement_idx")
    .on("review_decisions")
    .column("improvement_id")
    .execute();

  // Ideas raised in a review (origin 'review') link to it.
  await db.schema
    .alterTable("improvements")
    .addColumn("review_id", "uuid", (c) => c.references("reviews.id").onDelete("set null"))
    .execute();
  // A finished review's summary is shared with the department's members in-app.
  await db.schema
    .alterTable("notifications")
    .addColumn("review_id", "uuid", (c) => c.references("reviews.id").onDelete("cascade"))
    .execute();

  // The database itself refuses to change a finished review or what it recorded. Deletes are let
  // through, so that removing a department still cascades.
  await sql`
    create function reviews_forbid_finished_change() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'reviews' then
        if old.status = 'finished' then
          raise exception 'review % is finished and cannot change', old.id;
        end if;
        return new;
      end if;
      if exists (select 1 from reviews where id = new.review_id and status = 'finished') then
        raise exception 'a finished review cannot change';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger reviews_frozen before update on reviews
    for each row execute function reviews_forbid_finished_change()`.execute(db);
  await sql`create trigger review_attendees_frozen before insert or update on review_attendees
    for each row execute function reviews_forbid_finished_change()`.execute(db);
  await sql`create trigger review_decisions_frozen before insert or update on review_decisions
    for each row execute function reviews_forbid_finished_change()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
