/** Reading performance-review cycles: the list, one cycle's progress, one preparation, the prompt templates. */
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import type { Locale } from "#db/schema.ts";
import { MESSAGES } from "#app/i18n/server.ts";
import type { PreparationSubject } from "#app/modules/policy/policy.ts";
import type { PreparationSnapshot } from "./commands.server.ts";
import { RULE_KEYS, type RuleKey } from "./prompts.ts";

export interface CycleSummary {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  createdAt: Date;
  departments: { id: string; slug: string; name: string }[];
}

async function withDepartments(
  db: Database,
  rows: { id: string; name: string; period_start: string; period_end: string; created_at: Date }[],
): Promise<CycleSummary[]> {
  if (rows.length === 0) return [];
  const departments = await db
    .selectFrom("review_cycle_departments as cd")
    .innerJoin("departments as d", "d.id", "cd.department_id")
    .select(["cd.cycle_id", "d.id", "d.slug", "d.name"])
    .where(
      "cd.cycle_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("d.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    createdAt: r.created_at,
    departments: departments.filter((d) => d.cycle_id === r.id).map((d) => ({ id: d.id, slug: d.slug, name: d.name })),
  }));
}

/**
 * The cycles a person has to do with, newest period first: all of them for
 * leaders and admins, else those covering a department they belong to.
 */
export async function listCycles(db: Database, viewer: { id: string; seesAll: boolean }): Promise<CycleSummary[]> {
  const rows = await db
    .selectFrom("review_cycles as c")
    .select(["c.id", "c.name", "c.period_start", "c.period_end", "c.created_at"])
    .$if(!viewer.seesAll, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("review_cycle_departments as cd")
            .innerJoin("department_members as m", "m.department_id", "cd.department_id")
            .select("cd.cycle_id")
            .whereRef("cd.cycle_id", "=", "c.id")
            .where("m.user_id", "=", viewer.id),
        ),
      ),
    )
    .orderBy("c.period_end", "desc")
    .orderBy("c.created_at", "desc")
    .execute();
  return withDepartments(db, rows);
}

export async function getCycle(db: Database, id: string): Promise<CycleSummary | undefined> {
  const rows = await db
    .selectFrom("review_cycles")
    .select(["id", "name", "period_start", "period_end", "created_at"])
    .where("id", "=", id)
    .execute();
  return (await withDepartments(db, rows))[0];
}

export interface ProgressRow {
  userId: string;
  name: string;
  isManager: boolean;
  preparedAt: Date | null;
  reflectedAt: Date | null;
  discussedAt: Date | null;
}

/** Each active member of the department in the cycle, with how far their conversation has come. */
export async function departmentProgress(db: Database, cycleId: string, departmentId: string): Promise<ProgressRow[]> {
  const rows = await db
    .selectFrom("department_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .leftJoin("review_preparations as p", (join) => join.onRef("p.user_id", "=", "u.id").on("p.cycle_id", "=", cycleId))
    .select(["u.id", "u.name", "u.email", "m.is_manager", "p.prepared_at", "p.reflected_at", "p.discussed_at"])
    .where("m.department_id", "=", departmentId)
    .where("u.status", "=", "active")
    .orderBy(sql`lower(u.name)`)
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    name: r.name || r.email,
    isManager: r.is_manager,
    preparedAt: r.prepared_at,
    reflectedAt: r.reflected_at,
    discussedAt: r.discussed_at,
  }));
}

export interface Preparation {
  employee: { id: string; name: string; email: string };
  subject: PreparationSubject;
  reflection: string;
  reflectedAt: Date | null;
  managerNotes: string;
  preparedAt: Date | null;
  preparedBy: string | null;
  discussedAt: Date | null;
  discussedBy: string | null;
  snapshot: PreparationSnapshot | null;
}

/**
 * One employee's preparation in a cycle, with the policy's subject (the
 * cycle's departments they belong to). Undefined when they are not in the
 * cycle: not a member of its departments and nothing written.
 */
export async function getPreparation(db: Database, cycleId: string, userId: string): Promise<Preparation | undefined> {
  const [employee, departments, row] = await Promise.all([
    db.selectFrom("users").select(["id", "name", "email"]).where("id", "=", userId).executeTakeFirst(),
    db
      .selectFrom("review_cycle_departments as cd")
      .innerJoin("department_members as m", "m.department_id", "cd.department_id")
      .innerJoin("departments as d", "d.id", "cd.department_id")
      .select(["d.id", "d.name", "m.is_manager"])
      .where("cd.cycle_id", "=", cycleId)
      .where("m.user_id", "=", userId)
      .orderBy("d.name")
      .execute(),
    db
      .selectFrom("review_preparations as p")
      .leftJoin("users as pb", "pb.id", "p.prepared_by")
      .leftJoin("users as db", "db.id", "p.discussed_by")
      .select([
        "p.reflection",
        "p.reflected_at",
        "p.manager_notes",
        "p.prepared_at",
        "pb.name as prepared_by",
        "p.discussed_at",
        "db.name as discussed_by",
        "p.snapshot",
      ])
      .where("p.cycle_id", "=", cycleId)
      .where("p.user_id", "=", userId)
      .executeTakeFirst(),
  ]);
  if (!employee || (departments.length === 0 && !row)) return undefined;
  return {
    employee: { id: employee.id, name: employee.name || employee.email, email: employee.email },
    subject: {
      employeeId: employee.id,
      departments: departments.map((d) => ({ id: d.id, name: d.name, employeeIsManager: d.is_manager })),
    },
    reflection: row?.reflection ?? "",
    reflectedAt: row?.reflected_at ?? null,
    managerNotes: row?.manager_notes ?? "",
    preparedAt: row?.prepared_at ?? null,
    preparedBy: row?.prepared_by ?? null,
    discussedAt: row?.discussed_at ?? null,
    discussedBy: row?.discussed_by ?? null,
    snapshot: row?.snapshot ? (JSON.parse(row.snapshot) as PreparationSnapshot) : null,
  };
}

/** A rule's template in a language: a leader's wording when there is one, else the locale file's. */
export interface Template {
  rule: RuleKey;
  locale: Locale;
  text: string;
  defaultText: string;
  edited: boolean;
}

export function defaultTemplate(rule: RuleKey, locale: Locale): string {
  return MESSAGES[locale].performance.prompts[rule];
}

export async function loadTemplates(db: Database, locales: readonly Locale[]): Promise<Template[]> {
  const edited = await db
    .selectFrom("prompt_templates")
    .select(["rule", "locale", "text"])
    .where("locale", "in", [...locales])
    .execute();
  const byKey = new Map(edited.map((row) => [`${row.rule}/${row.locale}`, row.text]));
  return RULE_KEYS.flatMap((rule) =>
    locales.map((locale) => {
      const text = byKey.get(`${rule}/${locale}`);
      const defaultText = defaultTemplate(rule, locale);
      return { rule, locale, text: text ?? defaultText, defaultText, edited: text !== undefined };
    }),
  );
}
