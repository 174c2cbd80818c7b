/**
 * `npm run load`: many people using a running Headway at once, as they would in a browser, and
 * then a look in the database that every check-in the app acknowledged was really kept.
 *
 *   npm run load -- --url http://127.0.0.1:3000 --users 10 --requests 300 [--timeout 120]
 *                   [--database-url postgresql://…]   (default: DATABASE_URL)
 *
 * `npm run load` runs it through scripts/with-db.mjs, so without DATABASE_URL it checks the
 * embedded database, sharing the server of the Headway it loads (`npm run demo`).
 *
 * Each person signs in with a demo account through the real password sign-in, the accounts taken
 * in turn from leads, action owners, the forum and the adviser. They find their area, findings
 * and actions with the tRPC reads the app itself uses, then all send at once, one request after
 * another, their share of --requests: the pages their role opens, tRPC reads, and (leads and
 * owners) check-ins on the actions they lead or own, keeping each action's status, progress and
 * RAG as they are. A page counts as an error unless it is the expected page for the signed-in
 * person; so does any other answer that is not 2xx, a network error or a timeout.
 *
 * Only a server on this machine (127.0.0.0/8, localhost, [::1]) is accepted. The run stops after
 * --timeout seconds, whatever is left, and reports. Exit 0 when every request succeeded, every
 * request was sent and every acknowledged check-in is in the database with its audit event; 1
 * otherwise (and when there is no database to check against); 2 on wrong arguments.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { escapeHtml, expectPage } from "./bench/endpoints";
import { UsageError } from "./bench/options";
import { signIn, type Visitor } from "./bench/session";
import { percentile } from "./bench/stats";
import { trpcMutation, trpcQuery, trpcResult, unchangedCheckIn, type TrpcRequest } from "./bench/trpc";

const USAGE = "npm run load -- --url http://127.0.0.1:3000 [--users 10] [--requests 300] [--timeout 120] [--database-url postgresql://…]";

/** A request still unanswered after this long has failed, as it would behind a gateway. */
const REQUEST_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

export type LoadOptions = {
  /** The app's origin, on this machine. */
  baseUrl: string;
  users: number;
  requests: number;
  timeoutSeconds: number;
  /** Where the check-ins are looked for afterwards; null when none was given. */
  databaseUrl: string | null;
};

/**
 * The origin of `raw` when its host is this machine: 127.0.0.0/8, localhost or [::1]. The URL
 * parser has already written any IPv4 form ("127.1", "2130706433") as four decimal numbers.
 */
