import { describe, expect, it } from "vitest";
import { formatDateRange } from "@/lib/format/dates";

describe("formatDateRange", () => {
  it.each([
    ["2022-10-04", "2022-10-06", "4 to 6 October 2022"],
    ["2022-09-29", "2022-10-01", "29 September to 1 October 2022"],
    ["2022-12-30", "2023-01-02", "30 December 2022 to 2 January 2023"],
    ["2022-10-04", "2022-10-04", "4 October 2022"],
    ["2022-10-04", null, "4 October 2022"],
    [null, "2022-10-06", "6 October 2022"],
    [null, null, ""],
  ])("%s to %s reads %j", (start, end, want) => {
    expect(formatDateRange(start, end)).toBe(want);
  });

  it("reads a DATE column's UTC midnight as that day", () => {
    expect(formatDateRange(new Date("2025-06-03T00:00:00.000Z"), new Date("2025-06-05T00:00:00.000Z"))).toBe("3 to 5 June 2025");
  });
});
