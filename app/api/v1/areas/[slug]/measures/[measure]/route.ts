import { apiRoute } from "@/server/api/api-route";
import { measureRoute } from "@/server/services/api/routes";

export const dynamic = "force-dynamic";

/** A measure with its values, for an API token with measures:read: see server/services/api/routes.ts. */
export const GET = apiRoute(measureRoute);
