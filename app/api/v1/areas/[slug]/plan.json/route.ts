import { apiRoute } from "@/server/api/api-route";
import { planJsonRoute } from "@/server/services/api/routes";

export const dynamic = "force-dynamic";

/** The whole plan as plan.json, for an API token with plan:read: see server/services/api/routes.ts. */
export const GET = apiRoute(planJsonRoute);
