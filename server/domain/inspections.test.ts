import { describe, expect, it } from "vitest";
import { followUpCountdown, followUpKind } from "@/server/domain/inspections";

describe("the inspection that follows up a plan", () => {
  it("is a revisit under the 2016 framework and a monitoring inspection under 2023's", () => {
    expect(followUpKind("FRAMEWORK_2016")).toBe("REVISIT");
    expect(followUpKind("FRAMEWORK_2023")).toBe("MONITORING");
  });
});

describe("the countdown to the follow-up inspection", () => {
  const now = new Date("2026-11-22T10:00:00Z");
  const at = (d: string) => new Date(`${d}T00:00:00Z`);
  it.each([
    ["no inspection", null, null],
    ["an expected date", { kind: "REVISIT" as const, expectedDate: at("2027-04-21"), startDate: null, dateIsEstimate: true }, { date: at("2027-04-21"), isEstimate: true, daysToGo: 150 }],
    ["a start date, which wins", { kind: "MONITORING" as const, expectedDate: at("2027-04-21"), startDate: at("2026-12-02"), dateIsEstimate: false }, { date: at("2026-12-02"), isEstimate: false, daysToGo: 10 }],
    ["no date yet", { kind: "REVISIT" as const, expectedDate: null, startDate: null, dateIsEstimate: true }, { date: null, daysToGo: null }],
  ])("with %s", (_, inspection, want) => {
    const got = followUpCountdown(inspection, now);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatchObject(want);
  });

  // [case, inspection, a finding judged, happened, overdue]
  it.each([
    ["an estimate in the past, nothing judged", { expectedDate: at("2026-10-01"), startDate: null }, false, false, true],
    ["an estimate in the past, a finding judged", { expectedDate: at("2026-10-01"), startDate: null }, true, true, false],
    ["a start date in the past", { expectedDate: null, startDate: at("2026-11-01") }, false, true, false],
    ["a start date today", { expectedDate: null, startDate: at("2026-11-22") }, false, true, false],
    ["a start date tomorrow", { expectedDate: null, startDate: at("2026-11-23") }, false, false, false],
    ["an estimate still to come", { expectedDate: at("2027-01-10"), startDate: null }, false, false, false],
  ])("knows whether it happened, and is overdue only if not, with %s", (_, dates, judged, happened, overdue) => {
    const got = followUpCountdown({ kind: "REVISIT", dateIsEstimate: true, ...dates }, now, judged);
    expect(got).toMatchObject({ happened, overdue });
  });
});
