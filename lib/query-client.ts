import { defaultShouldDehydrateQuery, isServer, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/**
 * The codes of a call refused as it was asked (tRPC's, and the services' own AppError codes, which
 * a TRPCError carries once mapped): bad input, not signed in, not allowed, not found, a conflict,
 * too many tries. Asking again gets the same answer, so it is never asked again.
 */
const REFUSED = new Set([
  "PARSE_ERROR",
  "BAD_REQUEST",
  "INVALID",
  "UNAUTHORIZED",
  "PAYMENT_REQUIRED",
  "FORBIDDEN",
  "NOT_FOUND",
  "METHOD_NOT_SUPPORTED",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNPROCESSABLE_CONTENT",
  "PRECONDITION_REQUIRED",
  "TOO_MANY_REQUESTS",
  "CLIENT_CLOSED_REQUEST",
]);

/** A database out of reach (the database gate answers it with its own page at once). */
const UNAVAILABLE = "SERVICE_UNAVAILABLE";

/**
 * The code of a failed call, however it arrived: a TRPCError or AppError (`code`) on the server,
 * a TRPCClientError (`data.code`, `data.httpStatus`) in the browser.
 */
function codeOf(error: unknown): { code?: string; httpStatus?: number } {
  if (!error || typeof error !== "object") return {};
  const { code, data } = error as { code?: unknown; data?: { code?: unknown; httpStatus?: unknown } | null };
  return {
    code: typeof data?.code === "string" ? data.code : typeof code === "string" ? code : undefined,
    httpStatus: typeof data?.httpStatus === "number" ? data.httpStatus : undefined,
  };
}

/** Whether a failed call was refused (see REFUSED): a 4xx, in HTTP's words. */
export function isRefused(error: unknown): boolean {
  const { code, httpStatus } = codeOf(error);
  if (code && REFUSED.has(code)) return true;
  return httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500 && httpStatus !== 408;
}

/**
 * Whether to ask again after `failureCount` failures: only what might succeed next time, never a
 * refusal. On the server a page is waiting, and a refused read there is the 403 or 404 page, shown
 * at once: a failure that may pass (a dropped connection) is tried once more, an outage not at all.
 * In the browser, up to twice.
 */
export function shouldRetry(failureCount: number, error: unknown, onServer: boolean = isServer): boolean {
  if (isRefused(error)) return false;
  if (onServer) return codeOf(error).code !== UNAVAILABLE && failureCount < 1;
  return failureCount < 2;
}

export function makeQueryClient(onServer: boolean = isServer) {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => shouldRetry(failureCount, error, onServer),
      },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (q) => defaultShouldDehydrateQuery(q) || q.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
