import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { absoluteUrl, routes } from "@/lib/routes";

type Builder = keyof typeof routes;

// One row per call: the builder, and the address it must give. Every builder has at least one row.
const CASES: [Builder, string, string][] = [
  ["home", routes.home(), "/"],
  ["privacy", routes.privacy(), "/privacy"],
  ["adminPerson", routes.adminPerson("u 1"), "/admin/people/u%201"],
  ["signIn", routes.signIn(), "/signin"],
  ["signIn", routes.signIn({ signedOut: true }), "/signin?signed-out=1"],
  ["signIn", routes.signIn({ callbackUrl: "/local-areas/kent/actions?q=a b&overdue=1" }), "/signin?callbackUrl=%2Flocal-areas%2Fkent%2Factions%3Fq%3Da%20b%26overdue%3D1"],
  ["signInCheckEmail", routes.signInCheckEmail(), "/signin/check-email"],
  ["localAreas", routes.localAreas(), "/local-areas"],
  ["area", routes.area("kent"), "/local-areas/kent"],
  ["actions", routes.actions("kent"), "/local-areas/kent/actions"],
  ["actions", routes.actions("kent", { overdue: "1" }), "/local-areas/kent/actions?overdue=1"],
  ["actions", routes.actions("kent", { status: "DONE", owner: undefined, q: "a b" }), "/local-areas/kent/actions?status=DONE&q=a+b"],
  ["action", routes.action("kent", "act1"), "/local-areas/kent/actions/act1"],
  ["actionEdit", routes.actionEdit("kent", "act1"), "/local-areas/kent/actions/act1/edit"],
  ["actionHistory", routes.actionHistory("kent", "act1"), "/local-areas/kent/actions/act1/history"],
  ["actionHistory", routes.actionHistory("kent", "act1", { shown: "50" }), "/local-areas/kent/actions/act1/history?shown=50"],
  ["activity", routes.activity("kent"), "/local-areas/kent/activity"],
  ["activity", routes.activity("kent", { person: "u1", kind: "", from: "2026-01-01", to: undefined }), "/local-areas/kent/activity?person=u1&kind=&from=2026-01-01"],
  ["findingHistory", routes.findingHistory("kent", "f1"), "/local-areas/kent/findings/f1/history"],
  ["measureHistory", routes.measureHistory("kent", "m1"), "/local-areas/kent/measures/m1/history"],
  ["planHistory", routes.planHistory("kent", "p1"), "/local-areas/kent/plan/history?plan=p1"],
  ["planHistory", routes.planHistory("kent", "p1", { shown: "50" }), "/local-areas/kent/plan/history?plan=p1&shown=50"],
  ["activityCsv", routes.activityCsv("kent", { person: "u1" }), "/api/local-areas/kent/activity?person=u1"],
  ["actionNew", routes.actionNew("kent"), "/local-areas/kent/actions/new"],
  ["actionNew", routes.actionNew("kent", { finding: "f1" }), "/local-areas/kent/actions/new?finding=f1"],
  ["changeRequests", routes.changeRequests("kent"), "/local-areas/kent/change-requests"],
  ["evidence", routes.evidence("kent"), "/local-areas/kent/evidence"],
  ["finding", routes.finding("kent", "f1"), "/local-areas/kent/findings/f1"],
  ["findingEdit", routes.findingEdit("kent", "f1"), "/local-areas/kent/findings/f1/edit"],
  ["findingNew", routes.findingNew("kent"), "/local-areas/kent/findings/new"],
  ["forum", routes.forum("kent"), "/local-areas/kent/forum"],
  ["judgements", routes.judgements("kent"), "/local-areas/kent/judgements"],
  ["measures", routes.measures("kent"), "/local-areas/kent/measures"],
  ["measure", routes.measure("kent", "m1"), "/local-areas/kent/measures/m1"],
  ["measureEdit", routes.measureEdit("kent", "m1"), "/local-areas/kent/measures/m1/edit"],
  ["measureNew", routes.measureNew("kent"), "/local-areas/kent/measures/new"],
  ["monitoring", routes.monitoring("kent"), "/local-areas/kent/monitoring"],
  ["plan", routes.plan("kent"), "/local-areas/kent/plan"],
  ["planImport", routes.planImport("kent"), "/local-areas/kent/plan/import"],
  ["apiTokens", routes.apiTokens("kent"), "/local-areas/kent/api-tokens"],
  ["apiDocs", routes.apiDocs(), "/api/docs"],
  ["plans", routes.plans("kent"), "/local-areas/kent/plans"],
  ["planRecord", routes.planRecord("kent", "p1"), "/local-areas/kent/plans/p1"],
  ["snapshots", routes.snapshots("kent"), "/local-areas/kent/snapshots"],
  ["snapshot", routes.snapshot("kent", "s1"), "/local-areas/kent/snapshots/s1"],
  ["youSaidWeDid", routes.youSaidWeDid("kent"), "/local-areas/kent/you-said-we-did"],
  ["myWork", routes.myWork(), "/my-work"],
  ["national", routes.national(), "/national"],
  ["national", routes.national({ sort: "name", dir: "desc", region: "East of England", planType: undefined }), "/national?sort=name&dir=desc&region=East+of+England"],
  ["notifications", routes.notifications(), "/notifications"],
  ["notificationSettings", routes.notificationSettings(), "/settings/notifications"],
  ["admin", routes.admin(), "/admin"],
  ["adminStatistics", routes.adminStatistics(), "/admin/statistics"],
  ["nationalCompare", routes.nationalCompare(), "/national/compare"],
  ["nationalCompare", routes.nationalCompare({ measure: "ehcp-count" }), "/national/compare?measure=ehcp-count"],
  ["statisticsImport", routes.statisticsImport("preview"), "/api/statistics/import?mode=preview"],
  ["publicAreas", routes.publicAreas(), "/areas"],
  ["publicArea", routes.publicArea("kent"), "/areas/kent"],
  ["publicFinding", routes.publicFinding("kent", "2.3"), "/areas/kent/findings/2.3"],
  ["accessibility", routes.accessibility(), "/accessibility"],
  ["status", routes.status(), "/status"],
  ["updateRequest", routes.updateRequest("tok-_123"), "/update/tok-_123"],
  ["evidenceFile", routes.evidenceFile("ev1"), "/api/evidence/ev1/file"],
  ["boardPack", routes.boardPack("kent", { format: "pdf" }), "/api/local-areas/kent/board-pack?format=pdf"],
  ["boardPack", routes.boardPack("kent", { format: "docx", snapshot: "s1" }), "/api/local-areas/kent/board-pack?format=docx&snapshot=s1"],
  ["planExport", routes.planExport("kent"), "/api/local-areas/kent/plan-export"],
  ["planExport", routes.planExport("kent", { format: "csv", sheet: "Plan" }), "/api/local-areas/kent/plan-export?format=csv&sheet=Plan"],
  ["planExport", routes.planExport("kent", { format: "json" }), "/api/local-areas/kent/plan-export?format=json"],
  ["nationalExport", routes.nationalExport({ format: "xlsx" }), "/api/national/export?format=xlsx"],
  ["nationalExport", routes.nationalExport({ format: "csv", sort: "red", dir: "desc", adviser: undefined }), "/api/national/export?format=csv&sort=red&dir=desc"],
  // Segments are encoded: a value cannot reach another page.
  ["action", routes.action("a/b", "x y?"), "/local-areas/a%2Fb/actions/x%20y%3F"],
  ["publicArea", routes.publicArea("../admin"), "/areas/..%2Fadmin"],
];

