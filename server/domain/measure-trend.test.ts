import { describe, expect, it } from "vitest";
import { MEASURE_TREND } from "@/lib/labels";
import { measureTrend, type MeasureTrend } from "@/server/domain/measure-trend";
import type { MeasureDirection } from "@/server/generated/prisma/enums";

const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const v = (iso: string, value: number) => ({ periodEnd: d(iso), value });

describe("measureTrend", () => {
  const cases: Array<{ name: string; direction: MeasureDirection; baseline?: string; values: ReturnType<typeof v>[]; trend: MeasureTrend }> = [
    { name: "up, higher is better", direction: "HIGHER_IS_BETTER", values: [v("2026-09-30", 40), v("2026-10-31", 45)], trend: "IMPROVING" },
    { name: "up, lower is better", direction: "LOWER_IS_BETTER", values: [v("2026-09-30", 40), v("2026-10-31", 45)], trend: "WORSENING" },
    { name: "down, higher is better", direction: "HIGHER_IS_BETTER", values: [v("2026-09-30", 45), v("2026-10-31", 40)], trend: "WORSENING" },
    { name: "down, lower is better", direction: "LOWER_IS_BETTER", values: [v("2026-09-30", 45), v("2026-10-31", 40)], trend: "IMPROVING" },
    { name: "the same figure", direction: "HIGHER_IS_BETTER", values: [v("2026-09-30", 45), v("2026-10-31", 45)], trend: "NO_CHANGE" },
    // 0.1 + 0.2 is not 0.3 in floating point: the same figure all the same.
    { name: "the same figure with floating-point noise", direction: "LOWER_IS_BETTER", values: [v("2026-09-30", 0.3), v("2026-10-31", 0.1 + 0.2)], trend: "NO_CHANGE" },
    { name: "a millionth apart", direction: "HIGHER_IS_BETTER", values: [v("2026-09-30", 12.000001), v("2026-10-31", 12.000002)], trend: "IMPROVING" },
    // Periods, not the order they were entered in, say which is latest.
    { name: "values in any order", direction: "HIGHER_IS_BETTER", values: [v("2026-10-31", 45), v("2026-08-31", 99), v("2026-09-30", 50)], trend: "WORSENING" },
    { name: "one value", direction: "HIGHER_IS_BETTER", values: [v("2026-10-31", 45)], trend: "NOT_ENOUGH_VALUES" },
    { name: "no values", direction: "LOWER_IS_BETTER", values: [], trend: "NOT_ENOUGH_VALUES" },
    // Values before the baseline are history, not progress, as the status rule says.
    { name: "one value since the baseline, one before", direction: "HIGHER_IS_BETTER", baseline: "2026-10-01", values: [v("2026-09-30", 10), v("2026-10-31", 45)], trend: "NOT_ENOUGH_VALUES" },
    { name: "a value on the baseline day counts", direction: "HIGHER_IS_BETTER", baseline: "2026-09-30", values: [v("2026-09-30", 50), v("2026-10-31", 45)], trend: "WORSENING" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = measureTrend({ direction: c.direction, baselineDate: c.baseline ? d(c.baseline) : null, values: c.values });
      expect(result.trend).toBe(c.trend);
    });
  }

  it("has words for every trend", () => {
    expect(new Set(cases.map((c) => c.trend))).toEqual(new Set(Object.keys(MEASURE_TREND)));
    expect(Object.values(MEASURE_TREND)).toEqual(["Improving", "Worsening", "No change", "Not enough values"]);
  });

  it("names the two values it compared", () => {
    const result = measureTrend({ direction: "LOWER_IS_BETTER", baselineDate: null, values: [v("2026-08-31", 30), v("2026-09-30", 21.5), v("2026-10-31", 18)] });
    expect(result.latest).toEqual(v("2026-10-31", 18));
    expect(result.previous).toEqual(v("2026-09-30", 21.5));
    expect(result.explanation).toBe(
      "The latest value, 18 for the period ending 31 October 2026, is down from 21.5 for the period ending 30 September 2026; lower is better.",
    );
  });
});
