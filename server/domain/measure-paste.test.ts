import { describe, expect, it } from "vitest";
import { MAX_PASTED_LINES, parseDecimal, parsePastedValues, parsePeriod } from "@/server/domain/measure-paste";

describe("parsePeriod", () => {
  const cases: Array<[string, string | null]> = [
    // Whole dates: ISO, and day first as England writes them.
    ["2026-03-31", "2026-03-31"],
    ["2026-3-31", "2026-03-31"],
    ["31/03/2026", "2026-03-31"],
    ["31/3/2026", "2026-03-31"],
    ["1/4/2026", "2026-04-01"],
    ["31/03/26", "2026-03-31"],
    ["31-03-2026", "2026-03-31"],
    ["31.03.2026", "2026-03-31"],
    ["31 Mar 2026", "2026-03-31"],
    ["31 March 2026", "2026-03-31"],
    ["  31   March 2026 ", "2026-03-31"],
    // A month means its last day, leap years included.
    ["Mar 2026", "2026-03-31"],
    ["March 2026", "2026-03-31"],
    ["Mar-26", "2026-03-31"],
    ["Mar 26", "2026-03-31"],
    ["Sept 2026", "2026-09-30"],
    ["2026-02", "2026-02-28"],
    ["Feb 2028", "2028-02-29"],
    ["2/2026", "2026-02-28"],
    ["02/2026", "2026-02-28"],
    // Not dates.
    ["31/02/2026", null],
    ["2026-02-30", null],
    ["13/13/2026", null],
    ["31/03/0026", null],
    ["2026", null],
    ["Q1 2026", null],
    ["", null],
    ["soon", null],
  ];
  it.each(cases)("%j is %s", (text, expected) => expect(parsePeriod(text)).toBe(expected));
});

describe("parseDecimal", () => {
  const cases: Array<[string, number]> = [
    ["41.5", 41.5],
    [" 41.5 ", 41.5],
    ["-3", -3],
    ["+3", 3],
    [".5", 0.5],
    ["12.", 12],
    ["41.5%", 41.5],
    ["0", 0],
  ];
  it.each(cases)("%j is %d", (text, expected) => expect(parseDecimal(text)).toBe(expected));
  it.each(["41,5", "41,5x", "", "1e3", "0x10", "4 1", "Infinity", "NaN", "%"])("%j is not a number", (text) =>
    expect(parseDecimal(text)).toBeNaN(),
  );
});

