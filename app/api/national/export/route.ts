import { route } from "@/server/api/route";
import { nationalExportRoute } from "@/server/services/national/http";

export const dynamic = "force-dynamic";

/** The national view as shown, as XLSX or CSV: see server/services/national/http.ts. */
export const GET = route(nationalExportRoute);
