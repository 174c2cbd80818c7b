/**
 * The six things the benchmark times: five pages, each as the person who would open it, and the
 * check-in mutation. Each knows how to make its next request and how to tell that the answer is
 * the real page (or the real result), so a sign-in page or an error never passes for a fast page.
 */
import type { Targets } from "./targets";
import { trpcMutation, trpcResult, unchangedCheckIn } from "./trpc";
import type { Visitor } from "./session";

export type BenchRequest = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string };

export type Endpoint = {
  key: "national" | "areaHome" | "finding" | "actionList" | "publicPage" | "actionUpdate";
  label: string;
  visitor: Visitor;
  kind: "page" | "mutation";
  /** The app route a page is, as the build names it. */
  route?: string;
  /** The next request to send (the mutation goes round the area's actions). */
  next(): BenchRequest;
  /** Throws when the answer is not what a person would see. */
  check(status: number, body: string): void;
};

export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

/** The page's text as React streams it, without the empty comments it puts between adjacent texts. */
const text = (html: string) => html.replace(/<!-- -->/g, "");

export function expectPage(label: string, status: number, html: string, expected: ReadonlyArray<string | RegExp>) {
  if (status !== 200) throw new Error(`${label}: HTTP ${status} instead of 200`);
  const page = text(html);
  for (const e of expected) {
    const found = typeof e === "string" ? page.includes(e) : e.test(page);
    if (!found) throw new Error(`${label}: the page does not contain ${String(e)}`);
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function endpoints(t: Targets, who: { national: Visitor; lead: Visitor; anonymous: Visitor }): Endpoint[] {
  const slug = encodeURIComponent(t.area.slug);
  const page = (path: string, visitor: Visitor): (() => BenchRequest) => {
    const headers: Record<string, string> = visitor.cookie ? { cookie: visitor.cookie } : {};
    return () => ({ method: "GET", path, headers });
  };
  const name = escapeHtml(t.area.name);
  const filter = new URLSearchParams({ status: t.actionFilter.status, owner: t.actionFilter.owner });
  let nextAction = 0;

  return [
    {
      key: "national",
      route: "/national",
      label: "National view",
      visitor: who.national,
      kind: "page",
      next: page("/national", who.national),
      check: (s, b) => expectPage("National view", s, b, [">National view</h1>", `Showing ${plural(t.areaCount, "local area")}.`]),
    },
    {
      key: "areaHome",
      route: "/local-areas/[slug]",
      label: "Area home",
      visitor: who.lead,
      kind: "page",
      next: page(`/local-areas/${slug}`, who.lead),
      check: (s, b) => expectPage("Area home", s, b, [`>${name}</h1>`, ">All actions</a>"]),
    },
    {
      key: "finding",
      route: "/local-areas/[slug]/findings/[findingId]",
      label: "Finding page",
      visitor: who.lead,
      kind: "page",
      next: page(`/local-areas/${slug}/findings/${encodeURIComponent(t.finding.id)}`, who.lead),
      check: (s, b) => expectPage("Finding page", s, b, [`>Finding ${escapeHtml(t.finding.ref)}: `]),
    },
    {
      key: "actionList",
      route: "/local-areas/[slug]/actions",
      label: "Filtered action list",
      visitor: who.lead,
      kind: "page",
      next: page(`/local-areas/${slug}/actions?${filter}`, who.lead),
      check: (s, b) =>
        expectPage("Filtered action list", s, b, [">Actions</h1>", `Showing ${plural(t.actionFilter.matches, "action")} of ${t.actionFilter.total}.`]),
    },
    {
      key: "publicPage",
      route: "/areas/[slug]",
      label: "Public page",
      visitor: who.anonymous,
      kind: "page",
      next: page(`/areas/${slug}`, who.anonymous),
      check: (s, b) => expectPage("Public page", s, b, [`>${name}: support for children and young people with SEND</h1>`]),
    },
    {
      key: "actionUpdate",
      label: "Action update (check-in)",
      visitor: who.lead,
      kind: "mutation",
      next() {
        // The lead posts on each action in turn, keeping its status, progress and RAG as they
        // are, so the plan's figures stay as generated (only the actions' last update moves).
        const a = t.actions[nextAction++ % t.actions.length]!;
        const req = trpcMutation("action.postUpdate", unchangedCheckIn(a, "Benchmark check-in: no change since the last update."));
        return { ...req, headers: { ...req.headers, cookie: who.lead.cookie } };
      },
      check(status, body) {
        if (status !== 200) throw new Error(`Action update: HTTP ${status} instead of 200: ${body.slice(0, 300)}`);
        const update = trpcResult<{ id?: string }>(body);
        if (typeof update?.id !== "string") throw new Error(`Action update: no update in the answer: ${body.slice(0, 300)}`);
      },
    },
  ];
}
