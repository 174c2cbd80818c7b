/**
 * The area home lists each finding with its status, its latest check-in among them: when an owner
 * last posted an update on any of its actions, and how many of them are overdue for one. The
 * finding page reads the same, through the same rule (server/domain/finding-updates.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createActionUpdate, createAreaWithPlan, createFinding, day } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callerFor, createMember, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let leadId: string;
let latestCheckIn: Date;
let quietFindingId: string;

beforeAll(async () => {
  db = testDb();
  // The plan asks an update every 30 days (the default cadence).
  area = await createAreaWithPlan(db, { action: { ref: "1.1", createdAt: day(-120), startDate: day(-100) } });
  leadId = await createMember(db, area.localAreaId, "LEAD");
  await createActionUpdate(db, { actionId: area.actionId, createdAt: day(-10), progress: 40 });
  // Never updated, on the plan for 100 days: overdue.
  await createAction(db, { findingId: area.findingId, ref: "1.2", createdAt: day(-100), startDate: day(-100) });
  // Finished two days ago with a last update: it needs no more, but dates the finding's latest.
  const done = await createAction(db, { findingId: area.findingId, ref: "1.3", createdAt: day(-100), startDate: day(-100) });
  latestCheckIn = (await createActionUpdate(db, { actionId: done.id, createdAt: day(-2), progress: 100, status: "COMPLETE" })).createdAt;
  quietFindingId = (await createFinding(db, { ref: "2", planId: area.planId, localAreaId: area.localAreaId })).id;
});
afterAll(async () => {
  await db.$disconnect();
});

describe("a finding's latest check-in and updates overdue", () => {
  it("are on the area home beside each finding", async () => {
    const home = await (await callerFor(db, leadId)).area.home({ slug: area.slug });
    const byRef = new Map(home.plan!.findings.map((f) => [f.ref, f]));
    expect(byRef.get("1")!.updates).toEqual({ latestAt: latestCheckIn, expected: 2, overdue: 1 });
    // A finding without actions has had no check-in and expects none.
    expect(byRef.get("2")!.updates).toEqual({ latestAt: null, expected: 0, overdue: 0 });
  });

  it("are the same on the finding page", async () => {
    const api = await callerFor(db, leadId);
    expect((await api.finding.byId({ id: area.findingId })).updates).toEqual({ latestAt: latestCheckIn, expected: 2, overdue: 1 });
    expect((await api.finding.byId({ id: quietFindingId })).updates.latestAt).toBeNull();
  });
});
