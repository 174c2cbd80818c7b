import { describe, expect, it } from "vitest";
import { dayKey, isoWeekday, isoWeekKey, updateReminders } from "@/server/jobs/reminder-rules";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
// Last update 1 October, cadence 30 days: the next update falls due on 31 October.
const base = { status: "IN_PROGRESS" as const, lastUpdateAt: d("2026-10-01"), startDate: d("2026-09-01"), createdAt: d("2026-09-01"), cadenceDays: 30 };

describe("updateReminders", () => {
  it.each([
    ["2026-10-23", []],
    ["2026-10-24", [{ kind: "UPDATE_DUE_SOON", to: "OWNER", daysLeft: 7 }]],
    ["2026-10-30", [{ kind: "UPDATE_DUE_SOON", to: "OWNER", daysLeft: 1 }]],
    ["2026-10-31", [{ kind: "UPDATE_DUE_SOON", to: "OWNER", daysLeft: 0 }]],
    ["2026-11-01", [{ kind: "UPDATE_OVERDUE", to: "OWNER", daysOverdue: 1 }]],
    ["2026-11-13", [{ kind: "UPDATE_OVERDUE", to: "OWNER", daysOverdue: 13 }]],
    [
      "2026-11-14",
      [
        { kind: "UPDATE_OVERDUE", to: "OWNER", daysOverdue: 14 },
        { kind: "UPDATE_OVERDUE", to: "LEADS", daysOverdue: 14 },
      ],
    ],
  ])("on %s", (today, want) => {
    const got = updateReminders({ ...base, today: new Date(`${today}T06:00:00Z`) });
    expect(got).toEqual(want.map((w) => expect.objectContaining(w)));
    for (const r of got) expect(dayKey(r.dueDay)).toBe("2026-10-31");
  });

  it.each(["COMPLETE", "CANCELLED", "DEFERRED"] as const)("sends nothing for a %s action", (status) => {
    expect(updateReminders({ ...base, status, today: d("2026-12-31") })).toEqual([]);
  });

  it("counts from the start date before the first update", () => {
    const got = updateReminders({ ...base, lastUpdateAt: null, startDate: d("2026-10-10"), today: d("2026-11-02") });
    expect(got).toEqual([expect.objectContaining({ kind: "UPDATE_DUE_SOON", daysLeft: 7 })]);
  });
});

describe("weeks and days", () => {
  it.each([
    ["2026-11-23", 1, "2026-W48"],
    ["2026-11-29", 7, "2026-W48"],
    ["2027-01-01", 5, "2026-W53"],
    ["2024-12-30", 1, "2025-W01"],
    ["2021-01-03", 7, "2020-W53"],
  ])("%s is ISO weekday %i of %s", (day, weekday, week) => {
    expect(isoWeekday(d(day))).toBe(weekday);
    expect(isoWeekKey(new Date(`${day}T23:30:00Z`))).toBe(week);
  });
});