export function loopbackOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--url ${raw} is not a URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError(`--url must be an http:// or https:// URL, not ${url.protocol}`);
  const host = url.hostname;
  const loopback = host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  if (!loopback) throw new UsageError(`--url must be a server on this machine (127.0.0.0/8, localhost or [::1]), not ${host}: the load test is never sent elsewhere.`);
  return url.origin;
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}.`);
  return n;
}

export function parseLoadArgs(argv: string[], env: Record<string, string | undefined>): LoadOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: "string" },
        users: { type: "string" },
        requests: { type: "string" },
        timeout: { type: "string" },
        "database-url": { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.url === undefined) throw new UsageError("--url is required: the Headway to load, on this machine.");
  const users = wholeNumber("users", values.users, 10, 100);
  const requests = wholeNumber("requests", values.requests, 300, 100_000);
  if (requests < users) throw new UsageError(`--requests (${requests}) must be at least --users (${users}), so everyone signed in sends something.`);
  return {
    baseUrl: loopbackOrigin(values.url),
    users,
    requests,
    timeoutSeconds: wholeNumber("timeout", values.timeout, 120, 3600),
    databaseUrl: values["database-url"] || env.DATABASE_URL || null,
  };
}

// ---------------------------------------------------------------------------------------------
// Who signs in, and what each sends
// ---------------------------------------------------------------------------------------------

export type Role = "LEAD" | "CONTRIBUTOR" | "FORUM" | "ADVISER";
export type Account = { email: string; role: Role };

/** The demo accounts people are signed in as, in turn: leads, action owners, the forum and the adviser. */
export const ACCOUNTS: readonly Account[] = [
  { email: "lead@northbridge.example", role: "LEAD" },
  { email: "owner@northbridge.example", role: "CONTRIBUTOR" },
  { email: "forum@northbridge.example", role: "FORUM" },
  { email: "adviser@headway.example", role: "ADVISER" },
  { email: "lead@eastmoor.example", role: "LEAD" },
  { email: "dco@northbridge.example", role: "CONTRIBUTOR" },
];

export function accountsFor(users: number): Account[] {
  return Array.from({ length: users }, (_, i) => ACCOUNTS[i % ACCOUNTS.length]!);
}

/** Each person's share of the requests, the first ones taking one more when they do not divide evenly. */
export function shares(requests: number, users: number): number[] {
  return Array.from({ length: users }, (_, i) => Math.floor(requests / users) + (i < requests % users ? 1 : 0));
}

export type Step = "page" | "read" | "checkIn";

/**
 * The order a person goes round: a page, then a read as its screen would make, and for those who
 * post check-ins, one in every five requests.
 */
export function mix(role: Role, count: number, mayCheckIn: boolean): Step[] {
  // The check-in comes early in the round, so even a short run posts some.
  const round: Step[] = mayCheckIn && (role === "LEAD" || role === "CONTRIBUTOR") ? ["page", "read", "checkIn", "page", "read"] : ["page", "read"];
  return Array.from({ length: count }, (_, i) => round[i % round.length]!);
}

// ---------------------------------------------------------------------------------------------
// What a person finds before the load: their area, its findings, their actions
// ---------------------------------------------------------------------------------------------

export type KnownAction = {
  id: string;
  ref: string;
  title: string;
  status: string;
  progress: number;
  ragOverride: string | null;
  ragOverrideReason: string | null;
};

export type Desk = {
  email: string;
  role: Role;
  area: { slug: string; name: string };
  findings: Array<{ id: string; ref: string }>;
  /** The actions the person opens: their own for an owner, all the area's otherwise. */
  actions: KnownAction[];
  /** The actions they may post a check-in on, as it stands. */
  postable: KnownAction[];
};

/**
 * What the check-in form accepts without a change: a RAG set by hand keeps its reason, and a
 * complete action is at 100%.
 */
export function postableAsItStands(a: KnownAction): boolean {
  return (a.ragOverride === null || (a.ragOverrideReason ?? "").trim() !== "") && (a.status !== "COMPLETE" || a.progress === 100);
}

// ---------------------------------------------------------------------------------------------
// Requests, and how each answer is judged
// ---------------------------------------------------------------------------------------------

export type Answer = { status: number; body: string; location: string | null };
export type CheckIn = { updateId: string; actionId: string };

export type Errand = {
  /** What the report groups it under: "page: Area home", "tRPC: action.list", "check-in". */
  kind: string;
  request: TrpcRequest;
  /** Throws when the answer is not what the person would see; a check-in returns what it acknowledged. */
  check(answer: Answer): CheckIn | void;
};

/** Pages the app shows in place of the one asked for, and how to recognise them. */
const WRONG_PAGES: ReadonlyArray<[string, string]> = [
  [">Sign in to Headway</h1>", "the sign-in page"],
  [">Sorry, there is a problem with the service</h1>", "the error page"],
  [">Page not found</h1>", "'Page not found'"],
  [">You do not have permission to see this page</h1>", "'You do not have permission'"],
];

/** A page as `email` should see it: 200, the page's own heading, and their email in the header. */
export function checkPage(label: string, email: string, expected: readonly string[]) {
  return ({ status, body, location }: Answer): void => {
    if (status >= 300 && status < 400) throw new Error(`${label}: HTTP ${status} to ${location ?? "nowhere"} instead of the page`);
    const wrong = WRONG_PAGES.find(([heading]) => body.includes(heading));
    if (wrong) throw new Error(`${label}: HTTP ${status} showing ${wrong[1]} instead`);
    // The header names the signed-in person: a page rendered for nobody does not.
    expectPage(label, status, body, [...expected, escapeHtml(email)]);
  };
}

function checkRead(procedure: string) {
  return ({ status, body }: Answer): void => {
    if (status !== 200) throw new Error(`tRPC ${procedure}: HTTP ${status}: ${body.slice(0, 200)}`);
    trpcResult<unknown>(body);
  };
}

function checkCheckIn(actionId: string) {
  return ({ status, body }: Answer): CheckIn => {
    if (status !== 200) throw new Error(`check-in: HTTP ${status}: ${body.slice(0, 200)}`);
    const update = trpcResult<{ id?: unknown }>(body);
    if (typeof update?.id !== "string") throw new Error(`check-in: no update in the answer: ${body.slice(0, 200)}`);
    return { updateId: update.id, actionId };
  };
}

type PageOf = (desk: Desk, turn: number) => { label: string; path: string; expected: string[] };

const nth = <T>(list: readonly T[], turn: number): T => list[turn % list.length]!;
const areaPath = (desk: Desk, rest = "") => `/local-areas/${encodeURIComponent(desk.area.slug)}${rest}`;

const areaHome: PageOf = (d) => ({ label: "Area home", path: areaPath(d), expected: [`>${escapeHtml(d.area.name)}</h1>`] });
const findingPage: PageOf = (d, turn) => {
  const f = nth(d.findings, turn);
  return { label: "Finding page", path: areaPath(d, `/findings/${encodeURIComponent(f.id)}`), expected: [`>Finding ${escapeHtml(f.ref)}: `] };
};
const actionPage: PageOf = (d, turn) => {
  const a = nth(d.actions, turn);
  return { label: "Action page", path: areaPath(d, `/actions/${encodeURIComponent(a.id)}`), expected: [`>${escapeHtml(a.ref)} ${escapeHtml(a.title)}</h1>`] };
};
/** A page known by its heading alone. */
const titled = (label: string, path: (desk: Desk) => string, h1: string): PageOf => (d) => ({ label, path: path(d), expected: [`>${escapeHtml(h1)}</h1>`] });
const inArea = (rest: string) => (desk: Desk) => areaPath(desk, rest);
const actionList = titled("Action list", inArea("/actions"), "Actions");
const myWork = titled("My work", () => "/my-work", "My work");
const evidenceToReview = titled("Evidence awaiting review", inArea("/evidence"), "Evidence awaiting review");
const forum = titled("Forum", inArea("/forum"), "The parent carer forum");
const youSaidWeDid = titled("You said, we did", inArea("/you-said-we-did"), "You said, we did");
const monitoring = titled("Monitoring notes", inArea("/monitoring"), "Adviser's monitoring notes");
const judgements = titled("Judgements", inArea("/judgements"), "Judgements");

/** The pages each role opens, in the order they go round them. */
const PAGES: Record<Role, readonly PageOf[]> = {
  LEAD: [areaHome, actionList, findingPage, actionPage, myWork, evidenceToReview],
  CONTRIBUTOR: [myWork, actionPage, areaHome, findingPage],
  FORUM: [forum, areaHome, findingPage, actionPage, youSaidWeDid],
  ADVISER: [monitoring, areaHome, judgements, findingPage],
};

type ReadOf = (desk: Desk, turn: number) => { procedure: string; input: unknown };

const bySlug = (procedure: string): ReadOf => (d) => ({ procedure, input: { slug: d.area.slug } });
const byAction = (procedure: string, input: (id: string) => unknown): ReadOf => (d, turn) => ({ procedure, input: input(nth(d.actions, turn).id) });

/** The tRPC reads each role's screens make. */
const READS: Record<Role, readonly ReadOf[]> = {
  LEAD: [bySlug("area.home"), bySlug("action.list"), bySlug("evidence.awaitingReview"), () => ({ procedure: "notification.unreadCount", input: undefined })],
  CONTRIBUTOR: [() => ({ procedure: "action.myWork", input: undefined }), byAction("action.byId", (id) => ({ id })), byAction("evidence.forTarget", (actionId) => ({ actionId }))],
  FORUM: [bySlug("forum.view"), bySlug("forum.youSaidWeDid"), byAction("comment.forTarget", (actionId) => ({ actionId }))],
  ADVISER: [bySlug("adviser.notes"), bySlug("adviser.judgements"), bySlug("area.home")],
};

const withCookie = (request: TrpcRequest, visitor: Visitor): TrpcRequest => ({ ...request, headers: { ...request.headers, cookie: visitor.cookie } });

/**
 * The requests one person sends, in order. `offset` starts each person at a different place in
 * their lists, so two people signed in as one account do not open the same page at the same time.
 */
export function errands(desk: Desk, visitor: Visitor, steps: readonly Step[], offset = 0): Errand[] {
  const turns: Record<Step, number> = { page: offset, read: offset, checkIn: offset };
  return steps.map((step) => {
    const turn = turns[step]++;
    if (step === "page") {
      const page = nth(PAGES[desk.role], turn)(desk, Math.floor(turn / PAGES[desk.role].length));
      return {
        kind: `page: ${page.label}`,
        request: withCookie({ method: "GET", path: page.path, headers: {} }, visitor),
        check: checkPage(page.label, desk.email, page.expected),
      };
    }
    if (step === "read") {
      const read = nth(READS[desk.role], turn)(desk, Math.floor(turn / READS[desk.role].length));
      return { kind: `tRPC: ${read.procedure}`, request: withCookie(trpcQuery(read.procedure, read.input), visitor), check: checkRead(read.procedure) };
    }
    // A check-in that changes nothing but the action's last update, so the plan's figures stay as they are.
    const a = nth(desk.postable, turn);
    const input = unchangedCheckIn(a, "Load test check-in: no change since the last update.");
    return { kind: "check-in", request: withCookie(trpcMutation("action.postUpdate", input), visitor), check: checkCheckIn(a.id) };
  });
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

export type Outcome = { kind: string; ms: number; error: string | null; checkIn: CheckIn | null };
export type KindRow = { kind: string; count: number; errors: number; p50: number; p95: number };

const round1 = (n: number) => Math.round(n * 10) / 10;

function row(kind: string, outcomes: readonly Outcome[]): KindRow {
  const sorted = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return {
    kind,
    count: outcomes.length,
    errors: outcomes.filter((o) => o.error !== null).length,
    p50: round1(percentile(sorted, 50)),
    p95: round1(percentile(sorted, 95)),
  };
}

/** Count, errors, p50 and p95 per kind (pages, then reads, then check-ins), and for everything: failed requests are timed too. */
export function summariseKinds(outcomes: readonly Outcome[]): { kinds: KindRow[]; all: KindRow | null } {
  const byKind = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const same = byKind.get(o.kind);
    if (same) same.push(o);
    else byKind.set(o.kind, [o]);
  }
  const order = (kind: string) => (kind.startsWith("page") ? 0 : kind.startsWith("tRPC") ? 1 : 2);
  const kinds = [...byKind.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b)).map((k) => row(k, byKind.get(k)!));
  return { kinds, all: outcomes.length ? row("all", outcomes) : null };
}

export function formatTable(rows: readonly KindRow[]): string {
  const width = Math.max(4, ...rows.map((r) => r.kind.length));
  const line = (cells: Array<string | number>) => `${String(cells[0]).padEnd(width)}  ${cells.slice(1).map((c) => String(c).padStart(7)).join("  ")}`;
  return [line(["kind", "count", "errors", "p50 ms", "p95 ms"]), ...rows.map((r) => line([r.kind, r.count, r.errors, r.p50.toFixed(1), r.p95.toFixed(1)]))].join("\n");
}

export function finalLine(r: { requests: number; errors: number; acknowledged: number; present: number }): string {
  return `load: ${r.requests} requests, ${r.errors} errors, ${r.acknowledged} check-ins acknowledged, ${r.present} present with audit`;
}

// ---------------------------------------------------------------------------------------------
// Talking to the app
// ---------------------------------------------------------------------------------------------

/** Rejects once `stop` fires: for what cannot itself be cancelled (signing in). */
function beforeStop<T>(work: Promise<T>, stop: AbortSignal): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      if (stop.aborted) reject(new Error("the time limit was reached"));
      stop.addEventListener("abort", () => reject(new Error("the time limit was reached")), { once: true });
    }),
  ]);
}

async function send(baseUrl: string, request: TrpcRequest, stop: AbortSignal): Promise<Answer> {
  // Redirects are answers in their own right: a page sending a signed-in person to sign in is an error.
  const res = await fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: "manual",
    signal: AbortSignal.any([stop, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
  });
  return { status: res.status, body: await res.text(), location: res.headers.get("location") };
}

async function read<T>(baseUrl: string, visitor: Visitor, procedure: string, input: unknown, stop: AbortSignal): Promise<T> {
  const answer = await send(baseUrl, withCookie(trpcQuery(procedure, input), visitor), stop);
  if (answer.status !== 200) throw new Error(`${visitor.name}: tRPC ${procedure}: HTTP ${answer.status}: ${answer.body.slice(0, 200)}`);
  return trpcResult<T>(answer.body);
}

type AreaListed = { slug: string; name: string; role: string | null };
type AreaHome = { plan: { findings: Array<{ id: string; ref: string }> } | null };

/** An owner's actions in the area, from My work (which lists their actions in every area). */
async function ownActions(baseUrl: string, visitor: Visitor, inArea: readonly KnownAction[], stop: AbortSignal): Promise<KnownAction[]> {
  const mine = await read<KnownAction[]>(baseUrl, visitor, "action.myWork", undefined, stop);
  return mine.filter((a) => inArea.some((b) => b.id === a.id));
}

/** What the person's own screens tell them: their area (where they hold their role), its findings, their actions. */
async function findDesk(baseUrl: string, account: Account, visitor: Visitor, stop: AbortSignal): Promise<Desk> {
  const areas = await read<AreaListed[]>(baseUrl, visitor, "area.list", undefined, stop);
  const area = areas.find((a) => a.role === account.role);
  if (!area) throw new Error(`${account.email} is not a ${account.role} of any area: is the demo seed loaded?`);
  const home = await read<AreaHome>(baseUrl, visitor, "area.home", { slug: area.slug }, stop);
  const findings = home.plan?.findings ?? [];
  const listed = await read<{ actions: KnownAction[] }>(baseUrl, visitor, "action.list", { slug: area.slug }, stop);
  const actions = account.role === "CONTRIBUTOR" ? await ownActions(baseUrl, visitor, listed.actions, stop) : listed.actions;
  const postable = account.role === "LEAD" || account.role === "CONTRIBUTOR" ? actions.filter(postableAsItStands) : [];
  if (findings.length === 0 || actions.length === 0) throw new Error(`${account.email} finds no ${findings.length === 0 ? "findings" : "actions"} in ${area.name}: is the demo seed loaded?`);
  return { email: account.email, role: account.role, area: { slug: area.slug, name: area.name }, findings, actions, postable };
}

/** Why a request failed, in words: the run's time limit and a slow answer are told apart. */
function failure(error: Error, stop: AbortSignal): string {
  if (stop.aborted) return "cut off by the time limit before it was answered";
  if (error.name === "TimeoutError") return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  return described(error);
}

/** fetch says only "fetch failed"; its cause names the network error (ECONNREFUSED, ECONNRESET). */
function described(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${error.message} (${cause.code ?? cause.message})` : error.message;
}

