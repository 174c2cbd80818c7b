/**
 * The one way a Next route file serves a handler written in a service (server/services/core/http.ts):
 * behind the database gate, with the context every service takes, built from the session as tRPC
 * builds it, every answer with HSTS in production (server/transport-security.ts). A route file
 * is then one line: `export const GET = route(boardPackRoute);`.
 */
import { randomUUID } from "node:crypto";
import { viewerOf } from "@/server/api/trpc";
import { getSession } from "@/server/auth/options";
import { getDb } from "@/server/db";
import { unlessDatabaseDown } from "@/server/resilience/database-gate";
import type { RouteHandler } from "@/server/services/core/http";
import { transportSecure } from "@/server/transport-security";

export function route<Params extends Record<string, string> = Record<string, never>>(handler: RouteHandler<Params>) {
  return transportSecure(
    unlessDatabaseDown(async (request: Request, segment: { params: Promise<Params> }) => {
      const viewer = viewerOf(await getSession());
      return handler(request, { db: getDb(), viewer, requestId: randomUUID() }, await segment.params);
    }),
  );
}
