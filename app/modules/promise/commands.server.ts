import { sql } from "kysely";
import type { Database } from "#db/connect.ts";
import { jsonb } from "#db/jsonb.ts";
import type { Locale, Translations } from "#db/schema.ts";
import { audit } from "#app/modules/audit.server.ts";
import { CommandError } from "#app/modules/forms.ts";
import { TRANSLATABLE } from "./model.ts";
import { getCurrentVersionId, getDraftId, loadPromise } from "./queries.server.ts";
import { sourceHash } from "./source-hash.ts";

type Tx = Database;

/**
 * Every change to the draft names the revision it was made on. If the draft
 * moved on since (another leader saved), the change is refused with a
 * conflict instead of silently overwriting theirs.
 */
async function claimDraft(trx: Tx, revision: number): Promise<string> {
  const row = await trx
    .updateTable("promise_versions")
    .set({ revision: sql`revision + 1`, updated_at: new Date() })
    .where("status", "=", "draft")
    .where("revision", "=", revision)
    .returning("id")
    .executeTakeFirst();
  if (row) return row.id;
  const draft = await getDraftId(trx);
  throw new CommandError({ form: [draft ? "promise.conflict" : "promise.noDraft"] }, 409);
}

/** Starts the next version as a copy of the current one (identities kept), or empty. */
export async function startDraft(db: Database, actorId: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const existing = await getDraftId(trx);
    if (existing) return existing;
    const currentId = await getCurrentVersionId(trx);
    const current = currentId ? await loadPromise(trx, currentId) : undefined;
    const draft = await trx
      .insertInto("promise_versions")
      .values({
        status: "draft",
        title: current?.title ?? "",
        intro: current?.intro ?? "",
        source_locale: current?.sourceLocale ?? "en",
        translations: jsonb(current?.translations ?? {}),
        based_on_id: currentId ?? null,
        created_by: actorId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const pillar of current?.pillars ?? []) {
      const row = await trx
        .insertInto("promise_pillars")
        .values({
          version_id: draft.id,
          pillar_id: pillar.pillarId,
          position: pillar.position,
          title: pillar.title,
          body: pillar.body,
          translations: jsonb(pillar.translations),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (pillar.behaviours.length) {
        await trx
          .insertInto("promise_behaviours")
          .values(
            pillar.behaviours.map((b) => ({
              version_id: draft.id,
              pillar_row_id: row.id,
              behaviour_id: b.behaviourId,
              position: b.position,
              title: b.title,
              description: b.description,
              examples: b.examples,
              translations: jsonb(b.translations),
            })),
          )
          .execute();
      }
    }
    await audit(trx, { actorId, action: "promise.start-draft", subject: draft.id, details: { basedOn: currentId } });
    return draft.id;
  });
}

export async function discardDraft(db: Database, actorId: string, revision: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const id = await claimDraft(trx, revision);
    await trx.deleteFrom("promise_versions").where("id", "=", id).execute();
    // Identities created for this draft alone are not kept.
    await trx
      .deleteFrom("behaviours")
      .where((eb) =>
        eb.not(
          eb.exists(
            eb.selectFrom("promise_behaviours as b").whereRef("b.behaviour_id", "=", "behaviours.id").select("b.id"),
          ),
        ),
      )
      .execute();
    await trx
      .deleteFrom("pillars")
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom("promise_pillars as p").whereRef("p.pillar_id", "=", "pillars.id").select("p.id")),
        ),
      )
      .execute();
    await audit(trx, { actorId, action: "promise.discard-draft", subject: id });
  });
}

export async function saveHeader(
  db: Database,
  input: { revision: number; title: string; intro: string; sourceLocale: Locale },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const id = await claimDraft(trx, input.revision);
    await trx
      .updateTable("promise_versions")
      .set({ title: input.title, intro: input.intro, source_locale: input.sourceLocale })
      .where("id", "=", id)
      .execute();
  });
}

async function nextPosition(trx: Tx, table: "promise_pillars" | "promise_behaviours", where: [string, string]) {
  const row = await trx
    .selectFrom(table)
    .select(sql<number>`coalesce(max(position), 0) + 1`.as("next"))
    .where(where[0] as "version_id", "=", where[1])
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export async function addPillar(db: Database, input: { revision: number; title: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const versionId = await claimDraft(trx, input.revision);
    const identity = await trx.insertInto("pillars").defaultValues().returning("id").executeTakeFirstOrThrow();
    await trx
      .insertInto("promise_pillars")
      .values({
        version_id: versionId,
        pillar_id: identity.id,
        position: await nextPosition(trx, "promise_pillars", ["version_id", versionId]),
        title: input.title,
      })
      .execute();
  });
}

