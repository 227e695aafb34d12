/** Reading CX reviews: a department's history, one review, and the reviews a person may read. */
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import type { ReviewStatus } from "#db/schema.ts";
import type { Agenda } from "./agenda.server.ts";
import { AGENDA_VERSION } from "./constants.ts";

export interface ReviewListItem {
  id: string;
  departmentName: string;
  departmentSlug: string;
  periodStart: string;
  periodEnd: string;
  status: ReviewStatus;
  finishedAt: Date | null;
  startedBy: string | null;
  decisions: number;
}

function reviewListQuery(db: Database) {
  return db
    .selectFrom("reviews as r")
    .innerJoin("departments as d", "d.id", "r.department_id")
    .leftJoin("users as u", "u.id", "r.created_by")
    .select([
      "r.id",
      "d.name as departmentName",
      "d.slug as departmentSlug",
      "r.period_start as periodStart",
      "r.period_end as periodEnd",
      "r.status",
      "r.finished_at as finishedAt",
      "u.name as startedBy",
      sql<number>`(select count(*) from review_decisions rd where rd.review_id = r.id)::int`.as("decisions"),
    ])
    .orderBy(sql`case when r.status = 'open' then 0 else 1 end`)
    .orderBy("r.period_end", "desc")
    .orderBy("r.created_at", "desc");
}

/**
 * Reviews of some departments (all when `departmentIds` is undefined); open
 * ones only where `openIn` says the reader may hold them.
 */
export async function listReviews(
  db: Database,
  input: { departmentIds?: string[]; openIn: string[] | "all"; limit?: number },
): Promise<ReviewListItem[]> {
  if (input.departmentIds?.length === 0) return [];
  const { openIn } = input;
  return reviewListQuery(db)
    .$if(input.departmentIds !== undefined, (q) => q.where("r.department_id", "in", input.departmentIds!))
    .$if(openIn !== "all", (q) =>
      q.where((eb) =>
        (openIn as string[]).length
          ? eb.or([eb("r.status", "=", "finished"), eb("r.department_id", "in", openIn as string[])])
          : eb("r.status", "=", "finished"),
      ),
    )
    .limit(input.limit ?? 200)
    .execute();
}

export interface ReviewRecord {
  id: string;
  departmentId: string;
  periodStart: string;
  periodEnd: string;
  status: ReviewStatus;
  notes: string;
  startedBy: string | null;
  createdAt: Date;
  finishedBy: string | null;
  finishedAt: Date | null;
  /** The stored agenda of a finished review (null while open: it is assembled live). */
  agenda: Agenda | null;
  attendees: { id: string; name: string }[];
  /** The improvements this review chose, with their status now. */
  decisions: { id: string; description: string; touchpoint: string | null; status: string; ownerName: string | null }[];
}

export async function getReview(
  db: Database,
  input: { departmentId: string; id: string },
): Promise<ReviewRecord | undefined> {
  const row = await db
    .selectFrom("reviews as r")
    .leftJoin("users as s", "s.id", "r.created_by")
    .leftJoin("users as f", "f.id", "r.finished_by")
    .select([
      "r.id",
      "r.department_id as departmentId",
      "r.period_start as periodStart",
      "r.period_end as periodEnd",
      "r.status",
      "r.notes",
      "r.agenda",
      "r.created_at as createdAt",
      "r.finished_at as finishedAt",
      "s.name as startedBy",
      "f.name as finishedBy",
    ])
    .where("r.id", "=", input.id)
    .where("r.department_id", "=", input.departmentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [attendees, decisions] = await Promise.all([
    db
      .selectFrom("review_attendees as a")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select(["u.id", "u.name"])
      .where("a.review_id", "=", row.id)
      .orderBy("u.name")
      .execute(),
    db
      .selectFrom("review_decisions as rd")
      .innerJoin("improvements as i", "i.id", "rd.improvement_id")
      .leftJoin("touchpoints as t", "t.id", "i.touchpoint_id")
      .leftJoin("users as o", "o.id", "i.owner_id")
      .select(["i.id", "i.description", "t.name as touchpoint", "i.status", "o.name as ownerName"])
      .where("rd.review_id", "=", row.id)
      .orderBy("rd.created_at")
      .execute(),
  ]);
  return { ...row, agenda: parseAgenda(row.agenda), attendees, decisions };
}

function parseAgenda(text: string | null): Agenda | null {
  if (text === null) return null;
  const agenda = JSON.parse(text) as Agenda;
  // Only one shape exists so far; a later one is read here, next to where it was written.
  if (agenda.version !== AGENDA_VERSION) throw new Error(`Unknown agenda version ${String(agenda.version)}`);
  return agenda;
}

/** The end of the department's latest review (open or finished), to suggest where the next period starts. */
export async function lastReviewEnd(db: Database, departmentId: string): Promise<string | null> {
  const row = await db
    .selectFrom("reviews")
    .select("period_end")
    .where("department_id", "=", departmentId)
    .orderBy("period_end", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.period_end ?? null;
}
