import { describe, expect, it } from "vitest";
import { addPeriods, periodStartOf } from "#app/modules/kpis/formulas.ts";
import { expectAccessible, serverAndBrowser, signedInContext, watchForErrors } from "#test/support/browser.ts";

const env = serverAndBrowser();

/** The Mondays of the last `count` weeks, oldest first. */
function lastMondays(count: number): string[] {
  const thisWeek = periodStartOf(new Date().toISOString().slice(0, 10), "week");
  return Array.from({ length: count }, (_, i) => addPeriods(thisWeek, "week", i - count));
}

describe("department KPIs", () => {
  it("a manager defines a KPI from a template, imports a CSV with a bad row, fixes it and sees the chart", async () => {
    const manager = await signedInContext(env.browser, env.server.baseUrl, "manager@demo.test");
    const page = await manager.newPage();
    const errors = watchForErrors(page);
    await page.goto("/departments/customer-service/kpis");
    await page.getByRole("heading", { level: 1, name: "Customer Service: CX KPIs" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Add a KPI" }).click();
    await page.getByRole("link", { name: "First-contact resolution (FCR)" }).click();
    // The template fills in the definition; the manager only sets a stricter target.
    await page.waitForFunction(() => (document.querySelector("input[name=key]") as HTMLInputElement)?.value === "fcr");
    expect(await page.getByLabel("Unit").inputValue()).toBe("percent");
    expect(await page.getByLabel("Reported per").inputValue()).toBe("week");
    await page.getByLabel("Target", { exact: true }).fill("78");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Create KPI" }).click();
    await page.getByRole("heading", { level: 1, name: "First-contact resolution (FCR)" }).waitFor();
    await page.getByText("No data yet").first().waitFor();

    // A file with one bad row: a Wednesday is not the start of a week.
    const weeks = lastMondays(4);
    const bad = `kpi;period_start;value;sample_size\n${weeks
      .map((w, i) => `fcr;${i === 2 ? addPeriods(w, "day", 2) : w};${70 + i * 3},5;${200 + i}`)
      .join("\n")}\n`;
    await page.getByRole("link", { name: "Import a CSV file" }).click();
    await page
      .locator("#import-file")
      .setInputFiles({ name: "fcr.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "Preview" }).click();
    const problems = page.getByRole("alert");
    await problems.getByText("1 error: nothing can be imported until it is fixed").waitFor();
    expect(await problems.textContent()).toContain("Line 4, period_start: Use the Monday that starts the week.");
    expect(await page.getByRole("button", { name: /^Import/ }).count()).toBe(0);
    await expectAccessible(page);

    const fixed = bad.replace(addPeriods(weeks[2]!, "day", 2), weeks[2]!);
    await page
      .locator("#import-file")
      .setInputFiles({ name: "fcr.csv", mimeType: "text/csv", buffer: Buffer.from(fixed) });
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("button", { name: "Import 4 rows" }).click();
    await page.getByText("Imported: 4 new readings, 0 updated.").waitFor();

    // The dashboard shows the new KPI with its latest value and a chart of the four weeks.
    const card = page.locator("article.kpi-card", {
      has: page.getByRole("link", { name: "First-contact resolution (FCR)" }),
    });
    expect(await card.locator(".kpi-card__number").textContent()).toBe("79.5%");
    expect(await card.locator(".kpi-card__sample").textContent()).toContain("n = 203");
    expect(await card.locator(".status").textContent()).toBe("On target");
    expect(await card.locator("svg[role=img] circle.kpi-chart__dot").count()).toBe(4);
    expect(await card.locator("table tbody tr").count()).toBe(12);
    await expectAccessible(page);
    // The refused upload is not a failed request: its preview answers 200.
    expect(errors).toEqual([]);

    // Archived, it leaves the dashboard but stays one click away for its managers.
    await card.getByRole("link", { name: "First-contact resolution (FCR)" }).click();
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByText("KPI archived.").waitFor();
    await page.goto("/departments/customer-service/kpis");
    expect(await page.locator("article.kpi-card", { hasText: "First-contact resolution (FCR)" }).count()).toBe(0);
    await page
      .getByRole("region", { name: "Archived KPIs" })
      .getByRole("link", { name: "First-contact resolution (FCR)" })
      .click();
    await page.getByRole("button", { name: "Restore" }).click();
    await page.getByText("KPI restored.").waitFor();

    // Everyone sees it in the company overview.
    const employee = await signedInContext(env.browser, env.server.baseUrl, "employee@demo.test");
    const overview = await employee.newPage();
    await overview.goto("/kpis");
    await overview.getByRole("link", { name: "Customer Service" }).waitFor();
    await expectAccessible(overview);
  });
});
