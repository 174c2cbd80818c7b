import { route } from "@/server/api/route";
import { planImportRoute } from "@/server/services/plan-transfer/http";

export const dynamic = "force-dynamic";

/** A plan workbook, checked (?mode=preview) or imported (?mode=apply): see server/services/plan-transfer/http.ts. */
export const POST = route(planImportRoute);
