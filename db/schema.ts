import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Matches db/migrations; test/integration/schema.test.ts proves it. */
export type Role = "employee" | "leader" | "admin";
export type UserStatus = "invited" | "active" | "deactivated";
export type Locale = "en" | "sv" | "da" | "nb";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: Generated<string>;
  role: Generated<Role>;
  status: Generated<UserStatus>;
  locale: Locale | null;
  password_hash: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface DepartmentsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface DepartmentMembersTable {
  department_id: string;
  user_id: string;
  is_manager: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: DefaultTimestamp;
}

export interface InvitationsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: DefaultTimestamp;
}

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  subject: string;
  details: Generated<unknown>;
  created_at: DefaultTimestamp;
}

/** Translations of one row's texts: locale → field → the text and a hash of the original it translates. */
export type Translations = Partial<Record<Locale, Record<string, { text: string; source: string }>>>;
/** Written through `jsonb()` (db/jsonb.ts) so both drivers send real jsonb. */
type TranslationsColumn = ColumnType<Translations, Translations | undefined, Translations>;

export interface PromiseVersionsTable {
  id: Generated<string>;
  number: number | null;
  status: Generated<"draft" | "published">;
  title: Generated<string>;
  intro: Generated<string>;
  source_locale: Generated<Locale>;
  translations: TranslationsColumn;
  revision: Generated<number>;
  based_on_id: string | null;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  published_by: string | null;
  published_at: Timestamp | null;
}

export interface PillarsTable {
  id: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface BehavioursTable {
  id: Generated<string>;
  created_at: DefaultTimestamp;
  retired_at: Timestamp | null;
}

export interface PromisePillarsTable {
  id: Generated<string>;
  version_id: string;
  pillar_id: string;
  position: number;
  title: Generated<string>;
  body: Generated<string>;
  translations: TranslationsColumn;
}

export interface PromiseBehavioursTable {
  id: Generated<string>;
  version_id: string;
  pillar_row_id: string;
  behaviour_id: string;
  position: number;
  title: Generated<string>;
  description: Generated<string>;
  examples: Generated<string>;
  translations: TranslationsColumn;
}

export interface PromiseAcknowledgementsTable {
  version_id: string;
  user_id: string;
  acknowledged_at: DefaultTimestamp;
}

export interface DB {
  users: UsersTable;
  departments: DepartmentsTable;
  department_members: DepartmentMembersTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  promise_versions: PromiseVersionsTable;
  pillars: PillarsTable;
  behaviours: BehavioursTable;
  promise_pillars: PromisePillarsTable;
  promise_behaviours: PromiseBehavioursTable;
  promise_acknowledgements: PromiseAcknowledgementsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Department = Selectable<DepartmentsTable>;
