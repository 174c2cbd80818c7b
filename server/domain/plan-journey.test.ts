import { describe, expect, it } from "vitest";
import {
  endedPlanRefusal,
  isEnded,
  planEnding,
  type PlanEndingFacts,
  planFramework,
  planJourney,
  statusAfterJudgements,
  type JourneyInput,
  type JourneyInspection,
  type PlanStage,
} from "@/server/domain/plan-journey";
import type { Judgement } from "@/server/generated/prisma/enums";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
// Late in the day, so a rule comparing times rather than days would show.
const NOW = new Date("2026-11-22T21:30:00.000Z");

const revisit: JourneyInspection = { id: "r1", kind: "REVISIT", startDate: day("2022-10-04"), endDate: day("2022-10-06"), reportUrl: "https://reports.ofsted.gov.uk/revisit.pdf" };
const monitoring: JourneyInspection = { id: "m1", kind: "MONITORING", startDate: day("2025-06-03"), endDate: day("2025-06-05"), reportUrl: "https://reports.ofsted.gov.uk/monitoring.pdf" };

const judged = (judgement: Judgement | null, inspection: JourneyInspection | null = null, date: string | null = null, source: string | null = null) => ({
  judgement,
  judgementDate: judgement && date ? day(date) : null,
  judgementSource: judgement ? source : null,
  judgementInspection: judgement ? inspection : null,
});

function input(over: Partial<JourneyInput>): JourneyInput {
  return { status: "ACTIVE", type: "WSOA", framework: "FRAMEWORK_2016", followUp: null, findings: [], now: NOW, ...over };
}

type Case = {
  name: string;
  input: JourneyInput;
  stage: PlanStage;
  stageLabel: string;
  hasHappened: boolean;
  headline: string | null;
  outcome?: Record<string, unknown> | null;
  /** The steps' states, in order: "label:state". */
  steps?: string[];
};

