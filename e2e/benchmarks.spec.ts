/**
 * Published benchmarks in the browser: the demo seeds an illustrative sample of EHC plan
 * timeliness (prisma/sample-data, not published figures) and links Northbridge's M1 to it, so its
 * chart draws four lines: the area's own values, England, the North West and its statistical
 * neighbours' average, each told apart by its pattern, markers and the legend's words (never
 * colour alone), named in the chart's description and listed in a table of their own. The
 * national ranking and the administrators' page pass the axe scan too. Reads the demo only.
 */
import { expect, test, type Locator } from "@playwright/test";
import { demo, expectAccessible, signInAs } from "./support";

const MEASURE = "EHC plans issued within 20 weeks (excluding exceptions)";

/** A line of the chart's drawing by its dash pattern (LinePath draws a <path>; the legend's swatches are <line>s). */
const drawn = (chart: Locator, dash: string) => chart.locator(`path[stroke-dasharray="${dash}"]`);

test("a linked measure's chart shows its own line, England, the region and the neighbours' average, with a legend and their figures", async ({ page }) => {
  await signInAs(page, demo.lead);
  await page.goto("/local-areas/northbridge/measures");
  const measure = await page.getByRole("link", { name: MEASURE, exact: true }).getAttribute("href");
  await page.goto(measure!);

  // The details say what it is linked to.
  await expect(page.getByText(`${MEASURE}: England, the region and the statistical neighbours are charted beside it`)).toBeVisible();

  const figure = page.locator("figure.measure-chart").first();
  const chart = figure.getByRole("img");
  await expect(chart).toHaveAccessibleDescription(/Published figures from .*: England [\d.]+% in \d{4}, North West [\d.]+% in \d{4}, Statistical neighbours \(average\) [\d.]+% \(10 of 10 neighbours\) in \d{4}\./);

  // Four lines: the area's own values (solid, the only line 3 px wide) and the three published ones.
  const svg = figure.locator("svg");
  await expect(svg.locator('path[stroke="#1d70b8"][stroke-width="3"]')).toHaveCount(1);
  await expect(drawn(svg, "14 4")).toHaveCount(1);
  await expect(drawn(svg, "0.5 5")).toHaveCount(1);
  await expect(drawn(svg, "9 3 2 3 2 3")).toHaveCount(1);
  for (const legend of ["Value (validated)", "England (published)", "North West (published)", "Statistical neighbours' average (published)"]) {
    await expect(svg.locator("text", { hasText: legend })).toHaveCount(1);
  }

  // The same figures as a table, behind the disclosure the measure page keeps them in.
  await figure.getByText("Show the figures for M1").click();
  const table = figure.getByRole("table", { name: `Published figures for M1: ${MEASURE}` });
  await expect(table).toBeVisible();
  await expect(table.getByRole("columnheader")).toHaveText(["Period", "England (published)", "North West (published)", "Statistical neighbours' average (published)"]);
  await expect(table.getByRole("rowheader").first()).toHaveText(/^\d{4}$/);
  await expect(table.getByText("10 of 10 neighbours").first()).toBeVisible();
  await expect(figure.getByText(/^Source: Education, health and care plans/)).toBeVisible();

  await expectAccessible(page);
});

test("the lead links a measure to a published measure on its form", async ({ page }) => {
  await signInAs(page, demo.lead);
  await page.goto("/local-areas/northbridge/measures");
  const measure = await page.getByRole("link", { name: MEASURE, exact: true }).getAttribute("href");
  await page.goto(`${measure!}/edit`);
  const choice = page.getByLabel("Published measure (optional)");
  await expect(choice).toHaveValue("ehcp-20-weeks-excluding-exceptions");
  await expect(choice.locator("option", { hasText: "Number of EHC plans (count)" })).toHaveCount(1);
  await expectAccessible(page);
});

test("the national team ranks areas on a published measure, with England and the region beside them", async ({ page }) => {
  await signInAs(page, demo.national);
  await page.goto("/national/compare");
  await page.getByLabel("Published measure", { exact: true }).selectOption({ label: MEASURE });
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/\/national\/compare\?measure=ehcp-20-weeks-excluding-exceptions$/);
  const ranked = page.getByRole("table", { name: new RegExp(`^Local areas ranked on ${MEASURE.replace(/[()]/g, "\\$&")}`) });
  await expect(ranked.getByRole("rowheader", { name: /Northbridge/ })).toBeVisible();
  // Eastmoor has no figure (and neither have the copies of the demo other browser tests make).
  await expect(page.getByRole("table", { name: /^Local areas without a figure/ }).getByRole("rowheader", { name: /^Eastmoor / }).first()).toBeVisible();
  await expectAccessible(page);

  // 320 px wide: the page reflows, the tables scroll within themselves.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test("administrators see the catalogue and the import form", async ({ page }) => {
  await signInAs(page, demo.admin);
  await page.goto("/admin/statistics");
  await expect(page.getByRole("heading", { name: "Published statistics", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Standard measures and the published figures held for each" }).getByRole("row")).toHaveCount(9);
  await page.getByLabel("What the file holds").selectOption({ label: "Statistical neighbours (the DfE's ten per authority)" });
  await page.getByRole("button", { name: "Read the file's columns" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("Choose a CSV file of the figures");
  await expectAccessible(page);
});
