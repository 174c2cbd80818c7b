/**
 * Calls an App Router route handler (app/api/**\/route.ts) as Next calls it: inside the request
 * scope Next's own app-route module builds for each request (its work store and request store),
 * so `cookies()` and `headers()` read this request. The handlers' real session path then runs
 * unchanged: getSession (server/auth/options.ts) and next-auth's own route read the signed session
 * cookie the request carries, and the person and their memberships are loaded fresh.
 *
 * Test code only. It uses Next's store factories from next/dist, as next/dist/server/route-modules/
 * app-route/module.js does; they are pinned with Next. Should an upgrade move them, every route
 * test fails at once, rather than passing without the scope.
 */
// Next's server sets this before anything else loads; its request stores need it.
import "next/dist/server/node-environment-baseline.js";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store.js";
import { createWorkStore } from "next/dist/server/async-storage/work-store.js";
import { NextRequest } from "next/server";

export type RouteHandler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Response | Promise<Response>;

/**
 * The response of `handler` (an export of the route file at `page`, e.g. "/api/evidence/[id]/file")
 * to `request`, with the route's dynamic segments in `params`. Every route here is force-dynamic.
 */
export async function callRoute(
  page: string,
  handler: RouteHandler,
  request: Request,
  params: Record<string, string | string[]> = {},
): Promise<Response> {
  const req = new NextRequest(request);
  const workStore = createWorkStore({
    page: `${page}/route`,
    renderOpts: { experimental: {} },
    deploymentId: "",
    buildId: "test",
    previouslyRevalidatedTags: [],
  } as unknown as Parameters<typeof createWorkStore>[0]);
  workStore.forceDynamic = true;
  const requestStore = createRequestStoreForAPI(
    req as unknown as Parameters<typeof createRequestStoreForAPI>[0],
    req.nextUrl as unknown as Parameters<typeof createRequestStoreForAPI>[1],
    undefined as unknown as Parameters<typeof createRequestStoreForAPI>[2],
    undefined,
    undefined as unknown as Parameters<typeof createRequestStoreForAPI>[4],
    undefined,
  );
  return workUnitAsyncStorage.run(requestStore, () =>
    workAsyncStorage.run(workStore, async () => handler(req, { params: Promise.resolve(params) })),
  );
}
