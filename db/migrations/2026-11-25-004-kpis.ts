import { sql, type Kysely } from "kysely";

const CHANNELS = sql`('phone', 'chat', 'email', 'messaging', 'sms', 'social', 'in_person', 'self_service', 'other')`;

// Frozen once landed: later changes go into a new migration.
export async function up(db: Kysely<any>): Promise<void> {
  // A department's CX KPI: what is measured, which way is better, and the target.
  await db.schema
    .createTable("kpis")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    // The KPI's name in URLs and in the API: unique within its department.
    .addColumn("key", "text", (c) => c.notNull().check(sql`key ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(key) <= 60`))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 120`))
    .addColumn("description", "text", (c) =>
      c
        .notNull()
        .defaultTo("")
        .check(sql`length(description) <= 2000`),
    )
    .addColumn("template", "text", (c) => c.check(sql`length(template) <= 60`))
    // number: readings are entered; nps, csat, ces: computed from survey responses.
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('number', 'nps', 'csat', 'ces')`))
    .addColumn("unit", "text", (c) =>
      c.notNull().check(sql`unit in ('count', 'percent', 'seconds', 'minutes', 'hours', 'score')`),
    )
    .addColumn("direction", "text", (c) => c.notNull().check(sql`direction in ('higher', 'lower')`))
    // How readings of a number KPI combine into a longer period: added up (contacts, downtime)
    // or averaged weighted by their sample sizes (rates, times), which equals the rate of the counts.
    .addColumn("aggregation", "text", (c) => c.notNull().check(sql`aggregation in ('sum', 'weighted')`))
    .addColumn("target", "numeric", (c) => c.notNull())
    .addColumn("warning", "numeric")
    .addColumn("period", "text", (c) => c.notNull().check(sql`period in ('day', 'week', 'month')`))
    .addColumn("channel", "text", (c) => c.check(sql`channel in ${CHANNELS}`))
    .addColumn("sla_seconds", "integer", (c) => c.check(sql`sla_seconds > 0`))
    .addColumn("min_sample", "integer", (c) =>
      c
        .notNull()
        .defaultTo(10)
        .check(sql`min_sample between 1 and 100000`),
    )
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("kpis_department_key_key", ["department_id", "key"])
    // The warning threshold lies on the "worse" side of the target.
    .addCheckConstraint(
      "kpis_warning_side",
      sql`warning is null or (direction = 'higher' and warning <= target) or (direction = 'lower' and warning >= target)`,
    )
    .addCheckConstraint("kpis_sla_has_channel", sql`sla_seconds is null or channel is not null`)
    .addCheckConstraint(
      "kpis_survey_units",
      sql`(kind = 'number') or (kind = 'csat' and unit = 'percent') or (kind in ('nps', 'ces') and unit = 'score')`,
    )
    .execute();

  // One value per KPI and period. The primary key is the time-series index (kpi_id, period_start).
  await db.schema
    .createTable("kpi_readings")
    .addColumn("kpi_id", "uuid", (c) => c.notNull().references("kpis.id").onDelete("cascade"))
    .addColumn("period_start", "date", (c) => c.notNull())
    .addColumn("value", "numeric", (c) => c.notNull())
    // How many contacts, cases or responses the value is about (rates and times need it to combine).
    .addColumn("sample_size", "integer", (c) => c.check(sql`sample_size >= 0`))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('form', 'csv', 'api', 'seed')`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("kpi_readings_pkey", ["kpi_id", "period_start"])
    .execute();

  // Raw survey answers; NPS, CSAT and CES are computed from them in SQL.
  await db.schema
    .createTable("survey_responses")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('nps', 'csat', 'ces')`))
    .addColumn("score", "smallint", (c) => c.notNull())
    .addColumn("responded_at", "timestamptz", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.check(sql`channel in ${CHANNELS}`))
    .addColumn("comment", "text", (c) => c.check(sql`length(comment) between 1 and 2000`))
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('form', 'csv', 'api', 'seed')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "survey_responses_score_scale",
      sql`(kind = 'nps' and score between 0 and 10) or (kind = 'csat' and score between 1 and 5) or (kind = 'ces' and score between 1 and 7)`,
    )
    .execute();
  // The same answer imported twice is one answer (re-uploading a file changes nothing). The index
  // also serves every aggregation: department, kind and time first, the score inside it.
  await sql`create unique index survey_responses_identity_idx on survey_responses
    (department_id, kind, responded_at, score, coalesce(channel, ''), md5(coalesce(comment, '')))`.execute(db);
  // Verbatims beside a score: the newest comments first.
  await sql`create index survey_responses_comments_idx on survey_responses (department_id, kind, responded_at desc)
    where comment is not null`.execute(db);

  // Per day, department, kind and channel: the counts every score is computed from, kept by
  // triggers in the same transaction as the answers. Dashboards add these up instead of
  // counting raw answers (sums of counts are exact, so scores equal the raw formula's).
  // The day is cut in the company's time zone, as COMPANY_TIME_ZONE in app/utils/format.ts;
  // changing that zone means rebuilding this table.
  await db.schema
    .createTable("survey_daily")
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull())
    // '' where the channel is not known.
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("responses", "integer", (c) => c.notNull())
    .addColumn("positive", "integer", (c) => c.notNull())
    .addColumn("negative", "integer", (c) => c.notNull())
    .addColumn("score_sum", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_daily_pkey", ["department_id", "kind", "day", "channel"])
    .execute();
  await sql`
    create function survey_daily_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into survey_daily (department_id, kind, day, channel, responses, positive, negative, score_sum)
        select department_id, kind, (responded_at at time zone 'Europe/Stockholm')::date, coalesce(channel, ''),
               count(*),
               count(*) filter (where (kind = 'nps' and score >= 9) or (kind = 'csat' and score >= 4)
                 or (kind = 'ces' and score >= 5)),
               count(*) filter (where kind = 'nps' and score <= 6),
               sum(score)
        from changed group by 1, 2, 3, 4
        on conflict (department_id, kind, day, channel) do update set
          responses = survey_daily.responses + excluded.responses,
          positive = survey_daily.positive + excluded.positive,
          negative = survey_daily.negative + excluded.negative,
          score_sum = survey_daily.score_sum + excluded.score_sum;
      else
        update survey_daily d set
          responses = d.responses - o.responses, positive = d.positive - o.positive,
          negative = d.negative - o.negative, score_sum = d.score_sum - o.score_sum
        from (
          select department_id, kind, (responded_at at time zone 'Europe/Stockholm')::date as day,
                 coalesce(channel, '') as channel, count(*) as responses,
                 count(*) filter (where (kind = 'nps' and score >= 9) or (kind = 'csat' and score >= 4)
                   or (kind = 'ces' and score >= 5)) as positive,
                 count(*) filter (where kind = 'nps' and score <= 6) as negative,
                 sum(score) as score_sum
          from changed group by 1, 2, 3, 4
        ) o
        where d.department_id = o.department_id and d.kind = o.kind and d.day = o.day and d.channel = o.channel;
        delete from survey_daily where responses = 0;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger survey_responses_daily_insert after insert on survey_responses
    referencing new table as changed for each statement execute function survey_daily_apply()`.execute(db);
  await sql`create trigger survey_responses_daily_delete after delete on survey_responses
    referencing old table as changed for each statement execute function survey_daily_apply()`.execute(db);

  // Bearer tokens for the systems that send readings: stored hashed, scoped to one department.
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 120`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    // The first characters of the token, to recognise it in the list.
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_used_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .execute();
  await db.schema.createIndex("api_tokens_department_idx").on("api_tokens").column("department_id").execute();

  // A CSV file between its preview and its import (forms work without JavaScript, so the
  // result is kept here rather than the file sent twice): the rows it parsed to and its errors,
  // as JSON text (never queried inside). Housekeeping removes old ones.
  await db.schema
    .createTable("kpi_uploads")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("department_id", "uuid", (c) => c.notNull().references("departments.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("target", "text", (c) => c.notNull().check(sql`target in ('readings', 'responses')`))
    .addColumn("file_name", "text", (c) => c.notNull().check(sql`length(file_name) <= 255`))
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("error_count", "integer", (c) => c.notNull())
    .addColumn("errors", "text", (c) => c.notNull())
    .addColumn("rows", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only.");
}
