import { describe, it, expect } from "vitest";
import { DEFAULT_TOLERANCE, measureStatus, type MeasureStatus, type MeasureStatusInput } from "@/server/domain/measure-status";
import { trajectoryAt, type TrajectoryPoint } from "@/lib/trajectory";

/** UTC midnight of an ISO date, as DATE columns are stored. */
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

// EHC plans issued within 20 weeks (%): 40 at the baseline, then +10 every 30 days to a target
// of 70. The planned change is 30, so the default 10% tolerance allows a shortfall of 3.
const MILESTONES = [
  { date: day("2025-01-31"), targetValue: 50 },
  { date: day("2025-03-02"), targetValue: 60 },
];

function input(over: Partial<MeasureStatusInput> = {}): MeasureStatusInput {
  return {
    direction: "HIGHER_IS_BETTER",
    baselineValue: 40,
    baselineDate: day("2025-01-01"),
    targetValue: 70,
    targetDate: day("2025-04-01"),
    milestones: MILESTONES,
    values: [],
    cadenceDays: 30,
    today: day("2025-02-20"),
    ...over,
  };
}

const value = (iso: string, v: number) => ({ periodEnd: day(iso), value: v });

// Average weeks waited for an autism assessment: 60 down to 30 over 30 days (change 30, allowance 3).
const lowerIsBetter: Partial<MeasureStatusInput> = {
  direction: "LOWER_IS_BETTER",
  baselineValue: 60,
  targetValue: 30,
  targetDate: day("2025-01-31"),
  milestones: [],
  today: day("2025-01-20"),
};

