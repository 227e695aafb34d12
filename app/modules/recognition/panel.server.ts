import { getDb } from "#db/client.server.ts";
import type { Locale } from "#db/schema.ts";
import { behaviourTags } from "#app/modules/stories/labels.server.ts";
import { listRecognitions, type RecognitionQuery } from "./queries.server.ts";

/** The latest recognition for a page (a behaviour, a person, a department), with its behaviour labels. */
export async function recognitionPanel(query: RecognitionQuery, locale: Locale) {
  const items = await listRecognitions(getDb(), { limit: 5, ...query });
  return { items, behaviours: await behaviourTags([...new Set(items.map((r) => r.behaviourId))], locale) };
}
