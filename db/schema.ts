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

export interface DB {
  users: UsersTable;
  departments: DepartmentsTable;
  department_members: DepartmentMembersTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Department = Selectable<DepartmentsTable>;
