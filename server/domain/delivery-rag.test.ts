import { describe, it, expect } from "vitest";
import type { ActionStatus, Rag } from "@/server/generated/prisma/enums";
import {
  DEFAULT_THRESHOLDS,
  deliveryRag,
  type DeliveryRag,
  type DeliveryRagInput,
} from "@/server/domain/delivery-rag";

/** UTC midnight of an ISO date, as due/start dates are stored (@db.Date). */
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function input(over: Partial<DeliveryRagInput> = {}): DeliveryRagInput {
  return {
    status: "IN_PROGRESS",
    progress: 0,
    // A ten-day action: 1 to 10 January inclusive.
    startDate: day("2025-01-01"),
    dueDate: day("2025-01-10"),
    ragOverride: null,
    ragOverrideReason: null,
    thresholds: { ...DEFAULT_THRESHOLDS },
    today: day("2025-01-05"),
    ...over,
  };
}

describe("deliveryRag: calculated RAG", () => {
  type Case = {
    name: string;
    over: Partial<DeliveryRagInput>;
    rag: DeliveryRag;
    expectedProgress: number | null;
  };

  const cases: Case[] = [
    // Finished or paused actions: no RAG, whatever the dates or progress say.
    { name: "COMPLETE, even past due at 40%", over: { status: "COMPLETE", progress: 40, today: day("2025-02-01") }, rag: "COMPLETE", expectedProgress: null },
    { name: "COMPLETE with no dates", over: { status: "COMPLETE", startDate: null, dueDate: null }, rag: "COMPLETE", expectedProgress: null },
    { name: "CANCELLED, past due", over: { status: "CANCELLED", today: day("2025-02-01") }, rag: "CANCELLED", expectedProgress: null },
    { name: "CANCELLED, on track otherwise", over: { status: "CANCELLED", progress: 100 }, rag: "CANCELLED", expectedProgress: null },
    { name: "DEFERRED, past due", over: { status: "DEFERRED", today: day("2025-02-01") }, rag: "DEFERRED", expectedProgress: null },
    { name: "DEFERRED with no due date", over: { status: "DEFERRED", dueDate: null }, rag: "DEFERRED", expectedProgress: null },

    // No due date: nothing to judge against.
    { name: "no due date", over: { dueDate: null, progress: 0 }, rag: "UNSCHEDULED", expectedProgress: null },
    { name: "no due date and no start date", over: { dueDate: null, startDate: null }, rag: "UNSCHEDULED", expectedProgress: null },
    { name: "no due date, NOT_STARTED", over: { status: "NOT_STARTED", dueDate: null }, rag: "UNSCHEDULED", expectedProgress: null },

    // No start date: only the due date is checked.
    { name: "no start date, due date ahead, 0%", over: { startDate: null, progress: 0 }, rag: "GREEN", expectedProgress: null },
    { name: "no start date, due today, 0%", over: { startDate: null, progress: 0, today: day("2025-01-10") }, rag: "GREEN", expectedProgress: null },
    { name: "no start date, the day after due", over: { startDate: null, progress: 90, today: day("2025-01-11") }, rag: "RED", expectedProgress: 100 },

    // Before the start date nothing is expected yet.
    { name: "the day before the start date, 0%", over: { progress: 0, today: day("2024-12-31") }, rag: "GREEN", expectedProgress: 0 },
    { name: "long before the start date, 0%", over: { progress: 0, today: day("2024-06-01") }, rag: "GREEN", expectedProgress: 0 },
    { name: "the day before start, late evening", over: { progress: 0, today: new Date("2024-12-31T23:59:59.999Z") }, rag: "GREEN", expectedProgress: 0 },

    // Due date inclusive: on the due day 100% is expected, and it is not yet past due.
    { name: "due today, 100% but not marked complete", over: { progress: 100, today: day("2025-01-10") }, rag: "GREEN", expectedProgress: 100 },
    { name: "due today, last millisecond of the day, 100%", over: { progress: 100, today: new Date("2025-01-10T23:59:59.999Z") }, rag: "GREEN", expectedProgress: 100 },
    { name: "due today, 50%", over: { progress: 50, today: day("2025-01-10") }, rag: "RED", expectedProgress: 100 },
    { name: "due today, 75%", over: { progress: 75, today: day("2025-01-10") }, rag: "AMBER", expectedProgress: 100 },

    // Past due and not complete: RED, even at 100%.
    { name: "the day after due, 100% but not marked complete", over: { progress: 100, today: day("2025-01-11") }, rag: "RED", expectedProgress: 100 },
    { name: "the first millisecond of the day after due", over: { progress: 100, today: new Date("2025-01-11T00:00:00.000Z") }, rag: "RED", expectedProgress: 100 },
    { name: "a year after due, NOT_STARTED", over: { status: "NOT_STARTED", progress: 0, today: day("2026-01-10") }, rag: "RED", expectedProgress: 100 },

    // Progress 100 before the due date: well ahead.
    { name: "100% halfway through, not marked complete", over: { progress: 100, today: day("2025-01-05") }, rag: "GREEN", expectedProgress: 50 },

    // Expected progress, inclusive of both start and due days.
    { name: "on the start day one day of ten is expected", over: { progress: 10, today: day("2025-01-01") }, rag: "GREEN", expectedProgress: 10 },
    { name: "on the start day, 8% of 10% expected", over: { progress: 8, today: day("2025-01-01") }, rag: "AMBER", expectedProgress: 10 },
    { name: "time of day does not change expected progress", over: { progress: 45, today: new Date("2025-01-05T23:59:59.999Z") }, rag: "GREEN", expectedProgress: 50 },
    { name: "a one-day action on its day expects 100%", over: { startDate: day("2025-01-10"), progress: 90, today: day("2025-01-10") }, rag: "GREEN", expectedProgress: 100 },
    { name: "expected progress is rounded for display (1 of 3 days)", over: { dueDate: day("2025-01-03"), progress: 30, today: day("2025-01-01") }, rag: "GREEN", expectedProgress: 33 },
    { name: "expected progress is rounded for display (2 of 3 days)", over: { dueDate: day("2025-01-03"), progress: 40, today: day("2025-01-02") }, rag: "RED", expectedProgress: 67 },

    // Default thresholds, exact boundaries, with 100% expected (due day) ...
    { name: "ratio exactly 0.9 (90/100) is GREEN", over: { progress: 90, today: day("2025-01-10") }, rag: "GREEN", expectedProgress: 100 },
    { name: "ratio 0.89 (89/100) is AMBER", over: { progress: 89, today: day("2025-01-10") }, rag: "AMBER", expectedProgress: 100 },
    { name: "ratio exactly 0.7 (70/100) is AMBER", over: { progress: 70, today: day("2025-01-10") }, rag: "AMBER", expectedProgress: 100 },
    { name: "ratio 0.69 (69/100) is RED", over: { progress: 69, today: day("2025-01-10") }, rag: "RED", expectedProgress: 100 },
    // ... and with 50% expected (day 5 of 10).
    { name: "ratio exactly 0.9 (45/50) is GREEN", over: { progress: 45 }, rag: "GREEN", expectedProgress: 50 },
    { name: "ratio 0.88 (44/50) is AMBER", over: { progress: 44 }, rag: "AMBER", expectedProgress: 50 },
    { name: "ratio exactly 0.7 (35/50) is AMBER", over: { progress: 35 }, rag: "AMBER", expectedProgress: 50 },
    { name: "ratio 0.68 (34/50) is RED", over: { progress: 34 }, rag: "RED", expectedProgress: 50 },
    // Boundaries where expected progress is not a round number: the ratio is exactly 0.9 on paper,
    // so it must not fall to AMBER through floating-point rounding.
    { name: "ratio exactly 0.9 (75 / (5 of 6 days))", over: { dueDate: day("2025-01-06"), progress: 75, today: day("2025-01-05") }, rag: "GREEN", expectedProgress: 83 },
    { name: "ratio exactly 0.9 (63 / (7 of 10 days))", over: { progress: 63, today: day("2025-01-07") }, rag: "GREEN", expectedProgress: 70 },
    { name: "just under 0.9 (62 / (7 of 10 days))", over: { progress: 62, today: day("2025-01-07") }, rag: "AMBER", expectedProgress: 70 },
    { name: "judged against expected in whole percent (6 / 7, 1 of 15 days)", over: { dueDate: day("2025-01-15"), progress: 6, today: day("2025-01-01") }, rag: "AMBER", expectedProgress: 7 },
    { name: "a year-long action on its first day expects nothing yet", over: { dueDate: day("2025-12-31"), progress: 0, today: day("2025-01-01") }, rag: "GREEN", expectedProgress: 0 },
    { name: "a year-long action on its third day expects 1%", over: { dueDate: day("2025-12-31"), progress: 0, today: day("2025-01-03") }, rag: "RED", expectedProgress: 1 },
    { name: "just below 0.9 (74 / (5 of 6 days)) is AMBER", over: { dueDate: day("2025-01-06"), progress: 74, today: day("2025-01-05") }, rag: "AMBER", expectedProgress: 83 },

    // Custom thresholds (per plan).
    { name: "custom 0.8/0.5: exactly 0.8 is GREEN", over: { thresholds: { green: 0.8, amber: 0.5 }, progress: 80, today: day("2025-01-10") }, rag: "GREEN", expectedProgress: 100 },
    { name: "custom 0.8/0.5: 0.79 is AMBER", over: { thresholds: { green: 0.8, amber: 0.5 }, progress: 79, today: day("2025-01-10") }, rag: "AMBER", expectedProgress: 100 },
    { name: "custom 0.8/0.5: exactly 0.5 is AMBER", over: { thresholds: { green: 0.8, amber: 0.5 }, progress: 25 }, rag: "AMBER", expectedProgress: 50 },
    { name: "custom 0.8/0.5: 0.48 is RED", over: { thresholds: { green: 0.8, amber: 0.5 }, progress: 24 }, rag: "RED", expectedProgress: 50 },
    { name: "custom 0.8/0.5: 0.6 would be RED by default, AMBER here", over: { thresholds: { green: 0.8, amber: 0.5 }, progress: 60, today: day("2025-01-10") }, rag: "AMBER", expectedProgress: 100 },
    { name: "custom 0.95/0.85: 0.9 would be GREEN by default, AMBER here", over: { thresholds: { green: 0.95, amber: 0.85 }, progress: 90, today: day("2025-01-10") }, rag: "AMBER", expectedProgress: 100 },
    { name: "custom 0.95/0.85: exactly 0.95 is GREEN", over: { thresholds: { green: 0.95, amber: 0.85 }, progress: 95, today: day("2025-01-10") }, rag: "GREEN", expectedProgress: 100 },
    { name: "custom 0.95/0.85: exactly 0.85 is AMBER", over: { thresholds: { green: 0.95, amber: 0.85 }, progress: 85, today: day("2025-01-10") }, rag: "AMBER", expectedProgress: 100 },
    { name: "custom 0.95/0.85: 0.84 is RED", over: { thresholds: { green: 0.95, amber: 0.85 }, progress: 84, today: day("2025-01-10") }, rag: "RED", expectedProgress: 100 },
    { name: "custom thresholds do not rescue a past-due action", over: { thresholds: { green: 0, amber: 0 }, progress: 100, today: day("2025-01-11") }, rag: "RED", expectedProgress: 100 },
  ];

  it.each(cases)("$name -> $rag", ({ over, rag, expectedProgress }) => {
    const r = deliveryRag(input(over));
    expect(r.calculated).toBe(rag);
    expect(r.shown).toBe(rag);
    expect(r.override).toBeNull();
    expect(r.expectedProgress).toBe(expectedProgress);
    expect(r.explanation).not.toMatch(/Overridden/);
  });

  it("default thresholds are 0.9 and 0.7", () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ green: 0.9, amber: 0.7 });
  });

  it("explains the calculation with its inputs", () => {
    const r = deliveryRag(input({ progress: 45 }));
    expect(r.explanation).toContain("45%");
    expect(r.explanation).toContain("50% expected");
    expect(r.explanation).toContain("5 of 10 days");
    expect(r.explanation).toContain("GREEN from 90%");
    expect(r.explanation).toContain("AMBER from 70%");
  });

  it("states the progress when past due", () => {
    expect(deliveryRag(input({ progress: 100, today: day("2025-01-11") })).explanation).toMatch(/due date has passed.*100%/);
  });
});

