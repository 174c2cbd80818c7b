import { env } from "@/server/env.js";
import { queriesSoFar } from "@/server/query-count";
import { withTransportSecurity } from "@/server/transport-security";

export const dynamic = "force-dynamic";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * How many SQL statements this process has sent, and the text of the latest, for the benchmark
 * (scripts/bench.ts), which reads them before and after each request. "Not found" unless the
 * server was started with HEADWAY_QUERY_COUNT=1, and to anyone not on this machine: Next names
 * the caller in x-forwarded-for (and a proxy in front adds the address it saw), so every hop
 * must be loopback.
 */
export function GET(request: Request) {
  const hops = (request.headers.get("x-forwarded-for") ?? "").split(",").map((h) => h.trim());
  if (!env.HEADWAY_QUERY_COUNT || !hops.every((h) => LOOPBACK.has(h))) return withTransportSecurity(new Response("Not found", { status: 404 }));
  return withTransportSecurity(Response.json(queriesSoFar(), { headers: { "Cache-Control": "no-store" } }));
}
