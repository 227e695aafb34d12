import type { Locale } from "#db/schema.ts";
import { localize, type LocalizedText, type PromiseDocument } from "./model.ts";
import { sourceHash } from "./source-hash.ts";

/** A version as a reader sees it: every text in their language, or the original marked as such. */
export interface ReadablePromise {
  id: string;
  number: number | null;
  sourceLocale: Locale;
  publishedAt: Date | null;
  publishedByName: string | null;
  title: LocalizedText;
  intro: LocalizedText;
  pillars: {
    id: string;
    pillarId: string;
    title: LocalizedText;
    body: LocalizedText;
    behaviours: {
      id: string;
      behaviourId: string;
      title: LocalizedText;
      description: LocalizedText;
      examples: LocalizedText;
    }[];
  }[];
}

export function readablePromise(doc: PromiseDocument, locale: Locale): ReadablePromise {
  const text = (original: string, translations: PromiseDocument["translations"], field: string) =>
    localize(original, translations, field, locale, doc.sourceLocale, sourceHash(original));
  return {
    id: doc.id,
    number: doc.number,
    sourceLocale: doc.sourceLocale,
    publishedAt: doc.publishedAt,
    publishedByName: doc.publishedByName,
    title: text(doc.title, doc.translations, "title"),
    intro: text(doc.intro, doc.translations, "intro"),
    pillars: doc.pillars.map((p) => ({
      id: p.id,
      pillarId: p.pillarId,
      title: text(p.title, p.translations, "title"),
      body: text(p.body, p.translations, "body"),
      behaviours: p.behaviours.map((b) => ({
        id: b.id,
        behaviourId: b.behaviourId,
        title: text(b.title, b.translations, "title"),
        description: text(b.description, b.translations, "description"),
        examples: text(b.examples, b.translations, "examples"),
      })),
    })),
  };
}
