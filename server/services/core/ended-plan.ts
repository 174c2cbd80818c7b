/**
 * A closed or superseded plan is history: its records stay readable, as they were left, and no
 * service changes them. Each service reads the record's plan with PLAN_ENDING where it loads the
 * record, and refuses with requireOpenPlan after the permission check; the pages read the same
 * fields to show the banner and leave out the edit controls.
 */
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import { endedPlanRefusal, planEnding, type PlanEnding, type PlanEndingFacts } from "@/server/domain/plan-journey";

/** Spread as a record's `plan` (or its finding's): what tells whether and how the plan ended. */
export const PLAN_ENDING = {
  select: {
    id: true,
    status: true,
    type: true,
    title: true,
    updatedAt: true,
    successors: { orderBy: { createdAt: "asc" }, take: 1, select: { id: true, type: true, title: true, createdAt: true } },
  },
} as const satisfies Prisma.PlanDefaultArgs;

/** Refuses a change to a record of an ended plan, saying how it ended and where the work goes on. */
export function requireOpenPlan(plan: PlanEndingFacts): void {
  requireNotEnded(planEnding(plan));
}

/** The same refusal, from the ending a service has already worked out (null: the plan is open). */
export function requireNotEnded(ending: PlanEnding | null): void {
  if (ending) throw new AppError("CONFLICT", endedPlanRefusal(ending));
}

/** Whether the plan is open to change: what a page's edit controls follow. */
export const isOpenPlan = (plan: PlanEndingFacts) => planEnding(plan) === null;

export { planEnding };
