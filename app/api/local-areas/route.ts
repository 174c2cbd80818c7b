import { route } from "@/server/api/route";
import { newAreaImportRoute } from "@/server/services/plan-transfer/http";

export const dynamic = "force-dynamic";

/** A plan workbook that starts a new area, checked (?mode=preview) or made (?mode=apply): see server/services/plan-transfer/http.ts. */
export const POST = route(newAreaImportRoute);