const cases: Case[] = [
  {
    name: "a WSOA whose revisit judged 4 of 5 areas sufficient",
    input: input({
      status: "REVISITED",
      followUp: { ...revisit, expectedDate: day("2022-09-01"), dateIsEstimate: false },
      findings: ["SUFFICIENT", "SUFFICIENT", "NOT_SUFFICIENT", "SUFFICIENT", "SUFFICIENT"].map((j) => judged(j as Judgement, revisit, "2022-11-20")),
    }),
    stage: "FOLLOWED_UP",
    stageLabel: "Revisited",
    hasHappened: true,
    headline: "Revisit 4 to 6 October 2022: sufficient progress in 4 of 5 areas",
    outcome: {
      kind: "REVISIT",
      startDate: "2022-10-04",
      endDate: "2022-10-06",
      datesFrom: "inspection",
      findings: 5,
      judged: 5,
      positive: 4,
      complete: true,
      letterUrl: "https://reports.ofsted.gov.uk/revisit.pdf",
      plain: "The inspectors came back from 4 to 6 October 2022. They found enough progress in 4 of the 5 areas they looked at.",
      short: "4 of 5 sufficient",
    },
    steps: ["Draft:done", "Submitted:done", "Accepted:done", "In delivery:done", "Revisited:current"],
  },
  {
    name: "a 2023 priority action plan monitored, action effective in 2 of 3 areas",
    input: input({
      status: "MONITORED",
      type: "PRIORITY_ACTION_PLAN",
      framework: "FRAMEWORK_2023",
      followUp: { ...monitoring, expectedDate: null, dateIsEstimate: false },
      findings: [judged("EFFECTIVE", monitoring), judged("NOT_EFFECTIVE", monitoring), judged("EFFECTIVE", monitoring)],
    }),
    stage: "FOLLOWED_UP",
    stageLabel: "Monitored",
    hasHappened: true,
    headline: "Monitoring inspection 3 to 5 June 2025: action effective in 2 of 3 areas",
    outcome: { kind: "MONITORING", positive: 2, judged: 3, complete: true, short: "2 of 3 effective", plain: expect.stringContaining("the action taken was working in 2 of the 3 areas") },
    steps: ["Draft:done", "Submitted:done", "Accepted:done", "In delivery:done", "Monitored:current"],
  },
  {
    name: "not yet judged, its estimated date in the past: overdue is right, nothing has happened",
    input: input({
      status: "ACTIVE",
      followUp: { kind: "REVISIT", startDate: null, endDate: null, reportUrl: null, expectedDate: day("2026-10-01"), dateIsEstimate: true },
      findings: [judged(null), judged(null)],
    }),
    stage: "IN_DELIVERY",
    stageLabel: "In delivery",
    hasHappened: false,
    headline: null,
    outcome: null,
    steps: ["Draft:done", "Submitted:done", "Accepted:done", "In delivery:current", "Revisited:to come"],
  },
  {
    name: "partly judged: the follow-up has happened though the status has not moved",
    input: input({
      status: "ACTIVE",
      followUp: { ...revisit, expectedDate: day("2022-09-01"), dateIsEstimate: true },
      findings: [judged("SUFFICIENT", revisit), judged("NOT_SUFFICIENT", revisit), judged("SUFFICIENT", revisit), judged(null), judged(null)],
    }),
    stage: "FOLLOWED_UP",
    stageLabel: "Revisited",
    hasHappened: true,
    headline: "Revisit 4 to 6 October 2022: sufficient progress in 2 of 3 areas judged so far; 2 findings not yet judged",
    outcome: {
      judged: 3,
      positive: 2,
      findings: 5,
      complete: false,
      short: "2 of 3 sufficient so far",
      plain: "The inspectors came back from 4 to 6 October 2022. So far they have judged 3 of the 5 areas, and found enough progress in 2.",
    },
  },
  {
    name: "judged with no inspection linked: the judgement dates and the letter named on them",
    input: input({
      status: "REVISITED",
      followUp: null,
      findings: [
        judged("SUFFICIENT", null, "2022-11-21", "https://letters.example/one.pdf"),
        judged("NOT_SUFFICIENT", null, "2022-11-18", "https://letters.example/one.pdf"),
      ],
    }),
    stage: "FOLLOWED_UP",
    stageLabel: "Revisited",
    hasHappened: true,
    headline: "Revisit 18 to 21 November 2022: sufficient progress in 1 of 2 areas",
    outcome: { startDate: "2022-11-18", endDate: "2022-11-21", datesFrom: "judgements", letterUrl: "https://letters.example/one.pdf" },
  },
  {
    name: "one judgement on one day, no inspection",
    input: input({ findings: [judged("SUFFICIENT", null, "2022-11-21")] }),
    stage: "FOLLOWED_UP",
    stageLabel: "Revisited",
    hasHappened: true,
    headline: "Revisit 21 November 2022: sufficient progress in 1 of 1 area",
    outcome: { plain: "The inspectors came back on 21 November 2022. They looked at one area and found enough progress.", letterUrl: null },
  },
  {
    name: "the revisit started today, nothing judged yet",
    input: input({ followUp: { kind: "REVISIT", startDate: day("2026-11-22"), endDate: day("2026-11-24"), reportUrl: null, expectedDate: null, dateIsEstimate: false }, findings: [judged(null)] }),
    stage: "FOLLOWED_UP",
    stageLabel: "Revisited",
    hasHappened: true,
    headline: "Revisit 22 to 24 November 2026: judgements not yet recorded",
    outcome: null,
  },
  {
    name: "the revisit starts tomorrow",
    input: input({ followUp: { kind: "REVISIT", startDate: day("2026-11-23"), endDate: null, reportUrl: null, expectedDate: null, dateIsEstimate: false }, findings: [judged(null)] }),
    stage: "IN_DELIVERY",
    stageLabel: "In delivery",
    hasHappened: false,
    headline: null,
  },
  {
    name: "a draft",
    input: input({ status: "DRAFT" }),
    stage: "DRAFT",
    stageLabel: "Draft",
    hasHappened: false,
    headline: null,
    steps: ["Draft:current", "Submitted:to come", "Accepted:to come", "In delivery:to come", "Revisited:to come"],
  },
  {
    name: "a 2023 plan submitted, its framework known only from its type",
    input: input({ status: "SUBMITTED", type: "IMPROVEMENT_PLAN", framework: null }),
    stage: "SUBMITTED",
    stageLabel: "Submitted",
    hasHappened: false,
    headline: null,
    steps: ["Draft:done", "Submitted:current", "Accepted:to come", "In delivery:to come", "Monitored:to come"],
  },
  {
    name: "a WSOA superseded by its APP after the revisit",
    input: input({ status: "SUPERSEDED", findings: [judged("NOT_SUFFICIENT", revisit), judged("SUFFICIENT", revisit)] }),
    stage: "SUPERSEDED",
    stageLabel: "Superseded",
    hasHappened: true,
    headline: "Revisit 4 to 6 October 2022: sufficient progress in 1 of 2 areas",
    steps: ["Draft:done", "Submitted:done", "Accepted:done", "In delivery:done", "Revisited:done", "Superseded:current"],
  },
  {
    name: "a plan closed without its follow-up having happened",
    input: input({ status: "CLOSED", findings: [judged(null)] }),
    stage: "CLOSED",
    stageLabel: "Closed",
    hasHappened: false,
    headline: null,
    steps: ["Draft:done", "Submitted:done", "Accepted:done", "In delivery:done", "Revisited:skipped", "Closed:current"],
  },
];

