import type { Database } from "#db/connect.ts";
import { jsonb } from "#db/jsonb.ts";
import type { Translations } from "#db/schema.ts";
import { sourceHash } from "#app/modules/promise/source-hash.ts";
import { PROMISE_V1, PROMISE_V2, type SeedPromise, type SeedText } from "./promise-content.ts";

const LOCALES = ["sv", "da", "nb"] as const;

function translationsOf(fields: Record<string, SeedText | undefined>): Translations {
  const result: Translations = {};
  for (const locale of LOCALES) {
    for (const [field, text] of Object.entries(fields)) {
      const translated = text?.[locale];
      if (!text || !translated) continue;
      (result[locale] ??= {})[field] = { text: translated, source: sourceHash(text.en) };
    }
  }
  return result;
}

/**
 * Writes one published version, reusing the identities of earlier versions by
 * key. Rows are written while the version is a draft, then it is published:
 * the database refuses changes to published versions.
 */
async function seedVersion(
  db: Database,
  content: SeedPromise,
  input: { number: number; publishedAt: Date; publishedBy: string; basedOn: string | null },
  identities: { pillars: Map<string, string>; behaviours: Map<string, string> },
): Promise<string> {
  const version = await db
    .insertInto("promise_versions")
    .values({
      status: "draft",
      title: content.title.en,
      intro: content.intro.en,
      source_locale: "en",
      translations: jsonb(translationsOf({ title: content.title, intro: content.intro })),
      based_on_id: input.basedOn,
      created_by: input.publishedBy,
      created_at: new Date(input.publishedAt.getTime() - 3 * 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [pIndex, pillar] of content.pillars.entries()) {
    let pillarId = identities.pillars.get(pillar.key);
    if (!pillarId) {
      pillarId = (await db.insertInto("pillars").defaultValues().returning("id").executeTakeFirstOrThrow()).id;
      identities.pillars.set(pillar.key, pillarId);
    }
    const row = await db
      .insertInto("promise_pillars")
      .values({
        version_id: version.id,
        pillar_id: pillarId,
        position: pIndex + 1,
        title: pillar.title.en,
        body: pillar.body.en,
        translations: jsonb(translationsOf({ title: pillar.title, body: pillar.body })),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [bIndex, behaviour] of pillar.behaviours.entries()) {
      let behaviourId = identities.behaviours.get(behaviour.key);
      if (!behaviourId) {
        behaviourId = (await db.insertInto("behaviours").defaultValues().returning("id").executeTakeFirstOrThrow()).id;
        identities.behaviours.set(behaviour.key, behaviourId);
      }
      await db
        .insertInto("promise_behaviours")
        .values({
          version_id: version.id,
          pillar_row_id: row.id,
          behaviour_id: behaviourId,
          position: bIndex + 1,
          title: behaviour.title.en,
          description: behaviour.description.en,
          examples: behaviour.examples?.en ?? "",
          translations: jsonb(
            translationsOf({
              title: behaviour.title,
              description: behaviour.description,
              examples: behaviour.examples,
            }),
          ),
        })
        .execute();
    }
  }
  await db
    .updateTable("promise_versions")
    .set({
      status: "published",
      number: input.number,
      published_by: input.publishedBy,
      published_at: input.publishedAt,
    })
    .where("id", "=", version.id)
    .execute();
  return version.id;
}

/**
 * The demo company's promise: version 1 half a year ago, version 2 (current)
 * three weeks ago. Most people have acknowledged version 2; the demo employee
 * has not yet, so the home page asks them.
 */
export async function seedPromise(
  db: Database,
  input: { leaderId: string; people: { id: string; email: string }[] },
): Promise<Map<string, string>> {
  const identities = { pillars: new Map<string, string>(), behaviours: new Map<string, string>() };
  const day = 86_400_000;
  const v1At = new Date(Date.now() - 182 * day);
  const v2At = new Date(Date.now() - 21 * day);
  const v1 = await seedVersion(
    db,
    PROMISE_V1,
    { number: 1, publishedAt: v1At, publishedBy: input.leaderId, basedOn: null },
    identities,
  );
  const v1Behaviours = new Set(identities.behaviours.values());
  const v2 = await seedVersion(
    db,
    PROMISE_V2,
    { number: 2, publishedAt: v2At, publishedBy: input.leaderId, basedOn: v1 },
    identities,
  );
  const v2Keys = new Set(PROMISE_V2.pillars.flatMap((p) => p.behaviours.map((b) => b.key)));
  const retired = [...identities.behaviours]
    .filter(([key, id]) => !v2Keys.has(key) && v1Behaviours.has(id))
    .map(([, id]) => id);
  if (retired.length) await db.updateTable("behaviours").set({ retired_at: v2At }).where("id", "in", retired).execute();

  // Everyone read version 1; about two thirds have read version 2 (never the demo employee).
  const acknowledgements = input.people.flatMap((person, index) => {
    const rows = [
      { version_id: v1, user_id: person.id, acknowledged_at: new Date(v1At.getTime() + ((index % 9) + 1) * day) },
    ];
    if (person.email !== "employee@demo.test" && index % 3 !== 2) {
      rows.push({
        version_id: v2,
        user_id: person.id,
        acknowledged_at: new Date(v2At.getTime() + ((index % 5) + 1) * day),
      });
    }
    return rows;
  });
  await db.insertInto("promise_acknowledgements").values(acknowledgements).execute();
  return identities.behaviours;
}
