import { jsonArrayFrom } from "kysely/helpers/postgres";
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
  // One round trip, the person with their departments: every signed-in request loads it.
  const user = await db
    .selectFrom("users as u")
    .select(["u.id", "u.email", "u.name", "u.role", "u.locale"])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("department_members as m")
          .innerJoin("departments as d", "d.id", "m.department_id")
          .select(["d.id", "d.slug", "d.name", "m.is_manager as isManager"])
          .whereRef("m.user_id", "=", "u.id")
          .orderBy("d.name"),
      ).as("departments"),
    )
    .where("u.id", "=", userId)
    .where("u.status", "=", "active")
    .executeTakeFirst();
  if (!user) return null;
  return { ...user, role: user.role as Role };
}
