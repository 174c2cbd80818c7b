import { expect, test } from "./fixtures";
import { expectAccessible, signInAs } from "./support";

/** Today plus `days`, as an <input type="date"> takes it. */
function isoDay(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
const longDate = (iso: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso));

/** Whether the page fits `width` CSS pixels without scrolling sideways (WCAG 1.4.10, reflow). */
async function reflowsAt(page: import("@playwright/test").Page, width: number) {
  await page.setViewportSize({ width, height: 800 });
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

test("an action's history shows the lead's edit and the change the adviser approved, each with before and after", async ({ browser, demoCopy }) => {
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  await lead.goto(`/local-areas/${demoCopy.northbridge.slug}/actions`);
  await lead.getByRole("link", { name: /Report SEND performance termly/ }).first().click();
  await expect(lead.getByRole("heading", { level: 1, name: /Report SEND performance termly/ })).toBeVisible();
  const actionUrl = lead.url();
  const oldDue = (await lead.locator("dt", { hasText: /^Due date$/ }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
  // Different days on every run, so each save is a real change.
  const spread = Math.floor(Date.now() / 86_400_000) % 200;
  const newStart = isoDay(-(400 + spread));
  const newDue = isoDay(400 + spread);

  // An edit the accepted plan allows: the start date.
  await lead.getByRole("link", { name: "Edit this action" }).click();
  const editForm = lead.getByRole("form", { name: /^Edit action/ });
  await editForm.getByLabel("Start date (optional)", { exact: true }).fill(newStart);
  await editForm.getByRole("button", { name: "Save action" }).click();
  await expect(lead.getByRole("status").filter({ hasText: /^Action .* has been saved\.$/ })).toBeVisible();

  // A change the adviser must approve: the due date.
  await lead.goto(`${actionUrl}/edit`);
  const request = lead.getByRole("form", { name: "Request a change" });
  await request.getByRole("radio", { name: /^Due date/ }).check();
  await request.getByLabel("New due date", { exact: true }).fill(newDue);
  await request.getByLabel("Reason for the change", { exact: true }).fill("Scrutiny now meets in the spring term.");
  await request.getByRole("button", { name: "Send the request" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "has been sent to the adviser" })).toBeVisible();

  const adviser = await (await browser.newContext()).newPage();
  await signInAs(adviser, demoCopy.people.adviser);
  await adviser.goto(`/local-areas/${demoCopy.northbridge.slug}/change-requests`);
  const pending = adviser.getByRole("listitem").filter({ hasText: /Report SEND performance termly/ }).filter({ hasText: longDate(newDue) });
  await pending.getByRole("button", { name: /^Approve/ }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "The change has been approved and applied." })).toBeVisible();

  // The History tab, from the action's page, by keyboard.
  await lead.goto(actionUrl);
  const historyLink = lead.getByRole("link", { name: "History of this action" });
  await historyLink.focus();
  await lead.keyboard.press("Enter");
  await expect(lead.getByRole("heading", { level: 1, name: "History of the action" })).toBeVisible();
  const events = lead.getByRole("list", { name: "Changes to the action, newest first" }).getByRole("listitem");

  // Newest first: the approval applied (by the adviser), then the request, then the edit.
  const applied = events.filter({ hasText: "Applied an approved change" }).first();
  await expect(applied).toContainText("Martin Cole");
  await expect(applied.getByRole("definition").filter({ hasText: longDate(newDue) })).toContainText(oldDue);
  await expect(applied.locator("del")).toHaveText(oldDue);
  const edited = events.filter({ hasText: "Changed the action" }).filter({ hasText: "Start date" }).first();
  await expect(edited).toContainText("Priya Shah");
  await expect(edited).toContainText(longDate(newStart));
  await expect(events.filter({ hasText: "Requested a change" }).first()).toContainText("Scrutiny now meets in the spring term.");
  const order = await events.allInnerTexts();
  const at = (text: string) => order.findIndex((t) => t.includes(text));
  expect(at("Applied an approved change")).toBeLessThan(at("Requested a change"));
  expect(at("Requested a change")).toBeLessThan(at(longDate(newStart)));
  await expectAccessible(lead);
  expect(await reflowsAt(lead, 320)).toBe(true);
});

test("the activity page, filtered by person, lists only that person's changes; the forum is refused it", async ({ browser, demoCopy }) => {
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  // Something of the lead's own today, so the filter has a change to find.
  await lead.goto(`/local-areas/${demoCopy.northbridge.slug}/actions`);
  await lead.getByRole("link", { name: /Report SEND performance termly/ }).first().click();
  await lead.getByRole("link", { name: "Edit this action" }).click();
  const editForm = lead.getByRole("form", { name: /^Edit action/ });
  await editForm.getByLabel("Start date (optional)", { exact: true }).fill(isoDay(-(400 + (Math.floor(Date.now() / 86_400_000) % 200))));
  await editForm.getByRole("button", { name: "Save action" }).click();
  await expect(lead.getByRole("status").filter({ hasText: /^Action .* has been saved\.$/ })).toBeVisible();

  const adviser = await (await browser.newContext()).newPage();
  await signInAs(adviser, demoCopy.people.adviser);
  await adviser.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  await adviser.getByRole("link", { name: "Activity", exact: true }).click();
  await expect(adviser.getByRole("heading", { level: 1, name: "Activity" })).toBeVisible();
  await expectAccessible(adviser);

  const filters = adviser.getByRole("search", { name: "Filter the activity" });
  const person = filters.getByLabel("Person", { exact: true });
  const priya = await person.locator("option", { hasText: "Priya Shah" }).first().getAttribute("value");
  expect(priya).toBeTruthy();
  await person.selectOption(priya!);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(adviser).toHaveURL(new RegExp(`[?&]person=${priya}`));
  await expect(adviser.getByRole("heading", { level: 2, name: "Changes that match the filters" })).toBeVisible();

  const events = adviser.getByRole("list", { name: "Changes in the area, newest first" }).getByRole("listitem");
  await expect(events.first()).toBeVisible();
  const texts = await events.allInnerTexts();
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).toContain("by Priya Shah");
  await expect(events.filter({ hasText: "Changed the action" }).first()).toContainText("Start date");
  // The download takes the same filters.
  await expect(adviser.getByRole("link", { name: "Download these changes as CSV" })).toHaveAttribute("href", new RegExp(`/activity\\?person=${priya}`));
  await expectAccessible(adviser);
  expect(await reflowsAt(adviser, 320)).toBe(true);

  const forum = await (await browser.newContext()).newPage();
  await signInAs(forum, demoCopy.people.forum);
  expect((await forum.goto(`/local-areas/${demoCopy.northbridge.slug}/activity`))?.status()).toBe(403);
  const viewer = await (await browser.newContext()).newPage();
  await signInAs(viewer, demoCopy.people.viewer);
  expect((await viewer.goto(`/local-areas/${demoCopy.northbridge.slug}/activity`))?.status()).toBe(403);
});
