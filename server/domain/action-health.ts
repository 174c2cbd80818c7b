/**
 * An action's delivery RAG and update status together, under its plan's settings: what every
 * view that lists actions shows beside each one.
 */
import { deliveryRag, type DeliveryRagInput } from "@/server/domain/delivery-rag";
import { updateOverdue, type UpdateOverdueInput } from "@/server/domain/update-overdue";

/** The columns the rules read: spread into a Prisma `select` so every view fetches the same. */
export const ACTION_HEALTH_FIELDS = {
  status: true,
  progress: true,
  startDate: true,
  dueDate: true,
  ragOverride: true,
  ragOverrideReason: true,
  lastUpdateAt: true,
  createdAt: true,
} as const;

export const PLAN_RULE_FIELDS = { updateCadenceDays: true, ragGreenThreshold: true, ragAmberThreshold: true } as const;

export type PlanRules = { ragGreenThreshold: number; ragAmberThreshold: number; updateCadenceDays: number };

type ActionFacts = Omit<DeliveryRagInput, "thresholds" | "today"> & Omit<UpdateOverdueInput, "cadenceDays" | "today">;

export function actionHealth(action: ActionFacts, plan: PlanRules, today: Date) {
  return {
    rag: deliveryRag({ ...action, thresholds: { green: plan.ragGreenThreshold, amber: plan.ragAmberThreshold }, today }),
    update: updateOverdue({ ...action, cadenceDays: plan.updateCadenceDays, today }),
  };
}
