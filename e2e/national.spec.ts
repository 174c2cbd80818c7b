import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
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

test("an adviser reads the portfolio: statuses in words, the adviser's view, the change since a month ago, filters and downloads", async ({ page }) => {
  await signInAs(page, demo.adviser);
  await page.goto("/national");
  await expect(page.getByText(/Changes are counted from \d{1,2} [A-Z][a-z]+ \d{4}, a month ago/)).toBeVisible();
  const table = page.getByRole("table", { name: /Local areas/ });
  const northbridge = table.getByRole("row", { name: /^Northbridge/ });
  const eastmoor = table.getByRole("row", { name: /^Eastmoor/ });

  // Colour is never the only signal: delivery and impact are words in their tags, side by side.
  for (const row of [northbridge, eastmoor]) {
    await expect(row.locator('td[data-column="delivery"]')).toHaveText(/^(Red: off track|Amber: some slippage|Green: on track|Complete|No live actions)$/);
    await expect(row.locator('td[data-column="impact"]')).toHaveText(/^(On track|Slightly behind|Off track|No recent data|No measures)$/);
    // Each count says how it moved since a month ago, with words for screen readers beside the arrow.
    await expect(row.locator('td[data-column="red"]')).toContainText(/\d+ (more|fewer) since \d{1,2} [A-Z][a-z]{2}|no change since \d{1,2} [A-Z][a-z]{2}/);
    await expect(row.locator('td[data-column="offTrack"]')).toContainText(/since \d{1,2} [A-Z][a-z]{2}/);
  }
  // The demo adviser's latest view on Northbridge is on finding 4; on Eastmoor there is none.
  await expect(northbridge.locator('td[data-column="adviserView"]')).toContainText("Unlikely");
  await expect(northbridge.locator('td[data-column="adviserView"]')).toContainText("on finding 4");
  await expect(eastmoor.locator('td[data-column="adviserView"]')).toHaveText("No view yet");
  // The demo's outcome column is there too: Eastmoor's WSOA was revisited, Northbridge not yet.
  await expect(northbridge.locator('td[data-column="lastFollowUp"]')).toContainText("Not yet revisited");
  await expectAccessible(page);

  // Sorting by the adviser's view puts the areas judged least likely first.
  await table.getByRole("link", { name: /^Adviser's view/ }).click();
  await expect(page).toHaveURL(/[?&]sort=adviserView&dir=desc/);
  await expect(page.getByRole("columnheader", { name: /^Adviser's view/ })).toHaveAttribute("aria-sort", "descending");
  await expect(page.locator("tbody tr").first().getByRole("link")).toHaveText("Northbridge");

  // Filter by adviser and by the adviser's view: both in the address, the sort kept.
  await page.getByLabel("Adviser", { exact: true }).selectOption({ label: "Martin Cole" });
  await page.getByLabel("Adviser's latest view").selectOption({ label: "Unlikely" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]adviser=[a-z0-9]+/);
  await expect(page).toHaveURL(/[?&]adviserView=UNLIKELY/);
  await expect(page).toHaveURL(/[?&]sort=adviserView/);
  await expect(page.getByRole("status").filter({ hasText: "Showing" })).toContainText("advised by Martin Cole");
  await expect(table.getByRole("link", { name: "Northbridge", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "Eastmoor", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // The downloads carry the same filters and hold what is shown.
  const xlsx = page.getByRole("link", { name: "Download as a spreadsheet (XLSX)" });
  const csv = page.getByRole("link", { name: "Download as CSV" });
  await expect(xlsx).toHaveAttribute("href", /^\/api\/national\/export\?format=xlsx&.*adviserView=UNLIKELY/);
  await expect(csv).toHaveAttribute("href", /^\/api\/national\/export\?format=csv&.*adviserView=UNLIKELY/);
  const csvAnswer = await page.request.get((await csv.getAttribute("href"))!);
  expect(csvAnswer.status()).toBe(200);
  expect(csvAnswer.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const records = parse(await csvAnswer.text(), { bom: true }) as string[][];
  expect(records[0]!.slice(0, 3)).toEqual(["Local area", "Region", "Plan type"]);
  expect(records.slice(1).map((r) => r[0])).toEqual(["Northbridge"]);
  const xlsxAnswer = await page.request.get((await xlsx.getAttribute("href"))!);
  expect(xlsxAnswer.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await xlsxAnswer.body()).buffer);
  const names: string[] = [];
  workbook.getWorksheet("National view")!.eachRow((row, n) => {
    if (n > 1) names.push(String(row.getCell(1).value));
  });
  expect(names).toEqual(["Northbridge"]);

  // A plan lead may not download it either.
  await page.context().clearCookies();
  await signInAs(page, demo.lead);
  expect((await page.request.get("/api/national/export?format=csv")).status()).toBe(403);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("the national view is one card per area, sorted from links above the cards", async ({ page }) => {
    await signInAs(page, demo.adviser);
    await page.goto("/national");
    await expect(page.getByRole("table", { name: /Local areas/ })).toBeHidden();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: "Northbridge" }) });
    await expect(card).toBeVisible();
    await expect(card.getByText("Delivery", { exact: true })).toBeVisible();
    await expect(card.getByText("Adviser's view", { exact: true })).toBeVisible();
    await expect(card).toContainText("Unlikely");
    const sort = page.getByRole("navigation", { name: "Sort the local areas" });
    await sort.getByRole("link", { name: /^Actions red/ }).click();
    await expect(page).toHaveURL(/[?&]sort=red&dir=desc/);
    await expect(sort.getByRole("link", { name: "Actions red (sorted descending)" })).toHaveAttribute("aria-current", "true");
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await expectAccessible(page);
  });
});
