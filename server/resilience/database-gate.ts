/**
 * The gate in front of pages and route handlers while the database is out of reach: instead of a
 * page that half-renders and fails with a 500, a clear 503 page ("Headway is unavailable for a
 * moment") with Retry-After.
 *
 * It only looks at the database once something has reported an outage (database-outage.ts); then
 * it asks PostgreSQL `SELECT 1` on a connection of its own, at most every RECHECK_MS, so requests
 * in a burst share one probe and the first request after the database is back lets everyone in.
 * Healthy traffic pays nothing: no probe, no I/O, one property read.
 */
import pg from "pg";
import { env } from "@/server/env.js";
import { clearDatabaseOutage, databaseOutageSince, noteDatabaseOutage } from "@/server/resilience/database-outage";
import { RETRY_AFTER_SECONDS, UNAVAILABLE } from "@/server/resilience/unavailable-wording";

/** How long a failed probe stands before the next request probes again: recovery is seen within this. */
export const RECHECK_MS = 500;
/** A database that has not answered in this long counts as down. */
export const PROBE_TIMEOUT_MS = 1_000;

type Probe = { at: number; ok: boolean; running: Promise<boolean> | null };
const probe: Probe = { at: 0, ok: false, running: null };

/** One `SELECT 1` on a fresh connection (the app's pool may be full, or hold dead connections). */
export async function databaseAnswers(url: string | undefined = env.DATABASE_URL): Promise<boolean> {
  if (!url) return false;
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    query_timeout: PROBE_TIMEOUT_MS,
    application_name: "headway-gate",
  });
  // A connection that dies while we hold it must not become an unhandled 'error' event.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    client.end().catch(() => {});
  }
}

async function probeShared(url?: string): Promise<boolean> {
  if (probe.running) return probe.running;
  if (Date.now() - probe.at < RECHECK_MS) return probe.ok;
  probe.running = databaseAnswers(url).then((ok) => {
    Object.assign(probe, { at: Date.now(), ok, running: null });
    return ok;
  });
  return probe.running;
}

/**
 * Null when the request may go on (no outage known, or the database answers again); otherwise the
 * 503 to send: an HTML page, or `plain` text for downloads and other route handlers.
 */
export async function databaseGate({ plain = false, url }: { plain?: boolean; url?: string } = {}): Promise<Response | null> {
  if (databaseOutageSince() === null) return null;
  if (await probeShared(url)) {
    clearDatabaseOutage();
    return null;
  }
  return plain ? unavailableText() : unavailablePage();
}

const HEADERS = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };

export function unavailableText(): Response {
  return new Response(UNAVAILABLE.short, {
    status: 503,
    headers: { ...HEADERS, "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" },
  });
}

/**
 * A whole page of its own: the app's layout needs the database (the session), so it cannot be
 * used. Self-contained (no scripts, no external styles), with a CSP to match.
 */
export function unavailablePage(): Response {
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${UNAVAILABLE.title} – Headway</title>
<style>
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Arial,sans-serif;font-size:19px;line-height:1.5;color:#0b0c0c;background:#fff}
header{background:#0b0c0c;color:#fff;padding:12px 16px;font-weight:700}
main{max-width:660px;margin:0 auto;padding:32px 16px 64px}
h1{font-size:2rem;line-height:1.2;margin:0 0 24px}
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
</style>
</head>
<body>
<header>Headway</header>
<main>
<h1>${UNAVAILABLE.title}</h1>
<p>${UNAVAILABLE.reason}</p>
<p>${UNAVAILABLE.pending}</p>
<p>${UNAVAILABLE.retry} <a href="">Try again</a></p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      ...HEADERS,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}

/**
 * A route handler that answers 503 rather than 500 while the database is out of reach: checked by
 * the gate first, and when the outage begins part-way through the handler.
 */
export function unlessDatabaseDown<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const closed = await databaseGate({ plain: true });
    if (closed) return closed;
    try {
      return await handler(...args);
    } catch (error) {
      if (noteDatabaseOutage(error)) return unavailableText();
      throw error;
    }
  };
}