describe("parsePastedValues", () => {
  it("reads the three accepted shapes of line", () => {
    expect(parsePastedValues("2026-01-31\t40\n28/02/2026, 41.5\nMar 2026 43")).toEqual({
      rows: [
        { line: 1, periodEnd: "2026-01-31", value: 40 },
        { line: 2, periodEnd: "2026-02-28", value: 41.5 },
        { line: 3, periodEnd: "2026-03-31", value: 43 },
      ],
      errors: [],
    });
  });

  it("skips a heading line and blank lines, and counts lines as the paste shows them", () => {
    const result = parsePastedValues("Month\t% issued in 20 weeks\r\n\r\nJan 2026\t40\n\n   \nFeb 2026\t41\n");
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 3, periodEnd: "2026-01-31", value: 40 },
      { line: 6, periodEnd: "2026-02-28", value: 41 },
    ]);
  });

  it("takes only the first line as a heading", () => {
    expect(parsePastedValues("Jan 2026\t40\nMonth\tValue").errors).toEqual([
      "Line 2: 'Month' is not a date or a month; 'Value' is not a number",
    ]);
  });

  it("keeps a spreadsheet cell whole: a decimal comma after a tab is reported, not split", () => {
    expect(parsePastedValues("2026-01-31\t40\n2026-02-28\t41\n2026-03-31\t41,5x").errors).toEqual([
      "Line 3: '41,5x' is not a number",
    ]);
  });

  it("ignores empty trailing cells but refuses a third value", () => {
    expect(parsePastedValues("2026-01-31\t40\t\t").rows).toHaveLength(1);
    expect(parsePastedValues("2026-01-31\t40\t41").errors).toEqual(["Line 1: put a period and a value, like 2026-03-31, 41.5"]);
  });

  it("reports every bad line, and still reads the good ones for a preview", () => {
    const result = parsePastedValues("Jan 2026 40\nsoon 41\nMar 2026\nApr 2026, lots\nJan 2026 44");
    expect(result.errors).toEqual([
      "Line 2: 'soon' is not a date or a month",
      "Line 3: add a value after 'Mar 2026'",
      "Line 4: 'lots' is not a number",
      "Line 5: 31 January 2026 is also on line 1",
    ]);
    expect(result.rows.map((r) => r.line)).toEqual([1]);
  });

  it("reads a spaced date followed by a number as a row, and a spaced date alone as a period without a value", () => {
    expect(parsePastedValues("31 Mar 26 40\nFeb 2026 26\n31 January 2026 12")).toEqual({
      rows: [
        { line: 1, periodEnd: "2026-03-31", value: 40 },
        { line: 2, periodEnd: "2026-02-28", value: 26 },
        { line: 3, periodEnd: "2026-01-31", value: 12 },
      ],
      errors: [],
    });
    expect(parsePastedValues("Jan 2026 1\n31 March 2026\nMar 26").errors).toEqual([
      "Line 2: add a value after '31 March 2026'",
      "Line 3: add a value after 'Mar 26'",
    ]);
  });

  it("refuses a period that has not ended when told the latest allowed", () => {
    expect(parsePastedValues("2026-06-30\t1\n2026-07-31\t2", { latest: "2026-06-30" }).errors).toEqual([
      "Line 2: 31 July 2026 has not ended yet",
    ]);
  });

  it("refuses values the measure cannot take, by its unit and its own range, when told them", () => {
    const text = "Jan 2026\t150\nFeb 2026\t-20\nMar 2026\t1000000000000\nApr 2026\t41.5";
    // Without the measure, only the figure's size is checked.
    expect(parsePastedValues(text).errors).toEqual([]);
    expect(parsePastedValues(text, { rule: { unit: "PERCENT" } }).errors).toEqual([
      "Line 1: '150' is out of range: a percentage is between 0 and 100",
      "Line 2: '-20' is out of range: a percentage is between 0 and 100",
      "Line 3: '1000000000000' is out of range: a percentage is between 0 and 100",
    ]);
    expect(parsePastedValues("Jan 2026\t12.5\nFeb 2026\t12", { rule: { unit: "COUNT" } }).errors).toEqual([
      "Line 1: '12.5' is out of range: a count is a whole number, 0 or more",
    ]);
    expect(parsePastedValues("Jan 2026\t85\nFeb 2026\t50", { rule: { unit: "PERCENT", plausibleMin: 20, plausibleMax: 80 } })).toEqual({
      rows: [{ line: 2, periodEnd: "2026-02-28", value: 50 }],
      errors: ["Line 1: '85' is out of range: this measure's values are between 20 and 80, as set on the measure"],
    });
  });

  it("asks for something when the paste is empty or only a heading", () => {
    const ask = ["Paste at least one line with a period and a value"];
    expect(parsePastedValues("").errors).toEqual(ask);
    expect(parsePastedValues(" \n\n").errors).toEqual(ask);
    expect(parsePastedValues("Period\tValue").errors).toEqual(ask);
  });

  it("refuses more lines than one paste may hold", () => {
    const text = Array.from({ length: MAX_PASTED_LINES + 1 }, (_, i) => `${i + 1}/1/2020\t${i}`).join("\n");
    expect(parsePastedValues(text)).toEqual({ rows: [], errors: [`Paste no more than ${MAX_PASTED_LINES} lines at once`] });
  });
});
