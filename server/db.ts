/**
 * The one Prisma client of the app. Created on first use, so `next build` needs no database,
 * and kept on globalThis so Next's dev reloads do not open a new pool each time.
 */
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { env } from "@/server/env.js";

export type Db = PrismaClient;

export function createDb(url: string): PrismaClient {
  return new PrismaClient({
    // A short connection timeout: when the database is down, requests fail fast with 503
    // instead of hanging.
    adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 5_000, max: 10 }),
  });
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
