import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { getDb } from "#db/client.server.ts";
import { getCurrentUser } from "#app/modules/auth/session.server.ts";
import { unreadNotificationCount } from "#app/modules/notifications/notifications.server.ts";
import { readFlash } from "#app/flash.server.ts";
import { resolveLocale } from "#app/i18n/locale.server.ts";
import { getI18n, type Locale } from "#app/i18n/i18n.ts";
import { LocaleContext } from "#app/i18n/locale-context.ts";
import { useNonce, useRequestId } from "#app/nonce.tsx";
import { GeneralErrorBoundary } from "#app/components/error-boundary.tsx";
import { AppShell } from "#app/components/layout.tsx";
import styles from "#app/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const { flash, clear } = await readFlash(request);
  return data(
    {
      locale,
      flash,
      user: user && {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        departments: user.departments,
        unread: await unreadNotificationCount(getDb(), user.id),
      },
    },
    clear ? { headers: { "Set-Cookie": clear } } : undefined,
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root") as RootData | undefined;
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const requestId = useRequestId();
  const root = useRootData();
  const locale: Locale = root?.locale ?? "en";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {requestId ? <meta name="request-id" content={requestId} /> : null}
        <Meta />
        <Links />
      </head>
      <body>
        <LocaleContext.Provider value={locale}>
          <I18nextProvider i18n={getI18n(locale)}>
            <AppShell>{children}</AppShell>
          </I18nextProvider>
        </LocaleContext.Provider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
