import "server-only";
import { randomUUID } from "node:crypto";
import { getSession } from "@/server/auth/options";
import { getDb } from "@/server/db";
import { databaseUnavailable, type Context } from "@/server/api/trpc";
import { noteDatabaseOutage } from "@/server/resilience/database-outage";

/** The request context: the database, the session (fresh memberships) and a request id. */
export async function createContext(): Promise<Context> {
  const session = await getSession().catch((error: unknown) => {
    throw noteDatabaseOutage(error) ? databaseUnavailable(error) : error;
  });
  return { db: getDb(), session, requestId: randomUUID() };
}
