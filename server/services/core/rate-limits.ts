/**
 * Fixed-window rate limits kept in PostgreSQL (RateLimitBucket), so every app instance counts
 * against the same limit. One bucket per limit and subject ("signin:email:jo@example.org"); a
 * hit is one atomic statement, so concurrent requests on any number of instances never lose a
 * count. Callers pass their own `now`, which is also how tests move the clock.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";

export type RateLimit = {
  /** The first part of the bucket key, e.g. "signin:email". */
  name: string;
  /** Hits allowed in one window. */
  max: number;
  windowSeconds: number;
};

export type RateLimitVerdict = {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  hits: number;
  windowStart: Date;
  /** Seconds until the window ends and the limit lifts (0 when allowed). */
  retryAfterSeconds: number;
};

/** Buckets untouched for this long belong to long-ended windows: swept away (see hit()). */
export const STALE_BUCKET_SECONDS = 24 * 60 * 60;
const SWEEP_BATCH = 500;

export const bucketKey = (limit: RateLimit, subject: string) => `${limit.name}:${subject}`;

/**
 * Counts one hit against `limit` for `subject` and says whether it is within the limit. A hit
 * after the window has ended starts a new window at `now` with a count of 1.
 */
export async function hit(db: PrismaClient, limit: RateLimit, subject: string, now = new Date()): Promise<RateLimitVerdict> {
  const key = bucketKey(limit, subject);
  // In ON CONFLICT ... DO UPDATE every right-hand side sees the row as it was, so both CASEs
  // test the old window. The row lock makes concurrent hits on one key queue up, not collide.
  const rows = await db.$queryRaw<{ hits: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "hits", "updatedAt")
    VALUES (${key}, ${now}::timestamp(3), 1, ${now}::timestamp(3))
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE
        WHEN "RateLimitBucket"."windowStart" + make_interval(secs => ${limit.windowSeconds}) <= EXCLUDED."windowStart" THEN 1
        ELSE "RateLimitBucket"."hits" + 1 END,
      "windowStart" = CASE
        WHEN "RateLimitBucket"."windowStart" + make_interval(secs => ${limit.windowSeconds}) <= EXCLUDED."windowStart" THEN EXCLUDED."windowStart"
        ELSE "RateLimitBucket"."windowStart" END,
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "hits", "windowStart"`;
  const { hits, windowStart } = rows[0]!;
  // A new window is rare (the first hit in a while): a good moment to sweep old buckets, so the
  // table holds only recent ones without a job of its own.
  if (hits === 1) await sweepStaleBuckets(db, now);
  const allowed = hits <= limit.max;
  const endsAt = windowStart.getTime() + limit.windowSeconds * 1000;
  return { allowed, hits, windowStart, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

/**
 * Takes back a hit that turned out not to count (a password sign-in that succeeded), if its
 * window is still the current one.
 */
export async function refund(db: PrismaClient, limit: RateLimit, subject: string, verdict: RateLimitVerdict): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimitBucket" SET "hits" = "hits" - 1
    WHERE "key" = ${bucketKey(limit, subject)} AND "windowStart" = ${verdict.windowStart}::timestamp(3) AND "hits" > 0`;
}

/**
 * Deletes buckets untouched for STALE_BUCKET_SECONDS (every limit's window is far shorter), a
 * batch at a time. SKIP LOCKED: a bucket being hit right now is left alone, and two instances
 * sweeping at once never wait on each other.
 */
export async function sweepStaleBuckets(db: PrismaClient, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_BUCKET_SECONDS * 1000);
  return db.$executeRaw`
    DELETE FROM "RateLimitBucket" WHERE "key" IN (
      SELECT "key" FROM "RateLimitBucket" WHERE "updatedAt" < ${cutoff}::timestamp(3)
      ORDER BY "updatedAt" LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)`;
}
