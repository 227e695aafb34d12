import { getDb } from "#db/client.server.ts";
import type { Locale } from "#db/schema.ts";
import { localize } from "#app/modules/promise/model.ts";
import { behaviourLabels, type currentBehaviourOptions } from "#app/modules/promise/queries.server.ts";
import { sourceHash } from "#app/modules/promise/source-hash.ts";

/** Behaviour tags for a page of stories: id → title in the reader's language, and whether it is retired. */
/** The current promise's behaviours as choices, in the reader's language. */
export function behaviourOptions(behaviours: Awaited<ReturnType<typeof currentBehaviourOptions>>, locale: Locale) {
  return behaviours.map((b) => ({
    id: b.behaviourId,
    title: localize(b.title, b.translations, "title", locale, b.sourceLocale, sourceHash(b.title)).text,
  }));
}

export async function behaviourTags(
  ids: string[],
  locale: Locale,
): Promise<Record<string, { title: string; retired: boolean }>> {
  const labels = await behaviourLabels(getDb(), ids);
  return Object.fromEntries(
    [...labels].map(([id, l]) => [
      id,
      {
        title: localize(l.title, l.translations, "title", locale, l.sourceLocale, sourceHash(l.title)).text,
        retired: l.retired,
      },
    ]),
  );
}
