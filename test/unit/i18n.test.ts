import { describe, expect, it } from "vitest";
import { getI18n, localeFromAcceptLanguage } from "#app/i18n/i18n.ts";
import { MESSAGES } from "#app/i18n/server.ts";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("locale files", () => {
  const english = keys(MESSAGES.en).sort();

  it.each(["sv", "da", "nb"] as const)("%s has exactly the keys of English", (locale) => {
    expect(keys(MESSAGES[locale]).sort()).toEqual(english);
  });

  it.each(["sv", "da", "nb"] as const)("%s keeps every {{placeholder}} of English", (locale) => {
    const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
    const get = (obj: unknown, path: string) =>
      path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    for (const key of english) {
      expect(placeholders(get(MESSAGES[locale], key)), key).toEqual(placeholders(get(MESSAGES.en, key)));
    }
  });
});

describe("localeFromAcceptLanguage", () => {
  it("picks the highest-ranked supported language", () => {
    expect(localeFromAcceptLanguage("de-DE,da;q=0.8,en;q=0.5")).toBe("da");
    expect(localeFromAcceptLanguage("sv-SE")).toBe("sv");
    expect(localeFromAcceptLanguage("en;q=0.4,sv;q=0.9")).toBe("sv");
  });

  it("reads Norwegian (no, nn, nb) as bokmål", () => {
    expect(localeFromAcceptLanguage("no")).toBe("nb");
    expect(localeFromAcceptLanguage("nn-NO,en;q=0.2")).toBe("nb");
    expect(localeFromAcceptLanguage("nb-NO")).toBe("nb");
  });

  it("answers nothing for unsupported or empty headers", () => {
    expect(localeFromAcceptLanguage("fr-FR,de")).toBeUndefined();
    expect(localeFromAcceptLanguage(null)).toBeUndefined();
    expect(localeFromAcceptLanguage("sv;q=0")).toBeUndefined();
  });
});

describe("remembered texts (getFixedT)", () => {
  const t = getI18n("en").getFixedT("en");
  const sv = getI18n("sv").getFixedT("sv");

  it("answers a text without parameters, and the same again from memory", () => {
    expect(t("stories.draft")).toBe(MESSAGES.en.stories.draft);
    expect(t("stories.draft")).toBe(MESSAGES.en.stories.draft);
    expect(sv("stories.draft")).toBe(MESSAGES.sv.stories.draft);
  });

  it("keeps plurals apart by count", () => {
    expect(t("stories.commentCount", { count: 1 })).toBe("1 comment");
    expect(t("stories.commentCount", { count: 2 })).toBe("2 comments");
    expect(t("stories.commentCount", { count: 1 })).toBe("1 comment");
  });

  it("resolves texts with other values on every call", () => {
    expect(t("stories.byline", { name: "Maja", date: "1 May" })).toBe("By Maja · 1 May");
    expect(t("stories.byline", { name: "Erik", date: "2 May" })).toBe("By Erik · 2 May");
  });
});
