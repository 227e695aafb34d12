import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signedInContext, watchForErrors } from "#test/support/browser.ts";

const env = serverAndBrowser();

describe("signing in", () => {
  it("sends an anonymous visitor to the sign-in page", async () => {
    const context = await env.browser.newContext({ baseURL: env.server.baseUrl });
    const page = await context.newPage();
    await page.goto("/departments");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/departments");
    await expectAccessible(page);
    await context.close();
  });

  it("signs in through the form, lands where the visitor was going, and signs out", async () => {
    const context = await env.browser.newContext({ baseURL: env.server.baseUrl });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto("/departments");
    await page.getByLabel("E-mail").fill("admin@demo.test");
    await page.getByLabel("Password").fill("serviceloop");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/departments");
    await page.getByRole("heading", { level: 1, name: "Departments" }).waitFor();
    await page.locator("summary", { hasText: "Astrid Admin" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/login");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a wrong password next to the form, keeping the e-mail", async () => {
    const context = await env.browser.newContext({ baseURL: env.server.baseUrl });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mail").fill("employee@demo.test");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").textContent()).toContain("The e-mail address or the password is not right.");
    expect(await page.getByLabel("E-mail").inputValue()).toBe("employee@demo.test");
    await context.close();
  });
});

describe("navigation by role", () => {
  const AREAS = [
    "Service promise",
    "Stories",
    "Shadowing",
    "KPIs",
    "Reviews",
    "Recognition",
    "Conversations",
    "Departments",
  ];
  const cases = [
    { email: "employee@demo.test", admin: false, name: "Erik Eriksson" },
    { email: "manager@demo.test", admin: false, name: "Maja Mortensen" },
    { email: "leader@demo.test", admin: false, name: "Lars Lindqvist" },
    { email: "admin@demo.test", admin: true, name: "Astrid Admin" },
  ];
  for (const c of cases) {
    it(`${c.email} sees the areas${c.admin ? " and Admin" : ", not Admin"}`, async () => {
      const context = await signedInContext(env.browser, env.server.baseUrl, c.email);
      const page = await context.newPage();
      const errors = watchForErrors(page);
      await page.goto("/");
      const nav = page.getByRole("navigation", { name: "Main" });
      const links = await nav.getByRole("link").allTextContents();
      expect(links).toEqual(c.admin ? [...AREAS, "Admin"] : AREAS);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Welcome, ${c.name}`);
      await page.getByRole("link", { name: "Stories" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Customer stories" }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/stories");
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("lets the manager start a review and tells an employee why not", async () => {
    const manager = await signedInContext(env.browser, env.server.baseUrl, "manager@demo.test");
    const page = await manager.newPage();
    await page.goto("/departments/customer-service");
    await page.getByRole("link", { name: "CX reviews" }).click();
    await page.waitForURL("**/departments/customer-service/reviews");
    await page.getByRole("link", { name: "Start a review" }).click();
    await page.waitForURL("**/departments/customer-service/reviews/new");
    await manager.close();

    // The employee reads the department's finished reviews, but does not hold them.
    const employee = await signedInContext(env.browser, env.server.baseUrl, "employee@demo.test");
    const other = await employee.newPage();
    await other.goto("/departments/customer-service/reviews");
    expect(await other.getByRole("link", { name: "Start a review" }).count()).toBe(0);
    const response = await other.goto("/departments/customer-service/reviews/new");
    expect(response?.status()).toBe(403);
    expect(await other.getByRole("main").textContent()).toContain("You need to be a manager of Customer Service");
    await employee.close();
  });
});

describe("accessibility", () => {
  it("has no serious or critical axe violations on home, profile, departments and admin pages", async () => {
    const context = await signedInContext(env.browser, env.server.baseUrl, "admin@demo.test");
    const page = await context.newPage();
    for (const path of [
      "/",
      "/profile",
      "/departments",
      "/departments/customer-service",
      "/admin/people",
      "/admin/departments",
      "/admin/departments/claims",
      "/promise",
    ]) {
      await page.goto(path);
      await expectAccessible(page);
    }
    await context.close();
  });
});

describe("inviting a colleague", () => {
  it("an admin invites someone, who joins through the link and lands signed in", async () => {
    const adminContext = await signedInContext(env.browser, env.server.baseUrl, "admin@demo.test");
    const page = await adminContext.newPage();
    const errors = watchForErrors(page);
    await page.goto("/admin/people");
    await page.getByText("Invite a person").click();
    await page.getByLabel("E-mail").fill("astrid.nygaard@demo.test");
    await page.getByLabel("Role").selectOption("employee");
    await page.getByLabel("Claims").selectOption("member");
    await page.getByRole("button", { name: "Send invitation" }).click();
    const linkField = page.getByLabel("Invitation link");
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/invite\//);
    await page.getByRole("cell", { name: "astrid.nygaard@demo.test" }).waitFor();
    expect(errors).toEqual([]);

    const newcomerContext = await env.browser.newContext({ baseURL: env.server.baseUrl });
    const newcomer = await newcomerContext.newPage();
    await newcomer.goto(new URL(link).pathname);
    expect(await newcomer.getByRole("heading", { level: 1 }).textContent()).toBe("Join ServiceLoop");
    await expectAccessible(newcomer);
    await newcomer.getByLabel("Name").fill("Astrid Nygaard");
    await newcomer.getByLabel("New password", { exact: true }).fill("kayak harbour midsummer");
    await newcomer.getByLabel("Repeat the new password").fill("kayak harbour midsummer");
    await newcomer.getByRole("button", { name: "Create my account" }).click();
    await newcomer.getByRole("heading", { level: 1, name: "Welcome, Astrid Nygaard" }).waitFor();
    expect(new URL(newcomer.url()).pathname).toBe("/");
    await newcomer.getByRole("link", { name: "Claims" }).waitFor();
    await newcomerContext.close();
    await adminContext.close();
  });
});

describe("language", () => {
  it("switching to svenska changes the page and stays after sign-out and in", async () => {
    const context = await signedInContext(env.browser, env.server.baseUrl, "employee@demo.test");
    const page = await context.newPage();
    await page.goto("/departments");
    await page.getByLabel("Language").selectOption("sv");
    await page.getByRole("button", { name: "Change" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "sv");
    expect(new URL(page.url()).pathname).toBe("/departments");
    const heading = await page.getByRole("heading", { level: 1 }).textContent();
    expect(heading).not.toBe("Departments");
    expect(await page.getByRole("navigation").first().textContent()).toContain("Servicelöfte");
    await expectAccessible(page);
    // Back to English for the other tests.
    await page.getByLabel("Språk").selectOption("en");
    await page.getByRole("button", { name: "Byt" }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await context.close();
  });

  it("works without JavaScript", async () => {
    const context = await env.browser.newContext({ baseURL: env.server.baseUrl, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Language").selectOption("da");
    await page.getByRole("button", { name: "Change" }).click();
    await page.waitForURL("**/login");
    expect(await page.getAttribute("html", "lang")).toBe("da");
    await page.getByLabel("E-mail").fill("leader@demo.test");
    await page.getByLabel(/Adgangskode/).fill("serviceloop");
    await page.getByRole("button", { name: /Log ind/ }).click();
    await page.waitForURL(`${env.server.baseUrl}/`);
    expect(await page.getAttribute("html", "lang")).toBe("da");
    await context.close();
  });
});