describe("routes", () => {
  it.each(CASES)("%s gives %s", (_builder, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it("has a case for every builder", () => {
    const tested = new Set(CASES.map(([builder]) => builder));
    expect(Object.keys(routes).filter((b) => !tested.has(b as Builder))).toEqual([]);
  });

  it("joins a base URL and a route for emails", () => {
    expect(absoluteUrl("https://headway.example.org", routes.action("kent", "act1"))).toBe("https://headway.example.org/local-areas/kent/actions/act1");
    expect(absoluteUrl("http://localhost:3000/", routes.notificationSettings())).toBe("http://localhost:3000/settings/notifications");
  });
});

// Each page.tsx under app/, as the address pattern Next.js serves it at: route groups "(app)"
// leave no segment; "[slug]" matches any one segment.
function pagePatterns(dir: string, segments: string[] = []): string[][] {
  const found: string[][] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") found.push(segments);
    if (!entry.isDirectory() || entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
    const next = /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name];
    found.push(...pagePatterns(path.join(dir, entry.name), next));
  }
  return found;
}

const isDynamic = (segment: string) => segment.startsWith("[");

// The page an address reaches: of the patterns that match, the one with the most fixed segments,
// as "actions/new" wins over "actions/[actionId]".
function pageFor(address: string, patterns: string[][]): string | undefined {
  const parts = address.split("?")[0]!.split("/").filter(Boolean);
  const matching = patterns.filter((p) => p.length === parts.length && p.every((s, i) => isDynamic(s) || s === parts[i]));
  matching.sort((a, b) => b.filter((s) => !isDynamic(s)).length - a.filter((s) => !isDynamic(s)).length);
  return matching[0] && `/${matching[0].join("/")}`;
}

describe("every page has a builder", () => {
  const patterns = pagePatterns(path.join(import.meta.dirname, "..", "app"));

  it("finds the pages", () => {
    expect(patterns.length).toBeGreaterThan(20);
  });

  it("each page.tsx under app/ is reached by some builder", () => {
    const reached = new Set(CASES.map(([, address]) => pageFor(address, patterns)));
    const missing = patterns.map((p) => `/${p.join("/")}`).filter((page) => !reached.has(page));
    expect(missing, "pages without a builder in lib/routes.ts (add one, and a case above)").toEqual([]);
  });
});
