/**
 * The sign-in rate limits as a person meets them: wrong passwords slow the next try rather than
 * lock it out; after too many sign-in links the form says how long to wait, in an announced error
 * summary, and says the same whether or not the address has an account. (Every case of the
 * limits is in server/auth/sign-in-limits.test.ts.)
 */
import { expect, test } from "@playwright/test";
import pg from "pg";
import { appDatabaseUrl, expectAccessible } from "./support";

/**
 * This browser's address's buckets. Failed sign-ins and link requests from 127.0.0.1 count for
 * the whole suite; a run on a kept database (E2E_DATABASE_URL) would otherwise inherit the
 * last run's counts. So the spec starts and ends with none.
 */
async function clearLoopbackBuckets() {
  const db = new pg.Client({ connectionString: appDatabaseUrl() });
  await db.connect();
  try {
    await db.query(`DELETE FROM "RateLimitBucket" WHERE "key" LIKE '%:ip:127.0.0.1' OR "key" LIKE '%:ip:0:0:0:0::/64'`);
  } finally {
    await db.end();
  }
}

async function loopbackHits(key: string): Promise<number> {
  const db = new pg.Client({ connectionString: appDatabaseUrl() });
  await db.connect();
  try {
    const { rows } = await db.query<{ hits: number }>(`SELECT "hits" FROM "RateLimitBucket" WHERE "key" = $1`, [key]);
    return rows[0]?.hits ?? 0;
  } finally {
    await db.end();
  }
}

test.beforeAll(clearLoopbackBuckets);
test.afterAll(clearLoopbackBuckets);

test("after five wrong passwords for one address, the next try is slowed, not refused", async ({ page }) => {
  const email = `no-account-${Date.now()}@nowhere.example`;
  await page.goto("/signin");
  const form = page.getByRole("form", { name: "Sign in with a password" });
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  const took: number[] = [];
  for (let attempt = 1; attempt <= 6; attempt++) {
    await form.getByLabel("Email address").fill(email);
    await form.getByLabel("Password").fill(`guess-${attempt}`);
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/password"));
    const started = Date.now();
    await form.getByRole("button", { name: "Sign in" }).click();
    await answered;
    took.push(Date.now() - started);
    await expect(summary).toContainText("The email address or password is not right");
  }
  // The sixth waited its turn (2 seconds after the fifth failure) on the server; the right
  // password would have been accepted after the same wait (server/auth/sign-in-limits.test.ts).
  expect(took[5]).toBeGreaterThanOrEqual(1_900);
  await expect(summary).not.toContainText("Too many attempts");
  await expect(summary).toBeFocused();
  await expectAccessible(page);
  // Without TRUST_PROXY the server does not believe X-Forwarded-For, so it counts no address.
  expect(await loopbackHits("signin:ip:127.0.0.1")).toBe(0);
  expect(await loopbackHits("signin:ip:unknown")).toBe(0);
});

test("a fourth sign-in link for one address within 15 minutes is refused with the wait", async ({ page }) => {
  const email = `link-${Date.now()}@nowhere.example`;
  for (let request = 1; request <= 4; request++) {
    await page.goto("/signin");
    const form = page.getByRole("form", { name: "Sign in with a link by email" });
    await form.getByLabel("Email address").fill(email);
    const answered = page.waitForResponse((r) => r.url().includes("/api/auth/signin/email"));
    await form.getByRole("button", { name: "Email me a sign-in link" }).click();
    await answered;
    if (request <= 3) await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Too many attempts. Try again in 15 minutes.");
  await expect(summary).toBeFocused();
  await expectAccessible(page);
  // Counted against the email only: without TRUST_PROXY the browser's address is not known.
  expect(await loopbackHits("link:ip:127.0.0.1")).toBe(0);
  expect(await loopbackHits("link:ip:unknown")).toBe(0);
});
