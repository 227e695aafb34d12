import { sql, type Kysely } from "kysely";

const CHANNELS = sql`('phone', 'chat', 'email', 'messaging', 'sms', 'social', 'in_person', 'self_service', 'other')`;

// Frozen once landed: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // Where customers meet a department ("phone queue", "claims form"): reviews choose one
  // improvement per touchpoint.
  await db.schema
    .createTable("touchpoints")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 120`))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index touchpoints_name_idx on touchpoints (department_id, lower(name))`.execute(db);

  // Why customers had to get in touch again (failure demand), per department; notes pick from
  // the list or add to it.
  await db.schema
    .createTable("failure_reasons")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("label", "text", (c) => c.notNull().check(sql`length(label) between 1 and 120`))
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index failure_reasons_label_idx on failure_reasons (department_id, lower(label))`.execute(db);

  // A time a customer-facing department offers for colleagues from elsewhere to listen in.
  await db.schema
    .createTable("shadow_slots")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("starts_at", "timestamptz", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull().check(sql`minutes between 15 and 480`))
    .addColumn("channel", "text", (c) => c.notNull().check(sql`channel in ${CHANNELS}`))
    .addColumn("capacity", "integer", (c) => c.notNull().check(sql`capacity between 1 and 20`))
    // The colleague who agreed to be listened to (optional): thanked, never rated.
    .addColumn("host_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("details", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(details) <= 1000`),
    )
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("cancelled_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("shadow_slots_department_idx")
    .on("shadow_slots")
    .columns(["department_id", "starts_at"])
    .execute();
  await db.schema.createIndex("shadow_slots_starts_idx").on("shadow_slots").column("starts_at").execute();

  await db.schema
    .createTable("shadow_bookings")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slot_id", "uuid", (c) => c.notNull().references("shadow_slots.id").onDelete("cascade"))
    .addColumn("observer_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // Where the observer came from when booking (insights count observers by department).
    .addColumn("observer_department_id", "uuid", (c) => c.references("departments.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("cancelled_at", "timestamptz")
    .execute();
  // One live booking per person and slot (a double booking is refused by the database too).
  await sql`create unique index shadow_bookings_once_idx on shadow_bookings (slot_id, observer_id)
    where cancelled_at is null`.execute(db);
  await db.schema.createIndex("shadow_bookings_observer_idx").on("shadow_bookings").column("observer_id").execute();

  // The observer's structured note: one per booking, a draft until submitted.
  await db.schema
    .createTable("shadow_notes")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("booking_id", "uuid", (c) => c.notNull().unique().references("shadow_bookings.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'submitted')`),
    )
    .addColumn("went_well", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(went_well) <= 5000`),
    )
    .addColumn("pain_points", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(pain_points) <= 5000`),
    )
    .addColumn("kano", "text", (c) => c.check(sql`kano in ('must_be', 'performance', 'attractive')`))
    .addColumn("job", "text", (c) => c.check(sql`job in ('functional', 'emotional', 'social')`))
    // The improvement ideas as written (JSON [{text, touchpointId}]); on submit they become
    // backlog items (improvements.shadow_note_id), which own them from then on.
    .addColumn("draft_ideas", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("personal_data_confirmed", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("submitted_at", "timestamptz")
    .addCheckConstraint("shadow_notes_submitted_has_date", sql`(status = 'submitted') = (submitted_at is not null)`)
    .execute();
  await db.schema
    .createIndex("shadow_notes_department_idx")
    .on("shadow_notes")
    .columns(["department_id", "submitted_at"])
    .execute();

  await db.schema
    .createTable("shadow_note_reasons")
    .addColumn("note_id", "uuid", (c) => c.notNull().references("shadow_notes.id").onDelete("cascade"))
    .addColumn("reason_id", "uuid", (c) => c.notNull().references("failure_reasons.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("shadow_note_reasons_pkey", ["note_id", "reason_id"])
    .execute();
  await db.schema.createIndex("shadow_note_reasons_reason_idx").on("shadow_note_reasons").column("reason_id").execute();

  await db.schema
    .createTable("shadow_note_behaviours")
    .addColumn("note_id", "uuid", (c) => c.notNull().references("shadow_notes.id").onDelete("cascade"))
    .addColumn("behaviour_id", "uuid", (c) => c.notNull().references("behaviours.id"))
    .addPrimaryKeyConstraint("shadow_note_behaviours_pkey", ["note_id", "behaviour_id"])
    .execute();

  // The improvement backlog of a department. Ideas come from shadow notes, reviews and anyone's
  // suggestion; the reviews choose and follow them up.
  await db.schema
    .createTable("improvements")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("touchpoint_id", "uuid", (c) => c.references("touchpoints.id").onDelete("set null"))
    .addColumn("description", "text", (c) => c.notNull().check(sql`length(description) between 1 and 2000`))
    .addColumn("origin", "text", (c) => c.notNull().check(sql`origin in ('shadow_note', 'review', 'suggestion')`))
    .addColumn("shadow_note_id", "uuid", (c) => c.references("shadow_notes.id"))
    // The idea's place among its note's ideas (the note lists them in order).
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("proposed")
        .check(sql`status in ('proposed', 'chosen', 'in_progress', 'done', 'dropped')`),
    )
    .addColumn("owner_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("due_on", "date")
    .addColumn("dropped_reason", "text", (c) => c.check(sql`length(dropped_reason) <= 1000`))
    // When it was chosen and when it was done: a win is celebrated with the KPI movement since.
    .addColumn("chosen_at", "timestamptz")
    .addColumn("done_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("improvements_dropped_has_reason", sql`(status = 'dropped') = (dropped_reason is not null)`)
    .addCheckConstraint("improvements_note_origin", sql`origin <> 'shadow_note' or shadow_note_id is not null`)
    .execute();
  await db.schema
    .createIndex("improvements_department_idx")
    .on("improvements")
    .columns(["department_id", "status", "created_at"])
    .execute();
  await db.schema.createIndex("improvements_note_idx").on("improvements").column("shadow_note_id").execute();
  // "Start small": at most one chosen (or started) improvement per touchpoint at a time.
  await sql`create unique index improvements_one_per_touchpoint on improvements (touchpoint_id)
    where status in ('chosen', 'in_progress')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
