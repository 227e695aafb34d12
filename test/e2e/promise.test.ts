import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signedInContext, watchForErrors } from "#test/support/browser.ts";

const env = serverAndBrowser();

describe("the service promise", () => {
  it("a leader publishes a new version, an employee acknowledges it, the manager's view updates", async () => {
    const manager = await signedInContext(env.browser, env.server.baseUrl, "manager@demo.test");
    const managerPage = await manager.newPage();
    await managerPage.goto("/promise/acknowledgements");
    const before = await managerPage.getByRole("row", { name: /Customer Service/ }).textContent();
    expect(before).toContain("Erik Eriksson"); // the demo employee has not read version 2
    await expectAccessible(managerPage);

    // The leader starts version 3, edits a behaviour, adds one, and publishes.
    const leader = await signedInContext(env.browser, env.server.baseUrl, "leader@demo.test");
    const page = await leader.newPage();
    const errors = watchForErrors(page);
    await page.goto("/promise");
    await page.getByRole("link", { name: "Write a new version" }).click();
    await page.getByRole("button", { name: "Start the next version" }).click();
    await page.getByRole("heading", { level: 1, name: "Draft of the next version" }).waitFor();
    await expectAccessible(page);
    const firstPillar = page.locator("li.pillar").first();
    await firstPillar.getByLabel("New behaviour").fill("Follow up a complaint within a week");
    await firstPillar.getByRole("button", { name: "Add behaviour" }).click();
    await page.getByText("Draft saved.").waitFor();
    await page
      .locator("li.pillar")
      .first()
      .getByRole("heading", { name: "Follow up a complaint within a week" })
      .waitFor();
    await page.getByRole("button", { name: "Publish this version" }).click();
    await page.getByText("Version 3 is published.").waitFor();
    expect(errors).toEqual([]);

    // History and diff show the change.
    await page.goto("/promise/compare?from=2&to=3");
    expect(await page.getByRole("main").textContent()).toContain("Follow up a complaint within a week");
    await expectAccessible(page);

    // The employee is asked to read version 3 on the home page, and confirms.
    const employee = await signedInContext(env.browser, env.server.baseUrl, "employee@demo.test");
    const home = await employee.newPage();
    await home.goto("/");
    await home.getByText("Version 3 of the service promise is out.").waitFor();
    await home.getByRole("button", { name: "I have read it" }).click();
    await home.getByText("Thank you for reading the service promise.").waitFor();
    expect(await home.getByRole("main").textContent()).toContain("You confirmed reading version 3");
    await home.goto("/");
    expect(await home.getByRole("button", { name: "I have read it" }).count()).toBe(0);

    // The manager sees the employee among those who have read it now.
    await managerPage.reload();
    const after = await managerPage.getByRole("row", { name: /Customer Service/ }).textContent();
    expect(after).not.toContain("Erik Eriksson");
    await Promise.all([manager.close(), leader.close(), employee.close()]);
  });

  it("shows the promise in the reader's language, marking untranslated texts", async () => {
    const context = await signedInContext(env.browser, env.server.baseUrl, "jonas.berg@demo.test"); // Norwegian
    const page = await context.newPage();
    await page.goto("/promise");
    expect(await page.getAttribute("html", "lang")).toBe("nb");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Vårt serviceløfte");
    await page.locator(".badge", { hasText: /./ }).first().waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("the acknowledgement works without JavaScript", async () => {
    const context = await env.browser.newContext({ baseURL: env.server.baseUrl, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mail").fill("ahmed.hassan@demo.test");
    await page.getByLabel("Password").fill("serviceloop");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.goto("/promise");
    const button = page.getByRole("button", { name: "I have read it" });
    if ((await button.count()) === 0) throw new Error("expected the demo person to be asked to acknowledge version 3");
    await button.click();
    await page.getByText("Thank you for reading the service promise.").waitFor();
    await context.close();
  });
});
