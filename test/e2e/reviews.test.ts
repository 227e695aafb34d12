import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signedInContext, watchForErrors } from "#test/support/browser.ts";

const env = serverAndBrowser();

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("CX reviews", () => {
  it("the manager holds a review from the assembled agenda and finishes it; the employee reads the summary", async () => {
    const manager = await signedInContext(env.browser, env.server.baseUrl, "manager@demo.test");
    const page = await manager.newPage();
    const errors = watchForErrors(page);
    await page.goto("/departments/customer-service/reviews");
    await page.getByRole("heading", { level: 1, name: "CX reviews · Customer Service" }).waitFor();
    // The demo company's past reviews are there, finished.
    expect(await page.locator("tbody tr", { hasText: "Finished" }).count()).toBe(3);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Start a review" }).click();
    await page.getByRole("heading", { level: 1, name: "Start a CX review · Customer Service" }).waitFor();
    // The period follows on from the last review and ends today.
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Stockholm" });
    expect(await page.getByLabel("To", { exact: true }).inputValue()).toBe(today);
    expect(await page.getByLabel("From", { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Start a review" }).click();
    await page.getByText("The review is started. Its agenda is below.").waitFor();
    const reviewUrl = new URL(page.url()).pathname;
    expect(reviewUrl).toMatch(/^\/departments\/customer-service\/reviews\/[0-9a-f-]{36}$/);

    // The agenda: follow-up first, then KPIs off-target first, stories, shadowing, decisions.
    for (const heading of [
      "Follow-up from last time",
      "KPIs against target",
      "Customer stories",
      "What shadowing observers found",
      "One thing to improve per touchpoint",
    ]) {
      await page.getByRole("heading", { level: 2, name: heading }).waitFor();
    }
    // The previous review's decisions open the meeting.
    await page.getByRole("link", { name: /^Decisions of the previous review/ }).waitFor();
    expect(await page.locator("#follow-up-title ~ ul li").count()).toBeGreaterThan(0);
    expect(await page.locator(".kpi-card").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // Pick an improvement that came from a shadowing note, for a touchpoint with nothing chosen yet.
    const block = page
      .locator(".touchpoint-decision", { hasText: "Nothing chosen here yet." })
      .filter({ has: page.locator("option", { hasText: "(A shadowing note)" }) })
      .first();
    const touchpoint = (await block.getByRole("heading", { level: 3 }).textContent())!;
    const option = block.locator("option", { hasText: "(A shadowing note)" }).first();
    const idea = (await option.textContent())!.replace(/ \(A shadowing note\)$/, "");
    await block.getByLabel("Proposal").selectOption({ label: (await option.textContent())! });
    await block.getByLabel("Owner", { exact: true }).selectOption({ label: "Erik Eriksson" });
    await block.getByLabel("Due", { exact: true }).fill(inDays(30));
    await block.getByRole("button", { name: "Choose" }).click();
    await page.getByText("Improvement chosen.").waitFor();
    const chosen = page.locator(".touchpoint-decision", { has: page.getByRole("heading", { name: touchpoint }) });
    await chosen.getByRole("link", { name: idea.slice(0, 40), exact: false }).waitFor();
    expect(await chosen.getByText("Owner: Erik Eriksson").count()).toBe(1);

    await page.getByLabel("Notes of the meeting (markdown)").fill("We agreed to **pass the case summary** on.");
    await page.getByRole("button", { name: "Save the notes" }).click();
    await page.getByText("Notes saved.").waitFor();
    await page.getByLabel("Erik Eriksson").check();
    await page.getByLabel("Maja Mortensen").check();
    await page.getByRole("button", { name: "Save the attendees" }).click();
    await page.getByText("Attendees saved.").waitFor();

    await page.getByRole("button", { name: "Finish and share" }).click();
    await page.getByText("The review is finished and shared with the department.").waitFor();
    expect(await page.getByRole("button", { name: "Save the notes" }).count()).toBe(0);
    expect(errors).toEqual([]);

    // Erik, in Customer Service, is told and reads the frozen summary.
    const employee = await signedInContext(env.browser, env.server.baseUrl, "employee@demo.test");
    const reader = await employee.newPage();
    await reader.goto("/notifications");
    await reader.getByText("Maja Mortensen shared the summary of").first().waitFor();
    await reader.locator(`a[href="${reviewUrl}"]`).first().click();
    await reader.getByRole("heading", { level: 1, name: /^CX review · Customer Service/ }).waitFor();
    await reader.getByText("pass the case summary").waitFor();
    expect(await reader.getByText("Erik Eriksson, Maja Mortensen").count()).toBe(1);
    expect(await reader.locator("#decisions-title ~ ul li", { hasText: idea.slice(0, 40) }).count()).toBe(1);
    expect(await reader.getByRole("button", { name: "Finish and share" }).count()).toBe(0);
    await expectAccessible(reader);
  });
});
