import { getDb } from "#db/client.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import type { CurrentUser } from "#app/modules/people/actor.server.ts";
import { getCurrentVersionId, hasAcknowledged, loadPromise } from "./queries.server.ts";
import { readablePromise } from "./readable.server.ts";

/** The current promise in the reader's language, and whether they have acknowledged it. */
export async function currentPromiseFor(request: Request, user: CurrentUser) {
  const db = getDb();
  const locale = await resolveLocale(request, user.locale);
  const currentId = await getCurrentVersionId(db);
  const doc = currentId ? await loadPromise(db, currentId) : undefined;
  if (!doc) return { promise: null, acknowledgedAt: null };
  return { promise: readablePromise(doc, locale), acknowledgedAt: await hasAcknowledged(db, doc.id, user.id) };
}
