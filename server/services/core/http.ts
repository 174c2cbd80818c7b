/**
 * Route handlers for what tRPC cannot carry (files up and down) are written once, here: a
 * handler is a function of the request, a RequestContext and the route's parameters, wrapped by
 * `httpHandler`, which answers a signed-out caller and turns a service's AppError into the same
 * status a procedure would give, in one place. The Next route files only bind it to the session
 * (server/api/route.ts); tests call the wrapped handler with a context of their own.
 */
import type { Viewer } from "@/server/auth/permissions";
import { AppError, fieldErrorsOf } from "@/server/errors";
import { isDatabaseOutage } from "@/server/resilience/database-outage";
import type { ServiceContext } from "@/server/services/core/context";

/** A ServiceContext before anyone is known to be signed in. */
export type RequestContext = Omit<ServiceContext, "viewer"> & { viewer: Viewer | null };

export type RouteHandler<Params> = (request: Request, ctx: RequestContext, params: Params) => Promise<Response>;

export const STATUS: Record<AppError["code"], number> = { INVALID: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

export const SOMETHING_WENT_WRONG = "Something went wrong and nothing was saved. Try again.";

/** A browser form reads `{ message, fieldErrors }`; a download link shows plain text. */
export type Body = "json" | "text";

export type Problem = { message: string; fieldErrors?: Record<string, string> };

export const textResponse = (status: number, message: string) =>
  new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

export const jsonResponse = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export const problem = (body: Body, status: number, message: string, fieldErrors?: Record<string, string> | null) =>
  body === "json" ? jsonResponse(status, { message, ...(fieldErrors ? { fieldErrors } : {}) }) : textResponse(status, message);

export type HandlerOptions = {
  body: Body;
  /** Names the route in the server log when something unexpected fails. */
  name: string;
};

/** What a caller without a session is told: 401 with a sentence, or 404 where a file must not be seen to exist. */
type SignedOut = { signedOut: { status: 401 | 404; message: string } };

/** For signed-in people only: the handler is given a viewer. */
export function httpHandler<Params>(
  options: HandlerOptions & SignedOut,
  serve: (request: Request, ctx: ServiceContext, params: Params) => Promise<Response>,
): RouteHandler<Params>;
/** Open to everyone (a published file): the handler is given the viewer or null. */
export function httpHandler<Params>(
  options: HandlerOptions & { signedOut?: undefined },
  serve: (request: Request, ctx: RequestContext, params: Params) => Promise<Response>,
): RouteHandler<Params>;
export function httpHandler<Params>(
  options: HandlerOptions & Partial<SignedOut>,
  serve: (request: Request, ctx: ServiceContext, params: Params) => Promise<Response>,
): RouteHandler<Params> {
  return async (request, ctx, params) => {
    const { viewer } = ctx;
    if (!viewer && options.signedOut) return problem(options.body, options.signedOut.status, options.signedOut.message);
    try {
      return await serve(request, ctx as ServiceContext, params);
    } catch (error) {
      if (error instanceof AppError) return problem(options.body, STATUS[error.code], error.message, fieldErrorsOf(error));
      // An outage is the database gate's to answer (server/resilience/database-gate.ts).
      if (isDatabaseOutage(error)) throw error;
      console.error(`[${options.name}] failed:`, error);
      return problem(options.body, 500, options.body === "json" ? SOMETHING_WENT_WRONG : "Something went wrong. Try again in a moment.");
    }
  };
}

/**
 * The body, or null once it passes `limit` bytes: read as it arrives, so a body without a
 * Content-Length (or with a false one) cannot make the server hold more than the limit.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * A cross-site page cannot post a form here on someone's behalf: browsers say where a request
 * comes from (Sec-Fetch-Site), and uploads come only from Headway's own pages.
 */
export function fromAnotherSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

/** A file upload's form, or why it could not be read: each route says so in its own words. */
export type FormRead = { ok: true; form: FormData } | { ok: false; refusal: "too large" | "not a form" | "incomplete" };

/**
 * A multipart/form-data body of at most `limit` bytes: a declared length over it is refused
 * before reading, and the body is counted while it streams.
 */
export async function readUploadForm(request: Request, limit: number): Promise<FormRead> {
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > limit) return { ok: false, refusal: "too large" };
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return { ok: false, refusal: "not a form" };
  const body = await readBody(request, limit);
  if (!body) return { ok: false, refusal: "too large" };
  try {
    return { ok: true, form: await new Response(body, { headers: { "content-type": contentType } }).formData() };
  } catch {
    return { ok: false, refusal: "incomplete" };
  }
}
