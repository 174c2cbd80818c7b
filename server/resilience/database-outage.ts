/**
 * Telling a database outage apart from a fault, and remembering that one is under way.
 *
 * An outage (PostgreSQL stopped, restarting, refusing connections, the network gone) is answered
 * with 503 and "try again in a minute"; anything else stays a 500 that someone should look at.
 * Whoever meets an outage reports it here (the pool's error events in server/db.ts, the tRPC error
 * mapping, the session lookup, route handlers, instrumentation's onRequestError); the proxy's gate
 * (database-gate.ts) then checks the database before each page until it answers again. While no
 * outage is reported the gate costs nothing: healthy traffic never waits for a probe.
 *
 * The state lives on globalThis because Next bundles the proxy, route handlers and pages
 * separately: in one `next start` process they share it, not their module instances.
 */
import { DATABASE_UNAVAILABLE_DIGEST, UNAVAILABLE } from "@/server/resilience/unavailable-wording";

/** Thrown where the app meets an outage outside tRPC (the session lookup); pages recognise it by its digest. */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause?: unknown) {
    super(UNAVAILABLE.short, { cause });
    this.name = "DatabaseUnavailableError";
  }
}

// Prisma: can't reach, timed out reaching, operation timed out, server closed the connection,
// no connection from the pool in time, too many connections.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// The pg driver adapter's kinds for the same (meta.driverAdapterError.cause.kind).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: 08xxx connection exceptions; shut down by an administrator, after a crash, or not
// yet accepting connections (starting up, shutting down, in recovery); too many connections.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// Bare socket codes (ECONNREFUSED, ...) are left out on purpose: the adapter turns the database's
// into the kinds above, and the same codes from the mail server or S3 are no database outage.
// What node-postgres throws without a code when a connection dies or never comes.
const MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Can't reach database server|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection due to administrator command/i;

type ErrorLike = {
  digest?: unknown;
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

function isOutageItself(e: ErrorLike): boolean {
  if (e.digest === DATABASE_UNAVAILABLE_DIGEST) return true;
  if (typeof e.code === "string") {
    if (PRISMA_CODES.has(e.code) || SQLSTATES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  return typeof e.message === "string" && MESSAGES.test(e.message);
}

/** True when `error` (or what caused it) says the database is out of reach, not that a query was wrong. */
export function isDatabaseOutage(error: unknown): boolean {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const like = e as ErrorLike;
    if (isOutageItself(like)) return true;
    queue.push(like.cause, like.meta?.driverAdapterError);
  }
  return false;
}

type OutageState = { since: number | null };
const KEY = Symbol.for("headway.databaseOutage");

function outage(): OutageState {
  const g = globalThis as unknown as Record<symbol, OutageState | undefined>;
  return (g[KEY] ??= { since: null });
}

/** When the current outage was first noticed (ms since the epoch), or null when none is known. */
export function databaseOutageSince(): number | null {
  return outage().since;
}

/** One line for the log: Prisma puts the reason last, after where the call was made. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").findLast((line) => line.trim())?.trim() ?? "no answer";
}

/**
 * Reports an error that certainly came from a database connection (the pool's error events): the
 * gate then checks, so a connection closed for another reason costs one probe and no more.
 */
export function reportDatabaseOutage(error: unknown): void {
  const state = outage();
  if (state.since !== null) return;
  state.since = Date.now();
  console.warn(`[database] out of reach? (${reasonOf(error)}): pages check it first, and answer 503 while it does not answer`);
}

/** Reports `error` if it is an outage; returns whether it was. */
export function noteDatabaseOutage(error: unknown): boolean {
  if (!isDatabaseOutage(error)) return false;
  reportDatabaseOutage(error);
  return true;
}

/** Called by the gate once the database answers again. */
export function clearDatabaseOutage(): void {
  const state = outage();
  if (state.since === null) return;
  console.warn(`[database] answering again after ${((Date.now() - state.since) / 1000).toFixed(1)} s`);
  state.since = null;
}
