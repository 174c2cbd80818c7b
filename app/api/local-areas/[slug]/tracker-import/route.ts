import { route } from "@/server/api/route";
import { trackerImportRoute } from "@/server/services/plan-transfer/tracker/http";

export const dynamic = "force-dynamic";

/** A council's own tracker: its columns (?mode=columns), checked (?mode=preview) or imported (?mode=apply) through a mapping: see server/services/plan-transfer/tracker/http.ts. */
export const POST = route(trackerImportRoute);
