import type { Locale } from "#db/schema.ts";
import { rich } from "#app/components/markdown.server.tsx";
import { localize, type LocalizedText, type PromiseDocument } from "./model.ts";
import { sourceHash } from "./source-hash.ts";

/** A markdown text in the reader's language, with its HTML for `<Markdown html>`. */
export type RichText = LocalizedText & { html: string };

/** A version as a reader sees it: every text in their language, or the original marked as such. */
export interface ReadablePromise {
  id: string;
  number: number | null;
  sourceLocale: Locale;
  publishedAt: Date | null;
  publishedByName: string | null;
  title: LocalizedText;
  intro: RichText;
  pillars: {
    id: string;
    pillarId: string;
    title: LocalizedText;
    body: RichText;
    behaviours: {
      id: string;
      behaviourId: string;
      title: LocalizedText;
      description: RichText;
      examples: RichText;
    }[];
  }[];
}

export function readablePromise(doc: PromiseDocument, locale: Locale): ReadablePromise {
  const text = (original: string, translations: PromiseDocument["translations"], field: string) =>
    localize(original, translations, field, locale, doc.sourceLocale, sourceHash(original));
  const richText = (original: string, translations: PromiseDocument["translations"], field: string): RichText =>
    rich(text(original, translations, field));
  return {
    id: doc.id,
    number: doc.number,
    sourceLocale: doc.sourceLocale,
    publishedAt: doc.publishedAt,
    publishedByName: doc.publishedByName,
    title: text(doc.title, doc.translations, "title"),
    intro: richText(doc.intro, doc.translations, "intro"),
    pillars: doc.pillars.map((p) => ({
      id: p.id,
      pillarId: p.pillarId,
      title: text(p.title, p.translations, "title"),
      body: richText(p.body, p.translations, "body"),
      behaviours: p.behaviours.map((b) => ({
        id: b.id,
        behaviourId: b.behaviourId,
        title: text(b.title, b.translations, "title"),
        description: richText(b.description, b.translations, "description"),
        examples: richText(b.examples, b.translations, "examples"),
      })),
    })),
  };
}
