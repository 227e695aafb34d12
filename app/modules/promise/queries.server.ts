import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import type { Translations } from "#db/schema.ts";
import type { PromiseDocument } from "./model.ts";

/** The version everyone reads: the published one with the highest number. */
export async function getCurrentVersionId(db: Database): Promise<string | undefined> {
  const row = await db
    .selectFrom("promise_versions")
    .select("id")
    .where("status", "=", "published")
    .orderBy("number", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export async function getDraftId(db: Database): Promise<string | undefined> {
  const row = await db.selectFrom("promise_versions").select("id").where("status", "=", "draft").executeTakeFirst();
  return row?.id;
}

export async function getVersionIdByNumber(db: Database, number: number): Promise<string | undefined> {
  const row = await db
    .selectFrom("promise_versions")
    .select("id")
    .where("number", "=", number)
    .where("status", "=", "published")
    .executeTakeFirst();
  return row?.id;
}

// Published versions never change (a trigger enforces it), so each process may
// keep them: nothing is shared between processes and nothing goes stale.
const publishedCache = new WeakMap<Database, Map<string, PromiseDocument>>();
const PUBLISHED_CACHE_SIZE = 20;

/** A whole version (pillars and behaviours in order): from memory when published and seen before. */
export async function loadPromise(db: Database, versionId: string): Promise<PromiseDocument | undefined> {
  let cache = publishedCache.get(db);
  if (!cache) publishedCache.set(db, (cache = new Map()));
  const cached = cache.get(versionId);
  if (cached) return cached;
  const doc = await readPromise(db, versionId);
  if (doc?.status === "published") {
    if (cache.size >= PUBLISHED_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(versionId, doc);
  }
  return doc;
}

/** A whole version from the database, in three queries. */
async function readPromise(db: Database, versionId: string): Promise<PromiseDocument | undefined> {
  const version = await db
    .selectFrom("promise_versions as v")
    .leftJoin("users as u", "u.id", "v.published_by")
    .select([
      "v.id",
      "v.number",
      "v.status",
      "v.title",
      "v.intro",
      "v.source_locale",
      "v.translations",
      "v.revision",
      "v.published_at",
      "u.name as published_by_name",
    ])
    .where("v.id", "=", versionId)
    .executeTakeFirst();
  if (!version) return undefined;
  const [pillars, behaviours] = await Promise.all([
    db
      .selectFrom("promise_pillars")
      .select(["id", "pillar_id", "position", "title", "body", "translations"])
      .where("version_id", "=", versionId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("promise_behaviours")
      .select(["id", "pillar_row_id", "behaviour_id", "position", "title", "description", "examples", "translations"])
      .where("version_id", "=", versionId)
      .orderBy("position")
      .orderBy("id")
      .execute(),
  ]);
  return {
    id: version.id,
    number: version.number,
    status: version.status,
    title: version.title,
    intro: version.intro,
    sourceLocale: version.source_locale,
    translations: version.translations,
    revision: version.revision,
    publishedAt: version.published_at,
    publishedByName: version.published_by_name,
    pillars: pillars.map((p) => ({
      id: p.id,
      pillarId: p.pillar_id,
      position: p.position,
      title: p.title,
      body: p.body,
      translations: p.translations,
      behaviours: behaviours
        .filter((b) => b.pillar_row_id === p.id)
        .map((b) => ({
          id: b.id,
          behaviourId: b.behaviour_id,
          position: b.position,
          title: b.title,
          description: b.description,
          examples: b.examples,
          translations: b.translations as Translations,
        })),
    })),
  };
}

export interface VersionSummary {
  id: string;
  number: number;
  title: string;
  publishedAt: Date;
  publishedByName: string | null;
  pillars: number;
  behaviours: number;
}

export async function listPublishedVersions(db: Database): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom("promise_versions as v")
    .leftJoin("users as u", "u.id", "v.published_by")
    .select(["v.id", "v.number", "v.title", "v.published_at", "u.name as published_by_name"])
    .select(sql<number>`(select count(*) from promise_pillars p where p.version_id = v.id)`.as("pillars"))
    .select(sql<number>`(select count(*) from promise_behaviours b where b.version_id = v.id)`.as("behaviours"))
    .where("v.status", "=", "published")
    .orderBy("v.number", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number!,
    title: r.title,
    publishedAt: r.published_at!,
    publishedByName: r.published_by_name,
    pillars: Number(r.pillars),
    behaviours: Number(r.behaviours),
  }));
}

export async function hasAcknowledged(db: Database, versionId: string, userId: string): Promise<Date | null> {
  const row = await db
    .selectFrom("promise_acknowledgements")
    .select("acknowledged_at")
    .where("version_id", "=", versionId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.acknowledged_at ?? null;
}

export interface AcknowledgementRate {
  departmentId: string;
  slug: string;
  name: string;
  members: number;
  acknowledged: number;
}

/** Active members and how many of them acknowledged the version, per department (computed in SQL). */
export async function acknowledgementRates(
  db: Database,
  versionId: string,
  departmentIds?: string[],
): Promise<{ departments: AcknowledgementRate[]; overall: { people: number; acknowledged: number } }> {
  if (departmentIds && departmentIds.length === 0) return { departments: [], overall: { people: 0, acknowledged: 0 } };
  const departments = await db
    .selectFrom("departments as d")
    .leftJoin("department_members as m", "m.department_id", "d.id")
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "m.user_id").on("u.status", "=", "active"))
    .leftJoin("promise_acknowledgements as a", (join) =>
      join.onRef("a.user_id", "=", "u.id").on("a.version_id", "=", versionId),
    )
    .select(["d.id", "d.slug", "d.name"])
    .select((eb) => [eb.fn.count<number>("u.id").as("members"), eb.fn.count<number>("a.user_id").as("acknowledged")])
    .$if(Boolean(departmentIds), (qb) => qb.where("d.id", "in", departmentIds!))
    .groupBy(["d.id", "d.slug", "d.name"])
    .execute();
  const overall = await db
    .selectFrom("users as u")
    .leftJoin("promise_acknowledgements as a", (join) =>
      join.onRef("a.user_id", "=", "u.id").on("a.version_id", "=", versionId),
    )
    .select((eb) => [eb.fn.count<number>("u.id").as("people"), eb.fn.count<number>("a.user_id").as("acknowledged")])
    .where("u.status", "=", "active")
    .executeTakeFirstOrThrow();
  return {
    departments: departments.map((d) => ({
      departmentId: d.id,
      slug: d.slug,
      name: d.name,
      members: Number(d.members),
      acknowledged: Number(d.acknowledged),
    })),
    overall: { people: Number(overall.people), acknowledged: Number(overall.acknowledged) },
  };
}

