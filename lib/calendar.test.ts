import { describe, it, expect } from "vitest";
import { addDays, dayNumber, daysBetween, utcDay } from "@/lib/calendar";

const at = (iso: string) => new Date(iso);

describe("dayNumber", () => {
  it.each([
    ["1970-01-01T00:00:00.000Z", 0],
    ["1970-01-01T23:59:59.999Z", 0],
    ["1970-01-02T00:00:00.000Z", 1],
    // Before the epoch it still floors to the calendar day, not towards zero.
    ["1969-12-31T23:59:59.999Z", -1],
    ["1969-12-31T00:00:00.000Z", -1],
    ["2025-03-10T00:00:00.000Z", 20157],
    ["2025-03-10T23:59:59.999Z", 20157],
  ])("%s is day %i", (iso, expected) => {
    expect(dayNumber(at(iso))).toBe(expected);
  });
});

describe("daysBetween counts whole UTC calendar days, ignoring the time of day", () => {
  it.each([
    ["same instant", "2025-03-10T00:00:00Z", "2025-03-10T00:00:00Z", 0],
    ["midnight to the last millisecond of the same day", "2025-03-10T00:00:00.000Z", "2025-03-10T23:59:59.999Z", 0],
    ["last millisecond to the next midnight (1 ms apart)", "2025-03-10T23:59:59.999Z", "2025-03-11T00:00:00.000Z", 1],
    ["late evening to early morning two days on (< 48 h)", "2025-03-10T23:00:00Z", "2025-03-12T01:00:00Z", 2],
    ["early morning to late evening the next day (> 24 h)", "2025-03-10T01:00:00Z", "2025-03-11T23:00:00Z", 1],
    ["across February in a common year", "2025-02-28T00:00:00Z", "2025-03-01T00:00:00Z", 1],
    ["across February in a leap year", "2024-02-28T00:00:00Z", "2024-03-01T00:00:00Z", 2],
    ["across the UK clocks-forward weekend (UTC has no DST)", "2025-03-29T12:00:00Z", "2025-03-31T12:00:00Z", 2],
    ["a leap year", "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", 366],
    ["a common year", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", 365],
    // Negative differences: `to` earlier than `from`.
    ["next midnight back to the last millisecond (negative)", "2025-03-11T00:00:00.000Z", "2025-03-10T23:59:59.999Z", -1],
    ["ten days back across a month end (negative)", "2025-03-10T09:00:00Z", "2025-02-28T18:00:00Z", -10],
    ["a leap year back (negative)", "2025-01-01T00:00:00Z", "2024-01-01T00:00:00Z", -366],
  ])("%s", (_name, from, to, expected) => {
    expect(daysBetween(at(from), at(to))).toBe(expected);
  });

  it("is antisymmetric", () => {
    const a = at("2025-01-31T22:00:00Z");
    const b = at("2025-03-02T03:00:00Z");
    expect(daysBetween(a, b)).toBe(30);
    expect(daysBetween(b, a)).toBe(-30);
  });
});

describe("addDays returns UTC midnight of the day `days` on", () => {
  it.each([
    ["across a 31-day month end", "2025-01-31T00:00:00Z", 1, "2025-02-01T00:00:00.000Z"],
    ["across February in a common year", "2025-02-28T00:00:00Z", 1, "2025-03-01T00:00:00.000Z"],
    ["onto 29 February in a leap year", "2024-02-28T00:00:00Z", 1, "2024-02-29T00:00:00.000Z"],
    ["across the year end", "2025-12-31T00:00:00Z", 1, "2026-01-01T00:00:00.000Z"],
    ["30 days from 31 January lands in March", "2025-01-31T00:00:00Z", 30, "2025-03-02T00:00:00.000Z"],
    ["30 days from 31 January in a leap year", "2024-01-31T00:00:00Z", 30, "2024-03-01T00:00:00.000Z"],
    ["back one day across a month start", "2025-03-01T00:00:00Z", -1, "2025-02-28T00:00:00.000Z"],
    ["back one day onto 29 February", "2024-03-01T00:00:00Z", -1, "2024-02-29T00:00:00.000Z"],
    ["back across the year start", "2025-01-01T00:00:00Z", -1, "2024-12-31T00:00:00.000Z"],
    ["time of day is dropped (0 days)", "2025-03-10T15:45:12.345Z", 0, "2025-03-10T00:00:00.000Z"],
    ["time of day is dropped (late evening + 1)", "2025-03-10T23:59:59.999Z", 1, "2025-03-11T00:00:00.000Z"],
    ["across the UK clocks-forward night", "2025-03-29T23:30:00Z", 1, "2025-03-30T00:00:00.000Z"],
    ["a whole leap year", "2024-01-01T00:00:00Z", 366, "2025-01-01T00:00:00.000Z"],
  ])("%s", (_name, from, days, expected) => {
    expect(addDays(at(from), days).toISOString()).toBe(expected);
  });

  it("does not mutate its argument", () => {
    const d = at("2025-01-31T10:00:00Z");
    addDays(d, 5);
    expect(d.toISOString()).toBe("2025-01-31T10:00:00.000Z");
  });

  it("round-trips with daysBetween", () => {
    const from = at("2025-01-31T17:00:00Z");
    for (const n of [-400, -31, -1, 0, 1, 28, 29, 365, 1000]) {
      expect(daysBetween(from, addDays(from, n))).toBe(n);
    }
  });
});

describe("utcDay", () => {
  it.each([
    ["2025-03-10T00:00:00.000Z", "2025-03-10T00:00:00.000Z"],
    ["2025-03-10T12:34:56.789Z", "2025-03-10T00:00:00.000Z"],
    ["2025-03-10T23:59:59.999Z", "2025-03-10T00:00:00.000Z"],
    ["1969-12-31T12:00:00.000Z", "1969-12-31T00:00:00.000Z"],
  ])("%s -> %s", (iso, expected) => {
    expect(utcDay(at(iso)).toISOString()).toBe(expected);
  });
});
