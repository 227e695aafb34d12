import { INTL_LOCALE, type Locale } from "#app/i18n/i18n.ts";

// Building a collator costs more than sorting a page's list with it.
const collators: Partial<Record<Locale, Intl.Collator>> = {};

/**
 * Sorts for display in the reader's language (Å after Z in Swedish, Ø before
 * Å in Danish and Norwegian). The database sorts by bytes on both engines, so
 * display order is decided here.
 */
export function sortByName<T>(
  items: T[],
  locale: Locale,
  name: (item: T) => string = (i) => String((i as { name: string }).name),
): T[] {
  const collator = (collators[locale] ??= new Intl.Collator(INTL_LOCALE[locale], { sensitivity: "base" }));
  return [...items].sort((a, b) => collator.compare(name(a), name(b)));
}