/** Active members of a department who have not acknowledged the version yet. */
export async function notYetAcknowledged(db: Database, versionId: string, departmentId: string) {
  return db
    .selectFrom("department_members as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email"])
    .where("m.department_id", "=", departmentId)
    .where("u.status", "=", "active")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("promise_acknowledgements as a")
            .select("a.user_id")
            .whereRef("a.user_id", "=", "u.id")
            .where("a.version_id", "=", versionId),
        ),
      ),
    )
    .execute();
}

/** A behaviour across versions: its text in the newest published version that has it, and where it appeared. */
export async function getBehaviourHistory(db: Database, behaviourId: string) {
  const behaviour = await db
    .selectFrom("behaviours")
    .select(["id", "retired_at"])
    .where("id", "=", behaviourId)
    .executeTakeFirst();
  if (!behaviour) return undefined;
  const appearances = await db
    .selectFrom("promise_behaviours as b")
    .innerJoin("promise_versions as v", "v.id", "b.version_id")
    .innerJoin("promise_pillars as p", "p.id", "b.pillar_row_id")
    .select([
      "v.number",
      "v.source_locale",
      "b.title",
      "b.description",
      "b.examples",
      "b.translations",
      "p.title as pillar_title",
      "p.translations as pillar_translations",
    ])
    .where("b.behaviour_id", "=", behaviourId)
    .where("v.status", "=", "published")
    .orderBy("v.number", "desc")
    .execute();
  return { id: behaviour.id, retiredAt: behaviour.retired_at, appearances };
}

/**
 * Titles of behaviours (for tags on stories and recognition) from the newest
 * published version that has each one, in the reader's language.
 */
export async function behaviourLabels(
  db: Database,
  behaviourIds: string[],
): Promise<
  Map<
    string,
    { title: string; translations: Translations; sourceLocale: PromiseDocument["sourceLocale"]; retired: boolean }
  >
> {
  const labels = new Map<
    string,
    { title: string; translations: Translations; sourceLocale: PromiseDocument["sourceLocale"]; retired: boolean }
  >();
  if (behaviourIds.length === 0) return labels;
  const rows = await db
    .selectFrom("promise_behaviours as pb")
    .innerJoin("promise_versions as v", "v.id", "pb.version_id")
    .innerJoin("behaviours as b", "b.id", "pb.behaviour_id")
    .select(["pb.behaviour_id", "pb.title", "pb.translations", "v.source_locale", "v.number", "b.retired_at"])
    .where("pb.behaviour_id", "in", [...new Set(behaviourIds)])
    .where("v.status", "=", "published")
    .orderBy("v.number", "desc")
    .execute();
  for (const row of rows) {
    if (labels.has(row.behaviour_id)) continue;
    labels.set(row.behaviour_id, {
      title: row.title,
      translations: row.translations,
      sourceLocale: row.source_locale,
      retired: row.retired_at !== null,
    });
  }
  return labels;
}

/** Behaviours of the current version, for tagging: id and title, in promise order. */
export async function currentBehaviourOptions(db: Database) {
  const currentId = await getCurrentVersionId(db);
  if (!currentId) return [];
  const doc = await loadPromise(db, currentId);
  return (doc?.pillars ?? []).flatMap((p) =>
    p.behaviours.map((b) => ({
      behaviourId: b.behaviourId,
      title: b.title,
      translations: b.translations,
      pillar: p.title,
      pillarTranslations: p.translations,
      sourceLocale: doc!.sourceLocale,
    })),
  );
}
