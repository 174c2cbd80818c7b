import { expect, test } from "@playwright/test";
import { demo, expectAccessible, signInAs, signInWithPassword } from "./support";

test("a lead of another area gets 'page not found' for Northbridge, and sees only their own area", async ({ page }) => {
  await signInAs(page, demo.otherLead);
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Eastmoor", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Northbridge", exact: true })).toHaveCount(0);

  const response = await page.goto("/local-areas/northbridge");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAccessible(page);
});

test("an action owner is shown 'you do not have permission' for administration", async ({ page }) => {
  await signInAs(page, demo.owner);
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have permission to see this page" })).toBeVisible();
  await expectAccessible(page);
});

test("a signed-out visitor is sent to sign in and brought back", async ({ page }) => {
  await page.goto("/local-areas/northbridge");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Flocal-areas%2Fnorthbridge/);
  await signInWithPassword(page, demo.viewer);
  await expect(page.getByRole("heading", { level: 1, name: "Northbridge" })).toBeVisible();
});

const seesBoth: string[] = [demo.national, demo.adviser];
for (const email of [demo.lead, demo.owner, demo.forum, demo.viewer, ...seesBoth]) {
  test(`${email} sees the areas their role allows`, async ({ page }) => {
    await signInAs(page, email);
    await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Northbridge", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Eastmoor", exact: true })).toHaveCount(seesBoth.includes(email) ? 1 : 0);
    await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
  });
}

test("the health check answers 200 with the database reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
});

/** The median of a few timed requests, after one untimed request has warmed the route. */
async function medianMs(fetchPage: () => Promise<number>, times = 7): Promise<number> {
  await fetchPage();
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await fetchPage();
    took.push(performance.now() - t0);
  }
  return took.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

test("a refused page answers as fast as any other: 'not found' and 'no permission' within twice a normal page's time", async ({ page }) => {
  // A refused call used to be retried on the server before the page gave up, which took seconds.
  await signInAs(page, demo.otherLead);
  const get = (path: string, status: number) => async () => {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(status);
    return response.status();
  };
  const normal = await medianMs(get("/local-areas/eastmoor", 200));
  const notFound = await medianMs(get("/local-areas/northbridge", 404));
  const forbidden = await medianMs(get("/admin", 403));
  const report = `normal ${normal.toFixed(0)} ms, not found ${notFound.toFixed(0)} ms, no permission ${forbidden.toFixed(0)} ms`;
  expect(notFound, report).toBeLessThanOrEqual(2 * normal);
  expect(forbidden, report).toBeLessThanOrEqual(2 * normal);
});
