/**
 * The service promise as pages see it: pure types and rules, browser-safe.
 * A version has ordered pillars; each pillar has ordered behaviours. `pillarId`
 * and `behaviourId` are identities that outlive versions; `id` is the row of
 * this version.
 */
import type { Locale, Translations } from "#db/schema.ts";

export interface PromiseBehaviour {
  id: string;
  behaviourId: string;
  position: number;
  title: string;
  description: string;
  examples: string;
  translations: Translations;
}

export interface PromisePillar {
  id: string;
  pillarId: string;
  position: number;
  title: string;
  body: string;
  translations: Translations;
  behaviours: PromiseBehaviour[];
}

export interface PromiseDocument {
  id: string;
  number: number | null;
  status: "draft" | "published";
  title: string;
  intro: string;
  sourceLocale: Locale;
  translations: Translations;
  revision: number;
  publishedAt: Date | null;
  publishedByName: string | null;
  pillars: PromisePillar[];
}

/** The texts of each kind of item that can be translated. */
export const TRANSLATABLE = {
  version: ["title", "intro"],
  pillar: ["title", "body"],
  behaviour: ["title", "description", "examples"],
} as const;

export interface LocalizedText {
  text: string;
  /** True when the reader's language has no current translation and the original is shown. */
  fallback: boolean;
}

/**
 * A text in the reader's language. A translation counts only while it
 * translates the original as it is now (`currentSource` is the hash of the
 * original); otherwise the original is shown, marked as a fallback.
 */
export function localize(
  original: string,
  translations: Translations,
  field: string,
  locale: Locale,
  sourceLocale: Locale,
  currentSource: string,
): LocalizedText {
  if (locale === sourceLocale || original === "") return { text: original, fallback: false };
  const translation = translations[locale]?.[field];
  if (translation && translation.text.trim() !== "" && translation.source === currentSource) {
    return { text: translation.text, fallback: false };
  }
  return { text: original, fallback: true };
}

export type TranslationState = "current" | "outdated" | "missing";

export function translationState(
  original: string,
  translations: Translations,
  field: string,
  locale: Locale,
  currentSource: string,
): TranslationState {
  if (original === "") return "current";
  const translation = translations[locale]?.[field];
  if (!translation || translation.text.trim() === "") return "missing";
  return translation.source === currentSource ? "current" : "outdated";
}
