import { describe, expect, it } from "vitest";
import { formatExpectedValue, formatMeasureValue } from "@/lib/format/measure-value";

describe("formatExpectedValue", () => {
  it.each([
    [42.5384, "PERCENT", "42.5%"],
    [42.54, "PERCENT", "42.5%"],
    [42.56, "PERCENT", "42.6%"],
    [40, "PERCENT", "40%"],
    [131.6, "COUNT", "132"],
    [1204.4, "COUNT", "1,204"],
    [37.5, "DAYS", "38 days"],
    [1, "DAYS", "1 day"],
    [14.25, "WEEKS", "14.3 weeks"],
    [12.04, "RATE", "12"],
    [12.06, "RATE", "12.1"],
  ] as const)("%d %s is shown as %s", (value, unit, shown) => {
    expect(formatExpectedValue(value, unit)).toBe(shown);
  });

  it("keeps the places that tell it from the value it is read against, up to two", () => {
    // Short of 42.54% by a hair: "42.5%" would read as met.
    expect(formatExpectedValue(42.54, "PERCENT", 42.53)).toBe("42.54%");
    // Well apart: rounded as usual.
    expect(formatExpectedValue(42.54, "PERCENT", 31)).toBe("42.5%");
    // A count a little short of 131.4 expected.
    expect(formatExpectedValue(131.4, "COUNT", 131)).toBe("131.4");
    expect(formatExpectedValue(131.4, "COUNT", 120)).toBe("131");
    // Met exactly: the rounding must not make it seem missed.
    expect(formatExpectedValue(42.5, "PERCENT", 42.5)).toBe("42.5%");
    expect(formatExpectedValue(42.5, "PERCENT", null)).toBe("42.5%");
  });
});

describe("formatMeasureValue", () => {
  it("shows a recorded figure as it was entered, to two places at most", () => {
    expect(formatMeasureValue(42.54, "PERCENT")).toBe("42.54%");
    expect(formatMeasureValue(1204, "COUNT")).toBe("1,204");
    expect(formatMeasureValue(14, "WEEKS")).toBe("14 weeks");
    expect(formatMeasureValue(null, "PERCENT")).toBe("");
  });
});
