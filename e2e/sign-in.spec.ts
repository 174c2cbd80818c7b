import { expect, test } from "@playwright/test";
import { readMailbox } from "../scripts/smtp-catcher.mjs";
import { demo, expectAccessible, latestLinkTo, MAIL_DIR, signInWithPassword } from "./support";

test("a plan lead signs in with a password, opens the area home and an action, and signs out", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page.getByRole("heading", { name: "Sign in to Headway" })).toBeVisible();
  await expectAccessible(page);

  await signInWithPassword(page, demo.lead);
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Northbridge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Northbridge" })).toBeVisible();
  await expect(page.getByText("Written statement of action")).toBeVisible();
  // RAG is a word as well as a colour: each finding's delivery on the home, each action's on the list of actions.
  await expect(page.getByText("Red: off track").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "All actions", exact: true }).click();
  await expect(page.getByText("Green: on track").filter({ visible: true }).first()).toBeVisible();

  await page.getByRole("link", { name: /Recruit and induct additional EHC coordinators/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /1\.1 Recruit and induct/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Updates" })).toBeVisible();
  await page.getByText("How this is worked out").click();
  await expect(page.getByText(/expected by today/)).toBeVisible();
  await expectAccessible(page);

  await page.locator("summary", { hasText: "Priya Shah" }).click(); // the user menu
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/local-areas/northbridge");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("a wrong password is refused with an error summary", async ({ page }) => {
  await page.goto("/signin");
  await signInWithPassword(page, demo.lead, "not-the-password");
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("The email address or password is not right");
  await expect(summary).toBeFocused();
  await expectAccessible(page);

  // Empty fields: a message next to each field, from the shared schema.
  await page.reload();
  await page.getByRole("form", { name: "Sign in with a password" }).getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address").first()).toBeVisible();
  await expect(page.getByText("Enter your password").first()).toBeVisible();
  await expectAccessible(page);
});

test("an action owner signs in by a link sent by email", async ({ page }) => {
  await page.goto("/signin?callbackUrl=%2Flocal-areas%2Fnorthbridge");
  const form = page.getByRole("form", { name: "Sign in with a link by email" });
  await form.getByLabel("Email address").fill(demo.owner);
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expectAccessible(page);

  const link = await latestLinkTo(demo.owner, /Sign in to Headway/);
  expect(link).toContain("/api/auth/callback/email");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Northbridge" })).toBeVisible();
  await expect(page.locator("summary", { hasText: "Tom Baker" })).toBeVisible();

  // The link works once.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByText("That sign-in link has expired or has already been used")).toBeVisible();
  await expectAccessible(page);
});

test("someone without an account gets the same answer and no email", async ({ page }) => {
  await page.goto("/signin");
  const form = page.getByRole("form", { name: "Sign in with a link by email" });
  await form.getByLabel("Email address").fill("stranger@nowhere.example");
  await form.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await page.waitForTimeout(1_000);
  expect(readMailbox(MAIL_DIR, "stranger@nowhere.example")).toHaveLength(0);
});

test("signing in and moving around works with the keyboard alone", async ({ page }) => {
  await page.goto("/signin");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();

  const form = page.getByRole("form", { name: "Sign in with a password" });
  await form.getByLabel("Email address").focus();
  await page.keyboard.type(demo.lead);
  await page.keyboard.press("Tab");
  await page.keyboard.type("headway-demo");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();

  // The area switcher opens from the keyboard.
  const switcher = page.locator("summary", { hasText: "Local areas" });
  await switcher.focus();
  await page.keyboard.press("Enter");
  const link = page.getByRole("link", { name: /Northbridge \(Plan lead\)/ });
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Northbridge" })).toBeVisible();
});
