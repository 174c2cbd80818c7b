import { describe, it, expect } from "vitest";
import { deliveryRag, DEFAULT_THRESHOLDS, type DeliveryRag } from "@/server/domain/delivery-rag";
import { findingDelivery, findingImpact, type FindingDelivery, type FindingImpact } from "@/server/domain/finding-summary";
import type { MeasureStatus } from "@/server/domain/measure-status";

const actions = (...rags: DeliveryRag[]) => rags.map((rag) => ({ rag }));
const measures = (...statuses: MeasureStatus[]) => statuses.map((status) => ({ status }));

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("findingDelivery", () => {
  type Case = { name: string; rags: DeliveryRag[]; status: FindingDelivery; live: number };
  const cases: Case[] = [
    // Nothing live to judge.
    { name: "no actions", rags: [], status: "NO_ACTIONS", live: 0 },
    { name: "only cancelled actions", rags: ["CANCELLED", "CANCELLED"], status: "NO_ACTIONS", live: 0 },
    { name: "only deferred actions", rags: ["DEFERRED"], status: "NO_ACTIONS", live: 0 },
    { name: "cancelled and deferred actions", rags: ["CANCELLED", "DEFERRED"], status: "NO_ACTIONS", live: 0 },

    // Complete.
    { name: "one complete action", rags: ["COMPLETE"], status: "COMPLETE", live: 1 },
    { name: "all complete", rags: ["COMPLETE", "COMPLETE", "COMPLETE"], status: "COMPLETE", live: 3 },
    { name: "all live complete, the rest cancelled or deferred", rags: ["COMPLETE", "CANCELLED", "DEFERRED"], status: "COMPLETE", live: 1 },

    // The worst live RAG.
    { name: "all green", rags: ["GREEN", "GREEN"], status: "GREEN", live: 2 },
    { name: "complete ones count as on course", rags: ["COMPLETE", "GREEN", "COMPLETE"], status: "GREEN", live: 3 },
    { name: "one amber among green", rags: ["GREEN", "AMBER", "COMPLETE"], status: "AMBER", live: 3 },
    { name: "an action with no due date is AMBER", rags: ["GREEN", "UNSCHEDULED"], status: "AMBER", live: 2 },
    { name: "only actions with no due date", rags: ["UNSCHEDULED", "UNSCHEDULED"], status: "AMBER", live: 2 },
    { name: "one red among green and amber", rags: ["GREEN", "AMBER", "RED"], status: "RED", live: 3 },
    { name: "red among complete", rags: ["COMPLETE", "COMPLETE", "RED"], status: "RED", live: 3 },
    { name: "red beats no due date", rags: ["UNSCHEDULED", "RED"], status: "RED", live: 2 },
    { name: "cancelled and deferred actions beside a green one: GREEN", rags: ["GREEN", "CANCELLED", "DEFERRED"], status: "GREEN", live: 1 },
    { name: "cancelled actions do not hide an amber one", rags: ["CANCELLED", "AMBER"], status: "AMBER", live: 1 },
  ];

  it.each(cases)("$name -> $status", ({ rags, status, live }) => {
    const r = findingDelivery(actions(...rags));
    expect(r.status).toBe(status);
    expect(r.live).toBe(live);
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(rags.length);
    for (const rag of rags) expect(r.counts[rag]).toBe(rags.filter((x) => x === rag).length);
    expect(r.explanation.length).toBeGreaterThan(0);
  });

  it("counts every RAG, including ones not present", () => {
    expect(findingDelivery(actions("RED", "CANCELLED", "GREEN", "CANCELLED")).counts).toEqual({
      COMPLETE: 0,
      GREEN: 1,
      AMBER: 0,
      RED: 1,
      UNSCHEDULED: 0,
      CANCELLED: 2,
      DEFERRED: 0,
    });
  });

  it("a past-due action at 100% progress but not marked complete makes the finding RED", () => {
    const today = day("2025-03-01");
    const base = { startDate: day("2025-01-01"), dueDate: day("2025-02-01"), ragOverride: null, ragOverrideReason: null, thresholds: DEFAULT_THRESHOLDS, today };
    const done = deliveryRag({ ...base, status: "COMPLETE", progress: 100 });
    const notMarked = deliveryRag({ ...base, status: "IN_PROGRESS", progress: 100 });
    expect(notMarked.shown).toBe("RED");
    const r = findingDelivery([{ rag: done.shown }, { rag: notMarked.shown }]);
    expect(r.status).toBe("RED");
    expect(r.counts).toMatchObject({ COMPLETE: 1, RED: 1 });
  });

  describe("explanation", () => {
    it("says there are no actions", () => {
      expect(findingDelivery([]).explanation).toBe("This finding has no actions, so there is no delivery to judge.");
    });

    it("says every action is cancelled or deferred, with the counts", () => {
      const e = findingDelivery(actions("CANCELLED", "CANCELLED", "DEFERRED")).explanation;
      expect(e).toContain("Every one of the finding's 3 actions is cancelled or deferred");
      expect(e).toContain("2 cancelled and 1 deferred actions are counted but not judged.");
    });

    it("says one cancelled action is counted but not judged", () => {
      expect(findingDelivery(actions("CANCELLED")).explanation).toContain("1 cancelled action is counted but not judged.");
    });

    it("says all live actions are complete", () => {
      expect(findingDelivery(actions("COMPLETE", "COMPLETE", "DEFERRED")).explanation).toBe(
        "All 2 live actions are complete. 1 deferred action is counted but not judged.",
      );
      expect(findingDelivery(actions("COMPLETE")).explanation).toBe("All 1 live action is complete.");
    });

    it("states the worst-RAG rule with the counts", () => {
      const e = findingDelivery(actions("RED", "AMBER", "AMBER", "UNSCHEDULED", "GREEN", "COMPLETE", "CANCELLED")).explanation;
      expect(e).toContain("The worst RAG of the 6 live actions (1 red, 2 amber, 1 without a due date, 1 green, 1 complete)");
      expect(e).toContain("any red makes it RED; any amber or without a due date, AMBER; otherwise GREEN");
      expect(e).toContain("complete actions counting as on course");
      expect(e).toContain("1 cancelled action is counted but not judged.");
    });

    it("says nothing about cancelled or deferred actions when there are none", () => {
      expect(findingDelivery(actions("GREEN")).explanation).not.toMatch(/not judged/);
    });
  });
});

