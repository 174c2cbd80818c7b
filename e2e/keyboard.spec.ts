/**
 * Four journeys done with the keyboard alone: Tab, Shift+Tab, Enter, Space, the arrow keys and
 * typing; no clicks, no filling, no focusing by script. Each control is reached the way a person
 * would reach it, and shows where focus is. Failed submissions put focus on the error summary,
 * whose links take focus to the fields.
 *
 * State: the owner posts on action 4.2, the forum gives its first verdict on finding 4 (not on
 * the public page) and the adviser notes the area as a whole; no other journey asserts on these.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, expectAccessible } from "./support";

/** Focus is shown, in the GOV.UK way: a yellow outline (controls, buttons) or a yellow background (links). */
async function expectFocusVisible(target: Locator) {
  const shown = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    const yellow = "rgb(255, 221, 0)";
    return {
      focusVisible: el.matches(":focus-visible"),
      outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && style.outlineColor === yellow,
      background: style.backgroundColor === yellow,
    };
  });
  expect(shown.focusVisible, "the focused element matches :focus-visible").toBe(true);
  expect(shown.outline || shown.background, "the focused element has a yellow outline or background").toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, as a person would, then checks the focus shows. */
async function tabTo(page: Page, target: Locator, { most = 120, back = false } = {}) {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
  await expectFocusVisible(target);
}

/** Presses `key` until `control` holds `value` (a select or a radio group moved by arrow keys). */
async function pressUntil(page: Page, control: Locator, key: string, done: () => Promise<boolean>, most = 8) {
  for (let i = 0; i < most && !(await done()); i += 1) await page.keyboard.press(key);
  expect(await done(), `${key} reached the choice`).toBe(true);
  await expectFocusVisible(control);
}

/** The error summary of `form` has focus, lists `messages` as links, and each field is marked and described. */
async function expectErrorSummary(form: Locator, messages: RegExp[]) {
  const summary = form.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  await expectFocusVisible(summary);
  for (const message of messages) await expect(summary.getByRole("link", { name: message })).toBeVisible();
  await expect(summary.getByRole("link")).toHaveCount(messages.length);
  return summary;
}

async function signInByKeyboard(page: Page, email: string) {
  await page.goto("/signin");
  const form = page.getByRole("form", { name: "Sign in with a password" });
  await tabTo(page, form.getByLabel("Email address"));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
}

