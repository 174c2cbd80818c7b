import { describe, expect, it } from "vitest";
import { readPeriod } from "@/server/domain/statistics-periods";

describe("periods of published statistics", () => {
  it.each([
    ["2023", "Calendar year", "2023-12-31", "2023"],
    ["2023", "Reporting year", "2023-12-31", "2023"],
    ["2023", "CALENDAR_YEAR", "2023-12-31", "2023"],
    ["202223", "Academic year", "2023-08-31", "2022/23"],
    ["2022/23", "ACADEMIC_YEAR", "2023-08-31", "2022/23"],
    ["2022-23", "Financial year", "2023-03-31", "2022/23"],
    ["2022/2023", "FINANCIAL_YEAR", "2023-03-31", "2022/23"],
    ["202324", "Autumn term", "2023-12-31", "Autumn term 2023/24"],
    ["202324", "Spring term", "2024-03-31", "Spring term 2023/24"],
    ["202324", "Summer term", "2024-07-31", "Summer term 2023/24"],
    ["202324", "Autumn and spring term", "2024-03-31", "Autumn and spring terms 2023/24"],
    ["2024", "February", "2024-02-29", "February 2024"],
    ["2023", "Calendar year Q2", "2023-06-30", "Q2 2023"],
    ["202324", "Financial year Q4", "2024-03-31", "2023/24 Q4"],
    ["202324", "Academic year Q1", "2023-11-30", "2023/24 Q1"],
    [" 2023 ", " calendar  year ", "2023-12-31", "2023"],
  ])("%s (%s) ends %s, read as %s", (period, identifier, end, label) => {
    expect(readPeriod(period, identifier)).toEqual({ ok: true, period: { end, label } });
  });

  it("refuses a period that does not fit its kind, or a kind it does not know, saying why", () => {
    expect(readPeriod("202223", "Calendar year")).toEqual({ ok: false, problem: 'the period "202223" is not a year, like 2023' });
    expect(readPeriod("2023", "Academic year")).toEqual({ ok: false, problem: 'the period "2023" is not a year that spans two, like 202223 or 2022/23' });
    expect(readPeriod("202224", "Academic year").ok).toBe(false);
    expect(readPeriod("", "Calendar year")).toEqual({ ok: false, problem: "the period is empty" });
    expect(readPeriod("2023", "Week 12")).toMatchObject({ ok: false, problem: expect.stringContaining('"Week 12" is not one Headway reads') });
  });
});
