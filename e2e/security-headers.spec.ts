/**
 * The browser's security headers on every kind of response, and the page Content-Security-
 * Policy in force in a real browser: Next's own scripts carry the nonce, nothing the policy
 * blocks is left on any page, an injected script does not run, and the app still works.
 */
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { demo, signInAs } from "./support";

const EVERY_RESPONSE = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

function expectSecurityHeaders(res: APIResponse, what: string, overrides: Record<string, string> = {}) {
  const headers = res.headers();
  expect(headers, what).toMatchObject({ ...EVERY_RESPONSE, ...overrides });
  expect(headers["permissions-policy"], what).toContain("camera=()");
  // The test rig serves plain HTTP: no HSTS (browsers ignore it there, and the app sends it only
  // in production behind an https:// NEXTAUTH_URL).
  expect(headers["strict-transport-security"], what).toBeUndefined();
  expect(headers["x-powered-by"], what).toBeUndefined();
}

/** The page policy's directives, by name. */
function directives(csp: string | undefined): Map<string, string[]> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectPagePolicy(res: APIResponse, what: string): string {
  expectSecurityHeaders(res, what);
  const policy = directives(res.headers()["content-security-policy"]);
  const scripts = policy.get("script-src") ?? [];
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, `${what}: a nonce in script-src`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(scripts, what).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]); // no unsafe-inline, no unsafe-eval
  expect(policy.get("style-src"), what).toEqual(["'self'", `'nonce-${nonce}'`]);
  expect(Object.fromEntries([...policy].filter(([name]) => !["script-src", "style-src"].includes(name)))).toEqual({
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
  return nonce!;
}

test("every kind of response carries the security headers: pages, the public page, API routes, downloads", async ({ page, request }) => {
  // A page: its policy, with a fresh nonce per request, and Next's scripts carrying it.
  const first = await request.get("/signin");
  const nonce = expectPagePolicy(first, "/signin");
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, "every script on the page carries the nonce").toContain(`nonce="${nonce}"`);
  const second = expectPagePolicy(await request.get("/signin"), "/signin again");
  expect(second).not.toBe(nonce);

  expectPagePolicy(await request.get("/areas/northbridge"), "the public page");
  expectPagePolicy(await request.get("/no-such-page"), "a page that is not found");

  // API routes and downloads are never pages: a policy that allows nothing, and a sandbox.
  const nothing = { "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox" };
  expectSecurityHeaders(await request.get("/api/health"), "/api/health", nothing);
  expectSecurityHeaders(await request.get("/api/trpc/notification.unreadCount"), "a tRPC query", nothing);
  // next-auth's routes: the same, less the sandbox (its sign-out confirmation is a form).
  expectSecurityHeaders(await request.get("/api/auth/csrf"), "next-auth", {
    "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  });

  await signInAs(page, demo.lead);
  const download = await page.request.get("/api/local-areas/northbridge/plan-export?format=csv&sheet=Findings");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain("attachment");
  expectSecurityHeaders(download, "a plan download", nothing);

  // An update-request link's page has its token in the address: no Referer at all.
  const update = await request.get("/update/not-a-real-token-but-long-enough-to-look-like-one");
  expectSecurityHeaders(update, "an update-request page", { "referrer-policy": "no-referrer" });
});

/** Collects every Content-Security-Policy violation the browser reports, on any page. */
async function watchForViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`console on ${page.url()}: ${message.text()}`);
  });
  await page.exposeBinding("reportCspViolation", ({ frame }, text: string) => violations.push(`event on ${frame.url()}: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return violations;
}

test("a plan lead works through the app with nothing blocked by the policy, and the app responds", async ({ page }) => {
  const violations = await watchForViolations(page);

  // Hydrated: the form checks its fields in the browser before anything is sent.
  await page.goto("/signin");
  await page.getByRole("form", { name: "Sign in with a password" }).getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address").first()).toBeVisible();

  await signInAs(page, demo.lead);
  await expect(page.getByRole("heading", { name: "Your local areas" })).toBeVisible();

  // Client-side navigation: Next's router loads each page's scripts as it goes.
  await page.getByRole("link", { name: "Northbridge" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Northbridge" })).toBeVisible();
  await page.getByRole("link", { name: "All actions", exact: true }).click();
  await page.getByRole("link", { name: /Recruit and induct additional EHC coordinators/ }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /1\.1 Recruit and induct/ })).toBeVisible();
  await page.getByText("How this is worked out").click();
  await expect(page.getByText(/expected by today/)).toBeVisible();

  for (const path of [
    "/local-areas/northbridge/plan",
    "/local-areas/northbridge/measures",
    "/local-areas/northbridge/evidence",
    "/local-areas/northbridge/monitoring",
    "/local-areas/northbridge/snapshots",
    "/my-work",
    "/notifications",
    "/settings/notifications",
    "/areas/northbridge",
  ]) {
    expect((await page.goto(path))?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
  }

  // A mutation from the browser (tRPC by POST with JSON): saving notification settings.
  await page.goto("/settings/notifications");
  const save = page.waitForResponse((r) => r.url().includes("/api/trpc/") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Save settings" }).click();
  expect((await save).status()).toBe(200);

  expect(violations).toEqual([]);
});

test("script injected into a page's HTML does not run, and the page still works", async ({ page }) => {
  const violations = await watchForViolations(page);
  // What a stored cross-site scripting flaw would put in the server's HTML: an inline script, an
  // event handler, a script from elsewhere. The response keeps the app's own headers.
  await page.route("**/signin", async (route) => {
    const response = await route.fetch();
    const injected = [
      `<script>window.injected = "inline script"</script>`,
      `<img src="data:," alt="" onload="window.injected = 'event handler'">`,
      `<script src="https://attacker.example/steal.js"></script>`,
    ].join("");
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${injected}</body>`) });
  });
  await page.goto("/signin");
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(3);
  expect(await page.evaluate(() => (window as unknown as { injected?: string }).injected)).toBeUndefined();
  const report = violations.join("\n");
  expect(report).toContain("script-src-elem blocked inline");
  expect(report).toContain("script-src-attr blocked inline");
  expect(report).toContain("script-src-elem blocked https://attacker.example/steal.js");

  // Next's own scripts, carrying the nonce, still ran: the form checks its fields in the browser.
  await page.getByRole("form", { name: "Sign in with a password" }).getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address").first()).toBeVisible();
});
