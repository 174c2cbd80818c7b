/**
 * The benchmark's count of SQL statements (scripts/bench.ts): with HEADWAY_QUERY_COUNT=1
 * the app's Prisma client reports every statement it sends, and this counts them for the whole
 * process and keeps the text of the latest few (placeholders, never the values). The bench sends
 * one request at a time and reads both before and after it, through app/api/bench/queries. Off
 * (the default), Prisma logs nothing and nothing is kept.
 *
 * Kept on globalThis because Next bundles route handlers and pages separately, each with its own
 * copy of this module, while they share one process.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";

/** Statements whose text is kept: more than any one request sends. */
export const KEPT_STATEMENTS = 200;

const g = globalThis as unknown as { headwayQueries?: { count: number; latest: string[] } };

/** Counts every query `client` sends; the client must be created with a "query" event log. */
export function countQueries(client: PrismaClient<"query">): PrismaClient<"query"> {
  const state = (g.headwayQueries ??= { count: 0, latest: [] });
  client.$on("query", (event) => {
    state.count += 1;
    state.latest.push(event.query.slice(0, 2_000));
    if (state.latest.length > KEPT_STATEMENTS) state.latest.shift();
  });
  return client;
}

/** Statements sent by this process since it started, and the text of the latest (oldest first). */
export function queriesSoFar(): { queries: number; latest: string[] } {
  return { queries: g.headwayQueries?.count ?? 0, latest: g.headwayQueries?.latest ?? [] };
}
