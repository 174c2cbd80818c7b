/**
 * The idle timeout needs to know when the session was last used. Pages read the session in
 * server components, which cannot set cookies, so the proxy (proxy.ts, on every page request)
 * re-issues the session cookie with `lastSeenAt` moved to now. No database: the token is checked
 * and re-sealed with the app's secret only. A session already over (session-clock.ts) is left as
 * it is, for the page's own session check to refuse; so is a cookie next-auth split into chunks
 * (a token far bigger than the app's).
 */
import { decode, encode } from "next-auth/jwt";
import { secondsLeft, sessionOver, type SessionTimes } from "@/server/auth/session-clock";

/** Re-issuing on every request would only churn the header: once a minute is exact enough. */
export const ACTIVITY_RESOLUTION_MS = 60_000;

const COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

type CookieJar = { get(name: string): { value: string } | undefined };
export type SessionCookie = { name: string; value: string; options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date } };

/** The session cookie to set on the response to this request, or null to leave it alone. */
export async function touchedSessionCookie(cookies: CookieJar, secret: string, times: SessionTimes, now = Date.now()): Promise<SessionCookie | null> {
  const name = COOKIES.find((n) => cookies.get(n));
  if (!name) return null;
  const token = await decode({ token: cookies.get(name)!.value, secret }).catch(() => null);
  if (!token || sessionOver(token, times, now)) return null;
  if (now - token.lastSeenAt! < ACTIVITY_RESOLUTION_MS) return null;
  const maxAge = secondsLeft(token, times, now);
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  const value = await encode({ token: { ...claims, lastSeenAt: now }, secret, maxAge });
  return { name, value, options: { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), expires: new Date(now + maxAge * 1000) } };
}
