import { createHash, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test, type OwnDemo } from "./fixtures";
import pg from "pg";
import { appDatabaseUrl, expectAccessible, latestLinkTo, signInAs } from "./support";

/** The app's database (playwright.config.ts), for the one record no journey can make: a link that has already expired. */
function databaseUrl(): string {
  return appDatabaseUrl();
}

const SENCO = "senco@school.example";
const NARRATIVE = `Riverside's SENCO network trialled the shared QA audit in four schools (${Date.now()}).`;

/** Opens Northbridge's action 1.3 (the lead's own) from the actions list. */
async function openAction(page: Page, slug: string) {
  await page.goto(`/local-areas/${slug}/actions`);
  await page.getByRole("table", { name: "Actions" }).getByRole("row", { name: /^1\.3 / }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("1.3");
}

/** Puts an update request that expired yesterday on action 1.3, straight into the database; returns its token. */
async function expiredRequest(copy: OwnDemo): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ actionId: string; localAreaId: string }>(
      `SELECT a.id AS "actionId", a."localAreaId" FROM "Action" a JOIN "LocalArea" l ON l.id = a."localAreaId"
       JOIN "Finding" f ON f.id = a."findingId" JOIN "Plan" p ON p.id = f."planId"
       WHERE l.slug = $1 AND a.ref = '1.3' AND p.status <> 'CLOSED' LIMIT 1`,
      [copy.northbridge.slug],
    );
    const { actionId, localAreaId } = rows[0]!;
    await client.query(
      // Timestamps are stored as UTC without a zone, as Prisma writes them.
      `INSERT INTO "UpdateRequest" (id, "localAreaId", "actionId", email, message, "tokenHash", "sentById", "expiresAt", "createdAt")
       VALUES ($1, $2, $3, $4, '', $5, (SELECT id FROM "User" WHERE email = $6),
               (now() AT TIME ZONE 'UTC') - interval '1 day', (now() AT TIME ZONE 'UTC') - interval '15 days')`,
      [`e2eexpired${Date.now()}`, localAreaId, actionId, "late@school.example", createHash("sha256").update(token).digest("hex"), copy.people.lead],
    );
  } finally {
    await client.end();
  }
  return token;
}

test("a lead asks a SENCO for an update; the SENCO posts it through the link once; the lead acknowledges it", async ({ browser, demoCopy }) => {
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  await openAction(lead, demoCopy.northbridge.slug);
  const form = lead.getByRole("form", { name: "Ask someone for an update" });

  // Not an address first: the error summary says so.
  await form.getByLabel("Their email address").fill("senco at school");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.getByRole("alert").first()).toContainText("Enter an email address in the correct format");
  await expectAccessible(lead);

  await form.getByLabel("Their email address").fill(SENCO);
  await form.getByLabel("Message (optional)").fill("Please tell us how the QA audit pilot went in your schools.");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.getByRole("status")).toContainText(`Request sent to ${SENCO}. The link works once and expires on`);
  const requests = lead.getByRole("table", { name: "Update requests sent on this action" });
  await expect(requests.getByRole("row").filter({ hasText: SENCO }).first()).toContainText("Waiting for an update");
  await expectAccessible(lead);
  const actionUrl = lead.url();

  // The SENCO has no account: a fresh browser, the link from the email.
  const link = await latestLinkTo(SENCO, /Please send an update on action 1\.3/);
  const partner = await (await browser.newContext()).newPage();
  const opened = await partner.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(partner.getByRole("heading", { level: 1 })).toContainText("Update on action 1.3");
  await expect(partner.getByText("Please tell us how the QA audit pilot went in your schools.")).toBeVisible();
  await expect(partner.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
  await expectAccessible(partner);

  const update = partner.getByRole("form", { name: "Your update on action 1.3" });
  await update.getByLabel("Progress (%)").fill("140");
  await update.getByRole("button", { name: "Send update" }).click();
  await expect(update.getByRole("alert").first()).toContainText("Enter what has happened since the last update");
  await expect(update.getByRole("alert").first()).toContainText("Progress must be 100 or less");
  await expectAccessible(partner);

  await update.getByLabel("What has happened since the last update?").fill(NARRATIVE);
  await update.getByLabel("Progress (%)").fill("45");
  await update.getByLabel("Status").selectOption({ label: "In progress" });
  await update.getByRole("button", { name: "Send update" }).click();
  await expect(partner.getByRole("heading", { level: 1, name: "Update sent" })).toBeFocused();
  await expect(partner.getByText(`Thank you. Your update has been sent to ${demoCopy.northbridge.name} and will be checked by the plan lead.`)).toBeVisible();
  await expectAccessible(partner);

  // The link is spent: opening it again offers nothing to send.
  await partner.goto(link);
  await expect(partner.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
  await expect(partner.getByText("ask the person who sent it for a new link")).toBeVisible();
  await expect(partner.getByRole("form")).toHaveCount(0);
  await expectAccessible(partner);

  // The lead sees who it came from, and acknowledges it.
  await lead.goto(actionUrl);
  const ours = lead.getByRole("listitem").filter({ hasText: NARRATIVE });
  await expect(ours).toHaveCount(1);
  await expect(ours).toContainText(`from ${SENCO} via update request`);
  await expect(ours).toContainText("Not yet acknowledged by the plan lead");
  await expect(requests.getByRole("row").filter({ hasText: SENCO }).first()).toContainText("Update received");
  await expectAccessible(lead);
  await ours.getByRole("button", { name: new RegExp(`^Acknowledge the update of .* from ${SENCO} via update request$`) }).click();
  await expect(ours).toContainText("Acknowledged by Priya Shah");
  await expectAccessible(lead);
});

test("a tampered link and an expired link each show a clear page and change nothing", async ({ browser, demoCopy }) => {
  const lead = await (await browser.newContext()).newPage();
  await signInAs(lead, demoCopy.people.lead);
  await openAction(lead, demoCopy.northbridge.slug);
  const timeline = lead.getByRole("list", { name: /newest first/ });
  const updatesBefore = await timeline.getByRole("listitem").count();
  const actionUrl = lead.url();

  const visitor = await (await browser.newContext()).newPage();
  const token = randomBytes(32).toString("base64url");
  const tampered = await visitor.goto(`/update/${token}`);
  expect(tampered?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { level: 1, name: "This link is not valid" })).toBeVisible();
  await expect(visitor.getByText("ask the person who sent it for a new link")).toBeVisible();
  await expect(visitor.getByRole("form")).toHaveCount(0);
  await expectAccessible(visitor);

  // Cut short, or with characters no link has: the same page.
  expect((await visitor.goto(`/update/${token.slice(0, 10)}`))?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { level: 1, name: "This link is not valid" })).toBeVisible();

  const expired = await expiredRequest(demoCopy);
  await visitor.goto(`/update/${expired}`);
  await expect(visitor.getByRole("heading", { level: 1, name: "This link has expired" })).toBeVisible();
  await expect(visitor.getByText("Ask the person who sent it for a new link.")).toBeVisible();
  await expect(visitor.getByRole("form")).toHaveCount(0);
  await expectAccessible(visitor);

  await lead.goto(actionUrl);
  await expect(timeline.getByRole("listitem")).toHaveCount(updatesBefore);
  await expect(lead.getByRole("table", { name: "Update requests sent on this action" }).getByRole("row").filter({ hasText: "late@school.example" })).toContainText(
    "Expired without an update",
  );
});
