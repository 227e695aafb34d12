/** Reading recognition: the wall (filtered, paged), one item, leaders' figures and managers' suggestions. */
import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import { renderMarkdown } from "#app/components/markdown.server.tsx";
import type { ReactionKind } from "#db/schema.ts";
import { recentPanels } from "#app/modules/kpis/dashboard.server.ts";
import { listKpis } from "#app/modules/kpis/queries.server.ts";
import { REACTIONS } from "#app/modules/stories/constants.ts";
import { COMPANY_TIME_ZONE } from "#app/utils/format.ts";
import { RECOGNITION_LIMITS } from "./constants.ts";

export interface RecognitionItem {
  id: string;
  message: string;
  /** The message as HTML, for `<Markdown html>`. */
  messageHtml: string;
  authorId: string;
  authorName: string;
  behaviourId: string;
  createdAt: Date;
  people: { id: string; name: string }[];
  departments: { id: string; slug: string; name: string }[];
  story: { id: string; title: string } | null;
  shadowNoteId: string | null;
  improvement: { id: string; description: string; departmentSlug: string } | null;
  hiddenReason: string | null;
  reactions: { kind: ReactionKind; count: number; names: string[]; mine: boolean }[];
}

export interface RecognitionQuery {
  viewerId: string;
  /** Recognitions whose recipients include this department (directly or through its people). */
  departmentId?: string;
  behaviourId?: string;
  /** Received by this person. */
  recipientId?: string;
  months?: number;
  before?: { createdAt: Date; id: string };
  includeHidden?: boolean;
  limit?: number;
  id?: string;
}

/** Recognitions newest first, with their recipients, sources and reactions (four queries in all). */
export async function listRecognitions(db: Database, query: RecognitionQuery): Promise<RecognitionItem[]> {
  const rows = await db
    .selectFrom("recognitions as r")
    .innerJoin("users as a", "a.id", "r.author_id")
    .leftJoin("stories as s", (join) =>
      join.onRef("s.id", "=", "r.story_id").on("s.status", "=", "published").on("s.hidden_at", "is", null),
    )
    .leftJoin("improvements as i", "i.id", "r.improvement_id")
    .leftJoin("departments as idp", "idp.id", "i.department_id")
    .select([
      "r.id",
      "r.message",
      "r.author_id as authorId",
      "a.name as authorName",
      "r.behaviour_id as behaviourId",
      "r.created_at as createdAt",
      "s.id as storyId",
      "s.title as storyTitle",
      "r.shadow_note_id as shadowNoteId",
      "i.id as improvementId",
      "i.description as improvementDescription",
      "idp.slug as improvementDepartmentSlug",
      "r.hidden_reason as hiddenReason",
    ])
    .$if(Boolean(query.id), (q) => q.where("r.id", "=", query.id!))
    .$if(!query.includeHidden, (q) => q.where("r.hidden_at", "is", null))
    .$if(Boolean(query.behaviourId), (q) => q.where("r.behaviour_id", "=", query.behaviourId!))
    .$if(Boolean(query.months), (q) =>
      q.where("r.created_at", ">=", sql<Date>`now() - make_interval(months => ${query.months!})`),
    )
    .$if(Boolean(query.recipientId), (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("recognition_people as rp")
            .select("rp.user_id")
            .whereRef("rp.recognition_id", "=", "r.id")
            .where("rp.user_id", "=", query.recipientId!),
        ),
      ),
    )
    .$if(Boolean(query.departmentId), (q) =>
      q.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom("recognition_departments as rd")
              .select("rd.department_id")
              .whereRef("rd.recognition_id", "=", "r.id")
              .where("rd.department_id", "=", query.departmentId!),
          ),
          eb.exists(
            eb
              .selectFrom("recognition_people as rp")
              .innerJoin("department_members as m", "m.user_id", "rp.user_id")
              .select("rp.user_id")
              .whereRef("rp.recognition_id", "=", "r.id")
              .where("m.department_id", "=", query.departmentId!),
          ),
        ]),
      ),
    )
    .$if(Boolean(query.before), (q) =>
      q.where(
        sql<boolean>`(r.created_at, r.id) < (${query.before!.createdAt}::timestamptz, ${query.before!.id}::uuid)`,
      ),
    )
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .limit(query.limit ?? RECOGNITION_LIMITS.pageSize)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [people, departments, reactions] = await Promise.all([
    db
      .selectFrom("recognition_people as rp")
      .innerJoin("users as u", "u.id", "rp.user_id")
      .select(["rp.recognition_id", "u.id", "u.name"])
      .where("rp.recognition_id", "in", ids)
      .orderBy("u.name")
      .execute(),
    db
      .selectFrom("recognition_departments as rd")
      .innerJoin("departments as d", "d.id", "rd.department_id")
      .select(["rd.recognition_id", "d.id", "d.slug", "d.name"])
      .where("rd.recognition_id", "in", ids)
      .orderBy("d.name")
      .execute(),
    db
      .selectFrom("recognition_reactions as x")
      .innerJoin("users as u", "u.id", "x.user_id")
      .select(["x.recognition_id", "x.kind", "x.user_id", "u.name"])
      .where("x.recognition_id", "in", ids)
      .orderBy("x.created_at")
      .execute(),
  ]);
  return rows.map((r) => {
    const mine = reactions.filter((x) => x.recognition_id === r.id);
    return {
      id: r.id,
      message: r.message,
      messageHtml: renderMarkdown(r.message),
      authorId: r.authorId,
      authorName: r.authorName,
      behaviourId: r.behaviourId,
      createdAt: r.createdAt,
      people: people.filter((p) => p.recognition_id === r.id).map(({ id, name }) => ({ id, name })),
      departments: departments
        .filter((d) => d.recognition_id === r.id)
        .map(({ id, slug, name }) => ({ id, slug, name })),
      story: r.storyId ? { id: r.storyId, title: r.storyTitle! } : null,
      shadowNoteId: r.shadowNoteId,
      improvement: r.improvementId
        ? {
            id: r.improvementId,
            description: r.improvementDescription!,
            departmentSlug: r.improvementDepartmentSlug!,
          }
        : null,
      hiddenReason: r.hiddenReason,
      reactions: REACTIONS.map((kind) => {
        const by = mine.filter((x) => x.kind === kind);
        return {
          kind,
          count: by.length,
          names: by.map((x) => x.name),
          mine: by.some((x) => x.user_id === query.viewerId),
        };
      }),
    };
  });
}