describe("planJourney", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const got = planJourney(c.input);
    expect(got.stage).toBe(c.stage);
    expect(got.stageLabel).toBe(c.stageLabel);
    expect(got.hasHappened).toBe(c.hasHappened);
    expect(got.headline).toBe(c.headline);
    if (c.outcome === null) expect(got.outcome).toBeNull();
    else if (c.outcome) expect(got.outcome).toMatchObject({ ...c.outcome, sentence: c.headline });
    if (c.steps) expect(got.steps.map((s) => `${s.label}:${s.state}`)).toEqual(c.steps);
  });

  it("words one area judged plainly for families, either way", () => {
    const one = (judgement: Judgement) => planJourney(input({ type: "PRIORITY_ACTION_PLAN", framework: "FRAMEWORK_2023", findings: [judged(judgement, monitoring)] })).outcome!.plain;
    expect(one("EFFECTIVE")).toBe("The inspectors came back from 3 to 5 June 2025. They looked at one area and found that the action taken was working.");
    expect(one("NOT_EFFECTIVE")).toBe(
      "The inspectors came back from 3 to 5 June 2025. They looked at one area and found that the action taken was not working well enough.",
    );
  });

  it("dates the outcome by the inspection most findings were judged at", () => {
    const correction: JourneyInspection = { id: "r2", kind: "REVISIT", startDate: day("2023-02-01"), endDate: null, reportUrl: null };
    const got = planJourney(input({ findings: [judged("SUFFICIENT", revisit), judged("SUFFICIENT", revisit), judged("NOT_SUFFICIENT", correction)] }));
    expect(got.outcome).toMatchObject({ startDate: "2022-10-04", letterUrl: revisit.reportUrl });
  });
});

describe("the framework a plan answers to", () => {
  it.each([
    [{ framework: "FRAMEWORK_2023" as const, followUpKind: "REVISIT" as const, type: "WSOA" as const }, "FRAMEWORK_2023"],
    [{ framework: null, followUpKind: "REVISIT" as const, type: "PRIORITY_ACTION_PLAN" as const }, "FRAMEWORK_2016"],
    [{ framework: null, followUpKind: "MONITORING" as const, type: "APP" as const }, "FRAMEWORK_2023"],
    [{ framework: null, followUpKind: null, type: "APP" as const }, "FRAMEWORK_2016"],
    [{ framework: null, followUpKind: null, type: "IMPROVEMENT_PLAN" as const }, "FRAMEWORK_2023"],
  ])("%j is %s", (plan, want) => {
    expect(planFramework(plan)).toBe(want);
  });
});

describe("statusAfterJudgements", () => {
  const all = [{ judgement: "SUFFICIENT" }, { judgement: "NOT_SUFFICIENT" }];
  it.each([
    ["every finding judged, 2016", "ACTIVE", "FRAMEWORK_2016", all, "REVISITED"],
    ["every finding judged, 2023", "ACCEPTED", "FRAMEWORK_2023", all, "MONITORED"],
    ["one finding not judged", "ACTIVE", "FRAMEWORK_2016", [...all, { judgement: null }], "ACTIVE"],
    ["no findings", "ACTIVE", "FRAMEWORK_2016", [], "ACTIVE"],
    ["already superseded", "SUPERSEDED", "FRAMEWORK_2016", all, "SUPERSEDED"],
    ["already monitored", "MONITORED", "FRAMEWORK_2016", all, "MONITORED"],
  ] as const)("%s", (_, status, framework, findings, want) => {
    expect(statusAfterJudgements(status, framework, findings)).toBe(want);
    expect(isEnded(want)).toBe(want === "SUPERSEDED");
  });
});

describe("planEnding and endedPlanRefusal", () => {
  const plan = (over: Partial<PlanEndingFacts>): PlanEndingFacts => ({
    id: "wsoa",
    status: "ACTIVE",
    type: "WSOA",
    title: "Northshire WSOA",
    updatedAt: day("2026-03-04"),
    successors: [],
    ...over,
  });
  const app = { id: "app", type: "APP" as const, title: "Northshire accelerated progress plan", createdAt: new Date("2026-05-06T15:00:00.000Z") };

  it.each([
    ["draft", plan({ status: "DRAFT" })],
    ["in delivery", plan({ status: "ACTIVE" })],
    ["revisited, not yet followed on", plan({ status: "REVISITED" })],
    ["monitored", plan({ status: "MONITORED", type: "PRIORITY_ACTION_PLAN" })],
  ])("a plan %s is open: nothing to refuse", (_, p) => {
    expect(planEnding(p)).toBeNull();
  });

  it.each([
    [
      "superseded by its APP, on the day the APP was started",
      plan({ status: "SUPERSEDED", successors: [app, { ...app, id: "later", title: "Later", createdAt: day("2027-01-01") }] }),
      { status: "SUPERSEDED", on: app.createdAt, successor: { id: "app", type: "APP", title: app.title } },
      "This written statement of action was superseded by Northshire accelerated progress plan on 6 May 2026: its records are kept as they were. Make changes in the current plan.",
    ],
    [
      "superseded with no successor on record, on its last change",
      plan({ status: "SUPERSEDED" }),
      { status: "SUPERSEDED", on: day("2026-03-04"), successor: null },
      "This written statement of action was superseded on 4 March 2026: its records are kept as they were. Make changes in the current plan.",
    ],
    [
      "closed, on its last change",
      plan({ status: "CLOSED", type: "PRIORITY_ACTION_PLAN" }),
      { status: "CLOSED", on: day("2026-03-04"), successor: null },
      "This priority action plan was closed on 4 March 2026: its records are kept as they were. Make changes in the current plan.",
    ],
  ])("%s", (_, p, ending, refusal) => {
    const found = planEnding(p);
    expect(found).toMatchObject(ending);
    expect(endedPlanRefusal(found!)).toBe(refusal);
  });
});
