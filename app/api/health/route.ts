import { checkDatabase } from "@/server/services/core/health";
import { transportSecure } from "@/server/transport-security";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 when it does not: for load balancers and monitoring. */
export const GET = transportSecure(async () => {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
