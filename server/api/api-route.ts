/**
 * The one way a Next route file serves an API handler (server/services/api/http.ts): behind the
 * database gate (its 503 as a problem, as every other API answer), with the database and a request
 * id, every answer with HSTS in production. No session is read: the API's requests carry a token.
 * A route file is then one line: `export const GET = apiRoute(planRoute);`.
 */
import { randomUUID } from "node:crypto";
import { getDb } from "@/server/db";
import { unlessDatabaseDown } from "@/server/resilience/database-gate";
import type { ApiRouteHandler } from "@/server/services/api/http";
import { problemResponse } from "@/server/services/api/problem";
import { transportSecure } from "@/server/transport-security";

export function apiRoute<Params extends Record<string, string>>(handler: ApiRouteHandler<Params>) {
  const served = unlessDatabaseDown(async (request: Request, segment: { params: Promise<Params> }) =>
    handler(request, { db: getDb(), requestId: randomUUID() }, await segment.params),
  );
  return transportSecure(async (request: Request, segment: { params: Promise<Params> }) => {
    const response = await served(request, segment);
    // The gate answers in plain text for every route; an API client reads problems.
    if (response.status !== 503 || response.headers.get("content-type")?.startsWith("application/")) return response;
    return problemResponse("unavailable", await response.text(), {
      requestId: randomUUID(),
      headers: { "Retry-After": response.headers.get("retry-after") ?? "5" },
    });
  });
}
