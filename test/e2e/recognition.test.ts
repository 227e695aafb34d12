import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signedInContext, watchForErrors } from "#test/support/browser.ts";

const env = serverAndBrowser();

describe("recognition", () => {
  it("an employee thanks a colleague from a story, and the colleague is told and sees it", async () => {
    const employee = await signedInContext(env.browser, env.server.baseUrl, "employee@demo.test");
    const page = await employee.newPage();
    const errors = watchForErrors(page);

    // A Customer Service story that names colleagues offers to thank them.
    await page.goto("/stories?department=customer-service");
    const links = await page.locator(".story-list h2 a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    let storyTitle = "";
    for (const href of links) {
      await page.goto(href);
      if (await page.getByRole("link", { name: "Thank them" }).count()) {
        storyTitle = (await page.getByRole("heading", { level: 1 }).textContent())!;
        break;
      }
    }
    expect(storyTitle).not.toBe("");
    await page.getByRole("link", { name: "Thank them" }).click();
    await page.getByRole("heading", { level: 1, name: "Recognise someone" }).waitFor();
    await page.getByText("From the story").waitFor();
    expect(await page.locator("#people option:checked").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // Nothing said yet: refused with a message, nothing sent.
    await page.getByRole("button", { name: "Send the recognition" }).click();
    await page.getByText("Fill in this field.").first().waitFor();

    await page.locator("#people").selectOption({ label: "Ahmed Hassan" });
    await page.getByLabel("Behaviour of the promise it shows").selectOption({ index: 1 });
    await page.getByLabel("Your message (markdown)").fill("Thank you for **staying on the line** until it worked.");
    await page.getByRole("button", { name: "Send the recognition" }).click();
    await page.getByText("Thank you for saying it. They have been told.").waitFor();
    await page.locator(".recognition", { hasText: "staying on the line" }).waitFor();
    expect(await page.getByRole("link", { name: storyTitle }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    // The refused empty form above answered 400, as it should; nothing else went wrong.
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);

    const colleague = await signedInContext(env.browser, env.server.baseUrl, "ahmed.hassan@demo.test");
    const other = await colleague.newPage();
    await other.goto("/notifications");
    await other.getByText("Erik Eriksson recognised you or your department:").first().waitFor();
    await other.getByRole("link", { name: "Recognition from Erik Eriksson" }).first().click();
    await other.locator(".recognition", { hasText: "staying on the line" }).waitFor();
    await other.goto("/recognition");
    await other.getByRole("heading", { level: 1, name: "Recognition" }).waitFor();
    expect(await other.locator(".recognition", { hasText: "staying on the line" }).count()).toBe(1);
    await other.locator(".recognition", { hasText: "staying on the line" }).getByRole("button").first().click();
    await other.getByText("Thank you for reacting.").waitFor();
    await expectAccessible(other);
    await other.goto("/profile");
    await other.getByRole("heading", { name: "Recognition received" }).waitFor();
    expect(await other.locator(".recognition", { hasText: "staying on the line" }).count()).toBe(1);
  });
});
