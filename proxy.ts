/**
 * Runs before every page request: passes the requested path on to server components (so a
 * signed-out visitor is sent to sign in and then back to where they were going), gives the
 * page its Content-Security-Policy with a fresh nonce (server/security-headers.js), and notes the
 * request on the session cookie for the idle timeout (server/auth/session-activity.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { touchedSessionCookie } from "@/server/auth/session-activity";
import { DEVELOPMENT_SECRET } from "@/server/auth/session-clock";
import { env } from "@/server/env.js";
import { databaseGate } from "@/server/resilience/database-gate";
import { newNonce, pageContentSecurityPolicy, servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/server/security-headers.js";

export async function proxy(request: NextRequest) {
  // While the database is out of reach: a clear 503 page, not a half-rendered 500 (costs nothing otherwise).
  const unavailable = await databaseGate();
  if (unavailable) return unavailable;
  const headers = new Headers(request.headers);
  headers.set("x-headway-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  // Next reads the nonce from the request's policy and puts it on its own scripts; the
  // browser enforces the response's.
  const https = servedOverHttps(env);
  const csp = pageContentSecurityPolicy({ nonce: newNonce(), dev: env.NODE_ENV === "development", https });
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  // A page request is activity: it keeps the session from its idle timeout.
  const touched = await touchedSessionCookie(request.cookies, env.NEXTAUTH_SECRET ?? DEVELOPMENT_SECRET, {
    maxAgeHours: env.SESSION_MAX_AGE_HOURS,
    idleMinutes: env.SESSION_IDLE_MINUTES,
  });
  if (touched) response.cookies.set(touched.name, touched.value, touched.options);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
