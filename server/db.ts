/**
 * The one Prisma client of the app. Created on first use, so `next build` needs no database,
 * and kept on globalThis so Next's dev reloads do not open a new pool each time.
 */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { env } from "@/server/env.js";
import { countQueries } from "@/server/query-count";
import { reportDatabaseOutage } from "@/server/resilience/database-outage";

export type Db = PrismaClient;

export function createDb(url: string): PrismaClient {
  // A short connection timeout: when the database is down, requests fail fast with 503
  // instead of hanging.
  // Connections the server closes (a restart) tell the gate in front of pages to check the
  // database before each page until it answers again (server/resilience/database-outage.ts).
  const adapter = new PrismaPg(
    // jit=off: the app's queries are short, and PostgreSQL's JIT compiler would spend ~80 ms on
    // one whose cost estimate passes jit_above_cost (the national view's).
    { connectionString: url, connectionTimeoutMillis: 5_000, max: 10, options: "-c jit=off" },
    { onPoolError: reportDatabaseOutage, onConnectionError: reportDatabaseOutage },
  );
  // Only for the benchmark's SQL count (server/query-count.ts); otherwise Prisma logs nothing.
  if (env.HEADWAY_QUERY_COUNT) return countQueries(new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] }));
  return new PrismaClient({ adapter });
}

const g = globalThis as unknown as { headwayDb?: PrismaClient };

export function getDb(): PrismaClient {
  if (!g.headwayDb) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start Headway with `npm start` (scripts/with-db.mjs sets it).");
    }
    g.headwayDb = createDb(env.DATABASE_URL);
  }
  return g.headwayDb;
}