export async function getRecognition(db: Database, input: { id: string; viewerId: string }) {
  const [item] = await listRecognitions(db, { ...input, includeHidden: true, limit: 1 });
  return item;
}

export interface RecognitionFigures {
  /** The months shown, oldest first ("YYYY-MM"). */
  months: string[];
  departments: { name: string; slug: string; given: number[]; received: number[] }[];
  behaviours: { behaviourId: string; received: number[] }[];
}

/**
 * How much recognition each department gave (its people wrote) and received
 * (it, or its people, were thanked), and each behaviour, per month in the
 * company's time zone. Counts of departments and behaviours, never a ranking
 * of individuals.
 */
export async function recognitionFigures(db: Database, input: { months: number }): Promise<RecognitionFigures> {
  const tz = COMPANY_TIME_ZONE;
  const monthsRows = await sql<{ month: string }>`
    select to_char(m, 'YYYY-MM') as month
    from generate_series(date_trunc('month', now() at time zone ${tz}) - make_interval(months => ${input.months - 1}),
                         date_trunc('month', now() at time zone ${tz}), interval '1 month') m
    order by m`.execute(db);
  const months = monthsRows.rows.map((r) => r.month);
  const since = `${months[0]}-01`;
  const monthOf = sql`to_char(r.created_at at time zone ${tz}, 'YYYY-MM')`;
  const [given, received, behaviours, departments] = await Promise.all([
    sql<{ department_id: string; month: string; n: number }>`
      select m.department_id, ${monthOf} as month, count(distinct r.id)::int as n
      from recognitions r join department_members m on m.user_id = r.author_id
      where r.hidden_at is null and (r.created_at at time zone ${tz})::date >= ${since}::date
      group by 1, 2`.execute(db),
    sql<{ department_id: string; month: string; n: number }>`
      select x.department_id, ${monthOf} as month, count(distinct r.id)::int as n
      from recognitions r join (
        select recognition_id, department_id from recognition_departments
        union
        select rp.recognition_id, m.department_id
        from recognition_people rp join department_members m on m.user_id = rp.user_id
      ) x on x.recognition_id = r.id
      where r.hidden_at is null and (r.created_at at time zone ${tz})::date >= ${since}::date
      group by 1, 2`.execute(db),
    sql<{ behaviour_id: string; month: string; n: number }>`
      select r.behaviour_id, ${monthOf} as month, count(*)::int as n
      from recognitions r
      where r.hidden_at is null and (r.created_at at time zone ${tz})::date >= ${since}::date
      group by 1, 2`.execute(db),
    db.selectFrom("departments").select(["id", "name", "slug"]).orderBy("name").execute(),
  ]);
  const series = <K extends string>(rows: ({ month: string; n: number } & Record<K, string>)[], key: K, id: string) =>
    months.map((month) => rows.find((r) => r[key] === id && r.month === month)?.n ?? 0);
  return {
    months,
    departments: departments.map((d) => ({
      name: d.name,
      slug: d.slug,
      given: series(given.rows, "department_id", d.id),
      received: series(received.rows, "department_id", d.id),
    })),
    behaviours: [...new Set(behaviours.rows.map((r) => r.behaviour_id))].map((behaviourId) => ({
      behaviourId,
      received: series(behaviours.rows, "behaviour_id", behaviourId),
    })),
  };
}

