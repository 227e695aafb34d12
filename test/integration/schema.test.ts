import { describe, expect, it } from "vitest";
import type { DB } from "#db/schema.ts";
import { databaseForThisFile } from "#test/db.ts";

/**
 * Every table and column of the `DB` interface, exactly: a column missing
 * here or extra here fails the type check, and the test compares this list
 * with the migrated database, so the interface and the migrations agree.
 */
const COLUMNS: { [T in keyof DB]: { [C in keyof DB[T]]-?: true } } = {
  users: {
    id: true,
    email: true,
    name: true,
    role: true,
    status: true,
    locale: true,
    password_hash: true,
    created_at: true,
    updated_at: true,
  },
  departments: { id: true, slug: true, name: true, description: true, created_at: true, updated_at: true },
  department_members: { department_id: true, user_id: true, is_manager: true, created_at: true },
  sessions: { id: true, user_id: true, expires_at: true, created_at: true },
  invitations: {
    id: true,
    user_id: true,
    token_hash: true,
    invited_by: true,
    expires_at: true,
    used_at: true,
    revoked_at: true,
    created_at: true,
  },
  login_throttle: { key: true, failures: true, window_started_at: true, locked_until: true },
  audit_log: { id: true, actor_id: true, action: true, subject: true, details: true, created_at: true },
  promise_versions: {
    id: true,
    number: true,
    status: true,
    title: true,
    intro: true,
    source_locale: true,
    translations: true,
    revision: true,
    based_on_id: true,
    created_by: true,
    created_at: true,
    updated_at: true,
    published_by: true,
    published_at: true,
  },
  pillars: { id: true, created_at: true },
  behaviours: { id: true, created_at: true, retired_at: true },
  promise_pillars: {
    id: true,
    version_id: true,
    pillar_id: true,
    position: true,
    title: true,
    body: true,
    translations: true,
  },
  promise_behaviours: {
    id: true,
    version_id: true,
    pillar_row_id: true,
    behaviour_id: true,
    position: true,
    title: true,
    description: true,
    examples: true,
    translations: true,
  },
  promise_acknowledgements: { version_id: true, user_id: true, acknowledged_at: true },
  stories: {
    id: true,
    author_id: true,
    department_id: true,
    status: true,
    title: true,
    body: true,
    language: true,
    channel: true,
    happened_on: true,
    consent: true,
    kano: true,
    job: true,
    personal_data_confirmed: true,
    hidden_at: true,
    hidden_by: true,
    hidden_reason: true,
    featured_for_review_at: true,
    story_of_week_at: true,
    created_at: true,
    updated_at: true,
    published_at: true,
    search: true,
  },
  story_behaviours: { story_id: true, behaviour_id: true },
  story_colleagues: { story_id: true, user_id: true },
  story_reactions: { story_id: true, user_id: true, kind: true, created_at: true },
  story_comments: { id: true, story_id: true, author_id: true, body: true, created_at: true },
  notifications: {
    id: true,
    user_id: true,
    kind: true,
    actor_id: true,
    story_id: true,
    review_id: true,
    recognition_id: true,
    cycle_id: true,
    created_at: true,
    read_at: true,
  },
  kpis: {
    id: true,
    department_id: true,
    key: true,
    name: true,
    description: true,
    template: true,
    kind: true,
    unit: true,
    direction: true,
    aggregation: true,
    target: true,
    warning: true,
    period: true,
    channel: true,
    sla_seconds: true,
    min_sample: true,
    position: true,
    archived_at: true,
    created_by: true,
    created_at: true,
    updated_at: true,
  },
  kpi_readings: { kpi_id: true, period_start: true, value: true, sample_size: true, source: true, updated_at: true },
  survey_responses: {
    id: true,
    department_id: true,
    kind: true,
    score: true,
    responded_at: true,
    channel: true,
    comment: true,
    source: true,
    created_at: true,
  },
  survey_daily: {
    department_id: true,
    kind: true,
    day: true,
    channel: true,
    responses: true,
    positive: true,
    negative: true,
    score_sum: true,
  },
  api_tokens: {
    id: true,
    department_id: true,
    name: true,
    token_hash: true,
    prefix: true,
    created_by: true,
    created_at: true,
    last_used_at: true,
    revoked_at: true,
  },
  kpi_uploads: {
    id: true,
    department_id: true,
    user_id: true,
    target: true,
    file_name: true,
    row_count: true,
    error_count: true,
    errors: true,
    rows: true,
    created_at: true,
  },
  touchpoints: { id: true, department_id: true, name: true, position: true, archived_at: true, created_at: true },
  failure_reasons: { id: true, department_id: true, label: true, created_by: true, created_at: true },
  shadow_slots: {
    id: true,
    department_id: true,
    starts_at: true,
    minutes: true,
    channel: true,
    capacity: true,
    host_id: true,
    details: true,
    created_by: true,
    created_at: true,
    cancelled_at: true,
  },
  shadow_bookings: {
    id: true,
    slot_id: true,
    observer_id: true,
    observer_department_id: true,
    created_at: true,
    cancelled_at: true,
  },
  shadow_notes: {
    id: true,
    booking_id: true,
    author_id: true,
    department_id: true,
    status: true,
    went_well: true,
    pain_points: true,
    kano: true,
    job: true,
    draft_ideas: true,
    personal_data_confirmed: true,
    created_at: true,
    updated_at: true,
    submitted_at: true,
  },
  shadow_note_reasons: { note_id: true, reason_id: true },
  shadow_note_behaviours: { note_id: true, behaviour_id: true },
  improvements: {
    id: true,
    department_id: true,
    touchpoint_id: true,
    description: true,
    origin: true,
    shadow_note_id: true,
    position: true,
    status: true,
    owner_id: true,
    due_on: true,
    dropped_reason: true,
    chosen_at: true,
    done_at: true,
    created_by: true,
    created_at: true,
    updated_at: true,
    review_id: true,
  },
  reviews: {
    id: true,
    department_id: true,
    period_start: true,
    period_end: true,
    status: true,
    notes: true,
    agenda: true,
    created_by: true,
    created_at: true,
    updated_at: true,
    finished_by: true,
    finished_at: true,
  },
  review_attendees: { review_id: true, user_id: true },
  review_decisions: { review_id: true, improvement_id: true, created_at: true },
  recognitions: {
    id: true,
    author_id: true,
    message: true,
    behaviour_id: true,
    story_id: true,
    shadow_note_id: true,
    improvement_id: true,
    kpi_id: true,
    kpi_period_start: true,
    created_at: true,
    updated_at: true,
    hidden_at: true,
    hidden_by: true,
    hidden_reason: true,
  },
  recognition_people: { recognition_id: true, user_id: true },
  recognition_departments: { recognition_id: true, department_id: true },
  recognition_reactions: { recognition_id: true, user_id: true, kind: true, created_at: true },
  review_cycles: { id: true, name: true, period_start: true, period_end: true, created_by: true, created_at: true },
  review_cycle_departments: { cycle_id: true, department_id: true },
  review_preparations: {
    cycle_id: true,
    user_id: true,
    reflection: true,
    reflected_at: true,
    manager_notes: true,
    prepared_at: true,
    prepared_by: true,
    discussed_at: true,
    discussed_by: true,
    snapshot: true,
    updated_at: true,
  },
  prompt_templates: { rule: true, locale: true, text: true, updated_by: true, updated_at: true },
};

