/**
 * Every form that can fail, sent empty or invalid: its error summary takes focus, each of its links
 * names a field that exists, is marked invalid (or, for radios and checkboxes, whose group is) and
 * is described by the same message, and following a link puts focus on the field. A second try
 * that fails the same way puts focus on the summary again. Nothing is saved: each form is refused.
 *
 * The keyboard journeys (keyboard.spec.ts) cover the same for the check-in, the forum's verdict and
 * the adviser's note by keyboard alone; the adviser's decision on a change request is below.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, test, type OwnDemo } from "./fixtures";
import pg from "pg";
import { appDatabaseUrl, demo, expectAccessible, openPersonInAdmin, signInAs } from "./support";

/** This test's own copy of the demo: every form here is tried on it. */
let copy: OwnDemo;
test.beforeEach(({ demoCopy }) => {
  copy = demoCopy;
});
const area = () => `/local-areas/${copy.northbridge.slug}`;

type Who = keyof typeof demo | "anonymous";
type Case = {
  who: Who;
  /** The page, or how to find it from the page before. */
  path: string | ((page: Page) => Promise<string>);
  form: string | RegExp;
  button: string | RegExp;
  /** Makes a form that starts valid invalid (a required field emptied). */
  prepare?: (form: Locator) => Promise<void>;
};

/** The address of Northbridge's action `ref`, from the actions list. */
const action = (ref: string) => async (page: Page) => {
  await page.goto(`${area()}/actions`);
  const href = await page.getByRole("table", { name: "Actions" }).getByRole("row", { name: new RegExp(`^${ref.replace(".", "\\.")} `) }).getByRole("link").getAttribute("href");
  return href!;
};
const linkOn = (from: string, name: RegExp) => async (page: Page) => {
  await page.goto(from);
  return (await page.getByRole("link", { name }).first().getAttribute("href"))!;
};
/** The address of Northbridge's measure `ref`, from the page of a finding it evidences (the area home lists findings only). */
const measureOf = (finding: RegExp, ref: string) => async (page: Page) => {
  const findingPage = await linkOn(area(), finding)(page);
  return linkOn(findingPage, new RegExp(`^${ref} `))(page);
};
const empty = (label: string) => (form: Locator) => form.getByLabel(label, { exact: true }).fill("");

/** An update request for action 4.3 that has not been used, straight into the database: its token. */
async function unusedUpdateRequest(): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const client = new pg.Client({ connectionString: appDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ actionId: string; localAreaId: string }>(
      `SELECT a.id AS "actionId", a."localAreaId" FROM "Action" a JOIN "LocalArea" l ON l.id = a."localAreaId"
       JOIN "Finding" f ON f.id = a."findingId" JOIN "Plan" p ON p.id = f."planId"
       WHERE l.slug = $1 AND a.ref = '4.3' AND p.status <> 'CLOSED' LIMIT 1`,
      [copy.northbridge.slug],
    );
    const { actionId, localAreaId } = rows[0]!;
    await client.query(
      `INSERT INTO "UpdateRequest" (id, "localAreaId", "actionId", email, message, "tokenHash", "sentById", "expiresAt", "createdAt")
       VALUES ($1, $2, $3, $4, '', $5, (SELECT id FROM "User" WHERE email = $6),
               (now() AT TIME ZONE 'UTC') + interval '7 days', now() AT TIME ZONE 'UTC')`,
      [`e2eformerrors${Date.now()}`, localAreaId, actionId, "head@school.example", createHash("sha256").update(token).digest("hex"), copy.people.lead],
    );
  } finally {
    await client.end();
  }
  return token;
}

/** What the page says about the field an error summary link points to. */
async function fieldOf(page: Page, id: string) {
  return page.evaluate((id) => {
    const describedBy = (el: Element | null | undefined) =>
      (el?.getAttribute("aria-describedby") ?? "")
        .split(/\s+/)
        .filter(Boolean)
        .map((ref) => document.getElementById(ref)?.textContent ?? "")
        .join(" ");
    const matches = document.querySelectorAll(`[id="${CSS.escape(id)}"]`).length;
    const target = document.getElementById(id);
    const control = target instanceof HTMLFieldSetElement ? target.querySelector("input, select, textarea") : target;
    if (!control) return { matches, tag: null, id: null, invalid: false, description: "" };
    const choice = control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox");
    const group = control.closest("fieldset");
    return {
      matches,
      tag: control.tagName.toLowerCase(),
      id: control.id,
      // Radios and checkboxes are described through their group's legend and error (GOV.UK).
      invalid: choice || target !== control ? Boolean(group && describedBy(group)) : control.getAttribute("aria-invalid") === "true",
      description: choice || target !== control ? describedBy(group) : describedBy(control),
    };
  }, id);
}

