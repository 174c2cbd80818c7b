import { expect, test, type Page } from "@playwright/test";
import { demo, expectAccessible, signInWithPassword } from "./support";

/** Follows the first link whose name matches, and returns where it went. */
async function hrefOf(page: Page, name: RegExp) {
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  expect(href, `a link named ${name}`).toBeTruthy();
  return href!;
}

test("every page of the council workflow passes the accessibility scan, for the lead and for an owner", async ({ page }) => {
  await signInWithPassword(page, demo.lead);
  await page.goto("/local-areas/northbridge");
  const finding = await hrefOf(page, /^1\. Families waited/);
  const measure = await hrefOf(page, /^M1 /);
  await page.goto("/local-areas/northbridge/actions");
  const action = await hrefOf(page, /Recruit and induct/);

  const pages = [
    "/local-areas/northbridge",
    "/local-areas/northbridge/plan",
    "/local-areas/northbridge/actions",
    "/local-areas/northbridge/actions?rag=RED&overdue=1&q=plan",
    "/local-areas/northbridge/actions?status=NOT_A_STATUS",
    "/local-areas/northbridge/actions/new",
    action,
    `${action}/edit`,
    finding,
    `${finding}/edit`,
    "/local-areas/northbridge/findings/new",
    "/local-areas/northbridge/measures",
    "/local-areas/northbridge/measures/new",
    measure,
    `${measure}/edit`,
    "/local-areas/northbridge/evidence",
    "/local-areas/northbridge/plan/import",
    "/my-work",
  ];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }

  // An owner sees the same pages without the lead's controls, and is refused the lead's pages.
  await page.context().clearCookies();
  await signInWithPassword(page, demo.owner);
  for (const path of ["/my-work", "/local-areas/northbridge", action, finding, measure]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expectAccessible(page);
  }
  for (const path of ["/local-areas/northbridge/plan", `${action}/edit`, "/local-areas/northbridge/evidence"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
});
