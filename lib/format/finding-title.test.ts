import { describe, expect, it } from "vitest";
import { findingTitle, hasSummary } from "@/lib/format/finding-title";

describe("findingTitle", () => {
  it.each([
    [{ summary: "Plans are late.", inspectorsWording: "The timeliness of EHC plans. More." }, "Plans are late."],
    [{ summary: "", inspectorsWording: "Weak joint commissioning, incl. health. Leaders know it." }, "Weak joint commissioning, incl. health."],
    [{ summary: "   ", inspectorsWording: "The variable quality of EHC plans" }, "The variable quality of EHC plans"],
  ])("names %j as %s", (finding, title) => {
    expect(findingTitle(finding)).toBe(title);
  });

  it("knows when the summary is still to be written", () => {
    expect(hasSummary({ summary: " " })).toBe(false);
    expect(hasSummary({ summary: "Plans are late." })).toBe(true);
  });
});
