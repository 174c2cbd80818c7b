import { route } from "@/server/api/route";
import { statisticsImportRoute } from "@/server/services/statistics/http";

export const dynamic = "force-dynamic";

/** Published statistics: a file's columns (?mode=columns), checked (?mode=preview) or imported (?mode=apply): see server/services/statistics/http.ts. */
export const POST = route(statisticsImportRoute);
