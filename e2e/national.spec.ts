import { expect, test, type Page } from "@playwright/test";
import { demo, expectAccessible, signInAs } from "./support";

/** The share of actions red each row shows, top to bottom; null for "No actions" or no plan. */
async function redShares(page: Page): Promise<Array<number | null>> {
  const cells = await page.locator('tbody td[data-column="red"]').allInnerTexts();
  return cells.map((text) => {
    const m = /^(\d+) of (\d+)/.exec(text.trim());
    return m ? Number(m[1]) / Number(m[2]) : null;
  });
}

test("an adviser opens the national view, sorts by actions red and opens an area", async ({ page }) => {
  await signInAs(page, demo.adviser);
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();
  // The header offers it on every page; the local areas page offers it too.
  await expect(page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "National view" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "National view" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "National view" })).toBeVisible();
  await expect(page.getByText("The local areas you advise")).toBeVisible();
  const table = page.getByRole("table", { name: /Local areas/ });
  // The demo adviser advises Northbridge and Eastmoor.
  await expect(table.getByRole("link", { name: "Northbridge", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "Eastmoor", exact: true })).toBeVisible();
  await expectAccessible(page);

  await table.getByRole("link", { name: /^Actions red/ }).click();
  await expect(page).toHaveURL(/[?&]sort=red&dir=desc/);
  const heading = page.getByRole("columnheader", { name: /^Actions red/ });
  await expect(heading).toHaveAttribute("aria-sort", "descending");
  await expect(heading).toContainText("(sorted descending)");

  const shares = await redShares(page);
  expect(shares.length).toBeGreaterThanOrEqual(2);
  const known = shares.filter((s): s is number => s !== null);
  expect(known, "rows are sorted by share of actions red, highest first").toEqual([...known].sort((a, b) => b - a));
  // Rows without a share come after every row with one.
  expect(shares.slice(0, known.length)).toEqual(known);
  await expectAccessible(page);

  const first = page.locator("tbody tr").first().getByRole("link");
  const name = (await first.innerText()).trim();
  await first.click();
  await expect(page).toHaveURL(/\/local-areas\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test("the national team sees every area, sorts by keyboard and filters by region", async ({ page }) => {
  await signInAs(page, demo.national);
  await expect(page.getByRole("main").getByRole("link", { name: "National view" })).toBeVisible();
  const response = await page.goto("/national");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Every local area and its current plan")).toBeVisible();
  const table = page.getByRole("table", { name: /Local areas/ });
  await expect(table.getByRole("link", { name: "Northbridge", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "Eastmoor", exact: true })).toBeVisible();
  await expectAccessible(page);

  const sinceUpdate = table.getByRole("link", { name: /^Days since last update/ });
  await sinceUpdate.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]sort=sinceUpdate&dir=desc/);
  await expect(page.getByRole("columnheader", { name: /^Days since last update/ })).toHaveAttribute("aria-sort", "descending");

  await page.getByLabel("Region").selectOption({ label: "North West" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]region=NORTH_WEST/);
  // The sort survives the filter.
  await expect(page).toHaveURL(/[?&]sort=sinceUpdate/);
  await expect(table.getByRole("link", { name: "Northbridge", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "Eastmoor", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Plan type").selectOption({ label: "Priority action plan" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No local areas match these filters.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page.getByRole("table", { name: /Local areas/ }).getByRole("link", { name: "Eastmoor", exact: true })).toBeVisible();
});

test("a plan lead has no link to the national view and gets 'you do not have permission'", async ({ page }) => {
  await signInAs(page, demo.lead);
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();
  await expect(page.getByRole("link", { name: "National view" })).toHaveCount(0);
  const response = await page.goto("/national");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have permission to see this page" })).toBeVisible();
  await expectAccessible(page);
});
