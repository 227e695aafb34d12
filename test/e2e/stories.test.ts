import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signedInContext, watchForErrors } from "#test/support/browser.ts";

const env = serverAndBrowser();

describe("customer stories", () => {
  it("an employee shares a story naming a colleague; the warning, the notification, a reaction and a comment", async () => {
    const employee = await signedInContext(env.browser, env.server.baseUrl, "employee@demo.test");
    const page = await employee.newPage();
    const errors = watchForErrors(page);
    await page.goto("/stories");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Share a story" }).click();
    await page.getByRole("heading", { level: 1, name: "Share a story" }).waitFor();
    await page.getByLabel("Title").fill("The pensioner who could not log in");
    await page
      .getByLabel("The story (markdown)")
      .fill("She called twice. I **stayed on the line** until it worked. Her number is 070-123 45 67.");
    // The live preview follows the typing.
    await page.locator(".preview strong", { hasText: "stayed on the line" }).waitFor();
    await page.getByLabel("Channel").selectOption("phone");
    await page.getByLabel("Call back the same day when you promised to").check();
    await page.getByLabel("Colleagues involved").selectOption({ label: "Sofie Nielsen" });
    await page.getByLabel("Anonymised").check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Publish" }).click();

    // The personal-data warning names what it found, masked; the author removes it and publishes.
    await page.getByText("This text may contain a customer's personal data").waitFor();
    expect(await page.locator(".notice--warning").textContent()).toContain("Phone number: ");
    const body = page.getByLabel("The story (markdown)");
    await body.fill("She called twice. I **stayed on the line** until it worked.");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByRole("heading", { level: 1, name: "The pensioner who could not log in" }).waitFor();
    const storyUrl = page.url();
    await expectAccessible(page);
    // The 422 answer of the refused publish is logged by the browser; nothing else may be.
    expect(errors.filter((e) => !e.includes("status of 422"))).toEqual([]);

    // The colleague named sees the notification, reacts and comments.
    const colleague = await signedInContext(env.browser, env.server.baseUrl, "sofie.nielsen@demo.test");
    const other = await colleague.newPage();
    await other.goto("/");
    await other.locator(".bell__count").waitFor();
    await other.locator(".bell").click();
    await other.getByRole("link", { name: "The pensioner who could not log in" }).click();
    await other.getByRole("heading", { level: 1, name: "The pensioner who could not log in" }).waitFor();
    expect(other.url()).toBe(storyUrl);
    // Sofie reads ServiceLoop in Danish: find the controls by what they are, not by their English names.
    const applause = other.locator('form.reaction:has(input[value="applause"]) button');
    expect(await applause.textContent()).toMatch(/· 0$/);
    await applause.click();
    await other.waitForFunction(() =>
      document.querySelector('form.reaction:has(input[value="applause"]) button')?.textContent?.endsWith("· 1"),
    );
    expect(await applause.getAttribute("aria-pressed")).toBe("true");
    await other.locator("#comment-body").fill("Så godt gået!");
    await other.locator("form.comment-form button").click();
    await other.getByText("Så godt gået!").waitFor();

    // The author is told about both.
    await page.goto("/notifications");
    const list = await page.locator(".notification-list").textContent();
    expect(list).toContain("Sofie Nielsen reacted to");
    expect(list).toContain("Sofie Nielsen commented on");
    await Promise.all([employee.close(), colleague.close()]);
  });

  it("searches stories in the reader's language and filters the feed", async () => {
    const context = await signedInContext(env.browser, env.server.baseUrl, "leader@demo.test");
    const page = await context.newPage();
    await page.goto("/stories");
    await page.getByLabel("Search the stories").fill("storm");
    await page.getByRole("button", { name: "Show stories" }).click();
    await page.locator("mark").first().waitFor();
    expect((await page.locator("mark").first().textContent())?.toLowerCase()).toContain("storm");
    await expectAccessible(page);
    await context.close();
  });
});
