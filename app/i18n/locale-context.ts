import { createContext, useContext } from "react";
import { DEFAULT_LOCALE, type Locale } from "./i18n.ts";

/** The page's language (root.tsx provides it); `useT` in use-t.ts builds on it. */
export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);
export const useLocale = () => useContext(LocaleContext);
