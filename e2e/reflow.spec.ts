/**
 * Reflow (WCAG 2.2, 1.4.10): at 320 CSS pixels wide, what a 1280-pixel screen shows at 400% zoom,
 * no page scrolls sideways. Wide tables scroll within their own box, which the criterion allows.
 *
 * Every page, not a hand-picked few: the first test lists the pages on disk (app/**\/page.tsx) and
 * fails when one has no address in WALK below, or WALK names a page that is not there, as
 * server/api/route-walk.test.ts does for the API's routes. A new page fails it until it is added.
 * The walk itself runs on this test's own copy of the demo (e2e/fixtures.ts), where it takes a
 * snapshot and asks a partner for an update by email first, so the snapshot's page and the
 * update-request link's page have something real to show.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "@playwright/test";
import { e2eDb, expect, test, type OwnDemo } from "./fixtures";
import { latestLinkTo, signInAs } from "./support";

const APP = fileURLToPath(new URL("../app/", import.meta.url));

/**
 * "(app)/local-areas/[slug]/page.tsx" → "/local-areas/[slug]": the address pattern Next serves a page
 * file at. Route groups, "(app)", and parallel-route slots, "@footer", name no part of the address: a
 * slot's page renders beside the page at the same address.
 */
function routeOf(file: string): string {
  const segments = file.split("/").slice(0, -1);
  return `/${segments.filter((s) => !/^\(.+\)$/.test(s) && !s.startsWith("@")).join("/")}`;
}

/** Every page on disk, as its address pattern; a slot's catch-all renders beside whatever page is open, at no address of its own. */
const PAGE_FILES = (readdirSync(APP, { recursive: true }) as string[]).map((f) => f.split(path.sep).join("/")).filter((f) => path.posix.basename(f) === "page.tsx");
const ROUTES = [
  ...new Set(PAGE_FILES.filter((f) => !(f.startsWith("@") && f.includes("[[..."))).map(routeOf)),
].sort();

type Who = "anonymous" | "lead" | "owner" | "national" | "admin";

/** The records of the demo copy that addresses name, and the two this test makes. */
type Filled = {
  slug: string;
  findingId: string;
  findingRef: string;
  actionId: string;
  measureId: string;
  planId: string;
  userId: string;
  snapshotId: string;
  token: string;
};

const area = (d: Filled) => `/local-areas/${d.slug}`;

/**
 * Each page's address, and who opens it: the person whose page it is (the lead for the area's pages,
 * the owner for My work, the national team for the national view, an administrator for
 * administration), or a visitor who is not signed in. Keyed by the page's route (routeOf).
 */
