/** One request at a time: server time per endpoint, and the SQL statements each request sends. */
import { performance } from "node:perf_hooks";
import type { BenchRequest, Endpoint } from "./endpoints";
import { summarise, type Summary } from "./stats";

export type Answer = { status: number; body: string; ms: number };

/** Time to the whole answer: from sending the request to the last byte of its body. */
export async function send(baseUrl: string, req: BenchRequest): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}${req.path}`, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - t0 };
}

export type Timing = Summary & { key: Endpoint["key"]; label: string };

export async function timeEndpoint(baseUrl: string, e: Endpoint, opts: { warmup: number; requests: number }): Promise<Timing> {
  for (let i = 0; i < opts.warmup; i += 1) {
    const a = await send(baseUrl, e.next());
    e.check(a.status, a.body);
  }
  const times: number[] = [];
  for (let i = 0; i < opts.requests; i += 1) {
    const a = await send(baseUrl, e.next());
    // Every answer is checked: a fast error page must not count as a fast page.
    e.check(a.status, a.body);
    times.push(a.ms);
  }
  return { key: e.key, label: e.label, ...summarise(times) };
}

async function queriesSoFar(baseUrl: string): Promise<{ queries: number; latest: string[] }> {
  const res = await fetch(`${baseUrl}/api/bench/queries`, { signal: AbortSignal.timeout(10_000) });
  if (res.status !== 200) throw new Error(`/api/bench/queries answered ${res.status}: the app was not started with HEADWAY_QUERY_COUNT=1, or this build predates it (pass --build).`);
  return (await res.json()) as { queries: number; latest: string[] };
}

/** A statement in a few words: what it does and to which table, e.g. "SELECT User". */
export function summariseSql(sql: string): string {
  const text = sql.replace(/\s+/g, " ").trim();
  const verb = (text.match(/^\w+/)?.[0] ?? "?").toUpperCase();
  const table = (re: RegExp) => text.match(re)?.[1];
  const name =
    verb === "INSERT" ? table(/INTO (?:"\w+"\.)?"(\w+)"/i)
    : verb === "UPDATE" ? table(/^UPDATE (?:"\w+"\.)?"(\w+)"/i)
    : verb === "DELETE" ? table(/FROM (?:"\w+"\.)?"(\w+)"/i)
    : table(/FROM (?:"\w+"\.)?"(\w+)"/i);
  return name ? `${verb} ${name}` : verb;
}

export type QueryCount = {
  key: Endpoint["key"];
  label: string;
  kind: Endpoint["kind"];
  queries: number;
  samples: number[];
  /** The statements of the last sample, in a few words each, in the order they were sent. */
  statements: string[];
};

/**
 * SQL statements per request, from Prisma's query events counted in the app: the count before
 * and after each request, with nothing else running (sequential requests, background jobs off).
 * Three samples each; they should agree, and the largest is reported.
 */
export async function countQueries(baseUrl: string, e: Endpoint, samples = 3): Promise<QueryCount> {
  const counts: number[] = [];
  let statements: string[] = [];
  for (let i = 0; i < samples; i += 1) {
    const before = await queriesSoFar(baseUrl);
    const a = await send(baseUrl, e.next());
    e.check(a.status, a.body);
    const after = await queriesSoFar(baseUrl);
    const n = after.queries - before.queries;
    counts.push(n);
    statements = n > 0 && n <= after.latest.length ? after.latest.slice(-n).map(summariseSql) : [];
  }
  return { key: e.key, label: e.label, kind: e.kind, queries: Math.max(...counts), samples: counts, statements };
}
