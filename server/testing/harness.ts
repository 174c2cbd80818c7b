/**
 * What integration tests share: a Prisma client on the run's database, people in an area, callers
 * that act as a given user with the session the app would build for them (memberships read fresh),
 * and the refusals those callers end in.
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { TRPCError } from "@trpc/server";
import {} from "vitest";
import { createMembership, createUser } from "@/prisma/factories";
import { readMailbox } from "@/scripts/smtp-catcher.mjs";
import { createCaller } from "@/server/api/root";
import type { Context } from "@/server/api/trpc";
import { loadSessionUser } from "@/server/auth/session-user";
import { AppError, fieldErrorsOf } from "@/server/errors";
import { PrismaClient } from "@/server/generated/prisma/client";
import type { AreaRole } from "@/server/generated/prisma/enums";
import { testDatabaseUrl, workerResources } from "@/server/testing/worker";

export function testDb(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl() }) });
}

const databaseIn = (url: string, database: string) => Object.assign(new URL(url), { pathname: `/${database}` }).toString();

/**
 * A database of this test file's own, copied from the migrated one, for tests of work that goes
 * through the whole database (the daily jobs): on the worker's shared database they would also
 * work through every other file's areas and people. `drop` removes it.
 */
export async function ownDatabase(): Promise<{ db: PrismaClient; drop: () => Promise<void> }> {
  const { ownerDatabaseUrl, databaseUrl, templateDatabase } = workerResources();
  const name = `${templateDatabase}_own_${randomUUID().slice(0, 8)}`;
  const asOwner = async (sql: string) => {
    const c = new pg.Client({ connectionString: ownerDatabaseUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await asOwner(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase}"`);
  await asOwner(`GRANT CONNECT, TEMPORARY ON DATABASE "${name}" TO ${new URL(databaseUrl).username}`);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseIn(databaseUrl, name) }) });
  return {
    db,
    drop: async () => {
      await db.$disconnect();
      await asOwner(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
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

/** A caller and the request id its audit events carry. */
export async function actingAs(db: PrismaClient, userId: string) {
  const ctx = await contextFor(db, userId);
  return { api: createCaller(ctx), requestId: ctx.requestId };
}

/** A new person with the given role in the area; returns their user id. */
export async function createMember(db: PrismaClient, localAreaId: string, role: AreaRole, name?: string) {
  const user = await createUser(db, name ? { name } : {});
  await createMembership(db, { userId: user.id, localAreaId, role });
  return user.id;
}

/** The refusal a call ends in; fails the test if the call succeeds. */
export async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  const outcome = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (outcome === null) throw new Error("Expected the call to be refused, but it succeeded");
  if (!(outcome instanceof TRPCError)) throw outcome;
  return outcome;
}

/** The service's own refusal behind a tRPC error; fails the test if zod or tRPC refused instead. */
export function serviceRefusal(e: TRPCError): AppError {
  if (!(e.cause instanceof AppError)) throw new Error(`Expected a service refusal, got ${String(e.cause)}`);
  return e.cause;
}

/** The extra facts a service's refusal carries (the current record on a CONFLICT, ...). */
export function details(e: TRPCError): Record<string, unknown> {
  return serviceRefusal(e).details ?? {};
}

/** The field errors the form is given, built as the tRPC error formatter (server/api/trpc.ts) builds them. */
export function fieldErrors(e: TRPCError): Record<string, string> {
  return fieldErrorsOf(e.cause) ?? {};
}

/** What the app has sent to `to` through the run's SMTP catcher (global-setup.ts), oldest first. */
export function mailTo(to: string) {
  return readMailbox(workerResources().mailDir, to);
}
