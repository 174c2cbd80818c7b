/**
 * The public pages for families, as an anonymous visitor sees them: the index, the signed-out home,
 * Northbridge's summary (published in the demo) with one card per finding, each finding's own page,
 * the footer (the council's contact, the accessibility statement, privacy, the service's status), a
 * real 404 for Eastmoor (not published) and for a finding that does not exist, "you said, we did"
 * shown once, and proof, against the app's own database, that nothing internal or personal is in
 * any of the pages' HTML.
 */
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import pg from "pg";
import { firstSentence } from "../lib/format/first-sentence";
import { appDatabaseUrl, expectAccessible, signInAs } from "./support";

/** The database the app under test uses (set in playwright.config.ts). */
async function withDatabase<T>(read: (db: pg.Client) => Promise<T>): Promise<T> {
  const connectionString = appDatabaseUrl();
  const db = new pg.Client({ connectionString });
  await db.connect();
  try {
    return await read(db);
  } finally {
    await db.end();
  }
}

const column = async (db: pg.Client, sql: string, params: unknown[]) =>
  (await db.query<{ value: string | null }>(sql, params)).rows.map((r) => r.value).filter((v): v is string => Boolean(v));

/** How React writes text into HTML, so an escaped name is still caught. */
const escaped = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");

/** Northbridge's current plan's findings, in the page's order: ref and the first sentence of the name families read. */
const northbridgeFindings = () =>
  withDatabase(async (db) =>
    (
      await db.query<{ ref: string; summary: string; wording: string }>(
        `select f.ref, f.summary, f."inspectorsWording" as wording from "Finding" f join "Plan" p on p.id = f."planId"
         join "LocalArea" a on a.id = f."localAreaId"
         where a.slug = 'northbridge' and p.status not in ('CLOSED', 'SUPERSEDED') order by f."sortOrder", f.ref`,
      )
    ).rows.map((f) => ({ ref: f.ref, title: firstSentence(f.summary.trim() || f.wording) })),
  );

/** The footer's links every page has, and that they lead where they say. */
async function expectFooterLinks(page: Page) {
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "Accessibility statement" })).toHaveAttribute("href", "/accessibility");
  await expect(footer.getByRole("link", { name: "Privacy" })).toHaveAttribute("href", "/privacy");
  await expect(footer.getByRole("link", { name: "Service status" })).toHaveAttribute("href", "/status");
}

test("an anonymous visitor finds Northbridge's progress from the home page and the index", async ({ page }) => {
  await page.goto("/");
  const families = page.getByRole("region", { name: "For families" });
  await expect(families.getByRole("link", { name: "Northbridge", exact: true })).toHaveAttribute("href", "/areas/northbridge");
  await expect(families.getByRole("link", { name: "All published areas" })).toHaveAttribute("href", "/areas");
  await expect(page.getByRole("link", { name: "Eastmoor", exact: true })).toHaveCount(0);
  await expectFooterLinks(page);
  await expectAccessible(page);

  await families.getByRole("link", { name: "All published areas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SEND improvement plans: progress for families" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Eastmoor", exact: true })).toHaveCount(0);
  await expectFooterLinks(page);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Northbridge", exact: true }).click();
  await expect(page).toHaveURL(/\/areas\/northbridge$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Northbridge/ })).toBeVisible();
});

