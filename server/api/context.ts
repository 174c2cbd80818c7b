import "server-only";
import { randomUUID } from "node:crypto";
import { getSession } from "@/server/auth/options";
import { getDb } from "@/server/db";
import type { Context } from "@/server/api/trpc";

/** The request context: the database, the session (fresh memberships) and a request id. */
export async function createContext(): Promise<Context> {
  return { db: getDb(), session: await getSession(), requestId: randomUUID() };
}
