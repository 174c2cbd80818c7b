import { route } from "@/server/api/route";
import { activityCsvRoute } from "@/server/services/history/http";

export const dynamic = "force-dynamic";

/** The area's activity as CSV, with the activity page's filters: see server/services/history/http.ts. */
export const GET = route(activityCsvRoute);