const WALK: Record<string, Array<{ who: Who; path: (d: Filled) => string }>> = {
  // Public, no sign-in.
  "/": [{ who: "anonymous", path: () => "/" }],
  "/signin": [{ who: "anonymous", path: () => "/signin" }],
  "/signin/check-email": [{ who: "anonymous", path: () => "/signin/check-email" }],
  "/privacy": [{ who: "anonymous", path: () => "/privacy" }],
  "/accessibility": [{ who: "anonymous", path: () => "/accessibility" }],
  "/status": [{ who: "anonymous", path: () => "/status" }],
  "/areas": [{ who: "anonymous", path: () => "/areas" }],
  "/areas/[slug]": [{ who: "anonymous", path: (d) => `/areas/${d.slug}` }],
  "/areas/[slug]/findings/[ref]": [{ who: "anonymous", path: (d) => `/areas/${d.slug}/findings/${d.findingRef}` }],
  // The link a partner without an account is emailed (made below, unused).
  "/update/[token]": [{ who: "anonymous", path: (d) => `/update/${d.token}` }],

  // Signed in, across areas.
  "/local-areas": [{ who: "lead", path: () => "/local-areas" }],
  "/my-work": [{ who: "owner", path: () => "/my-work" }],
  "/notifications": [{ who: "lead", path: () => "/notifications" }],
  "/settings/notifications": [{ who: "lead", path: () => "/settings/notifications" }],
  "/national": [{ who: "national", path: () => "/national" }],
  "/national/compare": [{ who: "national", path: () => "/national/compare" }],
  "/admin": [{ who: "admin", path: () => "/admin" }],
  "/admin/people/[userId]": [{ who: "admin", path: (d) => `/admin/people/${d.userId}` }],
  "/admin/statistics": [{ who: "admin", path: () => "/admin/statistics" }],

  // The area's pages, as its plan lead sees them (every control a lead has).
  "/local-areas/[slug]": [{ who: "lead", path: area }],
  "/local-areas/[slug]/plan": [{ who: "lead", path: (d) => `${area(d)}/plan` }],
  "/local-areas/[slug]/plan/import": [{ who: "lead", path: (d) => `${area(d)}/plan/import` }],
  "/local-areas/[slug]/plan/history": [{ who: "lead", path: (d) => `${area(d)}/plan/history?plan=${d.planId}` }],
  "/local-areas/[slug]/plans": [{ who: "lead", path: (d) => `${area(d)}/plans` }],
  "/local-areas/[slug]/plans/[planId]": [{ who: "lead", path: (d) => `${area(d)}/plans/${d.planId}` }],
  "/local-areas/[slug]/actions": [{ who: "lead", path: (d) => `${area(d)}/actions` }],
  "/local-areas/[slug]/actions/new": [{ who: "lead", path: (d) => `${area(d)}/actions/new` }],
  "/local-areas/[slug]/actions/[actionId]": [{ who: "lead", path: (d) => `${area(d)}/actions/${d.actionId}` }],
  "/local-areas/[slug]/actions/[actionId]/edit": [{ who: "lead", path: (d) => `${area(d)}/actions/${d.actionId}/edit` }],
  "/local-areas/[slug]/actions/[actionId]/history": [{ who: "lead", path: (d) => `${area(d)}/actions/${d.actionId}/history` }],
  "/local-areas/[slug]/findings/new": [{ who: "lead", path: (d) => `${area(d)}/findings/new` }],
  "/local-areas/[slug]/findings/[findingId]": [{ who: "lead", path: (d) => `${area(d)}/findings/${d.findingId}` }],
  "/local-areas/[slug]/findings/[findingId]/edit": [{ who: "lead", path: (d) => `${area(d)}/findings/${d.findingId}/edit` }],
  "/local-areas/[slug]/findings/[findingId]/history": [{ who: "lead", path: (d) => `${area(d)}/findings/${d.findingId}/history` }],
  "/local-areas/[slug]/measures": [{ who: "lead", path: (d) => `${area(d)}/measures` }],
  "/local-areas/[slug]/measures/new": [{ who: "lead", path: (d) => `${area(d)}/measures/new` }],
  "/local-areas/[slug]/measures/[measureId]": [{ who: "lead", path: (d) => `${area(d)}/measures/${d.measureId}` }],
  "/local-areas/[slug]/measures/[measureId]/edit": [{ who: "lead", path: (d) => `${area(d)}/measures/${d.measureId}/edit` }],
  "/local-areas/[slug]/measures/[measureId]/history": [{ who: "lead", path: (d) => `${area(d)}/measures/${d.measureId}/history` }],
  "/local-areas/[slug]/evidence": [{ who: "lead", path: (d) => `${area(d)}/evidence` }],
  "/local-areas/[slug]/snapshots": [{ who: "lead", path: (d) => `${area(d)}/snapshots` }],
  "/local-areas/[slug]/snapshots/[snapshotId]": [{ who: "lead", path: (d) => `${area(d)}/snapshots/${d.snapshotId}` }],
  "/local-areas/[slug]/forum": [{ who: "lead", path: (d) => `${area(d)}/forum` }],
  "/local-areas/[slug]/you-said-we-did": [{ who: "lead", path: (d) => `${area(d)}/you-said-we-did` }],
  "/local-areas/[slug]/monitoring": [{ who: "lead", path: (d) => `${area(d)}/monitoring` }],
  "/local-areas/[slug]/judgements": [{ who: "lead", path: (d) => `${area(d)}/judgements` }],
  "/local-areas/[slug]/change-requests": [{ who: "lead", path: (d) => `${area(d)}/change-requests` }],
  "/local-areas/[slug]/activity": [{ who: "lead", path: (d) => `${area(d)}/activity` }],
  "/local-areas/[slug]/api-tokens": [{ who: "lead", path: (d) => `${area(d)}/api-tokens` }],
};

