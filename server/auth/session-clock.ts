/**
 * When a session ends, read from the claims the session's JWT carries (no database):
 *
 * - `signedInAt`: set once at sign-in and copied into every re-issued token, so the session ends
 *   SESSION_MAX_AGE_HOURS after sign-in however busy it is. (next-auth re-issues the cookie with a
 *   fresh `exp` on every GET /api/auth/session, so `exp` alone would be extended by use.)
 * - `lastSeenAt`: moved on by requests (the proxy re-issues the cookie on page requests,
 *   server/auth/session-activity.ts), so the session also ends SESSION_IDLE_MINUTES after the
 *   last one.
 * - `sid`: the session's own id, kept for its whole life. next-auth's `jti` will not do: it is
 *   replaced by a fresh one every time the token is re-issued. Signing out revokes the `sid`
 *   (RevokedSession); "sign out everywhere" refuses sessions with `signedInAt` up to
 *   User.sessionsValidAfter. Both are read with the session's user (session-user.ts).
 *
 * Times are milliseconds since the epoch, so a session begun in the same second as "sign out
 * everywhere" is told apart from one begun just after.
 */
import { randomUUID } from "node:crypto";

/** Seals session tokens when NEXTAUTH_SECRET is unset, which env.js allows outside production only. */
export const DEVELOPMENT_SECRET = "development-only-secret-not-for-production";

export type SessionClaims = { sub?: string; sid?: string; signedInAt?: number; lastSeenAt?: number };
export type SessionTimes = { maxAgeHours: number; idleMinutes: number };

/** Claims of a session that begins at `now`. */
export function newSessionClaims(now: number) {
  return { sid: randomUUID(), signedInAt: now, lastSeenAt: now };
}

/** When the session ends however it is used: signedInAt + the lifetime. */
export function sessionEndsAt(claims: SessionClaims, times: SessionTimes): number {
  return (claims.signedInAt ?? 0) + times.maxAgeHours * 3_600_000;
}

/**
 * Why the session is over at `now`, or null while it lasts. A token without the claims (issued
 * before sessions carried them, or made by hand) is over: signing in again gives it them.
 */
export function sessionOver(claims: SessionClaims, times: SessionTimes, now: number): "unknown" | "lifetime" | "idle" | null {
  if (!claims.sub || !claims.sid || typeof claims.signedInAt !== "number" || typeof claims.lastSeenAt !== "number") return "unknown";
  if (now >= sessionEndsAt(claims, times)) return "lifetime";
  if (now - claims.lastSeenAt > times.idleMinutes * 60_000) return "idle";
  return null;
}

/** Thrown from the jwt callback: next-auth then clears the cookie and answers "no session". */
export class SessionOver extends Error {
  constructor(readonly reason: string) {
    super(`session over (${reason})`);
    this.name = "SessionOver";
  }
}

/** Seconds left of the session's lifetime, for the token's `exp` (so the cookie never outlives it). */
export function secondsLeft(claims: SessionClaims, times: SessionTimes, now: number): number {
  return Math.max(1, Math.ceil((sessionEndsAt(claims, times) - now) / 1000));
}
