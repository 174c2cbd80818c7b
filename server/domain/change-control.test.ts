import { describe, expect, it } from "vitest";
import { acceptedPlanRefusal, changedControlledFields, isPlanAccepted, normaliseValue, sameValue } from "@/server/domain/change-control";
import { appEligibility, isInsufficient } from "@/server/domain/follow-on-plan";
import { supersededTrajectories } from "@/server/domain/measure-chart";
import type { PlanStatus } from "@/server/generated/prisma/enums";

describe("isPlanAccepted", () => {
  const accepted = new Date("2025-01-10T00:00:00Z");
  it.each<[PlanStatus, Date | null, boolean]>([
    ["DRAFT", null, false],
    ["SUBMITTED", null, false],
    ["ACCEPTED", null, true],
    ["ACTIVE", null, true],
    ["CLOSED", null, false],
    ["DRAFT", accepted, true],
    ["SUBMITTED", accepted, true],
    ["CLOSED", accepted, true],
  ])("%s with accepted date %s: %s", (status, acceptedDate, expected) => {
    expect(isPlanAccepted({ status, acceptedDate })).toBe(expected);
  });
});

describe("changedControlledFields", () => {
  const action = { title: "Hire coordinators", description: "Two more.", dueDate: "2026-06-30", startDate: "2026-01-01" };
  it.each([
    [{ ...action }, []],
    [{ ...action, title: " Hire coordinators " }, []],
    [{ ...action, description: "Two more.\r\n" }, []],
    [{ ...action, startDate: "2026-02-01" }, []],
    [{ ...action, title: "Hire three coordinators" }, ["action.title"]],
    [{ ...action, dueDate: "2026-09-30", description: "Three." }, ["action.description", "action.dueDate"]],
    [{ ...action, dueDate: "" }, ["action.dueDate"]],
    [{ title: "Only the title given" }, ["action.title"]],
  ])("an action saved as %o changes %o", (after, expected) => {
    expect(changedControlledFields("Action", action, after)).toEqual(expected);
  });

  const measure = { targetValue: 60, targetDate: "2027-03-31", baselineValue: 12, milestones: [{ date: "2026-03-31", targetValue: 35 }] };
  it.each([
    [{ ...measure, baselineValue: 14 }, []],
    [{ ...measure, milestones: [{ targetValue: 35, date: "2026-03-31" }] }, []],
    [{ ...measure, targetValue: 55 }, ["measure.targetValue"]],
    [{ ...measure, targetValue: null, targetDate: "" }, ["measure.targetValue", "measure.targetDate"]],
    [{ ...measure, milestones: [] }, ["measure.milestones"]],
    [{ ...measure, milestones: [{ date: "2026-03-31", targetValue: 30 }] }, ["measure.milestones"]],
  ])("a measure saved as %o changes %o", (after, expected) => {
    expect(changedControlledFields("Measure", measure, after)).toEqual(expected);
  });
});

describe("values as a change request stores them", () => {
  it("compare milestones whatever their order, and days with empty as null", () => {
    const a = [
      { date: "2026-09-30", targetValue: 40 },
      { date: "2026-03-31", targetValue: 30 },
    ];
    expect(normaliseValue("measure.milestones", a)).toEqual([...a].reverse());
    expect(sameValue("measure.milestones", a, [...a].reverse())).toBe(true);
    expect(sameValue("action.dueDate", "", null)).toBe(true);
    expect(sameValue("action.dueDate", "2026-01-01", "2026-01-02")).toBe(false);
    expect(sameValue("measure.targetValue", 60, 60)).toBe(true);
  });

  it("name the field to request a change to", () => {
    expect(acceptedPlanRefusal("action.dueDate")).toBe("This plan has been accepted: request a change to the due date instead");
    expect(acceptedPlanRefusal("measure.milestones")).toBe("This plan has been accepted: request a change to the milestones instead");
  });
});

describe("superseded trajectories", () => {
  const current = {
    baseline: { date: "2025-03-31", value: 10 },
    targetValue: 50,
    targetDate: "2027-03-31",
    milestones: [{ date: "2026-03-31", targetValue: 25 }],
  };
  const at = (d: string) => new Date(`${d}T10:00:00Z`);

  it("works back from today's trajectory, one line per day of approvals, oldest first", () => {
    const lines = supersededTrajectories(current, [
      { field: "measure.targetValue", oldValue: 60, decidedAt: at("2026-01-15") },
      { field: "measure.milestones", oldValue: [{ date: "2026-03-31", targetValue: 35 }], decidedAt: at("2026-01-15") },
      { field: "measure.targetDate", oldValue: "2026-12-31", decidedAt: at("2026-05-02") },
    ]);
    expect(lines).toEqual([
      {
        label: "Trajectory before 15 January 2026",
        points: [
          { date: "2025-03-31", value: 10 },
          { date: "2026-03-31", value: 35 },
          { date: "2026-12-31", value: 60 },
        ],
      },
      {
        label: "Trajectory before 2 May 2026",
        points: [
          { date: "2025-03-31", value: 10 },
          { date: "2026-03-31", value: 25 },
          { date: "2026-12-31", value: 50 },
        ],
      },
    ]);
  });

  it("is empty without approvals", () => {
    expect(supersededTrajectories(current, [])).toEqual([]);
  });
});

describe("an accelerated progress plan", () => {
  const findings = [
    { ref: "1", judgement: "NOT_SUFFICIENT" as const },
    { ref: "2", judgement: "SUFFICIENT" as const },
    { ref: "3", judgement: "NOT_SUFFICIENT" as const },
    { ref: "4", judgement: null },
  ];
  it("follows a WSOA, carrying forward only the findings judged insufficient", () => {
    const result = appEligibility({ type: "WSOA", status: "ACTIVE", successors: 0, findings });
    expect(result.eligible).toBe(true);
    expect(result.carriedForward.map((f) => f.ref)).toEqual(["1", "3"]);
  });
  it.each([
    [{ type: "APP" as const, status: "ACTIVE" as const, successors: 0, findings }, /not one/],
    [{ type: "WSOA" as const, status: "ACTIVE" as const, successors: 1, findings }, /already been started/],
    [{ type: "WSOA" as const, status: "CLOSED" as const, successors: 0, findings }, /closed/],
    [{ type: "WSOA" as const, status: "ACTIVE" as const, successors: 0, findings: findings.filter((f) => f.ref !== "1" && f.ref !== "3") }, /nothing to carry forward/],
  ])("is refused for %o", (plan, reason) => {
    const result = appEligibility(plan);
    expect(result.eligible).toBe(false);
    if (!result.eligible) expect(result.reason).toMatch(reason);
  });
  it.each([
    ["NOT_SUFFICIENT", true],
    ["NOT_EFFECTIVE", true],
    ["SUFFICIENT", false],
    ["EFFECTIVE", false],
    [null, false],
  ] as const)("%s is insufficient: %s", (judgement, expected) => {
    expect(isInsufficient(judgement)).toBe(expected);
  });
});
