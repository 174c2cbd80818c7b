/**
 * Strict-Transport-Security on the responses that proxy.ts never sees: route handlers (the tRPC
 * endpoint, downloads, uploads, sign-in). Pages get it from proxy.ts. It cannot go in
 * next.config.js `headers()`, which is fixed when the app is built, and one build is served over
 * plain HTTP on a test machine and over HTTPS in production; nor can proxy.ts run for /api/,
 * since Next then holds each request body in memory for it (and cuts it at 10 MB), which the
 * upload routes' own streaming limits exist to avoid.
 */
import { env } from "@/server/env.js";
import { servedOverHttps, STRICT_TRANSPORT_SECURITY } from "@/server/security-headers.js";

type TransportEnv = { NODE_ENV?: string; NEXTAUTH_URL?: string };

/** The response, with HSTS when the site is served over HTTPS in production. */
export function withTransportSecurity(response: Response, e: TransportEnv = env): Response {
  if (!servedOverHttps(e)) return response;
  try {
    response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    return response;
  } catch {
    // Response.redirect() and fetched responses have headers that cannot be changed: copy it.
    const copy = new Response(response.body, response);
    copy.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    return copy;
  }
}

/** A route handler whose every response carries HSTS (in production over HTTPS). */
export function transportSecure<A extends unknown[]>(handler: (...args: A) => Promise<Response> | Response) {
  return async (...args: A): Promise<Response> => withTransportSecurity(await handler(...args));
}