test("an owner posts an update on an action with the keyboard alone", async ({ page, demoCopy }) => {
  await signInByKeyboard(page, demoCopy.people.owner);

  await tabTo(page, page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "My work" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
  await expectAccessible(page);

  await tabTo(page, page.getByRole("link", { name: /^4\.2 Track part-time timetables/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("4.2");
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Post an update on 4.2" });
  const narrative = form.getByLabel("What has happened since the last update?", { exact: true });
  const progress = form.getByLabel("Progress (%)", { exact: true });
  const rag = form.getByLabel("Set the RAG by hand (optional)", { exact: true });
  const reason = form.getByLabel("Why are you setting the RAG by hand?", { exact: true });
  const post = form.getByRole("button", { name: "Post update" });

  // The RAG set by hand, from the drop-down by arrow keys: a reason is then asked for.
  await tabTo(page, rag);
  await pressUntil(page, rag, "ArrowDown", async () => (await rag.inputValue()) === "AMBER");
  await expect(reason).toBeVisible();

  // Nothing written: the summary takes focus and names both missing answers.
  await tabTo(page, post);
  await page.keyboard.press("Enter");
  const summary = await expectErrorSummary(form, [/^Enter what has happened since the last update/, /^Enter why you are setting the RAG by hand/]);
  await expect(narrative).toHaveAttribute("aria-invalid", "true");
  await expect(narrative).toHaveAccessibleDescription(/Error: Enter what has happened since the last update/);
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription(/Error: Enter why you are setting the RAG by hand/);
  await expectAccessible(page);

  // Each link takes focus to its field; typing there keeps focus in the field.
  await page.keyboard.press("Tab");
  await expect(summary.getByRole("link").first()).toBeFocused();
  await expectFocusVisible(summary.getByRole("link").first());
  await page.keyboard.press("Enter");
  await expect(narrative).toBeFocused();
  await expectFocusVisible(narrative);
  const words = `Weekly part-time timetable returns now come from every secondary school (${Date.now()}).`;
  await page.keyboard.type(words);
  await expect(narrative).toBeFocused();
  await expect(narrative).toHaveValue(words);

  await page.keyboard.press("Shift+Tab");
  await expect(summary.getByRole("link", { name: /^Enter why you are setting the RAG by hand/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(reason).toBeFocused();
  await page.keyboard.type("Two academies have not sent returns for three weeks.");

  // Progress up by five with the arrow keys.
  await tabTo(page, progress, { back: true });
  const was = Number(await progress.inputValue());
  for (let i = 0; i < 5; i += 1) await page.keyboard.press("ArrowUp");
  await expect(progress).toHaveValue(String(Math.min(100, was + 5)));

  await tabTo(page, post);
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toHaveText("Update posted for action 4.2.");
  await expect(form.getByRole("alert")).toHaveCount(0);
  const timeline = page.getByRole("region", { name: "Updates and comments" });
  await expect(timeline.getByRole("listitem").filter({ hasText: words })).toBeVisible();
  await expectAccessible(page);
});

test("a forum member records a verdict on a finding with the keyboard alone", async ({ page, demoCopy }) => {
  await signInByKeyboard(page, demoCopy.people.forum);
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}`);
  await tabTo(page, page.getByRole("link", { name: /^4\. Children with SEND in Northbridge/ }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Finding 4");
  await expectAccessible(page);

  const form = page.getByRole("form", { name: /Give (the forum's|a new) verdict/ });
  const record = form.getByRole("button", { name: "Record verdict" });
  await tabTo(page, record);
  await page.keyboard.press("Enter");
  const summary = await expectErrorSummary(form, [/^Select whether the forum agrees/]);
  await expectAccessible(page);

  // The link lands on the first radio; the arrow keys choose within the group.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const agree = form.getByRole("radio", { name: "Agree", exact: true });
  const withComments = form.getByRole("radio", { name: "Agree with comments" });
  await expect(agree).toBeFocused();
  await expectFocusVisible(agree);
  await page.keyboard.press("ArrowDown");
  await expect(withComments).toBeFocused();
  await expect(withComments).toBeChecked();
  await expectFocusVisible(withComments);

  const level = form.getByLabel("What level of co-production does the forum recognise?");
  await tabTo(page, level);
  await pressUntil(page, level, "ArrowDown", async () => (await level.inputValue()) === "ENGAGING");

  const communicate = form.getByRole("checkbox", { name: "Communicate" });
  await tabTo(page, communicate);
  await page.keyboard.press("Space");
  await expect(communicate).toBeChecked();

  // Agreeing with comments needs the comments: a second try fails on them, and the summary takes focus again.
  await tabTo(page, record);
  await page.keyboard.press("Enter");
  await expectErrorSummary(form, [/^Enter what the forum says/]);
  await expect(summary.getByRole("link")).toHaveCount(1);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const text = form.getByLabel("What the forum says", { exact: true });
  await expect(text).toBeFocused();
  await expect(text).toHaveAttribute("aria-invalid", "true");
  const words = `Families at the suspensions workshop were heard, but not yet part of the decisions (${Date.now()}).`;
  await page.keyboard.type(words);

  await tabTo(page, record);
  await page.keyboard.press("Enter");
  // The verdict is on the page, and the confirmation stays once the page has refreshed to show it.
  await expect(page.getByRole("listitem").filter({ hasText: words })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The forum's verdict on finding 4 was recorded: Agree with comments." })).toBeVisible();
  await expectAccessible(page);
});

test("an adviser records a monitoring note with the keyboard alone", async ({ page, demoCopy }) => {
  await signInByKeyboard(page, demoCopy.people.adviser);
  await page.goto(`/local-areas/${demoCopy.northbridge.slug}/monitoring`);
  await expect(page.getByRole("heading", { level: 1, name: "Adviser's monitoring notes" })).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Record a monitoring note", exact: true });
  const record = form.getByRole("button", { name: "Record note" });
  await tabTo(page, record);
  await page.keyboard.press("Enter");
  await expectErrorSummary(form, [/^Enter the note/]);
  const note = form.getByLabel("Note", { exact: true });
  await expect(note).toHaveAttribute("aria-invalid", "true");
  await expect(note).toHaveAccessibleDescription(/Error: Enter the note/);
  await expectAccessible(page);

  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(note).toBeFocused();
  const words = `Keyboard-only visit ${Date.now()}: the part-time timetable returns are now complete for secondary schools.`;
  await page.keyboard.type(words);
  await expect(note).toHaveValue(words);

  // Tab enters the radios at the one chosen ("No view"); the arrow keys move the choice.
  await page.keyboard.press("Tab");
  await expect(form.getByRole("radio", { name: "No view" })).toBeFocused();
  const atRisk = form.getByRole("radio", { name: "At risk" });
  await pressUntil(page, atRisk, "ArrowUp", () => atRisk.isChecked());
  await expect(atRisk).toBeFocused();

  await tabTo(page, record);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Your note has been recorded." })).toBeVisible();
  const latest = page.getByRole("list", { name: /monitoring notes, newest first/ }).getByRole("listitem").first();
  await expect(latest).toContainText(words);
  await expect(latest).toContainText("Adviser: At risk");
  await expectAccessible(page);
});

test("a visitor reads the public pages with the keyboard alone: skip link, headings, a finding's card, a chart's figures", async ({ page, demoCopy }) => {
  await page.goto(`/areas/${demoCopy.northbridge.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Northbridge");
  await expectAccessible(page);

  // The first Tab lands on the skip link, which takes focus to the main content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expectFocusVisible(skip);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();

  // Headings go down one level at a time, under the page's one h1, on the summary and on a finding's page.
  const expectHeadingsInOrder = async () => {
    const levels = await page.getByRole("main").locator("h1, h2, h3, h4, h5, h6").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level, `heading ${i + 1} follows an h${levels[i - 1]}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
  };
  await expectHeadingsInOrder();

  // The first finding's card leads to its own page.
  const card = page.getByRole("list", { name: "Areas to improve" }).getByRole("link").first();
  const title = (await card.innerText()).trim();
  await tabTo(page, card, { most: 60 });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expectHeadingsInOrder();
  await expectAccessible(page);

  // The first chart's figures, behind their disclosure, open with Enter; the next with Space.
  const disclosures = page.locator("summary").filter({ hasText: /^Show the figures for / });
  await tabTo(page, disclosures.first(), { most: 200 });
  const first = (await disclosures.first().innerText()).replace("Show the figures for ", "").trim();
  const values = page.getByRole("table", { name: `Values for ${first}` }).first();
  await expect(values).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(values).toBeVisible();
  await expect(values.getByRole("columnheader")).toHaveText(["Period ending", "Value", "Status"]);
  await expect(values.getByRole("rowheader").first()).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  await expect(page.getByRole("table", { name: `Trajectory and benchmark for ${first}` }).first()).toBeVisible();
  await expectAccessible(page);

  await tabTo(page, disclosures.nth(1), { most: 200 });
  await page.keyboard.press("Space");
  await expect(disclosures.nth(1).locator("xpath=..")).toHaveAttribute("open", "");
  await expectAccessible(page);
});
