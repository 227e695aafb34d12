import type { i18n as I18n, TFunction } from "i18next";
import { getI18n } from "./i18n.ts";
import { useLocale } from "./locale-context.ts";

const fixedT = new WeakMap<I18n, TFunction>();

/**
 * The page language's i18next instance. Components take `t` from here rather than
 * from react-i18next's useTranslation, which copies every property of the
 * instance for each component that calls it during a server render (2 % of a
 * page's server time) and adds state and effects the server never needs: the
 * language of a page never changes while it is shown (switching reloads it).
 */
export function useI18n(): I18n {
  return getI18n(useLocale());
}

/** `t` for the page's language (the remembered texts of `rememberTexts`). */
export function useT(): TFunction {
  const instance = useI18n();
  let t = fixedT.get(instance);
  if (!t) {
    t = instance.getFixedT(null, "translation");
    fixedT.set(instance, t);
  }
  return t;
}
