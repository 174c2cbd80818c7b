import { apiRoute } from "@/server/api/api-route";
import { measureValuesRoute } from "@/server/services/api/routes";

export const dynamic = "force-dynamic";

/** Measure values sent in bulk (?dryRun=true to check only), for an API token with values:write: see server/services/api/routes.ts. */
export const POST = apiRoute(measureValuesRoute);
