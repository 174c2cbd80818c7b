/**
 * Reflow (WCAG 2.2, 1.4.10): at 320 CSS pixels wide, what a 1280-pixel screen shows at 400% zoom,
 * no page scrolls sideways. Wide tables scroll within their own box, which the criterion allows.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, signInAs } from "./support";

const AREA = "/local-areas/northbridge";

async function narrowPage(browser: Browser, email: string | null) {
  const page = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
  if (email) await signInAs(page, email);
  return page;
}

async function hrefOf(page: Page, from: string, name: RegExp) {
  await page.goto(from);
  return (await page.getByRole("link", { name }).first().getAttribute("href"))!;
}

/** Each page fits the width: the document is no wider than the window. */
async function expectNoSidewaysScroll(page: Page, paths: string[]) {
  for (const path of paths) {
    await test.step(path, async () => {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${path} is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
    });
  }
}

test("every page reflows to 320 CSS pixels without scrolling sideways", async ({ browser }) => {
  test.setTimeout(180_000);
  await expectNoSidewaysScroll(await narrowPage(browser, null), ["/areas", "/areas/northbridge", "/signin"]);

  const lead = await narrowPage(browser, demo.lead);
  const finding = await hrefOf(lead, AREA, /^4\. Children with SEND/);
  const measure = await hrefOf(lead, AREA, /^M4 /);
  const action = await hrefOf(lead, `${AREA}/actions`, /^Agree a fair access/);
  await expectNoSidewaysScroll(lead, [
    AREA,
    `${AREA}/plan`,
    `${AREA}/plan/import`,
    `${AREA}/actions`,
    action,
    `${action}/edit`,
    `${AREA}/actions/new`,
    finding,
    `${AREA}/findings/new`,
    `${AREA}/measures`,
    measure,
    `${AREA}/measures/new`,
    `${AREA}/evidence`,
    `${AREA}/snapshots`,
    `${AREA}/forum`,
    `${AREA}/you-said-we-did`,
    `${AREA}/monitoring`,
    `${AREA}/judgements`,
    `${AREA}/change-requests`,
    `${action}/history`,
    `${finding}/history`,
    `${measure}/history`,
    `${AREA}/activity`,
    "/notifications",
    "/settings/notifications",
  ]);
  await expectNoSidewaysScroll(await narrowPage(browser, demo.owner), ["/my-work"]);
  await expectNoSidewaysScroll(await narrowPage(browser, demo.adviser), ["/national"]);
  await expectNoSidewaysScroll(await narrowPage(browser, demo.admin), ["/admin"]);
});
