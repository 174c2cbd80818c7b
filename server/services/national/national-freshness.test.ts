/**
 * The national view keeps each area's row between views and works out again only the areas whose
 * figures may have changed, so it stays fast however many areas there are. The rows kept must
 * never be stale: every kind of change to what a row counts shows in the very next view, whoever
 * makes it and however it is written, and the rows of areas nothing touched are the ones kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAction,
  createActionUpdate,
  createAreaWithPlan,
  createFinding,
  createInspection,
  createMeasure,
  createMeasureMilestone,
  createMeasureValue,
  createMembership,
  createPlan,
  createUser,
  day,
} from "@/prisma/factories";
import type { NationalRow } from "@/server/domain/national-table";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callerFor, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let nationalId: string;
let leadId: string;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let other: Awaited<ReturnType<typeof createAreaWithPlan>>;
let measureId: string;
let revisitId: string;

async function rows(): Promise<Map<string, NationalRow>> {
  const { rows } = await (await callerFor(db, nationalId)).national.overview({ sort: "area", dir: "asc" });
  return new Map(rows.map((r) => [r.id, r]));
}

beforeAll(async () => {
  db = testDb();
  nationalId = (await createUser(db, { globalRole: "NATIONAL" })).id;
  // Started today and due in 150 days: green, no update yet, nothing overdue.
  area = await createAreaWithPlan(db, { action: { startDate: day(0), dueDate: day(150), progress: 0, status: "NOT_STARTED" } });
  other = await createAreaWithPlan(db);
  await db.plan.update({ where: { id: area.planId }, data: { updateCadenceDays: 30 } });
  leadId = (await createUser(db)).id;
  await createMembership(db, { userId: leadId, localAreaId: area.localAreaId, role: "LEAD" });
  // Baseline 10 a year ago, target 60 in 180 days: about 43 expected by yesterday.
  measureId = (await createMeasure(db, { planId: area.planId, findingIds: [area.findingId], baselineValue: 10, baselineDate: day(-365), targetValue: 60, targetDate: day(180) })).id;
  const revisit = await createInspection(db, { localAreaId: area.localAreaId, kind: "REVISIT", startDate: null, endDate: null, expectedDate: day(100), dateIsEstimate: true });
  revisitId = revisit.id;
  await db.plan.update({ where: { id: area.planId }, data: { followUpInspectionId: revisit.id } });
});
afterAll(() => db.$disconnect());

describe("national view: rows kept between views", () => {
  it("gives the same row again when nothing in the area has changed", async () => {
    const first = await rows();
    const second = await rows();
    expect(second.get(area.localAreaId)).toBe(first.get(area.localAreaId));
    expect(second.get(other.localAreaId)).toBe(first.get(other.localAreaId));
    // Publishing the public page is not a figure: the row stays.
    await db.localArea.update({ where: { id: area.localAreaId }, data: { publicPagePublished: true } });
    expect((await rows()).get(area.localAreaId)).toBe(second.get(area.localAreaId));
  });

  // Each change, made as the app or a script would make it, and what the next view must show.
  const changes: Array<[string, () => Promise<unknown>, (row: NationalRow) => void]> = [
    [
      "a check-in posted through the app",
      async () =>
        (await callerFor(db, leadId)).action.postUpdate({
          actionId: area.actionId,
          narrative: "Started.",
          progress: 5,
          status: "IN_PROGRESS",
          ragOverride: "",
          ragOverrideReason: "",
        }),
      (row) => expect(row.plan!.daysSinceUpdate).toBe(0),
    ],
    [
      "an action's due date moved into the past",
      () => db.action.update({ where: { id: area.actionId }, data: { startDate: day(-100), dueDate: day(-1) } }),
      (row) => expect(row.plan!.actions.red).toBe(1),
    ],
    [
      "a new action",
      () => createAction(db, { findingId: area.findingId }),
      (row) => expect(row.plan!.actions.total).toBe(2),
    ],
    [
      "an action deleted",
      async () => {
        const extra = await createAction(db, { findingId: area.findingId });
        await db.action.delete({ where: { id: extra.id } });
      },
      (row) => expect(row.plan!.actions.total).toBe(2),
    ],
    [
      "a new finding",
      () => createFinding(db, { planId: area.planId, localAreaId: area.localAreaId }),
      (row) => expect(row.plan!.findings).toBe(2),
    ],
    [
      "the forum disagreeing",
      () => db.forumVerdict.create({ data: { localAreaId: area.localAreaId, findingId: area.findingId, authorId: leadId, verdict: "DISAGREE", text: "No." } }),
      (row) => expect(row.disagreements).toBe(1),
    ],
    [
      "a measure's value well below its trajectory",
      () => createMeasureValue(db, { measureId, periodEnd: day(-1), value: 20 }),
      (row) => expect(row.plan!.measures).toEqual({ total: 1, offTrack: 1 }),
    ],
    [
      "a milestone that puts the value within reach",
      () => createMeasureMilestone(db, { measureId, date: day(-2), targetValue: 20 }),
      (row) => expect(row.plan!.measures.offTrack).toBe(0),
    ],
    [
      "the milestone taken away again",
      () => db.measureMilestone.deleteMany({ where: { measureId } }),
      (row) => expect(row.plan!.measures.offTrack).toBe(1),
    ],
    [
      "the measure's baseline moved after its only value",
      () => db.measure.update({ where: { id: measureId }, data: { baselineDate: day(0) } }),
      (row) => expect(row.plan!.measures.offTrack).toBe(0),
    ],
    [
      "the revisit's date becoming known",
      () => db.inspection.update({ where: { id: revisitId }, data: { startDate: day(40), dateIsEstimate: false } }),
      (row) => expect(row.plan!.nextInspection).toEqual({ kind: "REVISIT", date: day(40), isEstimate: false }),
    ],
    [
      "the plan's update cadence shortened",
      async () => {
        await createActionUpdate(db, { actionId: area.actionId, createdAt: day(-20), progress: 10, status: "IN_PROGRESS" });
        await db.action.update({ where: { id: area.actionId }, data: { lastUpdateAt: day(-20) } });
        await db.plan.update({ where: { id: area.planId }, data: { updateCadenceDays: 10 } });
      },
      (row) => expect(row.plan!.actions.updateOverdue).toBeGreaterThanOrEqual(1),
    ],
    [
      "a newer plan becoming the current one",
      () => createPlan(db, { localAreaId: area.localAreaId, type: "APP", status: "DRAFT" }),
      (row) => expect(row.plan).toMatchObject({ type: "APP", findings: 0 }),
    ],
    [
      "the area renamed",
      () => db.localArea.update({ where: { id: area.localAreaId }, data: { name: "Renamed Area" } }),
      (row) => expect(row.name).toBe("Renamed Area"),
    ],
  ];

  for (const [what, change, shows] of changes) {
    it(`shows ${what} in the next view, and keeps the other areas' rows`, async () => {
      const before = await rows();
      await change();
      const after = await rows();
      expect(after.get(area.localAreaId)).not.toBe(before.get(area.localAreaId));
      shows(after.get(area.localAreaId)!);
      expect(after.get(other.localAreaId)).toBe(before.get(other.localAreaId));
    });
  }
});
