import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import type { Locale, Role, UserStatus } from "#db/schema.ts";
import { audit } from "#app/modules/audit.server.ts";
import { hashPassword, verifyPassword } from "#app/modules/auth/password.server.ts";
import { CommandError } from "#app/modules/forms.ts";
import type { Membership } from "./schemas.server.ts";

export interface PersonSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: UserStatus;
  departments: { id: string; slug: string; name: string; isManager: boolean }[];
}

function membershipsJson() {
  return sql<PersonSummary["departments"]>`coalesce((
    select json_agg(json_build_object('id', d.id, 'slug', d.slug, 'name', d.name, 'isManager', m.is_manager) order by d.name)
    from department_members m join departments d on d.id = m.department_id
    where m.user_id = users.id
  ), '[]'::json)`;
}

/** Everyone, with their departments, in one query. Sorted for display by the caller's collator. */
export async function listPeople(db: Database): Promise<PersonSummary[]> {
  const rows = await db
    .selectFrom("users")
    .select(["id", "email", "name", "role", "status"])
    .select(membershipsJson().as("departments"))
    .execute();
  return rows as PersonSummary[];
}

export async function getPerson(db: Database, userId: string) {
  const row = await db
    .selectFrom("users")
    .select(["id", "email", "name", "role", "status", "locale", "created_at"])
    .select(membershipsJson().as("departments"))
    .where("id", "=", userId)
    .executeTakeFirst();
  return row as (PersonSummary & { locale: Locale | null; created_at: Date }) | undefined;
}

/** Replaces a person's department memberships (and manager flags). */
export async function setMemberships(db: Database, userId: string, memberships: Membership[]): Promise<void> {
  if (memberships.length > 0) {
    const known = await db
      .selectFrom("departments")
      .select("id")
      .where(
        "id",
        "in",
        memberships.map((m) => m.departmentId),
      )
      .execute();
    if (known.length !== new Set(memberships.map((m) => m.departmentId)).size) {
      throw CommandError.field("memberships", "people.unknownDepartment");
    }
  }
  await db.deleteFrom("department_members").where("user_id", "=", userId).execute();
  if (memberships.length > 0) {
    await db
      .insertInto("department_members")
      .values(memberships.map((m) => ({ user_id: userId, department_id: m.departmentId, is_manager: m.isManager })))
      .execute();
  }
}

async function countOtherActiveAdmins(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .where("status", "=", "active")
    .where("id", "<>", userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Role and departments of a person, set by an admin. The last active admin keeps the role. */
export async function updatePerson(
  db: Database,
  actorId: string,
  userId: string,
  input: { role: Role; memberships: Membership[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom("users")
      .select(["role", "status"])
      .where("id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (!person) throw CommandError.field("form", "errors.notFound");
    if (person.role === "admin" && input.role !== "admin" && person.status === "active") {
      if ((await countOtherActiveAdmins(trx, userId)) === 0) throw CommandError.field("role", "people.lastAdmin");
    }
    await trx.updateTable("users").set({ role: input.role, updated_at: new Date() }).where("id", "=", userId).execute();
    await setMemberships(trx, userId, input.memberships);
    await audit(trx, { actorId, action: "person.update", subject: userId, details: input });
  });
}

/** Deactivation ends every session at once; the person's content stays. */
export async function setPersonActive(db: Database, actorId: string, userId: string, active: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom("users")
      .select(["role", "status", "password_hash"])
      .where("id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (!person) throw CommandError.field("form", "errors.notFound");
    if (!active) {
      if (userId === actorId) throw CommandError.field("form", "people.cannotDeactivateSelf");
      if (person.role === "admin" && (await countOtherActiveAdmins(trx, userId)) === 0) {
        throw CommandError.field("form", "people.lastAdmin");
      }
      await trx
        .updateTable("users")
        .set({ status: "deactivated", updated_at: new Date() })
        .where("id", "=", userId)
        .execute();
      await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
      await trx
        .updateTable("invitations")
        .set({ revoked_at: new Date() })
        .where("user_id", "=", userId)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .execute();
    } else {
      if (person.status !== "deactivated") return;
      // Someone deactivated before accepting their invitation goes back to "invited".
      const status = person.password_hash ? "active" : "invited";
      await trx.updateTable("users").set({ status, updated_at: new Date() }).where("id", "=", userId).execute();
    }
    await audit(trx, { actorId, action: active ? "person.reactivate" : "person.deactivate", subject: userId });
  });
}

export async function updateProfile(
  db: Database,
  userId: string,
  input: { name: string; locale: Locale | null },
): Promise<void> {
  await db
    .updateTable("users")
    .set({ name: input.name, locale: input.locale, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}

export async function setLocale(db: Database, userId: string, locale: Locale): Promise<void> {
  await db.updateTable("users").set({ locale }).where("id", "=", userId).execute();
}

/**
 * Checks the current password, stores the new one and ends every session of
 * the person; the caller starts a fresh one for the browser that asked.
 */
export async function changePassword(
  db: Database,
  userId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw CommandError.field("currentPassword", "auth.wrongPassword");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, updated_at: new Date() })
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await audit(trx, { actorId: userId, action: "person.change-password", subject: userId });
  });
}