describe("measureStatus", () => {
  type Case = {
    name: string;
    over: Partial<MeasureStatusInput>;
    status: MeasureStatus;
    latest: { periodEnd: Date; value: number } | null;
    expected: number | null;
  };

  const cases: Case[] = [
    // Nothing to judge.
    { name: "no values", over: {}, status: "NO_DATA", latest: null, expected: null },
    {
      name: "values only before the baseline are history",
      over: { values: [value("2024-12-31", 38), value("2024-11-30", 35)] },
      status: "NO_DATA",
      latest: null,
      expected: null,
    },
    {
      name: "a value before the baseline is ignored, the one after it is judged",
      over: { values: [value("2024-12-31", 99), value("2025-01-16", 41)] },
      status: "OFF_TRACK",
      latest: value("2025-01-16", 41),
      expected: 45,
    },
    {
      name: "a value on the baseline date counts",
      over: { values: [value("2024-12-31", 10), value("2025-01-01", 40)], today: day("2025-01-20") },
      status: "ON_TRACK",
      latest: value("2025-01-01", 40),
      expected: 40,
    },

    // Freshness: recent for two cadences (2 x 30 = 60 days) after the period end.
    {
      name: "exactly two cadences old is still recent",
      over: { values: [value("2025-01-16", 45)], today: day("2025-03-17") },
      status: "ON_TRACK",
      latest: value("2025-01-16", 45),
      expected: 45,
    },
    {
      name: "one day more than two cadences old is NO_DATA (latest still reported)",
      over: { values: [value("2025-01-16", 45)], today: day("2025-03-18") },
      status: "NO_DATA",
      latest: value("2025-01-16", 45),
      expected: 45,
    },
    {
      name: "the time of day today does not change freshness",
      over: { values: [value("2025-01-16", 45)], today: new Date("2025-03-17T23:59:59.999Z") },
      status: "ON_TRACK",
      latest: value("2025-01-16", 45),
      expected: 45,
    },
    {
      name: "freshness follows the plan's cadence (2 x 14 days)",
      over: { values: [value("2025-01-16", 45)], cadenceDays: 14, today: day("2025-02-14") },
      status: "NO_DATA",
      latest: value("2025-01-16", 45),
      expected: 45,
    },

    // Higher is better, judged at the value's period end (day 15 of 30 from 40 to 50: 45 expected).
    { name: "exactly the expected value is ON_TRACK", over: { values: [value("2025-01-16", 45)] }, status: "ON_TRACK", latest: value("2025-01-16", 45), expected: 45 },
    { name: "above the expected value is ON_TRACK", over: { values: [value("2025-01-16", 47.5)] }, status: "ON_TRACK", latest: value("2025-01-16", 47.5), expected: 45 },
    { name: "just short is AMBER", over: { values: [value("2025-01-16", 44.99)] }, status: "AMBER", latest: value("2025-01-16", 44.99), expected: 45 },
    { name: "short by exactly 10% of the planned change (3) is AMBER", over: { values: [value("2025-01-16", 42)] }, status: "AMBER", latest: value("2025-01-16", 42), expected: 45 },
    { name: "short by just over 10% of the planned change is OFF_TRACK", over: { values: [value("2025-01-16", 41.99)] }, status: "OFF_TRACK", latest: value("2025-01-16", 41.99), expected: 45 },
    {
      name: "judged against the trajectory at the period end, not today",
      // 45 was expected by 16 January; by today (20 February) 56.67 is.
      over: { values: [value("2025-01-16", 45)], today: day("2025-02-20") },
      status: "ON_TRACK",
      latest: value("2025-01-16", 45),
      expected: 45,
    },

    // Lower is better.
    { name: "lower is better: below expected is ON_TRACK", over: { ...lowerIsBetter, values: [value("2025-01-16", 40)] }, status: "ON_TRACK", latest: value("2025-01-16", 40), expected: 45 },
    { name: "lower is better: exactly expected is ON_TRACK", over: { ...lowerIsBetter, values: [value("2025-01-16", 45)] }, status: "ON_TRACK", latest: value("2025-01-16", 45), expected: 45 },
    { name: "lower is better: exactly the tolerance above is AMBER", over: { ...lowerIsBetter, values: [value("2025-01-16", 48)] }, status: "AMBER", latest: value("2025-01-16", 48), expected: 45 },
    { name: "lower is better: just beyond the tolerance is OFF_TRACK", over: { ...lowerIsBetter, values: [value("2025-01-16", 48.01)] }, status: "OFF_TRACK", latest: value("2025-01-16", 48.01), expected: 45 },
    { name: "lower is better: far above is OFF_TRACK", over: { ...lowerIsBetter, values: [value("2025-01-16", 58)] }, status: "OFF_TRACK", latest: value("2025-01-16", 58), expected: 45 },
    { name: "lower is better: a high value would be ON_TRACK the other way", over: { ...lowerIsBetter, direction: "HIGHER_IS_BETTER", values: [value("2025-01-16", 58)] }, status: "ON_TRACK", latest: value("2025-01-16", 58), expected: 45 },

    // Boundaries where floating-point arithmetic would flip the answer.
    {
      name: "exactly 10% of a decimal planned change (10.4 - 10.37 = 0.03 of 0.3) is AMBER",
      over: { baselineValue: 10.1, targetValue: 10.4, targetDate: day("2025-01-31"), milestones: [], values: [value("2025-01-31", 10.37)], today: day("2025-02-01") },
      status: "AMBER",
      latest: value("2025-01-31", 10.37),
      expected: 10.4,
    },
    {
      name: "just beyond 10% of a decimal planned change is OFF_TRACK",
      over: { baselineValue: 10.1, targetValue: 10.4, targetDate: day("2025-01-31"), milestones: [], values: [value("2025-01-31", 10.369)], today: day("2025-02-01") },
      status: "OFF_TRACK",
      latest: value("2025-01-31", 10.369),
      expected: 10.4,
    },
    {
      name: "an interpolated expected value met exactly (0.1 + 0.3 x 2/3 = 0.3) is ON_TRACK",
      over: { baselineValue: 0.1, targetValue: 0.4, targetDate: day("2025-01-04"), milestones: [], values: [value("2025-01-03", 0.3)], today: day("2025-01-05") },
      status: "ON_TRACK",
      latest: value("2025-01-03", 0.3),
      expected: 0.3,
    },

    // Interpolation between milestones (50 on 31 January, 60 on 2 March).
    { name: "between milestones: halfway expects 55", over: { values: [value("2025-02-15", 55)] }, status: "ON_TRACK", latest: value("2025-02-15", 55), expected: 55 },
    { name: "between milestones: 3 short is AMBER", over: { values: [value("2025-02-15", 52)] }, status: "AMBER", latest: value("2025-02-15", 52), expected: 55 },
    { name: "between milestones: 4 short is OFF_TRACK", over: { values: [value("2025-02-15", 51)] }, status: "OFF_TRACK", latest: value("2025-02-15", 51), expected: 55 },
    { name: "on a milestone date expects the milestone", over: { values: [value("2025-03-02", 60)], today: day("2025-03-10") }, status: "ON_TRACK", latest: value("2025-03-02", 60), expected: 60 },
    {
      name: "expected is rounded to 2 decimal places (1 of 3 days from 0 to 1)",
      over: { baselineValue: 0, targetValue: 1, targetDate: day("2025-01-04"), milestones: [], values: [value("2025-01-02", 0.34)], today: day("2025-01-05") },
      status: "ON_TRACK",
      latest: value("2025-01-02", 0.34),
      expected: 0.33,
    },

    // After the target date the target stands.
    { name: "after the target date: meets the target", over: { values: [value("2025-05-01", 70)], today: day("2025-05-10") }, status: "ON_TRACK", latest: value("2025-05-01", 70), expected: 70 },
    { name: "after the target date: 3 short of the target is AMBER", over: { values: [value("2025-05-01", 67)], today: day("2025-05-10") }, status: "AMBER", latest: value("2025-05-01", 67), expected: 70 },
    { name: "after the target date: 4 short of the target is OFF_TRACK", over: { values: [value("2025-05-01", 66)], today: day("2025-05-10") }, status: "OFF_TRACK", latest: value("2025-05-01", 66), expected: 70 },

    // No trajectory: the latest value is still reported.
    {
      name: "no baseline, milestones or target",
      over: { baselineValue: null, baselineDate: null, targetValue: null, targetDate: null, milestones: [], values: [value("2025-02-01", 50)] },
      status: "NO_TRAJECTORY",
      latest: value("2025-02-01", 50),
      expected: null,
    },
    {
      name: "a baseline but no target or milestones",
      over: { targetValue: null, targetDate: null, milestones: [], values: [value("2025-02-01", 50)] },
      status: "NO_TRAJECTORY",
      latest: value("2025-02-01", 50),
      expected: null,
    },
    {
      name: "a target but no baseline or milestones",
      over: { baselineValue: null, baselineDate: null, milestones: [], values: [value("2025-02-01", 50)] },
      status: "NO_TRAJECTORY",
      latest: value("2025-02-01", 50),
      expected: null,
    },
    {
      name: "a baseline value without its date is not a point",
      over: { baselineDate: null, milestones: [], values: [value("2025-02-01", 50)] },
      status: "NO_TRAJECTORY",
      latest: value("2025-02-01", 50),
      expected: null,
    },
    {
      name: "a target date without its value is not a point",
      over: { targetValue: null, milestones: [], values: [value("2025-02-01", 50)] },
      status: "NO_TRAJECTORY",
      latest: value("2025-02-01", 50),
      expected: null,
    },
    {
      name: "no trajectory outranks no data",
      over: { baselineValue: null, baselineDate: null, targetValue: null, targetDate: null, milestones: [] },
      status: "NO_TRAJECTORY",
      latest: null,
      expected: null,
    },
    {
      name: "without a baseline, a value before the first milestone has nothing expected",
      over: { baselineValue: null, baselineDate: null, values: [value("2025-01-16", 45)] },
      status: "NO_TRAJECTORY",
      latest: value("2025-01-16", 45),
      expected: null,
    },

    // Partial trajectories are judged across the points they have.
    {
      name: "baseline and milestones without a target: planned change is first to last point (20, allowance 2)",
      over: { targetValue: null, targetDate: null, values: [value("2025-02-15", 53)] },
      status: "AMBER",
      latest: value("2025-02-15", 53),
      expected: 55,
    },
    {
      name: "baseline and milestones without a target: 2.01 short is OFF_TRACK",
      over: { targetValue: null, targetDate: null, values: [value("2025-02-15", 52.99)] },
      status: "OFF_TRACK",
      latest: value("2025-02-15", 52.99),
      expected: 55,
    },
    {
      name: "milestones and target without a baseline: judged from the first milestone",
      over: { baselineValue: null, baselineDate: null, values: [value("2025-02-15", 55)] },
      status: "ON_TRACK",
      latest: value("2025-02-15", 55),
      expected: 55,
    },

    // Planned change of 0: any shortfall is OFF_TRACK.
    {
      name: "a flat trajectory met exactly is ON_TRACK",
      over: { baselineValue: 50, targetValue: 50, milestones: [], values: [value("2025-02-15", 50)] },
      status: "ON_TRACK",
      latest: value("2025-02-15", 50),
      expected: 50,
    },
    {
      name: "a flat trajectory missed by a little is OFF_TRACK",
      over: { baselineValue: 50, targetValue: 50, milestones: [], values: [value("2025-02-15", 49.99)] },
      status: "OFF_TRACK",
      latest: value("2025-02-15", 49.99),
      expected: 50,
    },

    // Tolerance.
    { name: "tolerance 0.2: 6 short is AMBER", over: { tolerance: 0.2, values: [value("2025-01-16", 39)] }, status: "AMBER", latest: value("2025-01-16", 39), expected: 45 },
    { name: "tolerance 0.2: 6.01 short is OFF_TRACK", over: { tolerance: 0.2, values: [value("2025-01-16", 38.99)] }, status: "OFF_TRACK", latest: value("2025-01-16", 38.99), expected: 45 },
    { name: "tolerance 0: any shortfall is OFF_TRACK", over: { tolerance: 0, values: [value("2025-01-16", 44.99)] }, status: "OFF_TRACK", latest: value("2025-01-16", 44.99), expected: 45 },

    // Order of the inputs does not matter.
    {
      name: "milestones given unsorted",
      over: { milestones: [...MILESTONES].reverse(), values: [value("2025-02-15", 52)] },
      status: "AMBER",
      latest: value("2025-02-15", 52),
      expected: 55,
    },
    {
      name: "values given unsorted: the latest period is judged",
      over: { values: [value("2025-02-15", 55), value("2025-01-16", 10), value("2025-02-01", 20)] },
      status: "ON_TRACK",
      latest: value("2025-02-15", 55),
      expected: 55,
    },
    {
      name: "values given unsorted: a later bad value is judged over an earlier good one",
      over: { values: [value("2025-01-16", 45), value("2025-02-15", 40), value("2025-02-01", 52)] },
      status: "OFF_TRACK",
      latest: value("2025-02-15", 40),
      expected: 55,
    },
  ];

  it.each(cases)("$name -> $status", ({ over, status, latest, expected }) => {
    const r = measureStatus(input(over));
    expect(r.status).toBe(status);
    expect(r.latest).toEqual(latest);
    expect(r.expected).toBe(expected);
    expect(r.explanation.length).toBeGreaterThan(0);
  });

  it("default tolerance is 0.1", () => {
    expect(DEFAULT_TOLERANCE).toBe(0.1);
    expect(measureStatus(input({ values: [value("2025-01-16", 42)] })).status).toBe(
      measureStatus(input({ values: [value("2025-01-16", 42)], tolerance: 0.1 })).status,
    );
  });

  it("returns the trajectory in date order with its kinds, however the milestones arrive", () => {
    const expected: TrajectoryPoint[] = [
      { date: day("2025-01-01"), value: 40, kind: "BASELINE" },
      { date: day("2025-01-31"), value: 50, kind: "MILESTONE" },
      { date: day("2025-03-02"), value: 60, kind: "MILESTONE" },
      { date: day("2025-04-01"), value: 70, kind: "TARGET" },
    ];
    expect(measureStatus(input()).trajectory).toEqual(expected);
    expect(measureStatus(input({ milestones: [...MILESTONES].reverse() })).trajectory).toEqual(expected);
  });

  it("reports the trajectory even when there is no data", () => {
    expect(measureStatus(input({ milestones: [] })).trajectory.map((p) => p.kind)).toEqual(["BASELINE", "TARGET"]);
  });

  it("does not change the values it is given", () => {
    const values = [value("2025-02-15", 55), value("2025-01-16", 10)];
    measureStatus(input({ values }));
    expect(values.map((v) => v.value)).toEqual([55, 10]);
  });
});