export type Suggestion =
  | {
      kind: "improvement";
      departmentId: string;
      departmentName: string;
      improvementId: string;
      description: string;
      ownerId: string | null;
      ownerName: string | null;
    }
  | {
      kind: "kpi";
      departmentId: string;
      departmentName: string;
      kpiId: string;
      kpiName: string;
      periodStart: string;
    };

/**
 * What a manager could celebrate in the departments they manage: an
 * improvement done in the last 30 days, or a KPI whose latest period is back
 * on target after one off it; each until someone recognised it. Suggestions
 * only: nothing is sent without the manager.
 */
export async function recognitionSuggestions(
  db: Database,
  input: { departments: { id: string; name: string }[]; today: string },
): Promise<Suggestion[]> {
  if (input.departments.length === 0) return [];
  const departmentIds = input.departments.map((d) => d.id);
  const nameOf = (id: string) => input.departments.find((d) => d.id === id)!.name;
  const [done, kpis, answered] = await Promise.all([
    db
      .selectFrom("improvements as i")
      .leftJoin("users as o", "o.id", "i.owner_id")
      .select(["i.id", "i.department_id", "i.description", "i.owner_id", "o.name as ownerName"])
      .where("i.department_id", "in", departmentIds)
      .where("i.status", "=", "done")
      .where("i.done_at", ">=", sql<Date>`now() - make_interval(days => ${RECOGNITION_LIMITS.suggestionDays})`)
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom("recognitions as r").select("r.id").whereRef("r.improvement_id", "=", "i.id"))),
      )
      .orderBy("i.done_at", "desc")
      .execute(),
    listKpis(db, { departmentIds }),
    db
      .selectFrom("recognitions")
      .select(["kpi_id", "kpi_period_start"])
      .where("kpi_id", "is not", null)
      .where("created_at", ">=", sql<Date>`now() - make_interval(days => ${RECOGNITION_LIMITS.suggestionDays * 2})`)
      .execute(),
  ]);
  const panels = await recentPanels(db, kpis, { asked: null, count: 2, lastDate: input.today });
  const backOnTarget: Suggestion[] = panels.flatMap(({ kpi, summary }) => {
    const { latest, previous } = summary;
    if (latest?.status !== "on_target" || !previous || !["off_target", "warning"].includes(previous.status)) return [];
    if (answered.some((a) => a.kpi_id === kpi.id && a.kpi_period_start === latest.periodStart)) return [];
    return [
      {
        kind: "kpi" as const,
        departmentId: kpi.departmentId,
        departmentName: nameOf(kpi.departmentId),
        kpiId: kpi.id,
        kpiName: kpi.name,
        periodStart: latest.periodStart,
      },
    ];
  });
  return [
    ...done.map(
      (i): Suggestion => ({
        kind: "improvement",
        departmentId: i.department_id,
        departmentName: nameOf(i.department_id),
        improvementId: i.id,
        description: i.description,
        ownerId: i.owner_id,
        ownerName: i.ownerName,
      }),
    ),
    ...backOnTarget,
  ];
}
