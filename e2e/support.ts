/** What the browser journeys share: signing in as a demo account, the axe scan, the mailbox. */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { readMailbox } from "../scripts/smtp-catcher.mjs";
import { newSessionClaims } from "../server/auth/session-clock";
import { E2E_DB_DIR, E2E_SESSION_SECRET, MAIL_DIR } from "./paths";

export { EVIDENCE_DIR, MAIL_DIR } from "./paths";

export const DEMO_PASSWORD = "headway-demo";

/**
 * The application role's connection to the database of the app under test, for the few records
 * no journey can make. On the embedded database its password is generated when the web server
 * starts, so it is read from the server's credentials file then, not when the config loads.
 */
export function appDatabaseUrl(): string {
  if (process.env.E2E_APP_DATABASE_URL) return process.env.E2E_APP_DATABASE_URL;
  const { appPassword } = JSON.parse(readFileSync(`${E2E_DB_DIR}-credentials.json`, "utf8")) as { appPassword: string };
  return `postgresql://headway_app:${encodeURIComponent(appPassword)}@127.0.0.1:${process.env.E2E_DB_PORT}/headway`;
}

export const demo = {
  lead: "lead@northbridge.example",
  owner: "owner@northbridge.example",
  forum: "forum@northbridge.example",
  adviser: "adviser@headway.example",
  viewer: "viewer@northbridge.example",
  national: "national@headway.example",
  admin: "admin@headway.example",
  otherLead: "lead@eastmoor.example",
} as const;

/** Zero violations of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export async function expectAccessible(page: Page) {
  let problems: string[] = [];
  // Next streams a page's metadata: straight after a client-side navigation, or while a refresh
  // after a form posts replaces the page, the new <title> can still be on its way. Scan once it has
  // arrived; a scan that found only the title missing is run again, up to three times (a page
  // without one still fails, and so does any other violation, at once).
  for (let attempt = 1; attempt <= 3; attempt++) {
    await expect(page, `a title on ${page.url()}`).toHaveTitle(/\S/);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
      .analyze();
    problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    if (!(results.violations.length === 1 && results.violations[0]!.id === "document-title")) break;
  }
  expect(problems, `accessibility violations on ${page.url()}`).toEqual([]);
}

/**
 * Signs `email` in without the form: a session cookie made as next-auth makes it (with the
 * session's id and times, server/auth/session-clock.ts), for the specs
 * whose subject is not signing in (those use signInWithPassword). Opens the home page, as the
 * form does after signing in.
 */
export async function signInAs(page: Page, email: string) {
  const db = new pg.Client({ connectionString: appDatabaseUrl() });
  await db.connect();
  let id: string | undefined;
  try {
    id = (await db.query<{ id: string }>(`SELECT id FROM "User" WHERE lower(email) = lower($1)`, [email])).rows[0]?.id;
  } finally {
    await db.end();
  }
  expect(id, `a person with the email ${email}`).toBeTruthy();
  const token = await encode({ token: { sub: id, email, ...newSessionClaims(Date.now()) }, secret: E2E_SESSION_SECRET, maxAge: 60 * 60 });
  const baseURL = test.info().project.use.baseURL!;
  await page.context().addCookies([{ name: "next-auth.session-token", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  await page.goto("/");
}

export async function signInWithPassword(page: Page, email: string, password = DEMO_PASSWORD) {
  if (!page.url().includes("/signin")) await page.goto("/signin");
  const form = page.getByRole("form", { name: "Sign in with a password" });
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  // Done when the sign-in page has sent us on, or has shown why not.
  const quietly = (p: Promise<unknown>) => p.catch(() => undefined);
  await Promise.race([
    quietly(page.waitForURL((url) => !url.pathname.startsWith("/signin"))),
    quietly(page.getByRole("alert", { name: "There is a problem" }).waitFor()),
  ]);
}

/** Waits for a message to `to` whose subject matches, and returns its first link. */
export async function latestLinkTo(to: string, subject: RegExp): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(() => {
      const mail = readMailbox(MAIL_DIR, to).filter((m) => subject.test(m.subject));
      link = mail.at(-1)?.links[0];
      return link;
    }, { message: `an email to ${to} matching ${subject}`, timeout: 15_000 })
    .toBeTruthy();
  return link!;
}

/** An administrator finds a person by email on the administration page and opens their page (roles and personal data). */
export async function openPersonInAdmin(page: Page, email: string) {
  await page.goto("/admin");
  await page.getByLabel("Find a person by name or email").fill(email);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const people = page.getByRole("table", { name: "People with Headway accounts and their roles" });
  await expect(people.getByRole("row")).toHaveCount(2);
  await people.getByRole("link", { name: /^Roles and personal data/ }).click();
  await expect(page.getByRole("heading", { name: "Roles in local areas" })).toBeVisible();
}
