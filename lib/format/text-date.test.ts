import { describe, expect, it } from "vitest";
import { readTextDate } from "@/lib/format/text-date";

describe("readTextDate: a due date is the last day of what is written", () => {
  it.each([
    ["31/07/2020", "2020-07-31"],
    ["31-07-2020", "2020-07-31"],
    ["31.07.2020", "2020-07-31"],
    ["2020-07-31", "2020-07-31"],
    ["2020-07-31T00:00:00Z", "2020-07-31"],
    ["03/04/21", "2021-04-03"],
    ["3/4/2021", "2021-04-03"],
    ["29/02/2024", "2024-02-29"],
    ["31 July 2020", "2020-07-31"],
    ["1st Sept 2021", "2021-09-01"],
    ["July 31, 2020", "2020-07-31"],
    ["July 2020", "2020-07-31"],
    ["by July 2020", "2020-07-31"],
    ["By July 2020.", "2020-07-31"],
    ["Nov 2020", "2020-11-30"],
    ["Feb 2024", "2024-02-29"],
    ["Sept 21", "2021-09-30"],
    ["Nov-20", "2020-11-30"],
    ["Jul '21", "2021-07-31"],
    ["07/2020", "2020-07-31"],
    ["end of March 2021", "2021-03-31"],
    ["By the end of March 2021", "2021-03-31"],
    ["Due: June 2022", "2022-06-30"],
    ["Q1 2021/22", "2021-06-30"],
    ["Q2 2021/22", "2021-09-30"],
    ["Q3 2021/22", "2021-12-31"],
    ["Q4 2021/22", "2022-03-31"],
    ["Q3 21/22", "2021-12-31"],
    ["2021/22 Q4", "2022-03-31"],
    ["2021/22", "2022-03-31"],
    ["2021-22", "2022-03-31"],
    ["FY 2021/2022", "2022-03-31"],
    ["Autumn term 2021", "2021-12-31"],
    ["Spring term 2022", "2022-03-31"],
    ["Summer term 2022", "2022-07-31"],
    ["Autumn term 2021/22", "2021-12-31"],
    ["Summer term 2021/22", "2022-07-31"],
  ])("%s is %s", (text, day) => {
    expect(readTextDate(text)).toEqual({ kind: "day", day });
  });
});

describe("readTextDate: a start date is the first day", () => {
  it.each([
    ["July 2020", "2020-07-01"],
    ["Q3 2021/22", "2021-10-01"],
    ["2021/22", "2021-04-01"],
    ["Autumn term 2021", "2021-09-01"],
    ["31/07/2020", "2020-07-31"],
  ])("%s is %s", (text, day) => {
    expect(readTextDate(text, "first")).toEqual({ kind: "day", day });
  });
});

describe("readTextDate: flagged, never guessed", () => {
  it.each([
    ["Spring 2021", "ambiguous", /spring term or the season/],
    ["Winter 2021", "ambiguous", /end of one year or the start of the next/],
    ["Q3 2021", "ambiguous", /calendar quarter or a financial-year quarter/],
    ["2021", "ambiguous", /whole year.*2021\/22/],
    ["Dec 2020 - Mar 2021", "ambiguous", /range/],
    ["ongoing", "unreadable", /not a date/],
    ["Ongoing", "unreadable", /not a date/],
    ["TBC", "unreadable", /not a date/],
    ["n/a", "unreadable", /not a date/],
    ["31/02/2021", "unreadable", /not a real date/],
    ["07/31/2020", "unreadable", /US date/],
    ["2021/23", "unreadable", /second year must follow/],
    ["Q3 2021/23", "unreadable", /second year must follow/],
    ["soon", "unreadable", /like 31\/07\/2020/],
    ["13/2020", "unreadable", /not a month/],
  ])("%s is %s", (text, kind, reason) => {
    const read = readTextDate(text);
    expect(read.kind).toBe(kind);
    expect("reason" in read ? read.reason : "").toMatch(reason);
  });

  it("an empty cell is empty", () => {
    expect(readTextDate("  ")).toEqual({ kind: "empty" });
  });
});
