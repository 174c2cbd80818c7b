import { describe, expect, it } from "vitest";
import { findingShortTitle, findingTitle, hasSummary, summaryAfterTitle } from "@/lib/format/finding-title";

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

  it("heads a page by the summary's first sentence, and gives the rest of the summary apart", () => {
    const paragraph = {
      summary: "Families waited far too long for EHC plans, e.g. in Year 6. Advice was often late.\n\nReviews were missed.",
      inspectorsWording: "The timeliness of EHC plans. More.",
    };
    expect(findingShortTitle(paragraph)).toBe("Families waited far too long for EHC plans, e.g. in Year 6.");
    expect(summaryAfterTitle(paragraph)).toBe("Advice was often late.\n\nReviews were missed.");
  });

  it("has nothing after the title when the summary is one sentence or not written yet", () => {
    expect(summaryAfterTitle({ summary: "Plans are late.", inspectorsWording: "The timeliness of EHC plans. More." })).toBe("");
    const unwritten = { summary: "", inspectorsWording: "Weak joint commissioning, incl. health. Leaders know it." };
    expect(findingShortTitle(unwritten)).toBe("Weak joint commissioning, incl. health.");
    // The wording is shown whole under its own heading, so nothing of it is repeated as the summary.
    expect(summaryAfterTitle(unwritten)).toBe("");
  });
});
