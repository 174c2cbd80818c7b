import { apiRoute } from "@/server/api/api-route";
import { planRoute } from "@/server/services/api/routes";

export const dynamic = "force-dynamic";

/** The area's plan, for an API token with plan:read: see server/services/api/routes.ts. */
export const GET = apiRoute(planRoute);
