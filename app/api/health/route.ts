import { checkDatabase } from "@/server/services/core/health";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 when it does not: for load balancers and monitoring. */
export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