export async function updatePillar(
  db: Database,
  input: { revision: number; pillarRowId: string; title: string; body: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const versionId = await claimDraft(trx, input.revision);
    const result = await trx
      .updateTable("promise_pillars")
      .set({ title: input.title, body: input.body })
      .where("id", "=", input.pillarRowId)
      .where("version_id", "=", versionId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new CommandError({ form: ["promise.itemGone"] }, 409);
  });
}

export async function addBehaviour(
  db: Database,
  input: { revision: number; pillarRowId: string; title: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const versionId = await claimDraft(trx, input.revision);
    const pillar = await trx
      .selectFrom("promise_pillars")
      .select("id")
      .where("id", "=", input.pillarRowId)
      .where("version_id", "=", versionId)
      .executeTakeFirst();
    if (!pillar) throw new CommandError({ form: ["promise.itemGone"] }, 409);
    const identity = await trx.insertInto("behaviours").defaultValues().returning("id").executeTakeFirstOrThrow();
    await trx
      .insertInto("promise_behaviours")
      .values({
        version_id: versionId,
        pillar_row_id: pillar.id,
        behaviour_id: identity.id,
        position: await nextPosition(trx, "promise_behaviours", ["pillar_row_id", pillar.id]),
        title: input.title,
      })
      .execute();
  });
}

export async function updateBehaviour(
  db: Database,
  input: { revision: number; behaviourRowId: string; title: string; description: string; examples: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const versionId = await claimDraft(trx, input.revision);
    const result = await trx
      .updateTable("promise_behaviours")
      .set({ title: input.title, description: input.description, examples: input.examples })
      .where("id", "=", input.behaviourRowId)
      .where("version_id", "=", versionId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new CommandError({ form: ["promise.itemGone"] }, 409);
  });
}

/** Swaps an item with its neighbour (pillars within the version, behaviours within their pillar). */
export async function moveItem(
  db: Database,
  input: { revision: number; rowId: string; direction: "up" | "down" },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const versionId = await claimDraft(trx, input.revision);
    const pillar = await trx
      .selectFrom("promise_pillars")
      .select(["id", "position"])
      .where("id", "=", input.rowId)
      .where("version_id", "=", versionId)
      .executeTakeFirst();
    const siblings = pillar
      ? await trx
          .selectFrom("promise_pillars")
          .select(["id", "position"])
          .where("version_id", "=", versionId)
          .orderBy("position")
          .orderBy("id")
          .execute()
      : await (async () => {
          const behaviour = await trx
            .selectFrom("promise_behaviours")
            .select("pillar_row_id")
            .where("id", "=", input.rowId)
            .where("version_id", "=", versionId)
            .executeTakeFirst();
          if (!behaviour) throw new CommandError({ form: ["promise.itemGone"] }, 409);
          return trx
            .selectFrom("promise_behaviours")
            .select(["id", "position"])
            .where("pillar_row_id", "=", behaviour.pillar_row_id)
            .orderBy("position")
            .orderBy("id")
            .execute();
        })();
    const table = pillar ? "promise_pillars" : "promise_behaviours";
    const order = siblings.map((s) => s.id);
    const index = order.indexOf(input.rowId);
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target]!, order[index]!];
    // Renumber 1..n so positions stay dense whatever happened before.
    for (const [i, id] of order.entries()) {
      await trx
        .updateTable(table)
        .set({ position: i + 1 })
        .where("id", "=", id)
        .execute();
    }
  });
}

export async function deleteItem(db: Database, input: { revision: number; rowId: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const versionId = await claimDraft(trx, input.revision);
    const pillar = await trx
      .deleteFrom("promise_pillars")
      .where("id", "=", input.rowId)
      .where("version_id", "=", versionId)
      .executeTakeFirst();
    if (Number(pillar.numDeletedRows) === 1) return;
    const behaviour = await trx
      .deleteFrom("promise_behaviours")
      .where("id", "=", input.rowId)
      .where("version_id", "=", versionId)
      .executeTakeFirst();
    if (Number(behaviour.numDeletedRows) !== 1) throw new CommandError({ form: ["promise.itemGone"] }, 409);
  });
}

export type TranslationInput = { kind: keyof typeof TRANSLATABLE; rowId: string; field: string; text: string };

/**
 * Stores translations into one language for the draft. Each translation
 * remembers which original it translates (its hash), so a later change of
 * the original shows it as outdated.
 */
