/**
 * The tRPC endpoint over HTTP (app/api/trpc/[trpc]/route.ts): queries by GET, mutations only by
 * POST with a JSON body, from Headway's own pages, of at most TRPC_MAX_BODY_BYTES.
 *
 * tRPC itself refuses a mutation by GET (405) and, with allowMethodOverride off, a query by
 * POST. But it also takes multipart/form-data and application/octet-stream POSTs, and a page on
 * another site can send those (or text/plain, or a form-encoded body) with a plain <form> or a
 * no-cors fetch, without asking first. A JSON POST from another site needs a CORS preflight,
 * which this endpoint never approves. So anything but JSON is refused here, before the session
 * is read: a second line behind the SameSite session cookie. A third: a POST that says it comes
 * from another site (its Origin, or the browser's Sec-Fetch-Site) is refused outright.
 *
 * tRPC reads the whole body into memory before it parses it, and nothing else bounds it: a
 * single request of a gigabyte would be held in full. So the body is read here first, counted
 * as it streams (a missing or false Content-Length does not help), and refused with 413 once it
 * passes the limit; tRPC is handed only what was read.
 */
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Context } from "@/server/api/trpc";
import { appRouter } from "@/server/api/root";
import { env } from "@/server/env.js";
import { fromAnotherSite, readBody } from "@/server/services/core/http";

function isJson(req: Request): boolean {
  const type = req.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  return type === "application/json";
}

/**
 * Whether a browser says the request comes from a page of another site. A request without an
 * Origin (a script on a server, an older browser's same-origin POST) is not refused for that:
 * the JSON rule above still holds it to what a cross-site page cannot send unasked.
 */
export function fromForeignOrigin(req: Request, siteUrl: string | undefined = env.NEXTAUTH_URL): boolean {
  if (fromAnotherSite(req)) return true;
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  // The site's public address; else the host the browser asked for (its Host header: Next may
  // build the request's URL from the address it listens on, 0.0.0.0 or localhost, instead).
  if (siteUrl && origin === new URL(siteUrl).origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // "null" (a sandboxed page, a privacy-conscious redirect) or nonsense
  }
  return host !== (req.headers.get("host") ?? new URL(req.url).host);
}

const refusal = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });

export type TrpcHttpOptions = {
  /** Bytes a request body may hold (TRPC_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
};

export async function handleTrpcRequest(
  req: Request,
  createContext: () => Promise<Context>,
  { maxBodyBytes = env.TRPC_MAX_BODY_BYTES }: TrpcHttpOptions = {},
): Promise<Response> {
  let request = req;
  if (req.method === "POST") {
    if (!isJson(req)) {
      return refusal(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).");
    }
    if (fromForeignOrigin(req)) return refusal(403, "FORBIDDEN", "Changes can be made only from Headway's own pages.");
    const tooLarge = () => refusal(413, "PAYLOAD_TOO_LARGE", `The request is larger than ${maxBodyBytes} bytes.`);
    if (Number(req.headers.get("content-length") ?? "0") > maxBodyBytes) return tooLarge();
    const body = await readBody(req, maxBodyBytes);
    if (!body) return tooLarge();
    request = new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
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
