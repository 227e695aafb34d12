import { createContext, useContext } from "react";
import { DEFAULT_LOCALE, type Locale } from "./i18n.ts";

/**
 * The page's language for code that needs only the language, not `t`.
 * (react-i18next's useTranslation copies the i18n instance for every component
 * that calls it on the server: measurable on pages with many small components.)
 */
export const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);
export const useLocale = () => useContext(LocaleContext);