test("Northbridge's summary leads with the plan at a glance and one card per finding, each leading to the finding's own page", async ({ page }) => {
  const findings = await northbridgeFindings();
  expect(findings.length, "the demo's Northbridge has findings").toBeGreaterThan(1);

  const response = await page.goto("/areas/northbridge");
  // Small enough for a phone on a slow connection: the detail is on each finding's page.
  expect((await response!.text()).length, "the summary's HTML").toBeLessThan(100_000);
  await expect(page.getByRole("heading", { level: 2, name: "At a glance" })).toBeVisible();
  await expect(page.getByText(/^\d+ of \d+ actions complete/)).toBeVisible();
  await expect(page.getByText(/^\d+ days?$|^Today$|inspectors came back/).first()).toBeVisible();
  await expect(page.getByText(/^The parent carer forum/)).toBeVisible();
  // No charts here: they are on the findings' pages.
  await expect(page.locator("figure.measure-chart")).toHaveCount(0);

  const cards = page.getByRole("list", { name: "Areas to improve" }).getByRole("listitem");
  await expect(cards).toHaveCount(findings.length);
  for (const [i, f] of findings.entries()) {
    const card = cards.nth(i);
    await expect(card.getByRole("heading", { level: 3, name: f.title })).toBeVisible();
    await expect(card.getByRole("link", { name: f.title })).toHaveAttribute("href", `/areas/northbridge/findings/${f.ref}`);
    // The work and whether it is working, each in words beside its colour, and when last updated.
    await expect(card.getByText("The work:")).toBeVisible();
    await expect(card.getByText("Is it working?")).toBeVisible();
    await expect(card.locator(".tag").first()).toHaveText(/^(All done|On track|Some delays|Behind|No work under way)$/);
    await expect(card.getByText(/measures? on track|No measures have been set/)).toBeVisible();
    await expect(card.getByText(/^Last updated \d{1,2} [A-Z][a-z]+ \d{4}$/)).toBeVisible();
  }
  await expectFooterLinks(page);
  await expectAccessible(page);

  await cards.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/areas/northbridge/findings/${findings[0]!.ref}$`));
  await expect(page.getByRole("heading", { level: 1, name: findings[0]!.title })).toBeVisible();
  for (const name of ["What the inspectors said", "What is being done", "Is it working?", "What parents say", "You said, we did"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  // The actions as cards: each names its organisation, progress, due date and when it was last updated.
  const actions = page.getByRole("list", { name: `Actions for area ${findings[0]!.ref}` }).getByRole("listitem");
  expect(await actions.count()).toBeGreaterThan(0);
  for (const term of ["Led by", "Progress", "Due by", "Updated"]) await expect(actions.first().getByText(term, { exact: true })).toBeVisible();
  // Each chart's figures are one keyboard step away, behind "Show the figures".
  await expect(page.getByRole("img").first()).toBeVisible();
  const figures = page.locator("summary").filter({ hasText: /^Show the figures for / }).first();
  await figures.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("table", { name: /^Values for / }).first()).toBeVisible();
  await expect(page.getByText(/^Last updated \d{1,2} [A-Z][a-z]+ \d{4}$/).first()).toBeVisible();
  await expectFooterLinks(page);
  await expectAccessible(page);

  // From one finding to the next, and back to the summary.
  await page.getByRole("navigation", { name: "Other areas of the plan" }).getByRole("link", { name: new RegExp(`^${findings[1]!.ref}\\. `) }).click();
  await expect(page.getByRole("heading", { level: 1, name: findings[1]!.title })).toBeVisible();
  await page.getByRole("link", { name: "Northbridge: every area of the plan" }).click();
  await expect(page).toHaveURL(/\/areas\/northbridge$/);
});

test("each published 'you said, we did' is shown once, and 'nothing published' only when nothing is", async ({ page }) => {
  const entries = await withDatabase(async (db) =>
    (
      await db.query<{ youSaid: string; ref: string | null }>(
        `select y."youSaid", f.ref from "YouSaidWeDid" y join "LocalArea" a on a.id = y."localAreaId"
         left join "Finding" f on f.id = y."findingId" left join "Plan" p on p.id = f."planId"
         where a.slug = 'northbridge' and y.published and (f.id is null or p.status not in ('CLOSED', 'SUPERSEDED'))`,
      )
    ).rows,
  );
  expect(entries.length, "the demo's Northbridge has published 'you said, we did'").toBeGreaterThan(0);
  expect(entries.some((e) => e.ref), "one of them is about a finding").toBe(true);

  await page.goto("/areas/northbridge");
  const section = page.getByRole("region", { name: "You said, we did" });
  await expect(section.getByText("Nothing has been published here yet.")).toHaveCount(0);
  const pages: Record<string, string> = { "": await page.locator("main").innerText() };
  for (const ref of new Set(entries.flatMap((e) => (e.ref ? [e.ref] : [])))) {
    // The summary points to the finding's page rather than repeating the entry.
    await expect(section.locator(`a[href="/areas/northbridge/findings/${ref}#you-said-we-did"]`)).toHaveCount(1);
    await page.goto(`/areas/northbridge/findings/${ref}`);
    await expect(page.getByRole("region", { name: "You said, we did" }).getByText("Nothing has been published")).toHaveCount(0);
    pages[ref] = await page.locator("main").innerText();
    await page.goto("/areas/northbridge");
  }
  for (const entry of entries) {
    const shownOn = Object.entries(pages).filter(([, text]) => text.includes(entry.youSaid)).map(([where]) => where);
    expect(shownOn, `"${entry.youSaid}" is shown once, on ${entry.ref ? `finding ${entry.ref}'s page` : "the summary"}`).toEqual([entry.ref ?? ""]);
  }
});

test("the footer names Northbridge's council, and links to the accessibility statement and a readable status page", async ({ page }) => {
  const contact = await withDatabase(async (db) =>
    (
      await db.query<{ email: string | null; url: string | null; council: string }>(
        `select a."publicContactEmail" as email, a."publicContactUrl" as url, o.name as council from "LocalArea" a
         join "Organisation" o on o."localAreaId" = a.id and o.kind = 'COUNCIL' where a.slug = 'northbridge' order by o."createdAt" limit 1`,
      )
    ).rows[0]!,
  );
  expect(contact.url, "the demo sets Northbridge's contact page").toBeTruthy();
  for (const path of ["/areas/northbridge", "/areas/northbridge/findings/1"]) {
    await page.goto(path);
    const footer = page.getByRole("contentinfo");
    await expect(footer.getByRole("link", { name: `Contact ${contact.council}` })).toHaveAttribute("href", contact.url!);
    if (contact.email) await expect(footer.getByRole("link", { name: contact.email })).toHaveAttribute("href", `mailto:${contact.email}`);
  }
  // Not on pages that are not the area's, however the visitor gets there.
  await page.getByRole("link", { name: "Northbridge: every area of the plan" }).click();
  await page.getByRole("link", { name: "All published areas" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "SEND improvement plans: progress for families" })).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: /^Contact / })).toHaveCount(0);

  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accessibility statement" })).toBeVisible();
  for (const name of ["What you should be able to do", "How well Headway meets the standard", "Report a problem or ask for another format"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  await expect(page.getByText(/WCAG\) version 2\.2, level AA/)).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("contentinfo").getByRole("link", { name: "Service status" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Service status" })).toBeVisible();
  await expect(page.getByText("Headway is working normally.")).toBeVisible();
  await expect(page.getByText(/^Reachable: it answered in \d+ ms\.$/)).toBeVisible();
  await expect(page.getByText(/\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}(am|pm)/)).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/health" })).toHaveAttribute("href", "/api/health");
  await expectAccessible(page);

  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
});

test("an unpublished or unknown area, or a finding that does not exist, is not found", async ({ page }) => {
  for (const path of ["/areas/eastmoor", "/areas/no-such-area", "/areas/eastmoor/findings/1", "/areas/northbridge/findings/99", "/areas/northbridge/findings/1.1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Eastmoor")).toHaveCount(0);
    await expect(page.getByRole("contentinfo").getByRole("link", { name: /^Contact / })).toHaveCount(0);
  }
});

test("no INTERNAL or PARTNERS evidence title, comment or person's name is in any public page's HTML", async ({ page, request }) => {
  const secrets = await withDatabase(async (db) => {
    const [area] = await column(db, `select id as value from "LocalArea" where slug = 'northbridge'`, []);
    expect(area, "the demo's Northbridge").toBeTruthy();
    const params = [area];
    return {
      evidence: await column(
        db,
        `select title as value from "Evidence" where "localAreaId" = $1 and visibility in ('INTERNAL', 'PARTNERS')`,
        params,
      ),
      comments: await column(db, `select body as value from "Comment" where "localAreaId" = $1`, params),
      people: await column(
        db,
        // Everyone in the area, and anyone whose name hangs on one of its records.
        `select u.name as value from "User" u where u.id in (
           select "userId" from "Membership" where "localAreaId" = $1
           union select "ownerId" from "Action" where "localAreaId" = $1
           union select "ownerId" from "Measure" where "localAreaId" = $1
           union select "authorId" from "ForumVerdict" where "localAreaId" = $1
           union select "authorId" from "Comment" where "localAreaId" = $1
           union select "uploadedById" from "Evidence" where "localAreaId" = $1
           union select "draftedById" from "YouSaidWeDid" where "localAreaId" = $1)
         union select u.email from "User" u join "Membership" m on m."userId" = u.id where m."localAreaId" = $1`,
        params,
      ),
    };
  });
  // A leak test over empty lists would pass whatever the page showed.
  expect(secrets.evidence.length, "the demo has INTERNAL or PARTNERS evidence in Northbridge").toBeGreaterThan(0);
  expect(secrets.comments.length, "the demo has comments in Northbridge").toBeGreaterThan(0);
  expect(secrets.people.length, "the demo has people in Northbridge").toBeGreaterThan(0);

  const paths = ["/areas/northbridge", ...(await northbridgeFindings()).map((f) => `/areas/northbridge/findings/${f.ref}`)];
  for (const path of paths) {
    // What the server sends (including the React payload) and what the browser ends up showing.
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    await page.goto(path);
    const rendered = await page.content();
    const text = await page.locator("body").innerText();
    expect(text).toContain(path === "/areas/northbridge" ? "At a glance" : "What is being done");

    for (const secret of [...secrets.evidence, ...secrets.comments, ...secrets.people]) {
      for (const [where, body] of [["server HTML", html], ["page", rendered], ["text", text]] as const) {
        expect(body.includes(secret) || body.includes(escaped(secret)), `"${secret}" appears in the ${where} of ${path}`).toBe(false);
      }
    }
  }
});

test("Eastmoor's lead publishes its public page with the council's contact, a visitor reads it, and the lead takes it down again", async ({ browser, demoCopy }) => {
  const { slug } = demoCopy.eastmoor;
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.otherLead);
  await lead.goto(`/local-areas/${slug}`);
  const control = lead.getByRole("region", { name: "Public page for families" });
  await expect(control).toContainText("Not published.");
  await control.getByRole("button", { name: "Publish the public page" }).click();
  await control.getByRole("button", { name: "Yes, publish the page" }).click();
  await expect(control.getByRole("status").first()).toContainText("The public page is published.");
  await expect(control.getByRole("link", { name: `/areas/${slug}` })).toBeVisible();
  await expectAccessible(lead);

  // Published without a contact: the footer names none.
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(`/areas/${slug}`))?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText("Eastmoor");
  await expect(visitor.getByRole("contentinfo").getByRole("link", { name: /^Contact / })).toHaveCount(0);
  await expectAccessible(visitor);

  // The lead's contact form refuses what is not an email address or an https page, then saves.
  const contact = lead.getByRole("form", { name: "How families contact the council" });
  await contact.getByLabel("Email address (optional)").fill("not an email");
  await contact.getByLabel("Web page (optional)").fill("http://eastmoor.example/send");
  await contact.getByRole("button", { name: "Save the contact" }).click();
  const summary = contact.getByRole("alert", { name: "There is a problem" });
  await expect(summary.getByRole("link", { name: /^Enter an email address in the correct format/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Enter a web address starting with https:\/\// })).toBeVisible();
  await expectAccessible(lead);
  await contact.getByLabel("Email address (optional)").fill("send@eastmoor.example");
  await contact.getByLabel("Web page (optional)").fill("");
  await contact.getByRole("button", { name: "Save the contact" }).click();
  await expect(contact.getByRole("status")).toContainText("The contact for families has been saved.");

  await visitor.reload();
  const council = visitor.getByRole("contentinfo").getByRole("link", { name: /^Contact Eastmoor/ });
  await expect(council).toHaveAttribute("href", "mailto:send@eastmoor.example");
  await expectAccessible(visitor);

  await contact.getByLabel("Email address (optional)").fill("");
  await contact.getByRole("button", { name: "Save the contact" }).click();
  await expect(contact.getByRole("status")).toContainText("The contact for families has been removed.");
  await visitor.reload();
  await expect(visitor.getByRole("contentinfo").getByRole("link", { name: /^Contact / })).toHaveCount(0);

  await control.getByRole("button", { name: "Take the public page down" }).click();
  await control.getByRole("button", { name: "Yes, take the page down" }).click();
  await expect(control.getByRole("status").first()).toContainText("The public page has been taken down.");
  expect((await visitor.goto(`/areas/${slug}`))?.status()).toBe(404);
});
