import { describe, expect, it } from "vitest";
import { changesBetween, countChanges } from "@/server/domain/plan-changes";
import type { ActionState, MeasureState, PlanState } from "@/server/domain/plan-state";

const action = (o: Partial<ActionState> = {}): ActionState => ({
  id: "a1", ref: "1.1", title: "Recruit coordinators", status: "IN_PROGRESS", progress: 40, startDate: "2026-01-01", dueDate: "2026-12-31",
  completedAt: null, rag: "GREEN", ragCalculated: "GREEN", overrideReason: null, ownerName: "Tom", leadOrganisation: "Council",
  updateOverdue: false, latestUpdate: null, ...o,
});

const measure = (values: Array<[string, number]>): MeasureState => ({
  id: "m1", ref: "M1", name: "Plans in 20 weeks", status: "ON_TRACK", explanation: "",
  chart: { ref: "M1", name: "Plans in 20 weeks", unit: "PERCENT", direction: "HIGHER_IS_BETTER", baseline: null, target: null, benchmark: null,
    trajectory: [], values: values.map(([date, value]) => ({ date, value, status: "VALIDATED" as const })) },
});

function state(o: { actions?: ActionState[]; measures?: MeasureState[]; evidence?: string[]; verdicts?: string[]; notes?: string[] } = {}): PlanState {
  return {
    schema: 1, asAt: "2026-11-01T09:00:00.000Z", area: { id: "area", name: "Northbridge", slug: "northbridge" },
    plan: { id: "p", type: "WSOA", title: "WSOA", status: "ACTIVE", cadenceDays: 30 }, followUp: null,
    findings: [{ id: "f1", ref: "1", kind: "SIGNIFICANT_WEAKNESS", summary: "s", inspectorsWording: "w",
      delivery: { status: "GREEN", explanation: "" }, impact: { status: "ON_TRACK", explanation: "", acceptedImpactEvidence: 0 },
      forum: null, disagreements: 0, adviserView: null, actions: o.actions ?? [action()], measures: o.measures ?? [] }],
    evidence: (o.evidence ?? []).map((id) => ({ id, title: id, kind: "ACTIVITY", visibility: "PARTNERS", reviewStatus: "PENDING", createdAt: "2026-11-01T09:00:00.000Z", on: "Action 1.1" })),
    verdicts: (o.verdicts ?? []).map((id) => ({ id, on: "Action 1.1", findingRef: "1", verdict: "AGREE", levelRecognised: null, cornerstonesMet: [], text: "", isPublic: false, createdAt: "2026-11-01T09:00:00.000Z", current: true, authorName: null })),
    adviserNotes: (o.notes ?? []).map((id) => ({ id, findingRef: null, view: null, date: "2026-11-01", note: "", authorName: null, createdAt: "2026-11-01T09:00:00.000Z" })),
  };
}

describe("changesBetween", () => {
  it("finds nothing between a state and itself", () => {
    const s = state({ measures: [measure([["2026-09-30", 50]])], evidence: ["e1"], verdicts: ["v1"], notes: ["n1"] });
    expect(countChanges(changesBetween(s, s))).toBe(0);
  });

  it.each([
    ["status", { status: "COMPLETE" as const }, "IN_PROGRESS", "COMPLETE"],
    ["rag", { rag: "RED" as const }, "GREEN", "RED"],
    ["progress", { progress: 55 }, 40, 55],
    ["startDate", { startDate: "2026-02-01" }, "2026-01-01", "2026-02-01"],
    ["dueDate", { dueDate: null }, "2026-12-31", null],
    ["completedAt", { completedAt: "2026-11-20T15:00:00.000Z" }, null, "2026-11-20"],
  ])("notices a change of %s", (field, change, from, to) => {
    const c = changesBetween(state(), state({ actions: [action(change)] }));
    expect(c.actions).toEqual([{ id: "a1", ref: "1.1", title: "Recruit coordinators", findingRef: "1", changes: [{ field, from, to }] }]);
  });

  it("ignores what it does not compare (the owner, the latest commentary) and a completion time moved within its day", () => {
    const older = state({ actions: [action({ completedAt: "2026-11-20T09:00:00.000Z" })] });
    const newer = state({ actions: [action({ completedAt: "2026-11-20T17:00:00.000Z", ownerName: "Priya", latestUpdate: { at: "x", narrative: "y", authorName: null } })] });
    expect(changesBetween(older, newer).actions).toEqual([]);
  });

  it("lists added and removed actions", () => {
    const c = changesBetween(state(), state({ actions: [action({ id: "a2", ref: "1.2", title: "New" })] }));
    expect(c.newActions).toEqual([{ id: "a2", ref: "1.2", title: "New" }]);
    expect(c.removedActions).toEqual([{ id: "a1", ref: "1.1", title: "Recruit coordinators" }]);
  });

  it("lists new and revised measure values, once each", () => {
    const older = state({ measures: [measure([["2026-08-31", 40], ["2026-09-30", 50]])] });
    const newer = state({ measures: [measure([["2026-08-31", 40], ["2026-09-30", 52], ["2026-10-31", 55]])] });
    // The same measure under two findings is still one set of values.
    newer.findings.push({ ...newer.findings[0]!, id: "f2", ref: "2", actions: [] });
    const c = changesBetween(older, newer);
    expect(c.measureValues.map((v) => [v.date, v.value, v.previous])).toEqual([
      ["2026-09-30", 52, 50],
      ["2026-10-31", 55, null],
    ]);
  });

  it("lists evidence, verdicts and adviser notes the older state did not have", () => {
    const c = changesBetween(state({ evidence: ["e1"], verdicts: ["v1"], notes: [] }), state({ evidence: ["e1", "e2"], verdicts: ["v1", "v2"], notes: ["n1"] }));
    expect(c.evidence.map((e) => e.id)).toEqual(["e2"]);
    expect(c.verdicts.map((v) => v.id)).toEqual(["v2"]);
    expect(c.adviserNotes.map((n) => n.id)).toEqual(["n1"]);
    expect(countChanges(c)).toBe(3);
  });
});
