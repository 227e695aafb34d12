import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { isLocale, registerLocale, type Locale } from "#app/i18n/i18n.ts";
import { RequestIdContext } from "#app/nonce.tsx";
import { recordFailedRequestId } from "#app/request-ids.client.ts";

const loaders: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import("./i18n/locales/en.json"),
  sv: () => import("./i18n/locales/sv.json"),
  da: () => import("./i18n/locales/da.json"),
  nb: () => import("./i18n/locales/nb.json"),
};

// Remember the request id of failed data requests, for the error page's reference.
const originalFetch = window.fetch.bind(window);
window.fetch = async (...args) => {
  const response = await originalFetch(...args);
  if (response.status >= 500) recordFailedRequestId(response.headers.get("X-Request-Id"));
  return response;
};

async function hydrate() {
  const lang = document.documentElement.lang;
  const locale: Locale = isLocale(lang) ? lang : "en";
  registerLocale(locale, (await loaders[locale]()).default);
  const requestId = document.querySelector<HTMLMetaElement>('meta[name="request-id"]')?.content;
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RequestIdContext.Provider value={requestId}>
          <RemixBrowser />
        </RequestIdContext.Provider>
      </StrictMode>,
    );
  });
}

void hydrate();
