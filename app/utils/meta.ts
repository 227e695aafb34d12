import type { MetaFunction } from "@remix-run/node";
import { getI18n, type Locale } from "#app/i18n/i18n.ts";

/** A page title in the reader's language: `export const meta = titled("home.title")`. */
export function titled(key: string): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined;
    const { t } = getI18n(root?.locale ?? "en");
    return [{ title: `${t(key)} · ServiceLoop` }];
  };
}
