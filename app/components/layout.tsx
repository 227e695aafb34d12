import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "#app/i18n/use-t.ts";
import { LOCALE_NAMES, LOCALES } from "#app/i18n/i18n.ts";
import { useLocale } from "#app/i18n/locale-context.ts";
import { can } from "#app/modules/policy/policy.ts";
import { useRootData } from "#app/root.tsx";
import { FlashMessage } from "./flash-message.tsx";

/** The areas of the product, in the order of the loop it closes. */
export const AREAS = [
  { to: "/promise", key: "nav.promise" },
  { to: "/stories", key: "nav.stories" },
  { to: "/shadowing", key: "nav.shadowing" },
  { to: "/kpis", key: "nav.kpis" },
  { to: "/reviews", key: "nav.reviews" },
  { to: "/recognition", key: "nav.recognition" },
  { to: "/review-cycles", key: "nav.conversations" },
] as const;

export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const root = useRootData();
  const user = root?.user ?? null;
  const actor = user && { id: user.id, role: user.role, departments: user.departments };
  return (
    <>
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              ◎
            </span>
            ServiceLoop
          </Link>
          {user ? (
            <nav aria-label={t("nav.label")} className="main-nav">
              <ul>
                {AREAS.map((area) => (
                  <li key={area.to}>
                    <NavLink to={area.to}>{t(area.key)}</NavLink>
                  </li>
                ))}
                <li>
                  <NavLink to="/departments">{t("nav.departments")}</NavLink>
                </li>
                {can(actor, "people:manage", undefined) ? (
                  <li>
                    <NavLink to="/admin">{t("nav.admin")}</NavLink>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}
          <div className="header-tools">
            <LanguageSwitch />
            {user ? (
              <Link to="/notifications" className="bell">
                <span aria-hidden="true">🔔</span>
                <span className="visually-hidden">{t("notifications.title")}</span>
                {user.unread ? (
                  <span className="bell__count">
                    {user.unread}
                    <span className="visually-hidden"> {t("notifications.unread")}</span>
                  </span>
                ) : null}
              </Link>
            ) : null}
            {user ? <UserMenu name={user.name || user.email} /> : null}
          </div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {root?.flash ? <FlashMessage flash={root.flash} /> : null}
        {children}
      </main>
    </>
  );
}

function UserMenu({ name }: { name: string }) {
  const t = useT();
  return (
    <details className="user-menu">
      <summary>
        <span className="visually-hidden">{t("layout.userMenu")}: </span>
        {name}
      </summary>
      <ul>
        <li>
          <Link to="/profile">{t("nav.profile")}</Link>
        </li>
        <li>
          <Form method="post" action="/logout">
            <button type="submit" className="link-button">
              {t("auth.signOut")}
            </button>
          </Form>
        </li>
      </ul>
    </details>
  );
}

/** A plain form: it works without JavaScript and reloads the page in the new language. */
function LanguageSwitch() {
  const t = useT();
  const current = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action="/language" reloadDocument className="language-switch">
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <label htmlFor="language-select" className="visually-hidden">
        {t("layout.language")}
      </label>
      <select id="language-select" name="locale" defaultValue={current}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small">
        {t("layout.changeLanguage")}
      </button>
    </Form>
  );
}
