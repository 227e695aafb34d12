import { sql, type ExpressionBuilder, type Expression, type SqlBool } from "kysely";
import type { Database } from "#db/connect.ts";
import type { Channel, Consent, DB, Locale, ReactionKind } from "#db/schema.ts";
import type { Actor } from "#app/modules/policy/policy.ts";
import { FEED_PAGE_SIZE } from "./constants.ts";
import type { FeedFilters } from "./schemas.server.ts";

/**
 * Who may see a story: published and not hidden, except that authors always
 * see their own (with the reason it was hidden) and moderators (the
 * department's managers, admins) see hidden ones. "Internal only" stories stay
 * with their author and the managers of their department, who run its reviews.
 */
export function visibleTo(viewer: Actor) {
  const managed = viewer.departments.filter((d) => d.isManager).map((d) => d.id);
  return (eb: ExpressionBuilder<DB & { s: DB["stories"] }, "s">): Expression<SqlBool> => {
    const own = eb("s.author_id", "=", viewer.id);
    const managesIt = managed.length ? eb("s.department_id", "in", managed) : eb.val(false);
    return eb.or([
      own,
      eb.and([
        eb("s.status", "=", "published"),
        eb.or([eb("s.hidden_at", "is", null), managesIt, eb.val(viewer.role === "admin")]),
        eb.or([eb("s.consent", "<>", "internal_only"), managesIt]),
      ]),
    ]);
  };
}

/** websearch syntax ("call back" -email) stemmed in every supported language, so inflected words match. */
function searchQuery(q: string) {
  return sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('swedish', ${q}) || websearch_to_tsquery('danish', ${q}) || websearch_to_tsquery('norwegian', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}

/** How many of the newest matches a search ranks. */
export const SEARCH_CANDIDATES = 500;

const HEADLINE_START = "\u0002";
const HEADLINE_STOP = "\u0003";
export const HEADLINE_MARKS = { start: HEADLINE_START, stop: HEADLINE_STOP };

export interface FeedItem {
  id: string;
  title: string;
  excerpt: string;
  /** With search: the best passage, matches between HEADLINE_MARKS. */
  headline: string | null;
  authorId: string;
  authorName: string;
  departmentSlug: string;
  departmentName: string;
  channel: Channel;
  language: Locale;
  consent: Consent;
  happenedOn: string;
  publishedAt: Date | null;
  status: "draft" | "published";
  hidden: boolean;
  featured: boolean;
  behaviourIds: string[];
  reactions: Partial<Record<ReactionKind, number>>;
  comments: number;
}

type Cursor = { kind: "time"; at: string; id: string } | { kind: "offset"; offset: number };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (value.kind === "time" && typeof value.at === "string" && /^[0-9a-f-]{36}$/.test(value.id)) return value;
    if (value.kind === "offset" && Number.isInteger(value.offset) && value.offset >= 0 && value.offset < 100_000)
      return value;
  } catch {
    // A malformed cursor starts from the first page.
  }
  return undefined;
}

/**
 * How much of a body lists read: enough markdown for an excerpt, never the whole
 * of a long story (bodies may hold 20,000 characters; a feed page shows 240 of each).
 */
const EXCERPT_SOURCE = 1500;

/** Removes the markdown marks for a plain-text excerpt; `cut`: the markdown is only the start of the text. */
export function plainExcerpt(markdown: string, length = 240, cut = false): string {
  // A start of a text may end inside a link: drop the unfinished link rather than show its address.
  const text = (cut ? markdown.replace(/!?\[[^\]]*(\]\([^)]*)?$/, "") : markdown)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length > length) return `${text.slice(0, length).replace(/\s\S*$/, "")}…`;
  return cut ? `${text.replace(/\s\S*$/, "")}…` : text;
}

/** Stories with their author and department, to filter on and to show. */
function storiesWithNames(db: Database) {
  return db
    .selectFrom("stories as s")
    .innerJoin("users as a", "a.id", "s.author_id")
    .innerJoin("departments as d", "d.id", "s.department_id");
}