const db = await databaseForThisFile();

describe("the migrated database", () => {
  it("has exactly the tables and columns of the DB interface", async () => {
    const tables = await db.introspection.getTables();
    const actual = Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
    const expected = Object.fromEntries(Object.entries(COLUMNS).map(([t, cols]) => [t, Object.keys(cols).sort()]));
    expect(actual).toEqual(expected);
  });

  it("refuses a second account with the same e-mail in another case", async () => {
    await db.insertInto("users").values({ email: "Case@Example.test" }).execute();
    await expect(db.insertInto("users").values({ email: "case@example.TEST" }).execute()).rejects.toThrow(
      /users_email_lower_key/,
    );
  });

  it("refuses roles, statuses, locales and slugs outside their lists", async () => {
    await expect(
      db
        .insertInto("users")
        .values({ email: "r@x.test", role: "owner" as never })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto("users")
        .values({ email: "s@x.test", status: "gone" as never })
        .execute(),
    ).rejects.toThrow();
    await expect(
      db
        .insertInto("users")
        .values({ email: "l@x.test", locale: "de" as never })
        .execute(),
    ).rejects.toThrow();
    await expect(db.insertInto("departments").values({ slug: "Not A Slug", name: "X" }).execute()).rejects.toThrow();
  });

  it("refuses an active account without a password", async () => {
    await expect(db.insertInto("users").values({ email: "nopw@x.test", status: "active" }).execute()).rejects.toThrow(
      /users_active_has_password/,
    );
  });
});
