/** Rules about a local area's inspections that more than one service applies. */
import type { InspectionFramework, InspectionKind } from "@/server/generated/prisma/enums";

/** The inspection that follows up a plan: a revisit under the 2016 framework, a monitoring inspection under 2023's. */
export function followUpKind(framework: InspectionFramework): InspectionKind {
  return framework === "FRAMEWORK_2016" ? "REVISIT" : "MONITORING";
}