/** Sends a form with `button`, then checks its summary, its links and their fields, and that a second try focuses it again. */
async function expectRefusedWithSummary(page: Page, button: Locator) {
  await button.click();
  // Within the form, or above it for the plan import, whose summary also reports applying the file.
  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  const links = summary.getByRole("link");
  expect(await links.count(), "the summary links to at least one field").toBeGreaterThan(0);
  for (const link of await links.all()) {
    const message = (await link.innerText()).trim();
    const id = (await link.getAttribute("href"))!.replace(/^#/, "");
    const field = await fieldOf(page, id);
    expect(field.matches, `one element has the id ${id} (${message})`).toBe(1);
    expect(["input", "select", "textarea"], `${id} is a form control (${message})`).toContain(field.tag);
    expect(field.invalid, `${id} is marked invalid (${message})`).toBe(true);
    expect(field.description, `${id} is described by its error`).toContain(message);
  }
  await expectAccessible(page);

  // The first link puts focus on its field.
  await summary.focus();
  await page.keyboard.press("Tab");
  await expect(links.first()).toBeFocused();
  await page.keyboard.press("Enter");
  const first = await fieldOf(page, (await links.first().getAttribute("href"))!.replace(/^#/, ""));
  await expect(page.locator(`[id="${first.id}"]`)).toBeFocused();

  // The same failure again: the summary is announced again.
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(summary).toBeFocused();
}

async function pageFor(browser: Browser, who: Who) {
  const page = await (await browser.newContext()).newPage();
  if (who !== "anonymous") await signInAs(page, copy.people[who]);
  return page;
}

test("every form that is refused focuses its error summary, which links to each field in error", async ({ browser }) => {
  // Thirty-odd forms, each refused and scanned: minutes on a busy two-core machine.
  test.setTimeout(480_000);
  const token = await unusedUpdateRequest();
  const cases: Case[] = [
    { who: "anonymous", path: "/signin", form: "Sign in with a password", button: "Sign in" },
    { who: "anonymous", path: "/signin", form: "Sign in with a link by email", button: "Email me a sign-in link" },
    { who: "anonymous", path: `/update/${token}`, form: "Your update on action 4.3", button: "Send update" },
    { who: "admin", path: "/admin", form: "Add a person", button: "Add person" },
    { who: "admin", path: async (page) => (await openPersonInAdmin(page, copy.people.lead), page.url()), form: "Give a role in a local area", button: "Give role" },
    { who: "admin", path: "/admin", form: "Add a local area", button: "Add local area" },
    { who: "lead", path: `${area()}/plan`, form: "Plan details", button: "Save plan details", prepare: empty("Title") },
    { who: "lead", path: `${area()}/plan`, form: "Add an organisation", button: "Add organisation" },
    { who: "lead", path: `${area()}/plan`, form: "Record an inspection", button: "Record inspection" },
    { who: "lead", path: `${area()}/plan/import`, form: "Import", button: "Check the file" },
    { who: "lead", path: `${area()}/findings/new`, form: "Add a finding", button: "Add finding" },
    { who: "lead", path: `${area()}/actions/new`, form: "Add an action", button: "Add action" },
    { who: "lead", path: `${area()}/measures/new`, form: "Add a measure", button: "Add measure" },
    { who: "lead", path: action("4.3"), form: "Post an update on 4.3", button: "Post update" },
    { who: "lead", path: action("4.3"), form: "Comment on this action", button: "Add comment" },
    { who: "lead", path: action("4.3"), form: "Ask someone for an update", button: "Send request" },
    { who: "lead", path: action("4.3"), form: "Record co-production", button: "Record co-production" },
    { who: "lead", path: action("4.3"), form: "Add evidence", button: "Add evidence" },
    { who: "lead", path: async (page) => `${await action("4.3")(page)}/edit`, form: "Edit action 4.3", button: "Save action", prepare: empty("Title") },
    { who: "lead", path: async (page) => `${await action("4.3")(page)}/edit`, form: "Request a change", button: "Send the request" },
    { who: "lead", path: measureOf(/^4\. Children with SEND/, "M4"), form: "Enter a value", button: "Save value" },
    { who: "lead", path: measureOf(/^4\. Children with SEND/, "M4"), form: "Paste values", button: "Save pasted values" },
    { who: "lead", path: `${area()}/evidence`, form: /^Review /, button: /^Save review/ },
    { who: "lead", path: `${area()}/snapshots`, form: "Take a snapshot", button: "Take snapshot" },
    { who: "lead", path: `${area()}/you-said-we-did`, form: "Draft a “you said, we did”", button: "Save draft" },
    { who: "lead", path: "/settings/notifications", form: "Notification settings", button: "Save settings", prepare: (form) => form.getByLabel("Which day should your weekly digest arrive?").selectOption("").then(() => undefined) },
    { who: "forum", path: `${area()}/forum`, form: "Add the forum's evidence", button: "Add evidence" },
    { who: "forum", path: `${area()}/you-said-we-did`, form: "Propose a “you said, we did”", button: "Send to the plan lead" },
    { who: "forum", path: `${area()}/you-said-we-did`, form: "Change this draft", button: "Save draft", prepare: empty("You said") },
    { who: "forum", path: `${area()}/you-said-we-did`, form: "The forum's comment", button: "Save comment", prepare: (form) => form.getByRole("textbox").fill("") },
    { who: "adviser", path: `${area()}/judgements`, form: "Judgement on finding 4", button: /^Save judgement/, prepare: empty("Link to the published letter") },
    { who: "adviser", path: linkOn(area(), /^4\. Children with SEND/), form: "Record a monitoring note on finding 4", button: "Record note" },
    { who: "adviser", path: linkOn(area(), /^4\. Children with SEND/), form: "Comment on this finding", button: "Add comment" },
  ];

  const pages = new Map<Who, Page>();
  for (const c of cases) {
    if (!pages.has(c.who)) pages.set(c.who, await pageFor(browser, c.who));
    const page = pages.get(c.who)!;
    const path = typeof c.path === "string" ? c.path : await c.path(page);
    await test.step(`${c.who}: ${c.form} on ${path}`, async () => {
      await page.goto(path);
      const form = page.getByRole("form", { name: c.form, exact: typeof c.form === "string", includeHidden: true }).first();
      // A form folded away in a disclosure is opened first.
      if (!(await form.isVisible())) await form.locator("xpath=ancestor::details[1]/summary").click();
      await c.prepare?.(form);
      await expectRefusedWithSummary(page, form.getByRole("button", { name: c.button }));
    });
  }
});

test("an adviser rejecting a change without saying why is taken to the note, then rejects it", async ({ browser }) => {
  // The lead asks to change action 4.3's description.
  const lead = await pageFor(browser, "lead");
  await lead.goto(`${await action("4.3")(lead)}/edit`);
  const request = lead.getByRole("form", { name: "Request a change" });
  await request.getByRole("radio", { name: /^Description/ }).check();
  const description = `Agree the protocol with every secondary school, and review it each term (${Date.now()}).`;
  await request.getByLabel("New description", { exact: true }).fill(description);
  await request.getByLabel("Reason for the change", { exact: true }).fill("Schools asked for a termly review.");
  await request.getByRole("button", { name: "Send the request" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "has been sent to the adviser" })).toBeVisible();

  const adviser = await pageFor(browser, "adviser");
  await adviser.goto(`${area()}/change-requests`);
  const pending = adviser.getByRole("listitem").filter({ hasText: description });
  const decide = pending.getByRole("form", { name: /^Decide: / });
  await expectRefusedWithSummary(adviser, decide.getByRole("button", { name: /^Reject/ }));
  await adviser.keyboard.press("Tab");
  await adviser.keyboard.press("Enter");
  await expect(decide.getByLabel("Note on your decision (needed to reject)")).toBeFocused();
  await adviser.keyboard.type("Keep the annual review: termly is more than the schools' capacity.");
  await decide.getByRole("button", { name: /^Reject/ }).click();
  await expect(adviser.getByRole("status").filter({ hasText: "The change has been rejected." })).toBeVisible();
  await expectAccessible(adviser);
});
