/**
 * Update overdue (docs/design.md section 3): an action still being delivered whose owner has posted
 * no update within the plan's cadence. The clock starts at the latest update, or, before the
 * first one, at the action's start date or when it was added to the plan, whichever is later. Complete, cancelled
 * and deferred actions need no updates.
 */
import type { ActionStatus } from "@/server/generated/prisma/enums";
import { addDays, daysBetween } from "@/lib/calendar";

export type UpdateOverdueInput = {
  status: ActionStatus;
  lastUpdateAt: Date | null;
  startDate: Date | null;
  createdAt: Date;
  cadenceDays: number;
  today: Date;
};

export type UpdateOverdueResult = {
  overdue: boolean;
  /** The day by which the next update is due; null when none is needed. */
  nextUpdateDue: Date | null;
  /** Days past nextUpdateDue (0 when not overdue). */
  daysOverdue: number;
  explanation: string;
};

export function updateOverdue(i: UpdateOverdueInput): UpdateOverdueResult {
  if (i.status === "COMPLETE" || i.status === "CANCELLED" || i.status === "DEFERRED") {
    return { overdue: false, nextUpdateDue: null, daysOverdue: 0, explanation: "No updates are needed: the action is finished." };
  }
  // Before the first update: from the start date, but never from before the action was added
  // (an action added today with a back-dated start is not already overdue).
  const since = i.lastUpdateAt ?? (i.startDate && i.startDate > i.createdAt ? i.startDate : i.createdAt);
  const nextUpdateDue = addDays(since, i.cadenceDays);
  const late = daysBetween(nextUpdateDue, i.today);
  const basis = i.lastUpdateAt
    ? "the latest update"
    : since === i.startDate
      ? "the start date (no update yet)"
      : "when the action was added to the plan (no update yet)";
  return {
    overdue: late > 0,
    nextUpdateDue,
    daysOverdue: Math.max(0, late),
    explanation: `An update is due every ${i.cadenceDays} days, counted from ${basis}.`,
  };
}
