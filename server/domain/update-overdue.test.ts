import { describe, it, expect } from "vitest";
import type { ActionStatus } from "@/server/generated/prisma/enums";
import { updateOverdue, type UpdateOverdueInput } from "@/server/domain/update-overdue";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const at = (iso: string) => new Date(iso);

function input(over: Partial<UpdateOverdueInput> = {}): UpdateOverdueInput {
  return {
    status: "IN_PROGRESS",
    lastUpdateAt: null,
    startDate: day("2025-01-01"),
    // Added to the plan well before it started, so a clock wrongly run from createdAt would show.
    createdAt: at("2024-11-15T10:30:00Z"),
    cadenceDays: 30,
    today: day("2025-01-15"),
    ...over,
  };
}

describe("updateOverdue", () => {
  type Case = {
    name: string;
    over: Partial<UpdateOverdueInput>;
    overdue: boolean;
    nextUpdateDue: string | null;
    daysOverdue: number;
    basis?: RegExp;
  };

  const cases: Case[] = [
    // No update ever, with a start date: the clock runs from the start date (1 Jan + 30 = 31 Jan).
    { name: "no update, clock from the start date, within cadence", over: { today: day("2025-01-15") }, overdue: false, nextUpdateDue: "2025-01-31", daysOverdue: 0, basis: /start date/ },
    { name: "no update, exactly on the cadence boundary", over: { today: day("2025-01-31") }, overdue: false, nextUpdateDue: "2025-01-31", daysOverdue: 0, basis: /start date/ },
    { name: "no update, on the boundary day late in the evening", over: { today: at("2025-01-31T23:59:59.999Z") }, overdue: false, nextUpdateDue: "2025-01-31", daysOverdue: 0 },
    { name: "no update, one day past the boundary", over: { today: day("2025-02-01") }, overdue: true, nextUpdateDue: "2025-01-31", daysOverdue: 1, basis: /start date/ },
    { name: "no update, ten days past", over: { today: at("2025-02-10T08:00:00Z") }, overdue: true, nextUpdateDue: "2025-01-31", daysOverdue: 10 },
    { name: "no update, start date in the future", over: { startDate: day("2025-03-01"), today: day("2025-02-15") }, overdue: false, nextUpdateDue: "2025-03-31", daysOverdue: 0 },

    // No update and no start date: the clock runs from when the action was added (10 Jan 14:30 -> 9 Feb).
    { name: "no update or start date, clock from createdAt, within cadence", over: { startDate: null, createdAt: at("2025-01-10T14:30:00Z"), today: day("2025-01-20") }, overdue: false, nextUpdateDue: "2025-02-09", daysOverdue: 0, basis: /added/ },
    { name: "no update or start date, exactly on the boundary", over: { startDate: null, createdAt: at("2025-01-10T14:30:00Z"), today: at("2025-02-09T23:00:00Z") }, overdue: false, nextUpdateDue: "2025-02-09", daysOverdue: 0, basis: /added/ },
    { name: "no update or start date, one day past", over: { startDate: null, createdAt: at("2025-01-10T14:30:00Z"), today: day("2025-02-10") }, overdue: true, nextUpdateDue: "2025-02-09", daysOverdue: 1, basis: /added/ },

    // Added after its (back-dated) start date: the clock runs from when it was added.
    { name: "back-dated start, added later: clock from createdAt", over: { startDate: day("2024-10-01"), createdAt: at("2025-01-10T14:30:00Z"), today: day("2025-02-09") }, overdue: false, nextUpdateDue: "2025-02-09", daysOverdue: 0, basis: /added/ },
    // With an update: the clock runs from the latest update, ignoring start date and createdAt.
    { name: "latest update, within cadence", over: { cadenceDays: 14, lastUpdateAt: at("2025-03-01T16:45:00Z"), today: day("2025-03-10") }, overdue: false, nextUpdateDue: "2025-03-15", daysOverdue: 0, basis: /latest update/ },
    { name: "latest update, exactly on the cadence boundary", over: { cadenceDays: 14, lastUpdateAt: at("2025-03-01T16:45:00Z"), today: at("2025-03-15T20:00:00Z") }, overdue: false, nextUpdateDue: "2025-03-15", daysOverdue: 0, basis: /latest update/ },
    { name: "latest update, one day past", over: { cadenceDays: 14, lastUpdateAt: at("2025-03-01T16:45:00Z"), today: at("2025-03-16T00:00:00Z") }, overdue: true, nextUpdateDue: "2025-03-15", daysOverdue: 1, basis: /latest update/ },
    { name: "latest update, across the end of February", over: { cadenceDays: 30, lastUpdateAt: at("2025-02-15T09:00:00Z"), today: day("2025-03-18") }, overdue: true, nextUpdateDue: "2025-03-17", daysOverdue: 1 },
    { name: "an update today restarts the clock", over: { lastUpdateAt: at("2025-06-01T12:00:00Z"), today: at("2025-06-01T13:00:00Z") }, overdue: false, nextUpdateDue: "2025-07-01", daysOverdue: 0 },
    { name: "an update before the start date still counts", over: { startDate: day("2025-02-01"), lastUpdateAt: day("2025-01-10"), today: day("2025-02-10") }, overdue: true, nextUpdateDue: "2025-02-09", daysOverdue: 1 },

    // NOT_STARTED is still being delivered (not finished), so it needs updates too.
    { name: "NOT_STARTED one day past", over: { status: "NOT_STARTED", today: day("2025-02-01") }, overdue: true, nextUpdateDue: "2025-01-31", daysOverdue: 1 },
    { name: "a weekly cadence", over: { cadenceDays: 7, lastUpdateAt: day("2025-01-06"), today: day("2025-01-14") }, overdue: true, nextUpdateDue: "2025-01-13", daysOverdue: 1 },
  ];

  it.each(cases)("$name", ({ over, overdue, nextUpdateDue, daysOverdue, basis }) => {
    const r = updateOverdue(input(over));
    expect(r.overdue).toBe(overdue);
    expect(r.nextUpdateDue?.toISOString() ?? null).toBe(nextUpdateDue && `${nextUpdateDue}T00:00:00.000Z`);
    expect(r.daysOverdue).toBe(daysOverdue);
    expect(r.explanation).toContain(`every ${input(over).cadenceDays} days`);
    if (basis) expect(r.explanation).toMatch(basis);
  });

  const finished: ActionStatus[] = ["COMPLETE", "CANCELLED", "DEFERRED"];
  it.each(finished)("a %s action is never overdue", (status) => {
    // Years without an update, no start date: would be hugely overdue if still being delivered.
    for (const over of [
      { lastUpdateAt: null, startDate: null },
      { lastUpdateAt: day("2020-01-01") },
      { lastUpdateAt: null, startDate: day("2020-01-01") },
    ]) {
      const r = updateOverdue(input({ ...over, status, createdAt: day("2019-01-01"), today: day("2025-01-01") }));
      expect(r).toMatchObject({ overdue: false, nextUpdateDue: null, daysOverdue: 0 });
      expect(r.explanation).toMatch(/finished/);
    }
  });

  it("the same inputs while IN_PROGRESS are overdue (control for the finished cases)", () => {
    const r = updateOverdue(input({ lastUpdateAt: day("2020-01-01"), createdAt: day("2019-01-01"), today: day("2025-01-01") }));
    expect(r.overdue).toBe(true);
    expect(r.daysOverdue).toBeGreaterThan(1000);
  });
});