describe("measureStatus: explanation", () => {
  it("states the comparison, the period end rule and the tolerance", () => {
    const r = measureStatus(input({ values: [value("2025-01-16", 42)] }));
    expect(r.explanation).toContain("42 for the period ending 16 January 2025");
    expect(r.explanation).toContain("is 3 below the 45 expected by that date");
    expect(r.explanation).toContain("judged against the trajectory at its period end");
    expect(r.explanation).toContain("Higher is better");
    expect(r.explanation).toContain("10% of the planned change from baseline to target (30, so 3)");
  });

  it("says above for lower-is-better shortfalls", () => {
    const r = measureStatus(input({ ...lowerIsBetter, values: [value("2025-01-16", 48)] }));
    expect(r.explanation).toContain("is 3 above the 45 expected");
    expect(r.explanation).toContain("Lower is better");
  });

  it("says when the value meets the trajectory", () => {
    expect(measureStatus(input({ values: [value("2025-01-16", 46)] })).explanation).toContain("meets the 45 expected");
  });

  it("says when the planned change is across the trajectory rather than baseline to target", () => {
    const r = measureStatus(input({ targetValue: null, targetDate: null, values: [value("2025-02-15", 53)] }));
    expect(r.explanation).toContain("of the planned change across the trajectory (20, so 2)");
  });

  it("says a flat trajectory allows no shortfall", () => {
    const r = measureStatus(input({ baselineValue: 50, targetValue: 50, milestones: [], values: [value("2025-02-15", 49)] }));
    expect(r.explanation).toContain("plans no change, so any shortfall is off track");
  });

  it("says when no values have been entered", () => {
    expect(measureStatus(input()).explanation).toMatch(/No values have been entered/);
  });

  it("says values before the baseline are history when that leaves none", () => {
    const r = measureStatus(input({ values: [value("2024-12-31", 38), value("2024-11-30", 35)] }));
    expect(r.explanation).toContain("All 2 values are dated before the baseline date (1 January 2025)");
    expect(r.explanation).toContain("history, not progress");
    expect(measureStatus(input({ values: [value("2024-12-31", 38)] })).explanation).toMatch(/^The only value is dated before the baseline/);
  });

  it("states the freshness window for stale data", () => {
    const r = measureStatus(input({ values: [value("2025-01-16", 45)], today: day("2025-03-18") }));
    expect(r.explanation).toContain("period ending 16 January 2025, 61 days before today");
    expect(r.explanation).toContain("2 × 30 = 60 days");
  });

  it("says how many trajectory points are missing", () => {
    expect(measureStatus(input({ baselineValue: null, targetValue: null, milestones: [] })).explanation).toMatch(/at least two dated points.*has none/);
    expect(measureStatus(input({ targetValue: null, milestones: [] })).explanation).toMatch(/at least two dated points.*has one/);
  });

  it("says when the value comes before the trajectory starts", () => {
    const r = measureStatus(input({ baselineValue: null, baselineDate: null, values: [value("2025-01-16", 45)] }));
    expect(r.explanation).toContain("before the trajectory's first point (31 January 2025)");
  });
});

