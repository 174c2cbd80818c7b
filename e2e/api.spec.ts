import { expect, test } from "./fixtures";
import { API_DOCS_CSP } from "../server/security-headers.js";
import { expectAccessible, signInAs } from "./support";

test("a lead makes an API token, a system sends a value with it, the lead revokes it", async ({ page, request, demoCopy }) => {
  const slug = demoCopy.northbridge.slug;
  await signInAs(page, demoCopy.people.lead);
  await page.goto(`/local-areas/${slug}/plan`);
  await page.getByRole("navigation", { name: "Plan editor" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  await expect(page.getByText("No tokens have been made for this area.")).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Make a token" });
  // Nothing chosen: the summary says what to put right.
  await form.getByRole("button", { name: "Make token" }).click();
  await expect(form.getByRole("alert").first()).toContainText("Enter a name for the token");
  await expect(form.getByRole("alert").first()).toContainText("Choose at least one thing the token may do");
  await expectAccessible(page);

  await form.getByLabel("Name", { exact: true }).fill("SEN2 returns");
  await form.getByLabel(/^Write measure values/).check();
  await form.getByRole("button", { name: "Make token" }).click();
  const made = page.getByRole("heading", { level: 2, name: "Token “SEN2 returns” made" });
  await expect(made).toBeFocused();
  const secret = await page.getByLabel(/^The token \(works until/).inputValue();
  expect(secret).toMatch(/^hw_[A-Za-z0-9_-]{43}$/);
  const tokens = page.getByRole("table", { name: "The area's API tokens" });
  await expect(tokens.getByRole("row").filter({ hasText: "SEN2 returns" })).toContainText("Working");
  await expectAccessible(page);

  // A system sends a value with it; the page then shows its last use.
  // Mid-month, years back: a period the demo has no value for.
  const periodEnd = "2020-01-15";
  const sent = await request.post(`/api/v1/areas/${slug}/measure-values`, {
    headers: { authorization: `Bearer ${secret}` },
    data: { values: [{ measure: "M1", periodEnd, value: 61 }] },
  });
  expect(sent.status()).toBe(200);
  expect(await sent.json()).toMatchObject({ created: 1 });
  await page.reload();
  await expect(tokens.getByRole("row").filter({ hasText: "SEN2 returns" })).not.toContainText("Never");

  await tokens.getByRole("button", { name: "Revoke the token SEN2 returns" }).click();
  await page.getByRole("group", { name: "Confirm revoking the token SEN2 returns" }).getByRole("button", { name: /^Yes, revoke/ }).click();
  await expect(tokens.getByRole("row").filter({ hasText: "SEN2 returns" })).toContainText("Revoked");
  await expectAccessible(page);
  const refused = await request.post(`/api/v1/areas/${slug}/measure-values`, {
    headers: { authorization: `Bearer ${secret}` },
    data: { values: [{ measure: "M1", periodEnd, value: 62 }] },
  });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
});

test("the API reference page passes the accessibility scan, works by keyboard and fits 320 px", async ({ page }) => {
  const response = await page.goto("/api/docs");
  expect(response?.status()).toBe(200);
  // The page's own policy, not the other API routes' (which would drop its styles): next.config.js.
  expect(response?.headers()["content-security-policy"]).toBe(API_DOCS_CSP);
  await expect(page.getByRole("heading", { level: 1, name: "Headway API reference" })).toBeVisible();
  await expectAccessible(page);
  // The skip link, then the contents.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.getByRole("link", { name: "POST /api/v1/areas/{slug}/measure-values" }).click();
  await expect(page).toHaveURL(/#op-pushMeasureValues$/);
  await page.setViewportSize({ width: 320, height: 800 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(320);
  await expectAccessible(page);
});
