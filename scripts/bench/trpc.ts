/**
 * tRPC calls as the app's browser client sends them (components/trpc/provider.tsx: httpBatchLink
 * with superjson): `/api/trpc/<path>?batch=1`, the inputs as {"0": superjson}, a mutation as a
 * JSON POST and a query as a GET with the inputs in the address. The test checks this against
 * the real client.
 */
import superjson from "superjson";

export type TrpcRequest = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string };

export function trpcMutation(procedure: string, input: unknown): TrpcRequest {
  return {
    method: "POST",
    path: `/api/trpc/${procedure}?batch=1`,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ 0: superjson.serialize(input) }),
  };
}

export function trpcQuery(procedure: string, input: unknown): TrpcRequest {
  return {
    method: "GET",
    path: `/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize(input) }))}`,
    headers: {},
  };
}

/** The one result of a batch of one, or the error it carries. */
export function trpcResult<T>(body: string): T {
  const parsed = JSON.parse(body) as Array<{ result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: { json?: { message?: string } } }>;
  const first = parsed[0];
  if (!first?.result) throw new Error(`tRPC error: ${first?.error?.json?.message ?? body.slice(0, 200)}`);
  return superjson.deserialize<T>(first.result.data);
}

/** What the load check and the benchmark need to know of an action to post a check-in on it. */
export type CheckInTarget = { id: string; progress: number; status: string; ragOverride: string | null; ragOverrideReason: string | null };

/**
 * The check-in form's input for an update that changes nothing but the action's last update:
 * status, progress and RAG as they are, so the plan's figures stay the same however many are sent.
 */
export function unchangedCheckIn(a: CheckInTarget, narrative: string) {
  return {
    actionId: a.id,
    narrative,
    progress: a.progress,
    status: a.status,
    ragOverride: a.ragOverride ?? "",
    ragOverrideReason: a.ragOverride ? (a.ragOverrideReason ?? "") : "",
  };
}