describe("findingImpact", () => {
  type Case = { name: string; statuses: MeasureStatus[]; status: FindingImpact };
  const cases: Case[] = [
    { name: "no measures", statuses: [], status: "NO_MEASURES" },

    { name: "one off track among on track", statuses: ["ON_TRACK", "OFF_TRACK", "ON_TRACK"], status: "OFF_TRACK" },
    { name: "off track beats amber", statuses: ["AMBER", "OFF_TRACK"], status: "OFF_TRACK" },
    { name: "off track beats no data", statuses: ["NO_DATA", "OFF_TRACK", "NO_TRAJECTORY"], status: "OFF_TRACK" },

    { name: "one amber among on track", statuses: ["ON_TRACK", "AMBER"], status: "AMBER" },
    { name: "amber with no data", statuses: ["AMBER", "NO_DATA"], status: "AMBER" },

    { name: "all without recent data", statuses: ["NO_DATA", "NO_DATA"], status: "NO_DATA" },
    { name: "all without a trajectory", statuses: ["NO_TRAJECTORY"], status: "NO_DATA" },
    { name: "a mix of no data and no trajectory", statuses: ["NO_DATA", "NO_TRAJECTORY"], status: "NO_DATA" },

    { name: "some without recent data, the rest on track", statuses: ["ON_TRACK", "NO_DATA", "ON_TRACK"], status: "AMBER" },
    { name: "some without a trajectory, the rest on track", statuses: ["NO_TRAJECTORY", "ON_TRACK"], status: "AMBER" },

    { name: "one on track", statuses: ["ON_TRACK"], status: "ON_TRACK" },
    { name: "all on track", statuses: ["ON_TRACK", "ON_TRACK", "ON_TRACK"], status: "ON_TRACK" },
  ];

  it.each(cases)("$name -> $status", ({ statuses, status }) => {
    for (const evidence of [0, 4]) {
      // Accepted impact evidence is shown beside the status and never changes it.
      const r = findingImpact(measures(...statuses), evidence);
      expect(r.status).toBe(status);
      expect(r.acceptedImpactEvidence).toBe(evidence);
      for (const s of statuses) expect(r.counts[s]).toBe(statuses.filter((x) => x === s).length);
      expect(Object.values(r.counts).reduce((a, b) => a + b, 0)).toBe(statuses.length);
    }
  });

  it("counts every status, including ones not present", () => {
    expect(findingImpact(measures("AMBER", "NO_DATA", "AMBER"), 0).counts).toEqual({
      ON_TRACK: 0,
      AMBER: 2,
      OFF_TRACK: 0,
      NO_DATA: 1,
      NO_TRAJECTORY: 0,
    });
  });

  describe("explanation", () => {
    it("mentions the accepted impact evidence, singular and plural", () => {
      expect(findingImpact(measures("ON_TRACK"), 1).explanation).toContain(
        "Accepted impact evidence, shown beside the status and not changing it: 1 item.",
      );
      expect(findingImpact(measures("ON_TRACK"), 3).explanation).toContain(": 3 items.");
      expect(findingImpact([], 0).explanation).toContain(": 0 items.");
    });

    it("says there are no measures", () => {
      expect(findingImpact([], 2).explanation).toMatch(/^No measures evidence this finding/);
    });

    it("states the counts and the rule", () => {
      const e = findingImpact(measures("ON_TRACK", "OFF_TRACK", "AMBER", "NO_DATA", "NO_TRAJECTORY"), 0).explanation;
      expect(e).toContain("Of 5 measures: 1 on track, 1 slightly behind, 1 off track, 1 without recent data, 1 without a trajectory.");
      expect(e).toContain("Any measure off track makes the finding off track.");
      expect(findingImpact(measures("AMBER"), 0).explanation).toContain("any slightly behind makes the finding slightly behind");
      expect(findingImpact(measures("NO_DATA"), 0).explanation).toContain("No measure has recent data against a trajectory");
      expect(findingImpact(measures("ON_TRACK", "ON_TRACK"), 0).explanation).toContain("Every measure is on track.");
    });

    it("says how many measures have no recent data when the rest are on track", () => {
      expect(findingImpact(measures("ON_TRACK", "NO_DATA", "NO_DATA"), 0).explanation).toContain(
        "The rest are on track, but 2 measures have no recent data, so the finding counts as slightly behind",
      );
      expect(findingImpact(measures("ON_TRACK", "NO_DATA"), 0).explanation).toContain("but 1 measure has no recent data, so");
      expect(findingImpact(measures("ON_TRACK", "NO_DATA", "NO_TRAJECTORY"), 0).explanation).toContain(
        "but 1 measure has no recent data and 1 measure has no trajectory set, so",
      );
    });
  });
});