describe("deliveryRag: override", () => {
  type Case = {
    name: string;
    status?: ActionStatus;
    over?: Partial<DeliveryRagInput>;
    ragOverride: Rag | null;
    reason: string | null;
    calculated: DeliveryRag;
    shown: DeliveryRag;
    override: { rag: Rag; reason: string } | null;
  };

  const pastDue = { today: day("2025-01-11"), progress: 80 };
  const cases: Case[] = [
    { name: "with a reason: shown, calculation kept", over: pastDue, ragOverride: "AMBER", reason: "Delivered; sign-off meeting on 20 January", calculated: "RED", shown: "AMBER", override: { rag: "AMBER", reason: "Delivered; sign-off meeting on 20 January" } },
    { name: "downgrade with a reason", over: { progress: 100 }, ragOverride: "RED", reason: "Supplier has pulled out", calculated: "GREEN", shown: "RED", override: { rag: "RED", reason: "Supplier has pulled out" } },
    { name: "reason is trimmed", over: pastDue, ragOverride: "GREEN", reason: "  Agreed extension \n", calculated: "RED", shown: "GREEN", override: { rag: "GREEN", reason: "Agreed extension" } },
    { name: "same as calculated, still recorded", over: { progress: 50 }, ragOverride: "GREEN", reason: "Confirmed at board", calculated: "GREEN", shown: "GREEN", override: { rag: "GREEN", reason: "Confirmed at board" } },
    { name: "on an UNSCHEDULED action", over: { dueDate: null }, ragOverride: "AMBER", reason: "Waiting on ICB funding", calculated: "UNSCHEDULED", shown: "AMBER", override: { rag: "AMBER", reason: "Waiting on ICB funding" } },
    // Ignored without a reason.
    { name: "empty reason is ignored", over: pastDue, ragOverride: "GREEN", reason: "", calculated: "RED", shown: "RED", override: null },
    { name: "whitespace-only reason is ignored", over: pastDue, ragOverride: "GREEN", reason: "  \t\n ", calculated: "RED", shown: "RED", override: null },
    { name: "null reason is ignored", over: pastDue, ragOverride: "GREEN", reason: null, calculated: "RED", shown: "RED", override: null },
    { name: "a reason without an override RAG is nothing", over: pastDue, ragOverride: null, reason: "Some note", calculated: "RED", shown: "RED", override: null },
    // Ignored on finished actions.
    { name: "on a COMPLETE action is ignored", status: "COMPLETE", ragOverride: "RED", reason: "Not really done", calculated: "COMPLETE", shown: "COMPLETE", override: null },
    { name: "on a CANCELLED action is ignored", status: "CANCELLED", ragOverride: "GREEN", reason: "Revive it", calculated: "CANCELLED", shown: "CANCELLED", override: null },
    { name: "on a DEFERRED action is ignored", status: "DEFERRED", ragOverride: "AMBER", reason: "Picking it up soon", calculated: "DEFERRED", shown: "DEFERRED", override: null },
  ];

  it.each(cases)("$name", ({ status, over, ragOverride, reason, calculated, shown, override }) => {
    const r = deliveryRag(input({ ...over, status: status ?? "IN_PROGRESS", ragOverride, ragOverrideReason: reason }));
    expect(r.calculated).toBe(calculated);
    expect(r.shown).toBe(shown);
    expect(r.override).toEqual(override);
    if (override) {
      // Both are shown: the calculation's sentence and the override with its reason.
      expect(r.explanation).toContain(`Overridden to ${override.rag}: ${override.reason}`);
      expect(r.explanation).toBe(`${deliveryRag(input({ ...over, status: status ?? "IN_PROGRESS" })).explanation} Overridden to ${override.rag}: ${override.reason}`);
    } else {
      expect(r.explanation).not.toMatch(/Overridden/);
    }
  });

  it("does not change expected progress", () => {
    const plain = deliveryRag(input({ progress: 20 }));
    const overridden = deliveryRag(input({ progress: 20, ragOverride: "GREEN", ragOverrideReason: "Catch-up plan agreed" }));
    expect(plain.calculated).toBe("RED");
    expect(overridden.calculated).toBe("RED");
    expect(overridden.expectedProgress).toBe(plain.expectedProgress);
    expect(overridden.expectedProgress).toBe(50);
  });
});
