/**
 * Every chart comes with its figures as tables (WCAG 2.2, 1.1.1 and 1.3.1): on the finding page
 * (open beside the chart, which is folded under its measure until opened, and printed open), the
 * measure page and the public page (behind "Show the figures for ...").
 * The board pack's tables are checked in server/services/board-pack/content.test.ts.
 */
import { expect, test, type Page } from "@playwright/test";
import { demo, signInAs } from "./support";

/** Each chart on the page is a named image inside a figure that holds both its tables. */
async function expectEveryChartHasItsFigures(page: Page) {
  const figures = page.locator("figure.measure-chart");
  const count = await figures.count();
  expect(count, `charts on ${page.url()}`).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const figure = figures.nth(i);
    const chart = figure.getByRole("img");
    await expect(chart).toHaveAccessibleName(/\S/);
    await expect(chart).toHaveAccessibleDescription(/\S/);
    // Collapsed tables are still in the page, one Enter or Space away (keyboard.spec.ts opens one).
    const caption = (await figure.locator("caption").first().textContent()) ?? "";
    const measure = caption.replace(/^Values for /, "").trim();
    expect(measure, "the first table gives the values").not.toBe(caption.trim());
    await expect(figure.getByRole("table", { name: `Values for ${measure}`, includeHidden: true })).toHaveCount(1);
    await expect(figure.getByRole("table", { name: `Trajectory and benchmark for ${measure}`, includeHidden: true })).toHaveCount(1);
  }
}

test("every chart on the finding, measure and public pages has its figures as tables", async ({ page }) => {
  // The public summary has no charts: each finding's own page has its measures'.
  await page.goto("/areas/northbridge");
  for (const publicFinding of await page.getByRole("list", { name: "Areas to improve" }).getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!))) {
    await page.goto(publicFinding);
    await expectEveryChartHasItsFigures(page);
  }

  await signInAs(page, demo.lead);
  await page.goto("/local-areas/northbridge");
  const finding = await page.getByRole("link", { name: /^1\. Families waited/ }).first().getAttribute("href");
  // The area home lists findings; a finding's page lists its measures, each linked.
  await page.goto(finding!);
  const measure = await page.getByRole("link", { name: /^M1 / }).first().getAttribute("href");
  // There each chart is folded under its measure until opened: open them all, then check every one.
  // Each click opens one, so the closed ones are found afresh each time (a list taken once would shift as they open).
  const closed = page.locator("details.pack-details:not([open]) > summary", { hasText: /^Show the chart/ });
  while ((await closed.count()) > 0) await closed.first().click();
  await expectEveryChartHasItsFigures(page);
  await page.goto(measure!);
  await expectEveryChartHasItsFigures(page);
  // On the finding page a chart opens with its figures beside it, not behind a second disclosure: ready to print.
  await page.goto(finding!);
  await page.getByText("Show the chart and figures for M1").click();
  await expect(page.getByRole("table", { name: "Values for M1" })).toBeVisible();
});
