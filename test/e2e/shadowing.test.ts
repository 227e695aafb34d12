import { describe, expect, it } from "vitest";
import { expectAccessible, serverAndBrowser, signedInContext, watchForErrors } from "#test/support/browser.ts";

const env = serverAndBrowser();

/** A wall-clock time a week from now at 10:00, as a datetime-local field takes it. */
function nextWeekAtTen(): string {
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  return `${day}T10:00`;
}

describe("shadowing", () => {
  it("a manager opens a slot and someone from another department books it; members of the host department cannot", async () => {
    const manager = await signedInContext(env.browser, env.server.baseUrl, "manager@demo.test");
    const page = await manager.newPage();
    const errors = watchForErrors(page);
    await page.goto("/departments/customer-service/shadowing");
    await page.getByRole("heading", { level: 1, name: "Customer Service: shadowing" }).waitFor();
    await expectAccessible(page);
    await page.getByText("Open a slot", { exact: true }).first().click();
    await page.getByLabel("Starts at").fill(nextWeekAtTen());
    await page.getByLabel("Length").selectOption("90");
    await page.getByLabel("Channel").selectOption("chat");
    await page.getByLabel("Observers", { exact: true }).fill("1");
    await page.getByLabel("Practical details").fill("Meet by the chat team's desks.");
    await page.locator("form button[type=submit]", { hasText: "Open a slot" }).click();
    await page.getByText("Slot opened.").waitFor();
    const slotUrl = page.url();
    expect(slotUrl).toMatch(/\/shadowing\/slots\/[0-9a-f-]{36}$/);
    expect(await page.getByText("0 of 1 booked").count()).toBe(1);
    await expectAccessible(page);
    expect(errors).toEqual([]);

    // A Customer Service employee cannot book their own department's slot.
    const colleague = await signedInContext(env.browser, env.server.baseUrl, "employee@demo.test");
    const own = await colleague.newPage();
    await own.goto(slotUrl);
    await own.getByText("This is your own department").waitFor();
    expect(await own.getByRole("button", { name: "Book a seat" }).count()).toBe(0);

    // Sara, from E-commerce, books the seat; then it is full.
    const sara = await signedInContext(env.browser, env.server.baseUrl, "sara.ali@demo.test");
    const other = await sara.newPage();
    await other.goto(slotUrl);
    await other.getByRole("button", { name: "Book a seat" }).click();
    await other.getByText("You are booked. See you there!").waitFor();
    expect(await other.getByText("1 of 1 booked").count()).toBe(1);
    await other.goto("/shadowing");
    await other.getByRole("heading", { name: "Your upcoming sessions" }).waitFor();
    expect(await other.locator(`a[href="${new URL(slotUrl).pathname}"]`).count()).toBeGreaterThan(0);
    await expectAccessible(other);
  });

  it("an observer writes a note with two ideas, and the ideas reach the host department's backlog", async () => {
    const employee = await signedInContext(env.browser, env.server.baseUrl, "employee@demo.test");
    const page = await employee.newPage();
    await page.goto("/shadowing");
    await page.getByRole("link", { name: "Write your note" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Shadowing note" }).waitFor();
    await expectAccessible(page);
    const host = (await page.locator(".breadcrumb a").textContent())!.split(" · ")[0]!;

    // Nothing written at all: refused, nothing saved.
    await page.getByRole("button", { name: "Submit the note" }).click();
    await page.getByText("The note is empty: write at least one thing you saw.").waitFor();

    await page.getByLabel("What went well").fill("The agent **summed up** the next step before ending the call.");
    await page.getByLabel("Customer pain points").fill("The customer had to explain the case twice after a transfer.");
    await page.locator('input[name="reasons"]').first().check();
    await page.getByLabel("Idea 1", { exact: true }).fill("Pass the case summary along with every transfer");
    await page.locator("#idea-touchpoint-0").selectOption({ index: 1 });
    await page.getByLabel("Idea 2", { exact: true }).fill("Send a text with the case number after the call");
    await page.getByRole("button", { name: "Submit the note" }).click();
    await page.getByText("Note submitted.", { exact: false }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Improvement ideas" }).waitFor();
    expect(await page.locator("article li", { hasText: "Pass the case summary" }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("link", { name: "See the improvement backlog" }).click();
    await page.getByRole("heading", { level: 1, name: `${host}: improvement backlog` }).waitFor();
    for (const idea of [
      "Pass the case summary along with every transfer",
      "Send a text with the case number after the call",
    ]) {
      const row = page.locator("tr", { hasText: idea });
      expect(await row.count()).toBe(1);
      expect(await row.getByRole("link", { name: "A shadowing note" }).count()).toBe(1);
    }
    await expectAccessible(page);
  });
});