async function runErrands(baseUrl: string, list: readonly Errand[], stop: AbortSignal, outcomes: Outcome[]) {
  for (const errand of list) {
    if (stop.aborted) return;
    const t0 = performance.now();
    let error: string | null = null;
    let checkIn: CheckIn | null = null;
    try {
      checkIn = errand.check(await send(baseUrl, errand.request, stop)) ?? null;
    } catch (e) {
      error = `${errand.kind}: ${failure(e as Error, stop)}`;
    }
    outcomes.push({ kind: errand.kind, ms: performance.now() - t0, error, checkIn });
  }
}

// ---------------------------------------------------------------------------------------------
// The database check
// ---------------------------------------------------------------------------------------------

/**
 * Which acknowledged check-ins are missing: the update row on its action, or the audit event
 * server/services/actions/check-ins.ts writes with it in one transaction (action.postUpdate on the
 * Action, naming the update in "after").
 */
export async function missingCheckIns(db: pg.Client, checkIns: readonly CheckIn[]): Promise<string[]> {
  if (checkIns.length === 0) return [];
  const { rows } = await db.query<{ id: string; actionId: string; stored: boolean; audited: boolean }>(
    `SELECT k.id, k."actionId",
            EXISTS (SELECT 1 FROM "ActionUpdate" u WHERE u.id = k.id AND u."actionId" = k."actionId") AS stored,
            EXISTS (SELECT 1 FROM "AuditEvent" e
                    WHERE e."entityType" = 'Action' AND e."entityId" = k."actionId"
                      AND e."action" = 'action.postUpdate' AND e."after"->>'updateId' = k.id) AS audited
     FROM unnest($1::text[], $2::text[]) AS k(id, "actionId")`,
    [checkIns.map((c) => c.updateId), checkIns.map((c) => c.actionId)],
  );
  return rows
    .filter((r) => !r.stored || !r.audited)
    .map((r) => `update ${r.id} on action ${r.actionId}: ${r.stored ? "no audit event" : "not in ActionUpdate"}`);
}

