/**
 * Judgements at a revisit or monitoring inspection, and what follows from them (docs/domain.md, the
 * cycle step 6): where a revisit finds not sufficient progress, the area writes an Accelerated
 * Progress Plan for those findings only. Pure: no database.
 */
import { isEnded } from "@/server/domain/plan-journey";
import type { FindingKind, Judgement, PlanStatus, PlanType } from "@/server/generated/prisma/enums";

/**
 * Which judgements fit a finding: a 2016 revisit judges progress on an area of significant
 * weakness; a 2023 monitoring inspection judges whether action on a priority area was effective.
 * Areas for improvement are not formally judged, so either wording is accepted for them.
 */
export const JUDGEMENTS_FOR: Record<FindingKind, readonly Judgement[]> = {
  SIGNIFICANT_WEAKNESS: ["SUFFICIENT", "NOT_SUFFICIENT"],
  PRIORITY_ACTION: ["EFFECTIVE", "NOT_EFFECTIVE"],
  AREA_FOR_IMPROVEMENT: ["SUFFICIENT", "NOT_SUFFICIENT", "EFFECTIVE", "NOT_EFFECTIVE"],
};

/** Not sufficient progress, or not effective action: the findings a follow-on plan carries forward. */
export function isInsufficient(judgement: Judgement | null | undefined): boolean {
  return judgement === "NOT_SUFFICIENT" || judgement === "NOT_EFFECTIVE";
}

export type AppEligibility<F> =
  | { eligible: true; carriedForward: F[] }
  | { eligible: false; reason: string; carriedForward: F[] };

/**
 * Whether an APP may be started from `plan`, and which findings it would carry forward. Only a
 * WSOA leads to an APP; it needs at least one finding judged insufficient; and one WSOA has one
 * APP (`successors` counts the plans already started from it).
 */
export function appEligibility<F extends { judgement: Judgement | null }>(plan: {
  type: PlanType;
  status: PlanStatus;
  successors: number;
  findings: readonly F[];
}): AppEligibility<F> {
  const carriedForward = plan.findings.filter((f) => isInsufficient(f.judgement));
  if (plan.type !== "WSOA") {
    return { eligible: false, reason: "An accelerated progress plan follows a written statement of action: this plan is not one.", carriedForward };
  }
  if (plan.successors > 0) {
    return { eligible: false, reason: "An accelerated progress plan has already been started from this written statement of action.", carriedForward };
  }
  if (isEnded(plan.status)) {
    return { eligible: false, reason: "This written statement of action is closed.", carriedForward };
  }
  if (carriedForward.length === 0) {
    return {
      eligible: false,
      reason: "No finding has been judged as not making sufficient progress, so there is nothing to carry forward.",
      carriedForward,
    };
  }
  return { eligible: true, carriedForward };
}
