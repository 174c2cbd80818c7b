/**
 * Where a plan is in its journey (docs/domain.md, the cycle): written, submitted, accepted, in
 * delivery, judged at its follow-up inspection, then ended, either closed or superseded by the plan
 * that carries it forward. Pure: no database.
 */
import type { InspectionFramework, PlanStatus } from "@/server/generated/prisma/enums";

/** A plan in one of these has ended: it is read-only history, and not the area's current plan. */
export const ENDED_PLAN_STATUSES = ["CLOSED", "SUPERSEDED"] as const satisfies readonly PlanStatus[];

export function isEnded(status: PlanStatus): boolean {
  return (ENDED_PLAN_STATUSES as readonly PlanStatus[]).includes(status);
}

/** The status a plan reaches once its follow-up inspection has judged it: revisited (2016) or monitored (2023). */
export function followedUpStatus(framework: InspectionFramework): PlanStatus {
  return framework === "FRAMEWORK_2016" ? "REVISITED" : "MONITORED";
}

/**
 * The status a plan moves to when judgements are recorded on its findings: once every finding has
 * one, the follow-up has happened. An ended plan keeps its status, and one already followed up
 * stays so.
 */
export function statusAfterJudgements(
  status: PlanStatus,
  framework: InspectionFramework,
  findings: readonly { judgement: unknown }[],
): PlanStatus {
  if (isEnded(status) || status === "REVISITED" || status === "MONITORED") return status;
  if (findings.length === 0 || findings.some((f) => f.judgement == null)) return status;
  return followedUpStatus(framework);
}
