/**
 * The public page for families, as an anonymous visitor sees it: the index, Northbridge's page
 * (published in the demo), a real 404 for Eastmoor (not published), and proof, against the app's
 * own database, that nothing internal or personal is in the page's HTML.
 */
import { expect, test } from "./fixtures";
import pg from "pg";
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

test("an anonymous visitor finds Northbridge's progress from the index", async ({ page }) => {
  await page.goto("/areas");
  await expect(page.getByRole("heading", { level: 1, name: "SEND improvement plans: progress for families" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Eastmoor", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Northbridge", exact: true }).click();
  await expect(page).toHaveURL(/\/areas\/northbridge$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Northbridge/ })).toBeVisible();

  const summaries = await withDatabase((db) =>
    column(
      db,
      `select f.summary as value from "Finding" f join "Plan" p on p.id = f."planId" join "LocalArea" a on a.id = f."localAreaId"
       where a.slug = 'northbridge' and p.status <> 'CLOSED' order by f."sortOrder"`,
      [],
    ),
  );
  expect(summaries.length).toBeGreaterThan(0);
  await expect(page.getByRole("heading", { level: 2, name: summaries[0]! })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "What is being done" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Is it working?" }).first()).toBeVisible();
  // Each chart's figures are one keyboard step away, behind "Show the figures".
  await expect(page.getByRole("img").first()).toBeVisible();
  const figures = page.locator("summary").filter({ hasText: /^Show the figures for / }).first();
  await figures.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("table", { name: /^Values for / }).first()).toBeVisible();
  await expect(page.getByText(/^Last updated \d{1,2} [A-Z][a-z]+ \d{4}$/).first()).toBeVisible();
  await expectAccessible(page);
});

test("an unpublished or unknown area is not found", async ({ page }) => {
  for (const path of ["/areas/eastmoor", "/areas/no-such-area"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Eastmoor")).toHaveCount(0);
  }
});

test("no INTERNAL or PARTNERS evidence title, comment or person's name is in the page's HTML", async ({ page, request }) => {
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

  // What the server sends (including the React payload) and what the browser ends up showing.
  const response = await request.get("/areas/northbridge");
  expect(response.status()).toBe(200);
  const html = await response.text();
  await page.goto("/areas/northbridge");
  const rendered = await page.content();
  const text = await page.locator("body").innerText();
  expect(text).toContain("What is being done");

  for (const secret of [...secrets.evidence, ...secrets.comments, ...secrets.people]) {
    for (const [where, body] of [["server HTML", html], ["page", rendered], ["text", text]] as const) {
      expect(body.includes(secret) || body.includes(escaped(secret)), `"${secret}" appears in the ${where}`).toBe(false);
    }
  }
});

test("Eastmoor's lead publishes its public page, a visitor reads it, and the lead takes it down again", async ({ browser, demoCopy }) => {
  const { slug } = demoCopy.eastmoor;
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.otherLead);
  await lead.goto(`/local-areas/${slug}`);
  const control = lead.getByRole("region", { name: "Public page for families" });
  await expect(control).toContainText("Not published.");
  await control.getByRole("button", { name: "Publish the public page" }).click();
  await control.getByRole("button", { name: "Yes, publish the page" }).click();
  await expect(control.getByRole("status")).toContainText("The public page is published.");
  await expect(control.getByRole("link", { name: `/areas/${slug}` })).toBeVisible();
  await expectAccessible(lead);

  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(`/areas/${slug}`))?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText("Eastmoor");
  await expectAccessible(visitor);

  await control.getByRole("button", { name: "Take the public page down" }).click();
  await control.getByRole("button", { name: "Yes, take the page down" }).click();
  await expect(control.getByRole("status")).toContainText("The public page has been taken down.");
  expect((await visitor.goto(`/areas/${slug}`))?.status()).toBe(404);
});
