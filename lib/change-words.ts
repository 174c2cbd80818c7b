/**
 * A changed action field in words ("Progress: from 40% to 55%"), for the "changes since" page and
 * the board pack alike. The fields are the ones server/domain/plan-changes.ts compares; it checks
 * that each has its words here.
 */
import { formatDate } from "@/lib/format/dates";
import { ACTION_STATUS, DELIVERY_RAG } from "@/lib/labels";
import type { ActionStatus } from "@/server/generated/prisma/enums";

export const CHANGED_FIELD = {
  status: "Status",
  rag: "RAG",
  progress: "Progress",
  startDate: "Start date",
  dueDate: "Due date",
  completedAt: "Completed",
};

export type ChangedField = keyof typeof CHANGED_FIELD;

/** A field's value before or after: a code, a percentage or a "yyyy-mm-dd" day; null when not set. */
export type ChangedValue = string | number | null;

export function describeValue(field: ChangedField, value: ChangedValue): string {
  if (value === null) return "not set";
  switch (field) {
    case "status":
      return ACTION_STATUS[value as ActionStatus];
    case "rag":
      return DELIVERY_RAG[value as keyof typeof DELIVERY_RAG];
    case "progress":
      return `${value}%`;
    default:
      return formatDate(String(value));
  }
}

/** "Status: from In progress to Complete". */
export const describeFieldChange = (c: { field: ChangedField; from: ChangedValue; to: ChangedValue }) =>
  `${CHANGED_FIELD[c.field]}: from ${describeValue(c.field, c.from)} to ${describeValue(c.field, c.to)}`;
