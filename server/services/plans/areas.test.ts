/** An area's home: what it shows, worked out by the rules, and only to people who may read it. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createActionUpdate, createAreaWithPlan, createInspection, createMembership, createUser, day } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callerFor, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let leadId: string;
let strangerId: string;
let lateId: string;

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db, { action: { title: "On track", progress: 50, startDate: day(-50), dueDate: day(49) } });
  const revisit = await createInspection(db, { localAreaId: area.localAreaId, kind: "REVISIT", startDate: null, endDate: null, publishedDate: null, outcome: null, expectedDate: day(150), dateIsEstimate: true });
  await db.plan.update({ where: { id: area.planId }, data: { followUpInspectionId: revisit.id, updateCadenceDays: 30 } });
  const late = await createAction(db, {
    findingId: area.findingId,
    ref: "1.2",
    title: "Past due",
    status: "IN_PROGRESS",
    progress: 100,
    startDate: day(-100),
    dueDate: day(-1),
  });
  lateId = late.id;
  await createActionUpdate(db, { actionId: late.id, createdAt: day(-45), progress: 100, status: "IN_PROGRESS", narrative: "Nearly there" });
  const lead = await createUser(db);
  await createMembership(db, { userId: lead.id, localAreaId: area.localAreaId, role: "LEAD" });
  leadId = lead.id;
  const other = await createAreaWithPlan(db);
  const stranger = await createUser(db);
  await createMembership(db, { userId: stranger.id, localAreaId: other.localAreaId, role: "LEAD" });
  strangerId = stranger.id;
});
afterAll(() => db.$disconnect());

describe("area.home", () => {
  it("shows each action's delivery RAG and update status by the rules, and the days to the revisit", async () => {
    const home = await (await callerFor(db, leadId)).area.home({ slug: area.slug });
    expect(home.plan!.followUp).toMatchObject({ kind: "REVISIT", isEstimate: true, daysToGo: 150 });
    const actions = home.plan!.findings[0]!.actions;
    const onTrack = actions.find((a) => a.title === "On track")!;
    expect(onTrack.rag.shown).toBe("GREEN");
    const late = actions.find((a) => a.id === lateId)!;
    // Past due and not marked complete: red, even at 100%.
    expect(late.rag.shown).toBe("RED");
    expect(late.rag.explanation).toMatch(/due date has passed/);
    // Last update 45 days ago against a 30-day cadence.
    expect(late.update).toMatchObject({ overdue: true, daysOverdue: 15 });
  });

  it("answers NOT_FOUND to a member of another area, and to an address that does not exist", async () => {
    const stranger = await callerFor(db, strangerId);
    await expect(stranger.area.home({ slug: area.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(db, leadId)).area.home({ slug: "no-such-area" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a malformed address before any query", async () => {
    await expect((await callerFor(db, leadId)).area.home({ slug: "../../etc/passwd" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("action.byId", () => {
  it("answers NOT_FOUND for another area's action and for a made-up id", async () => {
    await expect((await callerFor(db, strangerId)).action.byId({ id: lateId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(db, leadId)).action.byId({ id: "clnotarealid0000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("returns the timeline newest first", async () => {
    await createActionUpdate(db, { actionId: lateId, createdAt: day(-2), progress: 100, status: "IN_PROGRESS", narrative: "Newest" });
    const action = await (await callerFor(db, leadId)).action.byId({ id: lateId });
    expect(action.updates.map((u) => u.narrative)).toEqual(["Newest", "Nearly there"]);
    expect(action.viewerCan.update).toBe(true);
  });
});
