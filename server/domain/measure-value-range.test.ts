import { describe, expect, it } from "vitest";
import type { MeasureUnit } from "@/server/generated/prisma/enums";
import {
  plausibleRangeProblems,
  plausibleRangeWords,
  valueRangeHint,
  valueRangeProblem,
  valueRangeReason,
  type ValueRule,
} from "@/server/domain/measure-value-range";

const PERCENT = "A percentage is between 0 and 100";
const COUNT = "A count is a whole number, 0 or more";
const DAYS = "A number of days is 0 or more";
const WEEKS = "A number of weeks is 0 or more";
const RATE = "A rate is 0 or more";

describe("valueRangeProblem: what the unit allows", () => {
  const cases: Array<[MeasureUnit, number, string | null]> = [
    ["PERCENT", 0, null],
    ["PERCENT", 41.5, null],
    ["PERCENT", 100, null],
    ["PERCENT", 100.01, PERCENT],
    ["PERCENT", 150, PERCENT],
    ["PERCENT", -20, PERCENT],
    ["PERCENT", -0.1, PERCENT],
    ["PERCENT", 1_000_000_000_000, PERCENT],
    ["COUNT", 0, null],
    ["COUNT", 1204, null],
    ["COUNT", 12.5, COUNT],
    ["COUNT", -1, COUNT],
    ["DAYS", 0, null],
    ["DAYS", 3.5, null],
    ["DAYS", -3, DAYS],
    ["WEEKS", 20, null],
    ["WEEKS", 19.4, null],
    ["WEEKS", -0.5, WEEKS],
    ["RATE", 0, null],
    ["RATE", 35.2, null],
    ["RATE", 12_000, null],
    ["RATE", -1, RATE],
    ["PERCENT", Number.NaN, PERCENT],
    ["RATE", Number.POSITIVE_INFINITY, RATE],
  ];
  it.each(cases)("%s %d: %s", (unit, value, expected) => expect(valueRangeProblem(value, { unit })).toBe(expected));
});

describe("valueRangeProblem: the range set on the measure", () => {
  const between: ValueRule = { unit: "PERCENT", plausibleMin: 20, plausibleMax: 80 };
  const cases: Array<[ValueRule, number, string | null]> = [
    [between, 20, null],
    [between, 55, null],
    [between, 80, null],
    [between, 19.9, "Enter a value this measure can take: between 20 and 80, as set on the measure"],
    [between, 80.5, "Enter a value this measure can take: between 20 and 80, as set on the measure"],
    // The unit's own bounds are named first: 150 is no percentage at all.
    [between, 150, PERCENT],
    [{ unit: "COUNT", plausibleMin: 100, plausibleMax: null }, 99, "Enter a value this measure can take: 100 or more, as set on the measure"],
    [{ unit: "COUNT", plausibleMin: 100, plausibleMax: null }, 5000, null],
    [{ unit: "DAYS", plausibleMin: null, plausibleMax: 365 }, 366, "Enter a value this measure can take: 365 or less, as set on the measure"],
    [{ unit: "RATE", plausibleMin: 1000, plausibleMax: 2500 }, 2500.5, "Enter a value this measure can take: between 1,000 and 2,500, as set on the measure"],
    [{ unit: "WEEKS", plausibleMin: 20, plausibleMax: 20 }, 21, "Enter a value this measure can take: exactly 20, as set on the measure"],
    [{ unit: "WEEKS", plausibleMin: null, plausibleMax: null }, 999, null],
  ];
  it.each(cases)("%j %d: %s", (rule, value, expected) => expect(valueRangeProblem(value, rule)).toBe(expected));
});

describe("valueRangeReason: the refusal as a clause after the value", () => {
  it("says the same as the sentence, to follow a value", () => {
    expect(valueRangeReason(150, { unit: "PERCENT" })).toBe("a percentage is between 0 and 100");
    expect(valueRangeReason(90, { unit: "PERCENT", plausibleMin: 20, plausibleMax: 80 })).toBe(
      "this measure's values are between 20 and 80, as set on the measure",
    );
    expect(valueRangeReason(50, { unit: "PERCENT", plausibleMin: 20, plausibleMax: 80 })).toBeNull();
  });
});

describe("the words for a range", () => {
  it("name the measure's own range, or nothing", () => {
    expect(plausibleRangeWords({ plausibleMin: 0.5, plausibleMax: 2.25 })).toBe("between 0.5 and 2.25");
    expect(plausibleRangeWords({})).toBeNull();
    expect(valueRangeHint({ unit: "PERCENT" })).toBe("A percentage is between 0 and 100.");
    expect(valueRangeHint({ unit: "PERCENT", plausibleMin: 20, plausibleMax: 80 })).toBe(
      "A percentage is between 0 and 100; this measure's values are between 20 and 80.",
    );
  });
});

describe("plausibleRangeProblems: what the measure editor refuses", () => {
  const cases: Array<[ValueRule, Array<{ field: string; message: string }>]> = [
    [{ unit: "PERCENT", plausibleMin: 20, plausibleMax: 80 }, []],
    [{ unit: "PERCENT", plausibleMin: null, plausibleMax: null }, []],
    [{ unit: "PERCENT", plausibleMin: 50, plausibleMax: 50 }, []],
    [{ unit: "PERCENT", plausibleMin: 80, plausibleMax: 20 }, [{ field: "plausibleMax", message: "The plausible maximum must be the same as the minimum or more" }]],
    [{ unit: "PERCENT", plausibleMin: null, plausibleMax: 150 }, [{ field: "plausibleMax", message: `The plausible maximum is outside what the unit allows. ${PERCENT}` }]],
    [{ unit: "COUNT", plausibleMin: -5, plausibleMax: 10 }, [{ field: "plausibleMin", message: `The plausible minimum is outside what the unit allows. ${COUNT}` }]],
    [{ unit: "RATE", plausibleMin: 0, plausibleMax: 1_000_000 }, []],
    // No unit chosen yet: only the order of the two ends is checked.
    [{ unit: "" as MeasureUnit, plausibleMin: -80, plausibleMax: 500 }, []],
    [{ unit: "" as MeasureUnit, plausibleMin: 80, plausibleMax: 20 }, [{ field: "plausibleMax", message: "The plausible maximum must be the same as the minimum or more" }]],
  ];
  it.each(cases)("%j", (rule, expected) => expect(plausibleRangeProblems(rule)).toEqual(expected));
});
