import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signedInContext, watchForErrors } from "#test/support/browser.ts";

const env = serverAndBrowser();

/** Today in the company's time zone, as the date inputs want it. */
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm" }).format(new Date());

describe("performance conversations", () => {
  it("a leader opens a cycle; the employee reflects; the manager sees a prompt citing the employee's story and holds the conversation", async () => {
    const title = "The caller who wanted a second opinion";

    // The employee shares a story today.
    const employee = await signedInContext(env.browser, env.server.baseUrl, "employee@demo.test");
    const mine = await employee.newPage();
    await mine.goto("/stories/new");
    await mine.getByLabel("Title").fill(title);
    await mine.getByLabel("The story (markdown)").fill("I called back **the same afternoon** with the answer.");
    await mine.getByLabel("Channel").selectOption("phone");
    await mine.getByLabel("Call back the same day when you promised to").check();
    await mine.getByLabel("Anonymised").check();
    await mine.getByRole("button", { name: "Publish" }).click();
    await mine.getByRole("heading", { level: 1, name: title }).waitFor();

    // The leader opens a cycle whose evidence is today's, for Customer Service.
    const leader = await signedInContext(env.browser, env.server.baseUrl, "leader@demo.test");
    const lead = await leader.newPage();
    const leadErrors = watchForErrors(lead);
    await lead.goto("/review-cycles");
    await lead.getByRole("link", { name: "Open a review cycle" }).click();
    await lead.getByRole("heading", { level: 1, name: "Open a review cycle" }).waitFor();
    await expectAccessible(lead);
    await lead.getByLabel("Name").fill("Winter conversations (end-to-end)");
    await lead.getByLabel("Evidence from").fill(today);
    await lead.getByLabel("Evidence until").fill(today);
    for (const box of await lead.locator('input[name="departments"]').all()) await box.uncheck();
    // No department: refused with a message, nothing opened.
    await lead.getByRole("button", { name: "Open the cycle" }).click();
    await lead.getByText("Choose at least one department.").waitFor();
    await lead.getByLabel("Customer Service").check();
    await lead.getByRole("button", { name: "Open the cycle" }).click();
    await lead.getByRole("heading", { level: 1, name: "Winter conversations (end-to-end)" }).waitFor();
    await lead.getByRole("heading", { name: "Progress in Customer Service" }).waitFor();
    await expectAccessible(lead);
    expect(leadErrors.filter((e) => !e.includes("status of 400"))).toEqual([]);

    // The employee is told, opens their preparation and writes a self-reflection.
    const errors = watchForErrors(mine);
    await mine.goto("/notifications");
    await mine.getByText("Lars Lindqvist opened a review cycle. Your preparation is ready:").first().waitFor();
    await mine.getByRole("link", { name: "Review preparation: Winter conversations (end-to-end)" }).first().click();
    await mine
      .getByRole("heading", { level: 1, name: "Erik Eriksson: preparation for Winter conversations" })
      .waitFor();
    const prompt = `In the story “${title}” you showed “Call back the same day when you promised to”.`;
    await mine.locator(".prompt", { hasText: prompt }).waitFor();
    await mine
      .getByLabel("Your reflection before the conversation (markdown)")
      .fill("I want to do **more callbacks**.");
    await mine.getByRole("button", { name: "Save my reflection" }).click();
    await mine.getByText("Your self-reflection is saved.").waitFor();
    await expectAccessible(mine);
    expect(errors).toEqual([]);

    // The manager follows the cycle's progress to the employee's preparation.
    const manager = await signedInContext(env.browser, env.server.baseUrl, "manager@demo.test");
    const page = await manager.newPage();
    await page.goto("/review-cycles");
    await page.getByRole("link", { name: "Winter conversations (end-to-end)" }).first().click();
    const row = page.locator("tr", { hasText: "Erik Eriksson" });
    await row.waitFor();
    // Reflected today; not prepared by the manager and not discussed yet.
    expect(await row.getByText("Not yet").count()).toBe(2);
    await row.getByRole("link", { name: "Erik Eriksson" }).click();
    const cited = page.locator(".prompt", { hasText: prompt });
    await cited.waitFor();
    expect(await cited.getByRole("link", { name: title }).getAttribute("href")).toMatch(/^\/stories\/[0-9a-f-]{36}$/);
    await page.locator(".preparation strong", { hasText: "more callbacks" }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("Notes for the conversation (markdown)").fill("Ask about the callback routine.");
    await page.getByRole("button", { name: "Save the notes" }).click();
    await page.getByText("Your notes are saved.").waitFor();
    const markdown = await page.request.get(
      (await page.getByRole("link", { name: "Download as markdown" }).getAttribute("href"))!,
    );
    expect(markdown.headers()["content-type"]).toContain("text/markdown");
    const text = await markdown.text();
    expect(text).toContain(`# Erik Eriksson: preparation for Winter conversations \\(end\\-to\\-end\\)`);
    expect(text).toContain(title);
    expect(text).toContain("I want to do **more callbacks**.");
    expect(text).toContain("Ask about the callback routine.");

    await page.getByRole("button", { name: "Mark as discussed" }).click();
    await page.getByText("The conversation is marked as discussed.").waitFor();
    expect(await page.getByRole("button", { name: "Save the notes" }).count()).toBe(0);
    await page.locator(".prompt", { hasText: prompt }).waitFor();
    await expectAccessible(page);

    // The employee reads the manager's notes; nothing on the page changes any more.
    await mine.reload();
    await mine.getByText("Ask about the callback routine.").waitFor();
    expect(await mine.getByRole("button", { name: "Save my reflection" }).count()).toBe(0);
  });
});
