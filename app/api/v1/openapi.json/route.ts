import { openApiRoute } from "@/server/services/api/docs-page";
import { transportSecure } from "@/server/transport-security";

export const dynamic = "force-dynamic";

/** The API's OpenAPI 3.1 document, open to everyone: see server/services/api/openapi.ts. */
export const GET = transportSecure(openApiRoute);
