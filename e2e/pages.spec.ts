import { expect, test, type Page } from "@playwright/test";
import { demo, expectAccessible, signInAs } from "./support";

// Each test walks dozens of pages with an axe scan on each: about 40 s on a quiet 2-core machine,
// several times that when the machine is busy, so these two get more than the default minute.
test.describe.configure({ timeout: 240_000 });

/** Follows the first link whose name matches, and returns where it went. */
async function hrefOf(page: Page, name: RegExp) {
  const href = await page.getByRole("link", { name }).first().getAttribute("href");
  expect(href, `a link named ${name}`).toBeTruthy();
  return href!;
}

test("every page of the council workflow passes the accessibility scan, for the lead and for an owner", async ({ page }) => {
  await signInAs(page, demo.lead);
  await page.goto("/local-areas/northbridge");
  const finding = await hrefOf(page, /^1\. Families waited/);
  // The area home lists findings; a finding's page lists its measures.
  await page.goto(finding);
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
    `${action}/history`,
    `${finding}/history`,
    `${measure}/history`,
    "/local-areas/northbridge/activity",
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
  await signInAs(page, demo.owner);
  for (const path of ["/my-work", "/local-areas/northbridge", action, finding, measure]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expectAccessible(page);
  }
  for (const path of ["/local-areas/northbridge/plan", `${action}/edit`, "/local-areas/northbridge/evidence"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
});

test("every page of the revisit views, the forum's and the adviser's work passes the scan, for each role that uses it", async ({ page }) => {
  const visit = async (email: string | null, paths: string[]) => {
    await page.context().clearCookies();
    if (email) await signInAs(page, email);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), `${email ?? "anonymous"} ${path}`).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
  };
  const area = "/local-areas/northbridge";
  await visit(demo.lead, [
    `${area}/snapshots`,
    `${area}/forum`,
    `${area}/you-said-we-did`,
    `${area}/monitoring`,
    `${area}/judgements`,
    `${area}/change-requests`,
    "/notifications",
    "/settings/notifications",
  ]);
  await visit(demo.forum, [area, `${area}/forum`, `${area}/snapshots`]);
  await visit(demo.adviser, ["/national", `${area}/monitoring`, `${area}/judgements`, `${area}/change-requests`]);
  await visit(demo.viewer, [area, `${area}/snapshots`, `${area}/monitoring`]);
  await visit(demo.national, ["/national", area]);
  await visit(null, ["/", "/areas", "/areas/northbridge", "/areas/northbridge/findings/1", "/areas/northbridge/findings/5", "/accessibility", "/privacy", "/status"]);
});
