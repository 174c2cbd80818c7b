/**
 * How often anyone may try to sign in, per email address and per client address
 * (client-address.ts), counted in PostgreSQL (server/services/core/rate-limits.ts) so the limits
 * hold across app instances.
 *
 * - Password, per email: only failed attempts count (brute force is failures). Every attempt
 *   takes a hit first, so concurrent guesses cannot slip past together, and a success gives its
 *   hit back. After PASSWORD_FAILURES_PER_EMAIL.max failures in the window, attempts for that
 *   email are slowed, not refused: each waits its turn, turns PASSWORD_TURN_MS apart, and the
 *   right password is then accepted after that short wait. (A 15-minute lockout would let anyone
 *   who knows an address keep its owner out.) Only an attempt whose turn is more than
 *   PASSWORD_MAX_WAIT_MS away (many guesses at once: an attack, never a person retyping) is
 *   refused, to come back in a moment.
 * - Password, per client address: 20 failures in 15 minutes, then refused, for any email. Not
 *   counted for UNKNOWN_CLIENT, which is everyone whose address is not known: a limit on it would
 *   let one person's guesses lock every such person out.
 * - Email links: every request counts, since each one sends an email; per email and per known
 *   client address. Password failures never count against them, so a guessed-at account can still
 *   sign in by email link.
 *
 * A limited request gets the same answer, after the same wait, whether or not the address has an
 * account.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { UNKNOWN_CLIENT } from "@/server/auth/client-address";
import { tooManyAttemptsCode } from "@/server/auth/too-many-attempts";
import { hit, refund, type RateLimit, type RateLimitVerdict } from "@/server/services/core/rate-limits";

const MINUTES = 60;

export const PASSWORD_FAILURES_PER_EMAIL: RateLimit = { name: "signin:email", max: 5, windowSeconds: 15 * MINUTES };
export const PASSWORD_FAILURES_PER_ADDRESS: RateLimit = { name: "signin:ip", max: 20, windowSeconds: 15 * MINUTES };
export const MAGIC_LINKS_PER_EMAIL: RateLimit = { name: "link:email", max: 3, windowSeconds: 15 * MINUTES };
export const MAGIC_LINKS_PER_ADDRESS: RateLimit = { name: "link:ip", max: 10, windowSeconds: 60 * MINUTES };

/** Past the free failures: one password check per email every this long. */
export const PASSWORD_TURN_MS = 2_000;
/** The longest an attempt waits for its turn; one further off is refused. */
export const PASSWORD_MAX_WAIT_MS = 6_000;
const TURN_KEY = "signin:turn";

/** Thrown from next-auth's authorize or signIn callback: its message reaches the sign-in form. */
export class SignInLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(tooManyAttemptsCode(retryAfterSeconds));
    this.name = "SignInLimited";
  }
}

export type SignInAttempt = { email: string; address: string | null };
type Counted = { limit: RateLimit; subject: string; verdict: RateLimitVerdict };

const emailOf = (attempt: SignInAttempt) => attempt.email.trim().toLowerCase();

/** One hit on the email's bucket and the address's (when known); throws SignInLimited if any in `refuseOver` is over. */
async function count(db: PrismaClient, what: string, limits: [RateLimit, RateLimit], refuseOver: RateLimit[], attempt: SignInAttempt, now: Date) {
  const address = attempt.address && attempt.address !== UNKNOWN_CLIENT ? attempt.address : null;
  const subjects: [RateLimit, string | null][] = [
    [limits[0], emailOf(attempt)],
    [limits[1], address],
  ];
  const counted: Counted[] = [];
  for (const [limit, subject] of subjects) {
    if (subject) counted.push({ limit, subject, verdict: await hit(db, limit, subject, now) });
  }
  const over = counted.filter((c) => !c.verdict.allowed && refuseOver.includes(c.limit));
  if (over.length > 0) refuse(what, over.map((c) => c.limit.name), attempt, Math.max(...over.map((c) => c.verdict.retryAfterSeconds)));
  return counted;
}

function refuse(what: string, limits: string[], attempt: SignInAttempt, retryAfterSeconds: number): never {
  // The client address, not the email address: enough to spot an attack, without a log of who
  // tried to sign in.
  console.warn(`[sign-in] ${what} refused: ${limits.join(" and ")} limit reached (client ${attempt.address ?? UNKNOWN_CLIENT})`);
  throw new SignInLimited(retryAfterSeconds);
}

/**
 * Takes the email's next turn, PASSWORD_TURN_MS after the last one taken and no sooner than
 * PASSWORD_TURN_MS from now, in one atomic statement (concurrent attempts on any instance get
 * distinct turns); none when that is more than PASSWORD_MAX_WAIT_MS away. Kept as a
 * RateLimitBucket whose windowStart is the last turn taken, swept with the rest.
 */
async function takeTurn(db: PrismaClient, email: string, now: Date): Promise<Date | null> {
  const key = `${TURN_KEY}:${email}`;
  const earliest = new Date(now.getTime() + PASSWORD_TURN_MS);
  const latest = new Date(now.getTime() + PASSWORD_MAX_WAIT_MS);
  const rows = await db.$queryRaw<{ turn: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "hits", "updatedAt")
    VALUES (${key}, ${earliest}::timestamp(3), 1, ${now}::timestamp(3))
    ON CONFLICT ("key") DO UPDATE SET
      "windowStart" = GREATEST("RateLimitBucket"."windowStart" + make_interval(secs => ${PASSWORD_TURN_MS / 1000}), EXCLUDED."windowStart"),
      "hits" = "RateLimitBucket"."hits" + 1,
      "updatedAt" = EXCLUDED."updatedAt"
    WHERE GREATEST("RateLimitBucket"."windowStart" + make_interval(secs => ${PASSWORD_TURN_MS / 1000}), EXCLUDED."windowStart") <= ${latest}::timestamp(3)
    RETURNING "windowStart" AS "turn"`;
  return rows[0]?.turn ?? null;
}

/**
 * Runs `check` (the password check) within the password limits: refused without checking once
 * the address's limit is reached; past the email's free failures, checked only at the email's
 * next turn (waiting for it); a success gives its hits back. `wait` is how the turn is waited
 * for (tests pass their own).
 */
export async function withinPasswordLimits<T>(
  db: PrismaClient,
  attempt: SignInAttempt,
  check: () => Promise<T | null>,
  now = new Date(),
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<T | null> {
  const counted = await count(db, "password sign-in", [PASSWORD_FAILURES_PER_EMAIL, PASSWORD_FAILURES_PER_ADDRESS], [PASSWORD_FAILURES_PER_ADDRESS], attempt, now);
  if (counted.some((c) => c.limit === PASSWORD_FAILURES_PER_EMAIL && !c.verdict.allowed)) {
    const turn = await takeTurn(db, emailOf(attempt), now);
    if (!turn) refuse("password sign-in", ["signin:turn"], attempt, Math.ceil(PASSWORD_MAX_WAIT_MS / 1000));
    await wait(turn.getTime() - now.getTime());
  }
  const user = await check();
  if (user) for (const c of counted) await refund(db, c.limit, c.subject, c.verdict);
  return user;
}

/** Counts a request for a sign-in link; throws SignInLimited when there have been too many. */
export async function countMagicLinkRequest(db: PrismaClient, attempt: SignInAttempt, now = new Date()): Promise<void> {
  await count(db, "sign-in link", [MAGIC_LINKS_PER_EMAIL, MAGIC_LINKS_PER_ADDRESS], [MAGIC_LINKS_PER_EMAIL, MAGIC_LINKS_PER_ADDRESS], attempt, now);
}
