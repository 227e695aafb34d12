import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { startAppServer, type AppServer } from "./app-server.ts";
import { HttpClient } from "./http-client.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless; never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // This machine has no outside network: keep Chromium from trying to reach it.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Fails the test on any uncaught page error or console error. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** A browser context already signed in as `email` (signing in over HTTP, not through the form). */
export async function signedInContext(browser: Browser, baseUrl: string, email: string): Promise<BrowserContext> {
  const client = await new HttpClient(baseUrl).signIn(email, "serviceloop");
  const context = await browser.newContext({ baseURL: baseUrl });
  await context.addCookies([
    { name: "sl_session", value: client.cookie("sl_session")!, url: baseUrl, httpOnly: true, sameSite: "Lax" },
  ]);
  return context;
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(severe, `axe on ${page.url()}`).toEqual([]);
}

/**
 * For an end-to-end test file: the built server (fresh demo company) and
 * Chromium, started before the file's tests and stopped after them.
 */
export function serverAndBrowser(): { readonly server: AppServer; readonly browser: Browser } {
  const state: { server?: AppServer; browser?: Browser } = {};
  beforeAll(async () => {
    [state.server, state.browser] = await Promise.all([startAppServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });
  return {
    get server() {
      return state.server!;
    },
    get browser() {
      return state.browser!;
    },
  };
}