describe("trajectoryAt", () => {
  const points: TrajectoryPoint[] = [
    { date: day("2025-01-01"), value: 40, kind: "BASELINE" },
    { date: day("2025-01-31"), value: 50, kind: "MILESTONE" },
    { date: day("2025-03-02"), value: 60, kind: "MILESTONE" },
    { date: day("2025-04-01"), value: 70, kind: "TARGET" },
  ];

  type Case = { name: string; points: TrajectoryPoint[]; date: Date; value: number | null };
  const cases: Case[] = [
    { name: "before the first point: nothing planned", points, date: day("2024-12-31"), value: null },
    { name: "on the first point", points, date: day("2025-01-01"), value: 40 },
    { name: "between the first two points", points, date: day("2025-01-16"), value: 45 },
    { name: "on a middle point", points, date: day("2025-01-31"), value: 50 },
    { name: "between later points", points, date: day("2025-03-17"), value: 65 },
    { name: "on the last point", points, date: day("2025-04-01"), value: 70 },
    { name: "after the last point: holds at the last value", points, date: day("2026-01-01"), value: 70 },
    { name: "time of day is ignored", points, date: new Date("2025-01-16T18:30:00.000Z"), value: 45 },
    { name: "points given unsorted", points: [...points].reverse(), date: day("2025-02-15"), value: 55 },
    { name: "a falling line", points: [{ date: day("2025-01-01"), value: 60, kind: "BASELINE" }, { date: day("2025-01-31"), value: 30, kind: "TARGET" }], date: day("2025-01-11"), value: 50 },
    { name: "no points", points: [], date: day("2025-01-16"), value: null },
    { name: "one point, before it", points: [points[3]!], date: day("2025-03-01"), value: null },
    { name: "one point, after it", points: [points[3]!], date: day("2025-05-01"), value: 70 },
    {
      name: "a milestone on the target date: the target stands from then on",
      points: [...points, { date: day("2025-04-01"), value: 65, kind: "MILESTONE" }],
      date: day("2025-04-01"),
      value: 70,
    },
  ];

  it.each(cases)("$name", ({ points: p, date, value: v }) => {
    expect(trajectoryAt(p, date)).toBe(v);
  });

  it("interpolates to fractions (1 of 3 days from 0 to 1)", () => {
    const p: TrajectoryPoint[] = [
      { date: day("2025-01-01"), value: 0, kind: "BASELINE" },
      { date: day("2025-01-04"), value: 1, kind: "TARGET" },
    ];
    expect(trajectoryAt(p, day("2025-01-02"))).toBeCloseTo(1 / 3, 12);
  });
});
