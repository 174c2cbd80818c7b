/**
 * A small hand-built board pack for the unit tests: two findings, one with a red action, an
 * action set red by hand, a measure off track and the forum's disagreement; the other all green.
 * Test code only.
 */
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import type { PlanChanges } from "@/server/domain/plan-changes";
import type { ActionState, FindingState, PlanState } from "@/server/domain/plan-state";
import type { BoardPack } from "@/server/services/snapshots/snapshots";

export const offTrackChart: MeasureChartData = {
  ref: "M1",
  name: "EHC plans issued within 20 weeks",
  unit: "PERCENT",
  direction: "HIGHER_IS_BETTER",
  baseline: { date: "2025-03-31", value: 4 },
  target: { date: "2026-09-30", value: 60 },
  benchmark: { value: 50.3, label: "England average 2023", date: "2023-12-31" },
  trajectory: [
    { date: "2025-03-31", value: 4, kind: "BASELINE" },
    { date: "2026-09-30", value: 60, kind: "TARGET" },
  ],
  values: [
    { date: "2025-09-30", value: 9, status: "VALIDATED" },
    { date: "2026-02-28", value: 14, status: "PROVISIONAL" },
  ],
};

const onTrackChart: MeasureChartData = {
  ...offTrackChart,
  ref: "M2",
  name: "Parents who feel listened to",
  values: [{ date: "2026-02-28", value: 48, status: "VALIDATED" }],
};

export function action(o: Partial<ActionState> & Pick<ActionState, "id" | "ref" | "title">): ActionState {
  return {
    status: "IN_PROGRESS",
    progress: 50,
    startDate: "2025-04-01",
    dueDate: "2026-12-31",
    completedAt: null,
    rag: "GREEN",
    ragCalculated: "GREEN",
    overrideReason: null,
    ownerName: "Tom Baker",
    leadOrganisation: "Northbridge City Council",
    updateOverdue: false,
    latestUpdate: null,
    ...o,
  };
}

export const findingOne: FindingState = {
  id: "f1",
  ref: "1",
  kind: "SIGNIFICANT_WEAKNESS",
  summary: "Families waited far too long for EHC plans",
  inspectorsWording: "The timeliness and quality of EHC plans.",
  delivery: { status: "RED", explanation: "1 of 3 live actions is red." },
  impact: { status: "OFF_TRACK", explanation: "1 measure is off track.", acceptedImpactEvidence: 0 },
  forum: { verdict: "DISAGREE", levelRecognised: "CONSULTING", at: "2026-03-01T10:00:00.000Z" },
  disagreements: 1,
  adviserView: { view: "AT_RISK", date: "2026-02-10" },
  actions: [
    action({
      id: "a11",
      ref: "1.1",
      title: "Recruit more EHC coordinators",
      rag: "RED",
      ragCalculated: "RED",
      ownerName: "Tom Baker",
      latestUpdate: { at: "2026-03-02T09:00:00.000Z", narrative: "Two posts still vacant after the second round.", authorName: "Tom Baker" },
    }),
    action({
      id: "a12",
      ref: "1.2",
      title: "Quality-assure every new plan",
      rag: "RED",
      ragCalculated: "AMBER",
      overrideReason: "The audit found half the plans generic",
      ownerName: "Priya Shah",
    }),
    action({
      id: "a13",
      ref: "1.3",
      title: "Publish a weekly timeliness dashboard",
      rag: "AMBER",
      ragCalculated: "AMBER",
      latestUpdate: { at: "2026-03-03T09:00:00.000Z", narrative: "Amber commentary that is not an exception.", authorName: "Tom Baker" },
    }),
  ],
  measures: [
    { id: "m1", ref: "M1", name: offTrackChart.name, status: "OFF_TRACK", explanation: "Below the trajectory.", chart: offTrackChart },
  ],
};

export const findingTwo: FindingState = {
  ...findingOne,
  id: "f2",
  ref: "2",
  kind: "SIGNIFICANT_WEAKNESS",
  summary: "Parents were not treated as equal partners",
  delivery: { status: "GREEN", explanation: "Every live action is green." },
  impact: { status: "ON_TRACK", explanation: "Every measure is on track.", acceptedImpactEvidence: 2 },
  forum: null,
  disagreements: 0,
  adviserView: null,
  actions: [action({ id: "a21", ref: "2.1", title: "Write a co-production charter with the forum" })],
  measures: [{ id: "m2", ref: "M2", name: onTrackChart.name, status: "ON_TRACK", explanation: "On the trajectory.", chart: onTrackChart }],
};

export const state: PlanState = {
  schema: 1,
  asAt: "2026-03-12T12:00:00.000Z",
  area: { id: "area", name: "Northbridge", slug: "northbridge" },
  plan: { id: "plan", type: "WSOA", title: "Northbridge written statement of action", status: "ACTIVE", cadenceDays: 30 },
  followUp: { kind: "REVISIT", date: "2026-08-01", isEstimate: true, daysToGo: 142 },
  findings: [findingOne, findingTwo],
  evidence: [],
  verdicts: [
    {
      id: "v-old",
      on: "Action 1.1",
      findingRef: "1",
      verdict: "AGREE",
      levelRecognised: "CO_DESIGNING",
      cornerstonesMet: [],
      text: "An earlier verdict, since superseded.",
      isPublic: true,
      createdAt: "2026-01-01T10:00:00.000Z",
      current: false,
      authorName: "Jo Hughes",
    },
    {
      id: "v-new",
      on: "Action 1.1",
      findingRef: "1",
      verdict: "DISAGREE",
      levelRecognised: "CONSULTING",
      cornerstonesMet: ["WELCOME_AND_CARE"],
      text: "Families were shown a finished draft. That is consultation at best.",
      isPublic: true,
      createdAt: "2026-03-01T10:00:00.000Z",
      current: true,
      authorName: "Jo Hughes",
    },
  ],
  adviserNotes: [],
};

export const noChanges: PlanChanges = {
  actions: [],
  newActions: [],
  removedActions: [],
  evidence: [],
  measureValues: [],
  verdicts: [],
  adviserNotes: [],
};

/** A pack of the current state with no snapshot taken yet, unless `o` says otherwise. */
export function pack(o: Partial<BoardPack> = {}): BoardPack {
  return { title: "Current state", state, snapshot: null, previous: null, ...o };
}
