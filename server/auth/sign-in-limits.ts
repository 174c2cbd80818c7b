/**
 * How often anyone may try to sign in, per email address and per client address
 * (client-address.ts), counted in PostgreSQL (server/services/core/rate-limits.ts) so the limits
 * hold across app instances.
 *
 * - Password: only failed attempts count (brute force is failures). Every attempt takes a hit
 *   first, so concurrent guesses cannot slip past the limit together, and a success gives its
 *   hit back. So a busy office behind one address, or the browser tests signing in dozens of
 *   times from 127.0.0.1, are never limited for signing in successfully.
 * - Email links: every request counts, since each one sends an email.
 *
 * A limited request gets the same answer whether or not the address has an account.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { tooManyAttemptsCode } from "@/server/auth/too-many-attempts";
import { hit, refund, type RateLimit, type RateLimitVerdict } from "@/server/services/core/rate-limits";

const MINUTES = 60;

export const PASSWORD_FAILURES_PER_EMAIL: RateLimit = { name: "signin:email", max: 5, windowSeconds: 15 * MINUTES };
export const PASSWORD_FAILURES_PER_ADDRESS: RateLimit = { name: "signin:ip", max: 20, windowSeconds: 15 * MINUTES };
export const MAGIC_LINKS_PER_EMAIL: RateLimit = { name: "link:email", max: 3, windowSeconds: 15 * MINUTES };
export const MAGIC_LINKS_PER_ADDRESS: RateLimit = { name: "link:ip", max: 10, windowSeconds: 60 * MINUTES };

/** Thrown from next-auth's authorize or signIn callback: its message reaches the sign-in form. */
export class SignInLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(tooManyAttemptsCode(retryAfterSeconds));
    this.name = "SignInLimited";
  }
}

export type SignInAttempt = { email: string; address: string | null };
type Counted = { limit: RateLimit; subject: string; verdict: RateLimitVerdict };

/** One hit on the email's bucket and the address's; throws SignInLimited if either is over. */
async function count(db: PrismaClient, what: string, limits: [RateLimit, RateLimit], attempt: SignInAttempt, now: Date) {
  const subjects: [RateLimit, string | null][] = [
    [limits[0], attempt.email.trim().toLowerCase()],
    [limits[1], attempt.address],
  ];
  const counted: Counted[] = [];
  for (const [limit, subject] of subjects) {
    if (subject) counted.push({ limit, subject, verdict: await hit(db, limit, subject, now) });
  }
  const over = counted.filter((c) => !c.verdict.allowed);
  if (over.length > 0) {
    // The client address, not the email address: enough to spot an attack, without a log of
    // who tried to sign in.
    console.warn(`[sign-in] ${what} refused: ${over.map((c) => c.limit.name).join(" and ")} limit reached (client ${attempt.address ?? "unknown"})`);
    throw new SignInLimited(Math.max(...over.map((c) => c.verdict.retryAfterSeconds)));
  }
  return counted;
}

/**
 * Runs `check` (the password check) within the password limits: refused without checking once
 * either limit is reached, even with the right password; a success gives its hits back.
 */
export async function withinPasswordLimits<T>(
  db: PrismaClient,
  attempt: SignInAttempt,
  check: () => Promise<T | null>,
  now = new Date(),
): Promise<T | null> {
  const counted = await count(db, "password sign-in", [PASSWORD_FAILURES_PER_EMAIL, PASSWORD_FAILURES_PER_ADDRESS], attempt, now);
  const user = await check();
  if (user) for (const c of counted) await refund(db, c.limit, c.subject, c.verdict);
  return user;
}

/** Counts a request for a sign-in link; throws SignInLimited when there have been too many. */
export async function countMagicLinkRequest(db: PrismaClient, attempt: SignInAttempt, now = new Date()): Promise<void> {
  await count(db, "sign-in link", [MAGIC_LINKS_PER_EMAIL, MAGIC_LINKS_PER_ADDRESS], attempt, now);
}
