import { sql } from "kysely";
import { z } from "zod";
import type { Database } from "#db/connect.ts";
import { audit } from "#app/modules/audit.server.ts";
import { CommandError, EmailSchema, NameSchema } from "#app/modules/forms.ts";

export const SlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "departments.slugFormat" });

export const DepartmentSchema = z.object({
  name: NameSchema,
  slug: SlugSchema.optional(),
  description: z.string().trim().max(4000).default(""),
});

export const AddMemberSchema = z.object({
  email: EmailSchema,
  level: z.enum(["member", "manager"]),
});

/** "Kundeservice & Salg" → "kundeservice-salg": readable URLs from any Nordic name. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/[øö]/g, "o")
    .replace(/å/g, "a")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
}

export interface DepartmentSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  memberCount: number;
  managers: { id: string; name: string }[];
}

export async function listDepartments(db: Database): Promise<DepartmentSummary[]> {
  const rows = await db
    .selectFrom("departments as d")
    .select(["d.id", "d.slug", "d.name", "d.description"])
    .select(
      sql<number>`(select count(*) from department_members m join users u on u.id = m.user_id
        where m.department_id = d.id and u.status = 'active')`.as("memberCount"),
    )
    .select(
      sql<
        DepartmentSummary["managers"]
      >`coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name)
        from department_members m join users u on u.id = m.user_id
        where m.department_id = d.id and m.is_manager and u.status = 'active'), '[]'::json)`.as("managers"),
    )
    .execute();
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount) }));
}

/** Slugs and names only, for filters and pickers (no member counts: those cost a query per department). */
export function listDepartmentNames(db: Database): Promise<{ id: string; slug: string; name: string }[]> {
  return db.selectFrom("departments").select(["id", "slug", "name"]).execute();
}

export async function getDepartmentBySlug(db: Database, slug: string) {
  if (!SlugSchema.safeParse(slug).success) return undefined;
  return db
    .selectFrom("departments")
    .select(["id", "slug", "name", "description", "created_at"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

export async function listDepartmentMembers(db: Database, departmentId: string) {
  return db
    .selectFrom("department_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email", "u.status", "m.is_manager as isManager"])
    .where("m.department_id", "=", departmentId)
    .where("u.status", "<>", "deactivated")
    .execute();
}

async function assertNameAndSlugFree(db: Database, name: string, slug: string, exceptId?: string) {
  const clash = await db
    .selectFrom("departments")
    .select(["name", "slug"])
    .where((eb) => eb.or([eb(eb.fn("lower", ["name"]), "=", name.toLowerCase()), eb("slug", "=", slug)]))
    .$if(Boolean(exceptId), (qb) => qb.where("id", "<>", exceptId!))
    .executeTakeFirst();
  if (!clash) return;
  if (clash.name.toLowerCase() === name.toLowerCase()) throw CommandError.field("name", "departments.nameTaken");
  throw CommandError.field("slug", "departments.slugTaken");
}

export async function createDepartment(
  db: Database,
  actorId: string,
  input: z.infer<typeof DepartmentSchema>,
): Promise<{ slug: string }> {
  const slug = input.slug || slugify(input.name);
  if (!SlugSchema.safeParse(slug).success) throw CommandError.field("slug", "departments.slugFormat");
  return db.transaction().execute(async (trx) => {
    await assertNameAndSlugFree(trx, input.name, slug);
    const row = await trx
      .insertInto("departments")
      .values({ name: input.name, slug, description: input.description })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, { actorId, action: "department.create", subject: row.id, details: { name: input.name, slug } });
    return { slug };
  });
}

/** Renames and describes a department; its slug (and so its URLs) stays. */
export async function updateDepartment(
  db: Database,
  actorId: string,
  departmentId: string,
  input: { name: string; description: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("departments")
      .select("slug")
      .where("id", "=", departmentId)
      .executeTakeFirst();
    if (!current) throw CommandError.field("form", "errors.notFound");
    await assertNameAndSlugFree(trx, input.name, current.slug, departmentId);
    await trx
      .updateTable("departments")
      .set({ name: input.name, description: input.description, updated_at: new Date() })
      .where("id", "=", departmentId)
      .execute();
    await audit(trx, { actorId, action: "department.update", subject: departmentId, details: input });
  });
}

/** Adds someone to a department, or changes whether they manage it. */
export async function setDepartmentMember(
  db: Database,
  actorId: string,
  departmentId: string,
  input: { email: string; level: "member" | "manager" } | { userId: string; level: "member" | "manager" | "none" },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select("id")
      .$if("email" in input, (qb) =>
        qb.where((eb) => eb(eb.fn("lower", ["email"]), "=", "email" in input ? input.email.toLowerCase() : "")),
      )
      .$if("userId" in input, (qb) => qb.where("id", "=", "userId" in input ? input.userId : ""))
      .where("status", "<>", "deactivated")
      .executeTakeFirst();
    if (!user) throw CommandError.field("email", "departments.noSuchPerson");
    if (input.level === "none") {
      await trx
        .deleteFrom("department_members")
        .where("department_id", "=", departmentId)
        .where("user_id", "=", user.id)
        .execute();
    } else {
      const isManager = input.level === "manager";
      await trx
        .insertInto("department_members")
        .values({ department_id: departmentId, user_id: user.id, is_manager: isManager })
        .onConflict((oc) => oc.columns(["department_id", "user_id"]).doUpdateSet({ is_manager: isManager }))
        .execute();
    }
    await audit(trx, {
      actorId,
      action: "department.set-member",
      subject: departmentId,
      details: { userId: user.id, level: input.level },
    });
  });
}
