import { route } from "@/server/api/route";
import { evidenceFileRoute } from "@/server/services/evidence/http";

export const dynamic = "force-dynamic";

/** Download an evidence file, after a permission check on every request: see server/services/evidence/http.ts. */
export const GET = route(evidenceFileRoute);