/** What a story card shows (see toItem). */
function withCardColumns(query: ReturnType<typeof storiesWithNames>) {
  return query
    .select([
      "s.id",
      "s.title",
      sql<string>`left(s.body, ${EXCERPT_SOURCE})`.as("body"),
      sql<boolean>`length(s.body) > ${EXCERPT_SOURCE}`.as("body_cut"),
      "s.author_id",
      "a.name as author_name",
      "d.slug as department_slug",
      "d.name as department_name",
      "s.channel",
      "s.language",
      "s.consent",
      "s.happened_on",
      "s.published_at",
      "s.status",
      "s.hidden_at",
      "s.featured_for_review_at",
    ])
    .select(sql<number>`(select count(*) from story_comments c where c.story_id = s.id)`.as("comments"))
    .select(
      sql<Partial<Record<ReactionKind, number>>>`(select coalesce(json_object_agg(kind, n), '{}'::json) from
        (select kind, count(*) as n from story_reactions r where r.story_id = s.id group by kind) x)`.as("reactions"),
    )
    .select(
      sql<
        string[]
      >`(select coalesce(json_agg(sb.behaviour_id), '[]'::json) from story_behaviours sb where sb.story_id = s.id)`.as(
        "behaviour_ids",
      ),
    );
}

/**
 * One page of the feed, newest first, keyset-paginated on (published_at, id);
 * with a search text, ranked by relevance and paginated by offset.
 */
export async function listStories(
  db: Database,
  viewer: Actor,
  filters: FeedFilters,
  options: { onlyDrafts?: boolean; authorId?: string; namedUserId?: string; behaviourId?: string; limit?: number } = {},
): Promise<{ items: FeedItem[]; nextCursor: string | null }> {
  const limit = options.limit ?? FEED_PAGE_SIZE;
  const cursor = decodeCursor(filters.cursor);
  const q = filters.q?.trim() || undefined;
  // The stories the viewer may see that pass the filters: the feed pages through
  // them, search ranks its candidates among them.
  let matching = storiesWithNames(db)
    // Drafts are their author's alone; published stories follow the visibility rules.
    .where(options.onlyDrafts ? (eb) => eb("s.author_id", "=", viewer.id) : visibleTo(viewer))
    .where("s.status", "=", options.onlyDrafts ? "draft" : "published");

  if (filters.department) matching = matching.where("d.slug", "=", filters.department);
  if (filters.channel) matching = matching.where("s.channel", "=", filters.channel);
  if (filters.author) matching = matching.where("s.author_id", "=", filters.author);
  if (options.authorId) matching = matching.where("s.author_id", "=", options.authorId);
  if (filters.from) matching = matching.where("s.happened_on", ">=", filters.from);
  if (filters.to) matching = matching.where("s.happened_on", "<=", filters.to);
  const behaviour = filters.behaviour ?? options.behaviourId;
  if (behaviour) {
    matching = matching.where((eb) =>
      eb.exists(
        eb
          .selectFrom("story_behaviours as fb")
          .select("fb.story_id")
          .whereRef("fb.story_id", "=", "s.id")
          .where("fb.behaviour_id", "=", behaviour),
      ),
    );
  }
  if (options.namedUserId) {
    const named = options.namedUserId;
    matching = matching.where((eb) =>
      eb.exists(
        eb
          .selectFrom("story_colleagues as sc")
          .select("sc.story_id")
          .whereRef("sc.story_id", "=", "s.id")
          .where("sc.user_id", "=", named),
      ),
    );
  }

  if (q) {
    const tsquery = searchQuery(q);
    const offset = cursor?.kind === "offset" ? cursor.offset : 0;
    // Ranking every match of a common word costs a full pass over them: rank the
    // newest SEARCH_CANDIDATES matches, which is what a reader pages through, as
    // they are read, and fetch the rest of a story only for the page shown.
    const rows = await withCardColumns(storiesWithNames(db))
      .innerJoin(
        (eb) =>
          eb
            .selectFrom(
              matching
                .select(["s.id", "s.published_at", sql<number>`ts_rank(s.search, ${tsquery})`.as("rank")])
                .where(sql<boolean>`s.search @@ ${tsquery}`)
                .orderBy("s.published_at", "desc")
                .limit(SEARCH_CANDIDATES)
                .as("candidates"),
            )
            .selectAll()
            .orderBy("rank", "desc")
            .orderBy("published_at", "desc")
            .orderBy("id", "desc")
            .limit(limit + 1)
            .offset(offset)
            .as("p"),
        (join) => join.onRef("p.id", "=", "s.id"),
      )
      .select(
        sql<string>`ts_headline(
          case s.language when 'sv' then 'swedish'::regconfig when 'da' then 'danish'::regconfig
            when 'nb' then 'norwegian'::regconfig else 'english'::regconfig end,
          s.title || ' — ' || s.body, ${tsquery},
          ${`StartSel=${HEADLINE_START}, StopSel=${HEADLINE_STOP}, MaxFragments=2, MaxWords=25, MinWords=8`})`.as(
          "headline",
        ),
      )
      .orderBy("p.rank", "desc")
      .orderBy("s.published_at", "desc")
      .orderBy("s.id", "desc")
      .execute();
    const more = rows.length > limit;
    return {
      items: rows.slice(0, limit).map(toItem),
      nextCursor: more ? encodeCursor({ kind: "offset", offset: offset + limit }) : null,
    };
  }
  let query = withCardColumns(matching);
  if (cursor?.kind === "time") {
    const at = new Date(cursor.at);
    query = query.where((eb) =>
      eb.or([eb("s.published_at", "<", at), eb.and([eb("s.published_at", "=", at), eb("s.id", "<", cursor.id)])]),
    );
  }
  const orderColumn = options.onlyDrafts ? "s.updated_at" : "s.published_at";
  const rows = await query
    .orderBy(orderColumn, "desc")
    .orderBy("s.id", "desc")
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const items = rows.slice(0, limit).map(toItem);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      more && last?.publishedAt
        ? encodeCursor({ kind: "time", at: last.publishedAt.toISOString(), id: last.id })
        : null,
  };
}

