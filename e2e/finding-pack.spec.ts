import { expect, test } from "@playwright/test";
import { demo, expectAccessible, signInAs } from "./support";

/** The finding page as the revisit evidence pack: charts with their tables, printable. */
test("the lead opens a finding's evidence pack: charts with data tables, a print button, and a clean print view", async ({ page }) => {
  await signInAs(page, demo.lead);
  await page.goto("/local-areas/northbridge");
  await page.getByRole("link", { name: /^1\. Families waited/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Finding 1:/ })).toBeVisible();

  for (const name of ["What the inspectors found", "Is it on course?", "Is it working?", "Accepted impact evidence", "What the parent carer forum says"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }

  // Finding 1 is evidenced by M1 (EHC plans within 20 weeks): its chart, named by its heading, and its tables.
  const chart = page.getByRole("figure", { name: /^M1 / });
  await expect(chart).toBeVisible();
  await expect(chart.getByRole("img", { name: /^M1 / })).toBeVisible();
  // The summary is written out beside the chart (and also in the SVG's description).
  await expect(chart.locator("p").filter({ hasText: /^Latest .* expected / })).toBeVisible();
  const values = chart.getByRole("table", { name: "Values for M1" });
  await expect(values.getByRole("columnheader", { name: "Status" })).toBeVisible();
  await expect(values.getByRole("cell", { name: "Provisional" }).first()).toBeVisible();
  await expect(values.getByRole("cell", { name: "Validated" }).first()).toBeVisible();
  const trajectory = chart.getByRole("table", { name: "Trajectory and benchmark for M1" });
  for (const point of ["Baseline", "Target", /^Benchmark/]) await expect(trajectory.getByRole("rowheader", { name: point })).toBeVisible();

  const print = page.getByRole("button", { name: "Print this evidence pack" });
  await expect(print).toBeVisible();
  await expectAccessible(page);

  // Printed: no site header, no print button, no back link; the chart and its table stay, with the date printed.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await expect(print).toBeHidden();
  await expect(page.getByRole("link", { name: /^Back to / })).toBeHidden();
  await expect(chart).toBeVisible();
  await expect(values).toBeVisible();
  await expect(page.getByText(/Printed \d{1,2} \w+ \d{4}/)).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator("body > header")).toBeVisible();
});
