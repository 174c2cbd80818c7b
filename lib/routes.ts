/**
 * Every address in Headway, built in one place: pages, components, emails, notifications and
 * board packs link through these builders, so a page that moves is changed here and nowhere else,
 * and a link cannot point at a page that does not exist (lib/routes.test.ts walks app/ for that).
 * Path segments are encoded, so a value with a slash or a space cannot change which page is meant.
 */

type Query = Record<string, string | undefined>;

const seg = encodeURIComponent;

/** `path?a=1&b=2`, in the form encoding a GET form submits; values left undefined are dropped. */
function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const area = (slug: string) => `/local-areas/${seg(slug)}`;

/** The filters the action list reads from its address. */
export type ActionListQuery = {
  finding?: string;
  status?: string;
  rag?: string;
  owner?: string;
  organisation?: string;
  q?: string;
  overdue?: "1";
  /** The list's order: finding (the default), due, rag or updated. */
  sort?: string;
};

/** How many of a history's newest changes to show. */
export type HistoryQuery = { shown?: string };

/** The activity page's filters (all optional), and how many events to show. */
export type ActivityQuery = { person?: string; kind?: string; from?: string; to?: string; shown?: string };

export const routes = {
  home: () => "/",
  /** The privacy notice (PRIVACY.md), open to everyone. */
  privacy: () => "/privacy",
  /** The accessibility statement (ACCESSIBILITY.md in plain words), open to everyone. */
  accessibility: () => "/accessibility",
  /** Whether the service and its database are up, for people; /api/health answers machines. */
  status: () => "/status",
  /** `callbackUrl` is encoded with encodeURIComponent, as NextAuth reads it back. */
  signIn: (options: { callbackUrl?: string; signedOut?: boolean } = {}) =>
    options.callbackUrl !== undefined
      ? `/signin?callbackUrl=${encodeURIComponent(options.callbackUrl)}`
      : options.signedOut
        ? "/signin?signed-out=1"
        : "/signin",
  signInCheckEmail: () => "/signin/check-email",

  localAreas: () => "/local-areas",
  area,
  actions: (slug: string, query?: ActionListQuery) => withQuery(`${area(slug)}/actions`, query),
  action: (slug: string, actionId: string) => `${area(slug)}/actions/${seg(actionId)}`,
  actionEdit: (slug: string, actionId: string) => `${area(slug)}/actions/${seg(actionId)}/edit`,
  /** `shown`: how many of the newest changes to show ("Show more" asks for more). */
  actionHistory: (slug: string, actionId: string, query?: HistoryQuery) => withQuery(`${area(slug)}/actions/${seg(actionId)}/history`, query),
  /** Who changed what in the area: its LEAD and ADVISER. The filters are the page's GET form's. */
  activity: (slug: string, query?: ActivityQuery) => withQuery(`${area(slug)}/activity`, query),
  /** `finding`: the finding the new action answers, chosen in advance. */
  actionNew: (slug: string, query?: { finding?: string }) => withQuery(`${area(slug)}/actions/new`, query),
  changeRequests: (slug: string) => `${area(slug)}/change-requests`,
  evidence: (slug: string) => `${area(slug)}/evidence`,
  finding: (slug: string, findingId: string) => `${area(slug)}/findings/${seg(findingId)}`,
  findingEdit: (slug: string, findingId: string) => `${area(slug)}/findings/${seg(findingId)}/edit`,
  findingHistory: (slug: string, findingId: string, query?: HistoryQuery) => withQuery(`${area(slug)}/findings/${seg(findingId)}/history`, query),
  findingNew: (slug: string) => `${area(slug)}/findings/new`,
  forum: (slug: string) => `${area(slug)}/forum`,
  judgements: (slug: string) => `${area(slug)}/judgements`,
  measures: (slug: string) => `${area(slug)}/measures`,
  measure: (slug: string, measureId: string) => `${area(slug)}/measures/${seg(measureId)}`,
  measureEdit: (slug: string, measureId: string) => `${area(slug)}/measures/${seg(measureId)}/edit`,
  measureHistory: (slug: string, measureId: string, query?: HistoryQuery) => withQuery(`${area(slug)}/measures/${seg(measureId)}/history`, query),
  measureNew: (slug: string) => `${area(slug)}/measures/new`,
  monitoring: (slug: string) => `${area(slug)}/monitoring`,
  plan: (slug: string) => `${area(slug)}/plan`,
  planImport: (slug: string) => `${area(slug)}/plan/import`,
  /** The area's tokens for the HTTP API: its plan lead's, or an administrator's. */
  apiTokens: (slug: string) => `${area(slug)}/api-tokens`,
  /** A plan's history: the area's plans are told apart by id. */
  planHistory: (slug: string, planId: string, query?: HistoryQuery) => withQuery(`${area(slug)}/plan/history`, { plan: planId, ...query }),
  /** The area's plans over time, newest first. */
  plans: (slug: string) => `${area(slug)}/plans`,
  /** One plan as it stands, read-only: how a closed or superseded plan stays readable. */
  planRecord: (slug: string, planId: string) => `${area(slug)}/plans/${seg(planId)}`,
  snapshots: (slug: string) => `${area(slug)}/snapshots`,
  snapshot: (slug: string, snapshotId: string) => `${area(slug)}/snapshots/${seg(snapshotId)}`,
  youSaidWeDid: (slug: string) => `${area(slug)}/you-said-we-did`,

  myWork: () => "/my-work",
  /** The national view; its sort and filters are written by components/national/address.ts. */
  national: (query?: Query) => withQuery("/national", query),
  notifications: () => "/notifications",
  notificationSettings: () => "/settings/notifications",
  admin: () => "/admin",
  /** Published statistics: the catalogue of standard measures, importing figures and statistical neighbours. */
  adminStatistics: () => "/admin/statistics",
  /** Areas ranked on one published (catalogue) measure, by its id. */
  nationalCompare: (query?: { measure?: string }) => withQuery("/national/compare", query),
  /** Where an administrator sends a file of published statistics. */
  statisticsImport: (mode: "columns" | "preview" | "apply") => withQuery("/api/statistics/import", { mode }),
  /** One person's data (PRIVACY.md): the subject access export and erasure, for administrators. */
  adminPerson: (userId: string) => `/admin/people/${seg(userId)}`,

  /** The public pages for families, readable without signing in. */
  publicAreas: () => "/areas",
  publicArea: (slug: string) => `/areas/${seg(slug)}`,
  /** One finding of a published area's current plan, by its ref ("1", "2.3"). */
  publicFinding: (slug: string, ref: string) => `/areas/${seg(slug)}/findings/${seg(ref)}`,
  /** The one-off page where someone without an account posts an update on an action. */
  updateRequest: (token: string) => `/update/${seg(token)}`,

  /** The HTTP API's reference page, made from its OpenAPI document (a route handler: no page.tsx). */
  apiDocs: () => "/api/docs",

  /** Downloads (route handlers under app/api). */
  evidenceFile: (evidenceId: string) => `/api/evidence/${seg(evidenceId)}/file`,
  boardPack: (slug: string, query: { format: "pdf" | "docx"; snapshot?: string }) =>
    withQuery(`/api/local-areas/${seg(slug)}/board-pack`, query),
  planExport: (slug: string, query?: { format: "csv"; sheet: string } | { format: "json" }) => withQuery(`/api/local-areas/${seg(slug)}/plan-export`, query),
  /** The activity page's filters, as CSV. */
  activityCsv: (slug: string, query?: ActivityQuery) => withQuery(`/api/local-areas/${seg(slug)}/activity`, query),
  /** The national view as shown (its sort and filters, as components/national/address.ts writes them), as XLSX or CSV. */
  nationalExport: (query: { format: "xlsx" | "csv" } & Query) => withQuery("/api/national/export", query),
} as const;

/** An absolute address for an email: the site's base URL (NEXTAUTH_URL) joined with a route. */
export function absoluteUrl(baseUrl: string, route: string): string {
  return new URL(route, baseUrl).toString();
}
