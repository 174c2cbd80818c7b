/** The journey line and the outcome panel as a screen reader and a narrow screen meet them. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FollowUpOutcome } from "@/components/plans/follow-up-outcome";
import { PlanJourneyLine } from "@/components/plans/plan-journey-line";
import { planJourney, type JourneyInspection } from "@/server/domain/plan-journey";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const revisit: JourneyInspection = { id: "r", kind: "REVISIT", startDate: day("2022-10-04"), endDate: day("2022-10-06"), reportUrl: "https://reports.example/revisit" };
const journey = planJourney({
  status: "SUPERSEDED",
  type: "WSOA",
  framework: "FRAMEWORK_2016",
  followUp: { ...revisit, expectedDate: null, dateIsEstimate: false },
  findings: ["SUFFICIENT", "SUFFICIENT", "NOT_SUFFICIENT", "SUFFICIENT", "SUFFICIENT"].map((judgement) => ({
    judgement: judgement as "SUFFICIENT" | "NOT_SUFFICIENT",
    judgementDate: day("2022-11-20"),
    judgementSource: null,
    judgementInspection: revisit,
  })),
  now: day("2023-06-01"),
});

describe("the journey line", () => {
  const html = renderToStaticMarkup(createElement(PlanJourneyLine, { journey, label: "Where the written statement of action is" }));

  it("is a named list of steps in order, each saying in words where it stands, the current one marked as the step", () => {
    expect(html).toMatch(/^<nav aria-label="Where the written statement of action is"/);
    const steps = [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => m[0]);
    expect(steps).toHaveLength(6);
    const text = steps.map((s) => s.replace(/<span aria-hidden="true"[^>]*>&gt;<\/span>/, "").replace(/<[^>]+>/g, ""));
    expect(text).toEqual([
      "Draft (done)",
      "Submitted (done)",
      "Accepted (done)",
      "In delivery (done)",
      "Revisited (done)",
      "Superseded (current stage)",
    ]);
    expect(steps.filter((s) => s.includes('aria-current="step"'))).toEqual([steps[5]]);
    // The arrows are decoration; the list wraps on a narrow screen.
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain("flex-wrap");
  });
});

describe("the outcome panel", () => {
  it("gives the outcome in the inspectors' words and the letter", () => {
    const html = renderToStaticMarkup(createElement(FollowUpOutcome, { journey, headingId: "outcome" }));
    expect(html).toContain("What the revisit found");
    expect(html).toContain("Revisit 4 to 6 October 2022: sufficient progress in 4 of 5 areas");
    expect(html).toContain('href="https://reports.example/revisit"');
  });

  it("says the judgements are awaited when the revisit has started but nothing is judged", () => {
    const held = planJourney({ status: "ACTIVE", type: "WSOA", framework: "FRAMEWORK_2016", followUp: { ...revisit, expectedDate: null, dateIsEstimate: false }, findings: [], now: day("2022-10-05") });
    const html = renderToStaticMarkup(createElement(FollowUpOutcome, { journey: held, headingId: "outcome" }));
    expect(html).toContain("Revisit 4 to 6 October 2022: judgements not yet recorded");
    // The countdown's word: the panel stands in its place.
    expect(html).not.toContain("Overdue");
  });
});
