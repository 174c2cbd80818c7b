/**
 * The one wrapper for the HTTP API's handlers (/api/v1), as httpHandler (server/services/core/http.ts)
 * is for the browser's file routes. In order, for every request:
 *   1. the bearer token (api-tokens.ts): no valid token is 401, whatever cookie comes with it (the
 *      API never reads a session, so no page of another site can use a person's);
 *   2. the token's rate limit (the sign-in limits' fixed windows, server/services/core/rate-limits.ts):
 *      over it is 429 with Retry-After;
 *   3. the area in the address must be the token's: any other answers 404, exactly as an area that
 *      does not exist (docs/design.md section 1);
 *   4. the scope the operation needs: without it, 403 naming the scope;
 * then the handler runs with a ServiceContext whose viewer is the token's maker (as the area's plan
 * lead, in that area only) and whose apiToken names the token, so every audit event says both. A
 * service's refusal (AppError) becomes the matching problem (problem.ts); anything unexpected a 500
 * that says nothing of why.
 */
import { AppError, fieldErrorsOf } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { isDatabaseOutage } from "@/server/resilience/database-outage";
import type { ApiScopeName } from "@/server/schemas/api-token";
import { hasScope, useApiToken, type TokenRefusal } from "@/server/services/api/api-tokens";
import { problemResponse, type FieldProblem, type ProblemType } from "@/server/services/api/problem";
import type { ServiceContext } from "@/server/services/core/context";
import { readBody } from "@/server/services/core/http";
import { hit, type RateLimit } from "@/server/services/core/rate-limits";

/** What an API route is handed before anyone is known: the database and the request's id. */
export type ApiRequestContext = { db: PrismaClient; requestId: string };

export type ApiRouteHandler<Params> = (request: Request, ctx: ApiRequestContext, params: Params) => Promise<Response>;

/** A ServiceContext for a token's request: its viewer is the token's maker, in the token's area. */
export type TokenContext = ServiceContext & { apiToken: { id: string; name: string }; area: { id: string; slug: string; name: string } };

/**
 * Requests per token per minute. A system sending a month of figures needs a handful; a script gone
 * round in a loop is stopped within a minute, and other tokens (and people) are not slowed by it.
 */
export const API_RATE_LIMIT: RateLimit = { name: "api:token", max: 120, windowSeconds: 60 };

const REFUSED: Record<TokenRefusal["refused"], string> = {
  missing: "Send an API token in the Authorization header: Authorization: Bearer hw_…. A plan lead makes one on the area's API tokens page.",
  malformed: "The Authorization header must be the word Bearer, a space and the token.",
  unknown: "This token is not known: check it was copied whole, or make a new one.",
  revoked: "This token was revoked: make a new one on the area's API tokens page.",
  expired: "This token is past its last day: make a new one on the area's API tokens page.",
  inactive: "The person who made this token is no longer the area's plan lead or an administrator, so it no longer works: a plan lead must make a new one.",
};

export const apiJson = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });

/** Field errors of a service's refusal ({ "values.3.value": "…" }) as problem `errors`. */
function fieldProblems(error: AppError): FieldProblem[] {
  return Object.entries(fieldErrorsOf(error) ?? {}).map(([field, detail]) => ({ pointer: `/${field.split(".").join("/")}`, detail }));
}

const FOR_CODE: Record<AppError["code"], ProblemType> = { INVALID: "validation", FORBIDDEN: "forbidden", NOT_FOUND: "not-found", CONFLICT: "conflict" };

export function apiHandler<Params extends { slug: string }>(
  options: { name: string; scope: ApiScopeName },
  serve: (request: Request, ctx: TokenContext, params: Params) => Promise<Response>,
): ApiRouteHandler<Params> {
  return async (request, { db, requestId }, params) => {
    const problem = (type: ProblemType, detail: string, o: Omit<Parameters<typeof problemResponse>[2], "requestId"> = {}) =>
      problemResponse(type, detail, { ...o, requestId });
    try {
      const use = await useApiToken(db, request.headers.get("authorization"));
      if ("refused" in use) {
        const challenge = use.refused === "missing" ? 'Bearer realm="Headway API"' : 'Bearer realm="Headway API", error="invalid_token"';
        return problem("unauthorized", REFUSED[use.refused], { headers: { "WWW-Authenticate": challenge } });
      }
      const verdict = await hit(db, API_RATE_LIMIT, use.token.id);
      if (!verdict.allowed) {
        return problem("rate-limited", `This token has sent more than ${API_RATE_LIMIT.max} requests in a minute. Try again in ${verdict.retryAfterSeconds} seconds.`, {
          headers: { "Retry-After": String(verdict.retryAfterSeconds) },
        });
      }
      if (params.slug !== use.token.area.slug) return problem("not-found", `There is no local area “${params.slug}” for this token.`);
      if (!hasScope(use, options.scope)) {
        return problem("forbidden", `This token may not do that: it needs the scope ${options.scope}. Make a token with it on the area's API tokens page.`);
      }
      const ctx: TokenContext = { db, requestId, viewer: use.viewer, apiToken: { id: use.token.id, name: use.token.name }, area: use.token.area };
      return await serve(request, ctx, params);
    } catch (error) {
      if (error instanceof AppError) return problem(FOR_CODE[error.code], error.message, { errors: fieldProblems(error) });
      // An outage is the database gate's to answer (server/resilience/database-gate.ts).
      if (isDatabaseOutage(error)) throw error;
      console.error(`[api ${options.name}] failed:`, error);
      return problem("server-error", "Something went wrong and nothing was saved. Try again in a moment.");
    }
  };
}

/**
 * The JSON body, at most `limit` bytes, or the problem that refuses it: not sent as JSON (415), too
 * large (413, counted as it streams, whatever Content-Length says) or not JSON at all (400).
 */
export async function readJson(request: Request, limit: number, requestId: string): Promise<{ body: unknown } | { refusal: Response }> {
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (contentType !== "application/json") {
    return { refusal: problemResponse("unsupported-media-type", "Send the body as JSON, with Content-Type: application/json.", { requestId }) };
  }
  const tooLarge = () => problemResponse("payload-too-large", `The body must be at most ${Math.round(limit / 1024)} KB: send fewer values at once.`, { requestId });
  if (Number(request.headers.get("content-length") ?? "0") > limit) return { refusal: tooLarge() };
  const bytes = await readBody(request, limit);
  if (!bytes) return { refusal: tooLarge() };
  try {
    return { body: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown };
  } catch {
    return { refusal: problemResponse("bad-request", "The body is not JSON: check it with a JSON validator.", { requestId }) };
  }
}
