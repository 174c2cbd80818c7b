import { expect, test } from "@playwright/test";
import { demo, expectAccessible, signInAs } from "./support";

/**
 * The finding page as the revisit evidence pack: headed by the finding's short title, where it
 * stands at a glance, the detail folded until opened (charts with their tables, the evidence, once,
 * with each item's review), printable with everything open.
 */
test("the lead opens a finding's evidence pack: a short heading, a summary, the detail on request, and a clean print view with it all", async ({ page }) => {
  await signInAs(page, demo.lead);
  await page.goto("/local-areas/northbridge");
  await page.getByRole("link", { name: /^1\. Families waited/ }).first().click();
  // The summary's first sentence heads the page; the rest of it, and the inspectors' wording, follow.
  await expect(
    page.getByRole("heading", { level: 1, name: /^Finding 1: Families waited far too long for education, health and care \(EHC\) plans, and many plans were not good enough\.$/ }),
  ).toBeVisible();
  await expect(page.getByText(/^They did not describe each child properly/)).toBeVisible();
  await expect(page.locator("blockquote")).toContainText("Too few EHC plans are issued within the statutory 20 weeks");

  for (const name of ["What the inspectors found", "Where it stands", "Is it on course?", "Is it working?", "Evidence", "What the parent carer forum says"]) {
    await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
  }

  // Evidence is shown once, each item with its review: no separate table of accepted impact evidence, no "none added" beside it.
  await expect(page.getByRole("heading", { name: "Accepted impact evidence" })).toHaveCount(0);
  await expect(page.getByText("No evidence has been added yet")).toHaveCount(0);
  const evidence = page.getByRole("region", { name: "Evidence", exact: true });
  await expect(evidence).toContainText(/\d+ items?: \d+ accepted/);
  await evidence.getByText(/^Show the evidence/).click();
  const sen2 = evidence
    .getByRole("list", { name: "Evidence on this finding, its actions and its measures" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "SEN2 extract: plans issued within 20 weeks, by quarter" }) });
  await expect(sen2).toContainText("Evidence for Measure M1:");
  await expect(sen2).toContainText("Review: Accepted");

  // Finding 1 is evidenced by M1 (EHC plans within 20 weeks): its chart, named by its heading, and its tables, one click away.
  const chart = page.getByRole("figure", { name: /^M1 / });
  await expect(chart).toBeHidden();
  await page.getByText("Show the chart and figures for M1").click();
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
  // Everything folded passes the scan too, opened.
  // Each click opens one, so the closed ones are found afresh each time (a list taken once would shift as they open).
  const closed = page.locator("details.pack-details:not([open]) > summary");
  while ((await closed.count()) > 0) await closed.first().click();
  await expectAccessible(page);
  await page.reload();

  // Printed: no site header, no print button, no back link, no "Show ..." lines; every chart and its table, open
  // or not on the screen, with the date printed.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header")).toBeHidden();
  await expect(print).toBeHidden();
  await expect(page.getByRole("link", { name: /^Back to / })).toBeHidden();
  await expect(page.getByText("Show the chart and figures for M1")).toBeHidden();
  await expect(chart).toBeVisible();
  await expect(values).toBeVisible();
  await expect(page.getByRole("figure", { name: /^M2 / })).toBeVisible();
  await expect(page.getByText(/Printed \d{1,2} \w+ \d{4}/)).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator("body > header")).toBeVisible();
  await expect(chart).toBeHidden();
});
