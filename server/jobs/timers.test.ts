import { describe, expect, it } from "vitest";
import { SCHEDULES } from "@/server/jobs/run";
import { nextRunAfter } from "@/server/jobs/timers";

describe("the embedded database's job timers follow the pg-boss schedules", () => {
  it.each([
    // 06:00 UK time is 06:00 UTC in winter and 05:00 UTC in summer.
    ["reminders", "2026-11-22T05:59:00Z", "2026-11-22T06:00:00.000Z"],
    ["reminders", "2026-11-22T06:00:00Z", "2026-11-23T06:00:00.000Z"],
    ["reminders", "2026-07-01T04:30:00Z", "2026-07-01T05:00:00.000Z"],
    ["digest", "2026-11-22T06:10:00Z", "2026-11-22T07:00:00.000Z"],
    ["deliver-email", "2026-11-22T06:11:00Z", "2026-11-22T06:15:00.000Z"],
  ] as const)("%s after %s runs at %s", (name, after, at) => {
    expect(nextRunAfter(SCHEDULES[name], new Date(after)).toISOString()).toBe(at);
  });
});
