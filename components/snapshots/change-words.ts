/**
 * A changed action field in words ("Progress: 40% → 55%"), for the "changes since" page and the
 * board pack alike.
 */
import { formatDate } from "@/components/ui/format";
import type { DeliveryRag } from "@/server/domain/delivery-rag";
import { ACTION_STATUS, DELIVERY_RAG } from "@/server/domain/labels";
import type { ComparedField, FieldChange } from "@/server/domain/plan-changes";
import type { ActionStatus } from "@/server/generated/prisma/enums";

export const CHANGED_FIELD: Record<ComparedField, string> = {
  status: "Status",
  rag: "RAG",
  progress: "Progress",
  startDate: "Start date",
  dueDate: "Due date",
  completedAt: "Completed",
};

export function describeValue(field: ComparedField, value: FieldChange["from"]): string {
  if (value === null) return "not set";
  switch (field) {
    case "status":
      return ACTION_STATUS[value as ActionStatus];
    case "rag":
      return DELIVERY_RAG[value as DeliveryRag];
    case "progress":
      return `${value}%`;
    default:
      return formatDate(String(value));
  }
}

/** "Status: from In progress to Complete". */
export const describeFieldChange = (c: FieldChange) =>
  `${CHANGED_FIELD[c.field]}: from ${describeValue(c.field, c.from)} to ${describeValue(c.field, c.to)}`;
