import type { Database } from "#db/connect.ts";
import type { Locale, Role } from "#db/schema.ts";
import type { Actor } from "#app/modules/policy/policy.ts";

/** The signed-in person as every request sees them: who, what role, which departments. */
export interface CurrentUser extends Actor {
  email: string;
  name: string;
  locale: Locale | null;
}

export async function loadActor(db: Database, userId: string): Promise<CurrentUser | null> {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name", "role", "locale"])
    .where("id", "=", userId)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (!user) return null;
  const departments = await db
    .selectFrom("department_members as m")
    .innerJoin("departments as d", "d.id", "m.department_id")
    .select(["d.id", "d.slug", "d.name", "m.is_manager as isManager"])
    .where("m.user_id", "=", userId)
    .orderBy("d.name")
    .execute();
  return { ...user, role: user.role as Role, departments };
}
