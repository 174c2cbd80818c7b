import { docsRoute } from "@/server/services/api/docs-page";
import { transportSecure } from "@/server/transport-security";

export const dynamic = "force-dynamic";

/** The API's reference page, made from its OpenAPI document: see server/services/api/docs-page.ts. */
export const GET = transportSecure(docsRoute);