test("the reflow walk has an address for every page on disk, and a page for every address", () => {
  expect(ROUTES.length, `pages found under ${APP}`).toBeGreaterThan(40);
  expect(
    ROUTES.filter((route) => !(route in WALK)),
    "pages with no address in the reflow walk: add each to WALK in e2e/reflow.spec.ts",
  ).toEqual([]);
  expect(
    Object.keys(WALK).filter((route) => !ROUTES.includes(route)),
    "addresses in WALK for pages that are not on disk: remove them",
  ).toEqual([]);
});

async function narrowPage(browser: Browser, email: string | null) {
  const page = await (await browser.newContext({ viewport: { width: 320, height: 640 } })).newPage();
  if (email) await signInAs(page, email);
  return page;
}

/** The page fits the width: the document is no wider than the window. */
async function expectNoSidewaysScroll(page: Page, address: string) {
  expect((await page.goto(address))?.status(), address).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${address} is ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
}

/** The copy's records the addresses name, read where the app keeps them. */
async function recordsOf(copy: OwnDemo) {
  const db = e2eDb();
  const plan = await db.plan.findFirstOrThrow({
    where: { localArea: { slug: copy.northbridge.slug }, status: { notIn: ["CLOSED", "SUPERSEDED"] } },
    select: { id: true },
  });
  // Finding 1: three measures and evidence on the finding's actions and measures, the longest finding page.
  const finding = await db.finding.findFirstOrThrow({ where: { planId: plan.id, ref: "1" }, select: { id: true, ref: true } });
  const action = await db.action.findFirstOrThrow({ where: { findingId: finding.id, ref: "1.3" }, select: { id: true } });
  const measure = await db.measure.findFirstOrThrow({ where: { planId: plan.id, ref: "M1" }, select: { id: true } });
  const owner = await db.user.findFirstOrThrow({ where: { email: { equals: copy.people.owner, mode: "insensitive" } }, select: { id: true } });
  return { slug: copy.northbridge.slug, planId: plan.id, findingId: finding.id, findingRef: finding.ref, actionId: action.id, measureId: measure.id, userId: owner.id };
}

/** The lead takes a snapshot on the snapshots page (at 320 px too), for the snapshot's own page. */
async function takeSnapshot(lead: Page, slug: string): Promise<string> {
  const label = `Reflow check ${Date.now()}`;
  await lead.goto(`/local-areas/${slug}/snapshots`);
  await lead.getByLabel("Label", { exact: true }).fill(label);
  await lead.getByRole("button", { name: "Take snapshot" }).click();
  await expect(lead.getByRole("status").first()).toContainText(`Snapshot “${label}” taken.`);
  const snapshot = await e2eDb().snapshot.findFirstOrThrow({ where: { label, localArea: { slug } }, select: { id: true } });
  return snapshot.id;
}

/** The lead asks a partner for an update on the action; the link in the email is the update page's address. */
async function askForUpdate(lead: Page, slug: string, actionId: string, tag: string): Promise<string> {
  const partner = `reflow-${tag}@school.example`;
  await lead.goto(`/local-areas/${slug}/actions/${actionId}`);
  const form = lead.getByRole("form", { name: "Ask someone for an update" });
  await form.getByLabel("Their email address").fill(partner);
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(form.getByRole("status")).toContainText(`Request sent to ${partner}.`);
  const link = await latestLinkTo(partner, /Please send an update on action 1\.3/);
  return new URL(link).pathname.replace(/^\/update\//, "");
}

test("every page reflows to 320 CSS pixels without scrolling sideways", async ({ browser, demoCopy }) => {
  // About 55 pages, each rendered at 320 px, on a machine that may be busy.
  test.setTimeout(420_000);
  const people = demoCopy.people;
  const pages: Record<Who, Page> = {
    anonymous: await narrowPage(browser, null),
    lead: await narrowPage(browser, people.lead),
    owner: await narrowPage(browser, people.owner),
    national: await narrowPage(browser, people.national),
    admin: await narrowPage(browser, people.admin),
  };
  const records = await recordsOf(demoCopy);
  const filled: Filled = {
    ...records,
    snapshotId: await takeSnapshot(pages.lead, records.slug),
    token: await askForUpdate(pages.lead, records.slug, records.actionId, demoCopy.tag),
  };
  for (const [route, visits] of Object.entries(WALK)) {
    for (const { who, path: address } of visits) {
      await test.step(`${route} as ${who}`, () => expectNoSidewaysScroll(pages[who], address(filled)));
    }
  }
});