export async function saveTranslations(
  db: Database,
  input: { revision: number; locale: Locale; entries: TranslationInput[] },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const versionId = await claimDraft(trx, input.revision);
    const doc = await loadPromise(trx, versionId);
    if (!doc) throw new CommandError({ form: ["promise.noDraft"] }, 409);
    if (input.locale === doc.sourceLocale) throw CommandError.field("locale", "promise.translateIntoOriginal");
    const rows = new Map<
      string,
      { kind: TranslationInput["kind"]; texts: Record<string, string>; translations: Translations }
    >();
    rows.set(doc.id, {
      kind: "version",
      texts: { title: doc.title, intro: doc.intro },
      translations: doc.translations,
    });
    for (const p of doc.pillars) {
      rows.set(p.id, { kind: "pillar", texts: { title: p.title, body: p.body }, translations: p.translations });
      for (const b of p.behaviours) {
        rows.set(b.id, {
          kind: "behaviour",
          texts: { title: b.title, description: b.description, examples: b.examples },
          translations: b.translations,
        });
      }
    }
    const changed = new Set<string>();
    for (const entry of input.entries) {
      const row = rows.get(entry.rowId);
      if (!row || row.kind !== entry.kind || !(TRANSLATABLE[entry.kind] as readonly string[]).includes(entry.field)) {
        throw new CommandError({ form: ["promise.itemGone"] }, 409);
      }
      const forLocale = { ...(row.translations[input.locale] ?? {}) };
      const text = entry.text.trim();
      if (text === "") delete forLocale[entry.field];
      else forLocale[entry.field] = { text, source: sourceHash(row.texts[entry.field] ?? "") };
      row.translations = { ...row.translations, [input.locale]: forLocale };
      changed.add(entry.rowId);
    }
    for (const id of changed) {
      const row = rows.get(id)!;
      const table =
        row.kind === "version" ? "promise_versions" : row.kind === "pillar" ? "promise_pillars" : "promise_behaviours";
      await trx
        .updateTable(table)
        .set({ translations: jsonb(row.translations) })
        .where("id", "=", id)
        .execute();
    }
  });
}

/**
 * Publishes the draft as the next numbered version. An empty promise, a
 * pillar or behaviour without a title is refused and nothing changes.
 * Behaviours the new version no longer has are retired; ones it has again
 * are not.
 */
export async function publishDraft(db: Database, actorId: string, revision: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const versionId = await claimDraft(trx, revision);
    const doc = (await loadPromise(trx, versionId))!;
    const problems: string[] = [];
    if (!doc.title.trim()) problems.push("promise.needsTitle");
    if (doc.pillars.length === 0) problems.push("promise.needsPillar");
    doc.pillars.forEach((p, i) => {
      if (!p.title.trim()) problems.push(`promise.pillarNeedsTitle:${i + 1}`);
      if (p.behaviours.some((b) => !b.title.trim())) problems.push(`promise.behaviourNeedsTitle:${i + 1}`);
    });
    if (doc.pillars.length > 0 && doc.pillars.every((p) => p.behaviours.length === 0)) {
      problems.push("promise.needsBehaviour");
    }
    if (problems.length) throw new CommandError({ form: problems });

    const previousId = await getCurrentVersionId(trx);
    const { next } = await trx
      .selectFrom("promise_versions")
      .select(sql<number>`coalesce(max(number), 0) + 1`.as("next"))
      .executeTakeFirstOrThrow();
    const number = Number(next);
    await trx
      .updateTable("promise_versions")
      .set({ status: "published", number, published_by: actorId, published_at: new Date() })
      .where("id", "=", versionId)
      .execute();
    const kept = doc.pillars.flatMap((p) => p.behaviours.map((b) => b.behaviourId));
    if (previousId) {
      await trx
        .updateTable("behaviours")
        .set({ retired_at: new Date() })
        .where("retired_at", "is", null)
        .where(
          "id",
          "in",
          trx.selectFrom("promise_behaviours").select("behaviour_id").where("version_id", "=", previousId),
        )
        .$if(kept.length > 0, (qb) => qb.where("id", "not in", kept))
        .execute();
    }
    if (kept.length) await trx.updateTable("behaviours").set({ retired_at: null }).where("id", "in", kept).execute();
    await audit(trx, { actorId, action: "promise.publish", subject: versionId, details: { number } });
    return number;
  });
}

/** "I have read it": only the current version can be acknowledged. Idempotent. */
export async function acknowledgeCurrentPromise(db: Database, userId: string, versionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await getCurrentVersionId(trx);
    if (!current || current !== versionId) throw new CommandError({ form: ["promise.notCurrent"] }, 409);
    await trx
      .insertInto("promise_acknowledgements")
      .values({ version_id: versionId, user_id: userId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
}