/** The database holds Headway's demo accounts: otherwise every check-in would look missing, or none be checked. */
async function expectHeadwayDatabase(db: pg.Client) {
  const emails = [...new Set(ACCOUNTS.map((a) => a.email))];
  const found = await db
    .query<{ n: number }>(`SELECT count(*)::int AS n FROM "User" WHERE email = ANY($1::text[])`, [emails])
    .then((r) => r.rows[0]!.n)
    .catch((error: unknown) => {
      throw new Error(`the database has no Headway tables (${described(error)}): is it the one the app uses?`);
    });
  if (found !== emails.length) throw new Error(`the database has ${found} of the ${emails.length} demo accounts: is it the one the app uses, with the demo seed loaded?`);
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

const log = (line: string) => console.log(`[load] ${line}`);

async function signInEveryone(opts: LoadOptions, stop: AbortSignal) {
  const people: Array<{ account: Account; visitor: Visitor; desk: Desk }> = [];
  // One at a time: the sign-in limits count each attempt before the password is checked, so
  // many at once from one address could be refused.
  for (const account of accountsFor(opts.users)) {
    const visitor = await beforeStop(signIn(opts.baseUrl, account.email, DEMO_PASSWORD), stop).catch((error: unknown) => {
      throw new Error(`signing in as ${account.email} at ${opts.baseUrl}: ${described(error)}`);
    });
    const desk = await findDesk(opts.baseUrl, account, visitor, stop);
    people.push({ account, visitor, desk });
  }
  return people;
}

export async function main(opts: LoadOptions): Promise<number> {
  if (!opts.databaseUrl) {
    console.error("[load] No database to check the check-ins in: pass --database-url or set DATABASE_URL (the database the app at --url uses).");
    return 1;
  }
  const db = new pg.Client({ connectionString: opts.databaseUrl, connectionTimeoutMillis: 10_000, statement_timeout: 30_000 });
  // Checked first, so a wrong database fails before any load is sent.
  await db.connect();
  await expectHeadwayDatabase(db);
  const stop = AbortSignal.timeout(opts.timeoutSeconds * 1000);
  try {
    log(`signing in ${opts.users} ${opts.users === 1 ? "person" : "people"} at ${opts.baseUrl}`);
    const people = await signInEveryone(opts, stop);
    const plans = shares(opts.requests, opts.users).map((count, i) => {
      const { desk, visitor } = people[i]!;
      return errands(desk, visitor, mix(desk.role, count, desk.postable.length > 0), i);
    });
    log(`${opts.users} people sending ${opts.requests} requests at once (limit ${opts.timeoutSeconds} s)`);
    const outcomes: Outcome[] = [];
    const t0 = performance.now();
    await Promise.all(plans.map((list) => runErrands(opts.baseUrl, list, stop, outcomes)));
    const wallSeconds = (performance.now() - t0) / 1000;
    return await report(db, opts, outcomes, wallSeconds, stop.aborted);
  } finally {
    await db.end();
  }
}

async function report(db: pg.Client, opts: LoadOptions, outcomes: readonly Outcome[], wallSeconds: number, stopped: boolean): Promise<number> {
  const { kinds, all } = summariseKinds(outcomes);
  console.log(`\n${formatTable(all ? [...kinds, all] : kinds)}\n`);
  console.log(`wall time ${wallSeconds.toFixed(1)} s, ${(outcomes.length / wallSeconds).toFixed(1)} requests/s`);
  const errors = outcomes.filter((o) => o.error !== null);
  for (const e of errors.slice(0, 10)) console.log(`  error: ${e.error!.slice(0, 300)}`);
  if (errors.length > 10) console.log(`  … and ${errors.length - 10} more errors`);
  if (stopped) console.log(`stopped at the ${opts.timeoutSeconds} s limit: ${outcomes.length} of ${opts.requests} requests sent`);

  const checkIns = outcomes.flatMap((o) => (o.checkIn ? [o.checkIn] : []));
  const missing = await missingCheckIns(db, checkIns);
  for (const m of missing.slice(0, 10)) console.log(`  missing: ${m}`);
  console.log(finalLine({ requests: outcomes.length, errors: errors.length, acknowledged: checkIns.length, present: checkIns.length - missing.length }));
  return errors.length === 0 && missing.length === 0 && !stopped && outcomes.length === opts.requests ? 0 : 1;
}

// Run as a command (not when the tests import the parts above).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let code: number;
  try {
    code = await main(parseLoadArgs(process.argv.slice(2), process.env));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\nUsage: ${USAGE}`);
      code = 2;
    } else {
      console.error(`[load] failed: ${described(error)}`);
      code = 1;
    }
  }
  // Whatever the time limit left unanswered must not keep the process waiting.
  process.exit(code);
}
