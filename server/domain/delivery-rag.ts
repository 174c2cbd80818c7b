/**
 * Action delivery RAG (docs/design.md section 3).
 *
 * - COMPLETE when the action is marked complete; CANCELLED and DEFERRED actions have no RAG.
 * - RED when the due date has passed and the action is not complete (even at 100% progress:
 *   until someone marks it complete, the plan cannot count it).
 * - Otherwise expected progress = the share of the time from start to due that has passed
 *   (due date inclusive: on the due day 100% is expected), in whole percent; ratio =
 *   progress / expected;
 *   GREEN at or above the plan's green threshold (0.9), AMBER at or above amber (0.7), else RED.
 *   Before the start date, or with no start date, nothing is expected yet: GREEN.
 * - No due date: nothing to judge against, UNSCHEDULED.
 * - An owner or lead may override the calculated RAG with a reason; both are kept and shown.
 */
import type { ActionStatus, Rag } from "@/server/generated/prisma/enums";
import { dayNumber } from "@/lib/calendar";
import type { DELIVERY_RAG } from "@/lib/labels";

/** COMPLETE, GREEN, AMBER, RED, UNSCHEDULED, CANCELLED or DEFERRED: the codes lib/labels.ts has words for. */
export type DeliveryRag = keyof typeof DELIVERY_RAG;

export type DeliveryRagInput = {
  status: ActionStatus;
  progress: number;
  startDate: Date | null;
  dueDate: Date | null;
  ragOverride: Rag | null;
  ragOverrideReason: string | null;
  thresholds: { green: number; amber: number };
  today: Date;
};

export type DeliveryRagResult = {
  /** What the rule works out. */
  calculated: DeliveryRag;
  /** What to show: the override when there is one, else the calculation. */
  shown: DeliveryRag;
  override: { rag: Rag; reason: string } | null;
  /** Expected progress today in percent, when the rule used it. */
  expectedProgress: number | null;
  /** One sentence stating the rule and its inputs, for "how this is worked out". */
  explanation: string;
};

export const DEFAULT_THRESHOLDS = { green: 0.9, amber: 0.7 } as const;

function calculate(i: DeliveryRagInput): { rag: DeliveryRag; expected: number | null; why: string } {
  if (i.status === "COMPLETE") return { rag: "COMPLETE", expected: null, why: "The action is marked complete." };
  if (i.status === "CANCELLED") return { rag: "CANCELLED", expected: null, why: "The action is cancelled, so it has no RAG." };
  if (i.status === "DEFERRED") return { rag: "DEFERRED", expected: null, why: "The action is deferred, so it has no RAG." };
  if (!i.dueDate) return { rag: "UNSCHEDULED", expected: null, why: "The action has no due date, so progress cannot be judged." };

  const today = dayNumber(i.today);
  const due = dayNumber(i.dueDate);
  if (today > due) {
    return {
      rag: "RED",
      expected: 100,
      why: `The due date has passed and the action is not marked complete (progress ${i.progress}%).`,
    };
  }
  if (!i.startDate) {
    return { rag: "GREEN", expected: null, why: "The action has no start date, so only the due date is checked, and it has not passed." };
  }
  const start = dayNumber(i.startDate);
  if (today < start) return { rag: "GREEN", expected: 0, why: "The action has not reached its start date, so no progress is expected yet." };

  // Inclusive of the due day: from start to due there are (due - start + 1) days of the plan.
  const span = due - start + 1;
  const elapsed = today - start + 1;
  // Expected progress in whole percent, as progress itself is recorded: a long action is not
  // judged until a whole percent of its time has gone.
  const expected = Math.min(100, Math.round((elapsed * 100) / span));
  if (expected === 0) {
    return { rag: "GREEN", expected: 0, why: `Less than 1% of the time from start to due has passed (${elapsed} of ${span} days), so no progress is expected yet.` };
  }
  // ratio >= threshold, in integers (thresholds to 0.1%) so 0.9 of expected is exactly 0.9.
  const meets = (threshold: number) => i.progress * 1000 >= Math.round(threshold * 1000) * expected;
  const rag: DeliveryRag = meets(i.thresholds.green) ? "GREEN" : meets(i.thresholds.amber) ? "AMBER" : "RED";
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  return {
    rag,
    expected,
    why:
      `Progress ${i.progress}% against ${expected}% expected by today (${elapsed} of ${span} days from start to due) ` +
      `is ${pct(i.progress / expected)} of expected: GREEN from ${pct(i.thresholds.green)}, AMBER from ${pct(i.thresholds.amber)}, otherwise RED.`,
  };
}

export function deliveryRag(input: DeliveryRagInput): DeliveryRagResult {
  const { rag, expected, why } = calculate(input);
  const override =
    input.ragOverride && input.ragOverrideReason?.trim()
      ? { rag: input.ragOverride, reason: input.ragOverrideReason.trim() }
      : null;
  // An override cannot revive a finished action: complete, cancelled and deferred stand.
  const overridable = rag !== "COMPLETE" && rag !== "CANCELLED" && rag !== "DEFERRED";
  const shown = override && overridable ? override.rag : rag;
  const explanation = override && overridable ? `${why} Overridden to ${override.rag}: ${override.reason}` : why;
  return { calculated: rag, shown, override: overridable ? override : null, expectedProgress: expected, explanation };
}