interface CardRow {
  id: string;
  title: string;
  body: string;
  body_cut: boolean;
  author_id: string;
  author_name: string;
  department_slug: string;
  department_name: string;
  channel: Channel;
  language: Locale;
  consent: Consent;
  happened_on: string;
  published_at: Date | null;
  status: "draft" | "published";
  hidden_at: Date | null;
  featured_for_review_at: Date | null;
  comments: number;
  reactions: Partial<Record<ReactionKind, number>>;
  behaviour_ids: string[];
}

function toItem(row: CardRow & { headline?: string }): FeedItem {
  return {
    id: row.id,
    title: row.title,
    excerpt: plainExcerpt(row.body, 240, row.body_cut),
    headline: row.headline ?? null,
    authorId: row.author_id,
    authorName: row.author_name,
    departmentSlug: row.department_slug,
    departmentName: row.department_name,
    channel: row.channel,
    language: row.language,
    consent: row.consent,
    happenedOn: row.happened_on,
    publishedAt: row.published_at,
    status: row.status,
    hidden: row.hidden_at !== null,
    featured: row.featured_for_review_at !== null,
    behaviourIds: row.behaviour_ids,
    reactions: Object.fromEntries(Object.entries(row.reactions).map(([k, v]) => [k, Number(v)])),
    comments: Number(row.comments),
  };
}

/** One story with everything its page shows, if the viewer may see it. */
export async function getStory(db: Database, viewer: Actor, storyId: string) {
  const story = await db
    .selectFrom("stories as s")
    .innerJoin("users as a", "a.id", "s.author_id")
    .innerJoin("departments as d", "d.id", "s.department_id")
    .leftJoin("users as h", "h.id", "s.hidden_by")
    .selectAll("s")
    .select([
      "a.name as author_name",
      "d.name as department_name",
      "d.slug as department_slug",
      "h.name as hidden_by_name",
    ])
    .where("s.id", "=", storyId)
    .where(visibleTo(viewer))
    .executeTakeFirst();
  if (!story) return undefined;
  const [behaviours, colleagues, reactions, comments] = await Promise.all([
    db.selectFrom("story_behaviours").select("behaviour_id").where("story_id", "=", storyId).execute(),
    db
      .selectFrom("story_colleagues as c")
      .innerJoin("users as u", "u.id", "c.user_id")
      .select(["u.id", "u.name"])
      .where("c.story_id", "=", storyId)
      .execute(),
    db
      .selectFrom("story_reactions as r")
      .innerJoin("users as u", "u.id", "r.user_id")
      .select(["r.kind", "r.user_id", "u.name"])
      .where("r.story_id", "=", storyId)
      .orderBy("r.created_at")
      .execute(),
    db
      .selectFrom("story_comments as c")
      .innerJoin("users as u", "u.id", "c.author_id")
      .select(["c.id", "c.body", "c.created_at", "u.name as author_name", "c.author_id"])
      .where("c.story_id", "=", storyId)
      .orderBy("c.created_at")
      .execute(),
  ]);
  return {
    story,
    behaviourIds: behaviours.map((b) => b.behaviour_id),
    colleagues,
    reactions,
    comments,
  };
}

/** The newest story of the week, if it is still visible to the viewer. */
export async function storyOfTheWeek(db: Database, viewer: Actor) {
  return db
    .selectFrom("stories as s")
    .innerJoin("users as a", "a.id", "s.author_id")
    .select(["s.id", "s.title", "s.body", "a.name as author_name"])
    .where("s.story_of_week_at", "is not", null)
    .where("s.status", "=", "published")
    .where("s.hidden_at", "is", null)
    .where("s.consent", "<>", "internal_only")
    .where(visibleTo(viewer))
    .orderBy("s.story_of_week_at", "desc")
    .limit(1)
    .executeTakeFirst();
}
