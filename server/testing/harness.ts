/**
 * What integration tests share: a Prisma client on the run's database, and callers that act as
 * a given user with the session the app would build for them (memberships read fresh).
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";
import { createCaller } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import { loadSessionUser } from "@/server/auth/session-user";
import { PrismaClient } from "@/server/generated/prisma/client";

export function testDb(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("databaseUrl") }) });
}

export async function contextFor(db: PrismaClient, userId: string | null): Promise<Context> {
  const user = userId ? await loadSessionUser(db, userId) : null;
  return {
    db,
    session: user ? { user, expires: new Date(Date.now() + 3_600_000).toISOString() } : null,
    requestId: randomUUID(),
  };
}

export async function callerFor(db: PrismaClient, userId: string | null) {
  return createCaller(await contextFor(db, userId));
}
