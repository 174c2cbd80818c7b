/**
 * The tRPC endpoint over HTTP (app/api/trpc/[trpc]/route.ts): queries by GET, mutations only by
 * POST with a JSON body.
 *
 * tRPC itself refuses a mutation by GET (405) and, with allowMethodOverride off, a query by
 * POST. But it also takes multipart/form-data and application/octet-stream POSTs, and a page on
 * another site can send those (or text/plain, or a form-encoded body) with a plain <form> or a
 * no-cors fetch, without asking first. A JSON POST from another site needs a CORS preflight,
 * which this endpoint never approves. So anything but JSON is refused here, before the session
 * is read: a second line behind the SameSite session cookie.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Context } from "@/server/api/trpc";
import { appRouter } from "@/server/api/root";

function isJson(req: Request): boolean {
  const type = req.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  return type === "application/json";
}

export function handleTrpcRequest(req: Request, createContext: () => Promise<Context>): Promise<Response> {
  if (req.method === "POST" && !isJson(req)) {
    return Promise.resolve(
      Response.json(
        { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the request body as JSON (Content-Type: application/json)." } },
        { status: 415, headers: { "Cache-Control": "no-store" } },
      ),
    );
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext,
    // Mutations only by POST (tRPC's default); never allow a GET to change anything, nor a
    // POST to stand in for a GET.
    allowMethodOverride: false,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path}:`, error.cause ?? error);
    },
  });
}
