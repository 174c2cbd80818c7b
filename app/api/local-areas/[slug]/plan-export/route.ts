import { route } from "@/server/api/route";
import { planExportRoute } from "@/server/services/plan-transfer/plan-transfer";

export const dynamic = "force-dynamic";

/** The area's current plan as a workbook or one sheet as CSV: see server/services/plan-transfer/plan-transfer.ts. */
export const GET = route(planExportRoute);
