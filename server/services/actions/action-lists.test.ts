/**
 * The action list's filters and "My work" through their procedures. RAG and "update overdue" are
 * worked out by the rules from dates relative to today (day() offsets), not stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAction,
  createAreaWithPlan,
  createFinding,
  createMembership,
  createOrganisation,
  createUser,
  day,
} from "@/prisma/factories";
import type { ActionFilter } from "@/server/schemas/plan";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { callerFor, createMember, testDb } from "@/server/testing/harness";

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

describe("action.list", () => {
  /**
   * Area A, cadence 30 days, thresholds 90%/70%:
   *   1.1 GREEN    Alice  lead council           updated 2 days ago
   *   1.2 RED      Bob    lead school, partner ICB  updated 60 days ago (overdue)
   *   1.3 COMPLETE Alice  lead council, partner school
   *   2.1 RED (past due)  Alice  lead ICB         updated 3 days ago
   *   2.2 AMBER    nobody                         updated 40 days ago (overdue)
   * Area B has look-alikes that must never show in A's list.
   */
  const fx = {} as {
    slug: string;
    ids: Record<string, string>;
    alice: string;
    bob: string;
    councilId: string;
    schoolId: string;
    icbId: string;
    leadId: string;
    bothId: string;
    other: { slug: string; actionId: string; councilId: string; ownerId: string; leadId: string };
  };

  beforeAll(async () => {
    const alice = (await createUser(db, { name: "Alice Adeyemi" })).id;
    const bob = (await createUser(db, { name: "Bob Brown" })).id;
    const area = await createAreaWithPlan(db, {
      finding: { sortOrder: 1 },
      action: {
        ref: "1.1",
        title: "Review the short breaks offer",
        description: "Ask families what they need.",
        ownerId: alice,
        startDate: day(-30),
        dueDate: day(150),
        progress: 20,
        lastUpdateAt: day(-2),
      },
    });
    await createMembership(db, { userId: alice, localAreaId: area.localAreaId, role: "CONTRIBUTOR" });
    await createMembership(db, { userId: bob, localAreaId: area.localAreaId, role: "CONTRIBUTOR" });
    const school = await createOrganisation(db, { localAreaId: area.localAreaId, name: "Brookside School", kind: "SCHOOL" });
    const icb = await createOrganisation(db, { localAreaId: area.localAreaId, name: "Brookside ICB", kind: "ICB" });
    const finding2 = await createFinding(db, { planId: area.planId, ref: "2", sortOrder: 2 });
    const a12 = await createAction(db, {
      findingId: area.findingId,
      ref: "1.2",
      title: "Transition pathways for young adults",
      description: "Map the routes into adult services.",
      ownerId: bob,
      leadOrganisationId: school.id,
      partnerOrganisationIds: [icb.id],
      startDate: day(-50),
      dueDate: day(49),
      progress: 0,
      lastUpdateAt: day(-60),
    });
    const a13 = await createAction(db, {
      findingId: area.findingId,
      ref: "1.3",
      title: "EHCP timeliness dashboard",
      description: "Publish the dashboard monthly.",
      ownerId: alice,
      leadOrganisationId: area.councilId,
      partnerOrganisationIds: [school.id],
      status: "COMPLETE",
      progress: 100,
      completedAt: day(-90),
      lastUpdateAt: day(-90),
    });
    const a21 = await createAction(db, {
      findingId: finding2.id,
      ref: "2.1",
      title: "Joint commissioning",
      description: "Improve the timeliness of health advice for needs assessments.",
      ownerId: alice,
      leadOrganisationId: icb.id,
      startDate: day(-100),
      dueDate: day(-5),
      progress: 80,
      lastUpdateAt: day(-3),
    });
    const a22 = await createAction(db, {
      findingId: finding2.id,
      ref: "2.2",
      title: "Speech and language therapy waiting list",
      description: "Halve the wait for an assessment.",
      startDate: day(-50),
      dueDate: day(49),
      progress: 40,
      lastUpdateAt: day(-40),
    });
    const leadId = await createMember(db, area.localAreaId, "LEAD");

    const other = await createAreaWithPlan(db, {
      action: { title: "Review the short breaks offer", startDate: day(-50), dueDate: day(49), progress: 0, lastUpdateAt: day(-60) },
    });
    const otherOwner = await createMember(db, other.localAreaId, "CONTRIBUTOR");
    await db.action.update({ where: { id: other.actionId }, data: { ownerId: otherOwner } });
    const bothId = await createMember(db, area.localAreaId, "LEAD");
    await createMembership(db, { userId: bothId, localAreaId: other.localAreaId, role: "LEAD" });

    Object.assign(fx, {
      slug: area.slug,
      ids: { "1.1": area.actionId, "1.2": a12.id, "1.3": a13.id, "2.1": a21.id, "2.2": a22.id },
      alice,
      bob,
      councilId: area.councilId,
      schoolId: school.id,
      icbId: icb.id,
      leadId,
      bothId,
      other: { slug: other.slug, actionId: other.actionId, councilId: other.councilId, ownerId: otherOwner, leadId: await createMember(db, other.localAreaId, "LEAD") },
    });
  });

  async function refs(filter: Omit<ActionFilter, "slug">, userId = fx.leadId) {
    const result = await (await callerFor(db, userId)).action.list({ slug: fx.slug, ...filter });
    return result.actions.map((a) => a.ref).sort();
  }

  it("with no filter lists the plan's actions with their RAG and update status, and the filter choices", async () => {
    const list = await (await callerFor(db, fx.leadId)).action.list({ slug: fx.slug });
    expect(list.total).toBe(5);
    expect(Object.fromEntries(list.actions.map((a) => [a.ref, [a.rag.shown, a.update.overdue]]))).toEqual({
      "1.1": ["GREEN", false],
      "1.2": ["RED", true],
      "1.3": ["COMPLETE", false],
      "2.1": ["RED", false],
      "2.2": ["AMBER", true],
    });
    expect(list.choices.findings.map((f) => f.ref)).toEqual(["1", "2"]);
    expect(list.choices.owners.map((o) => o.id)).toEqual([fx.alice, fx.bob]);
    expect(list.choices.organisations.map((o) => o.id).sort()).toEqual([fx.councilId, fx.schoolId, fx.icbId].sort());
  });

  it.each<[string, () => Omit<ActionFilter, "slug">, string[]]>([
    ["finding 2", () => ({ finding: "2" }), ["2.1", "2.2"]],
    ["finding 1", () => ({ finding: "1" }), ["1.1", "1.2", "1.3"]],
    ["a finding the plan does not have", () => ({ finding: "9" }), []],
    ["status COMPLETE", () => ({ status: "COMPLETE" }), ["1.3"]],
    ["status IN_PROGRESS", () => ({ status: "IN_PROGRESS" }), ["1.1", "1.2", "2.1", "2.2"]],
    ["rag RED (behind, and past due)", () => ({ rag: "RED" }), ["1.2", "2.1"]],
    ["rag AMBER", () => ({ rag: "AMBER" }), ["2.2"]],
    ["rag GREEN", () => ({ rag: "GREEN" }), ["1.1"]],
    ["rag COMPLETE", () => ({ rag: "COMPLETE" }), ["1.3"]],
    ["owner Alice", () => ({ owner: fx.alice }), ["1.1", "1.3", "2.1"]],
    ["owner Bob", () => ({ owner: fx.bob }), ["1.2"]],
    ["organisation: the school, as lead or partner", () => ({ organisation: fx.schoolId }), ["1.2", "1.3"]],
    ["organisation: the ICB, as lead or partner", () => ({ organisation: fx.icbId }), ["1.2", "2.1"]],
    ["organisation: the council", () => ({ organisation: fx.councilId }), ["1.1", "1.3"]],
    ["update overdue", () => ({ overdue: true }), ["1.2", "2.2"]],
    ["text in the title, any case", () => ({ q: "SHORT breaks" }), ["1.1"]],
    ["text in the title or the description", () => ({ q: "timeliness" }), ["1.3", "2.1"]],
    ["a reference prefix", () => ({ q: "2." }), ["2.1", "2.2"]],
    ["a whole reference", () => ({ q: "1.2" }), ["1.2"]],
    ["text with spaces around it", () => ({ q: "  transition  " }), ["1.2"]],
    ["finding 1 and RED", () => ({ finding: "1", rag: "RED" }), ["1.2"]],
    ["Alice and RED", () => ({ owner: fx.alice, rag: "RED" }), ["2.1"]],
    ["Alice and overdue", () => ({ owner: fx.alice, overdue: true }), []],
    ["the ICB and text", () => ({ organisation: fx.icbId, q: "transition" }), ["1.2"]],
    ["the ICB and text matching only a non-ICB action", () => ({ organisation: fx.icbId, q: "short breaks" }), []],
    ["finding 2, in progress and overdue", () => ({ finding: "2", status: "IN_PROGRESS", overdue: true }), ["2.2"]],
    ["the school, RED and overdue", () => ({ organisation: fx.schoolId, rag: "RED", overdue: true }), ["1.2"]],
  ])("filters by %s", async (_what, filter, expected) => {
    expect(await refs(filter())).toEqual(expected);
  });

  it("every row matches the filter it was asked for", async () => {
    const list = await (await callerFor(db, fx.leadId)).action.list({ slug: fx.slug, rag: "RED", overdue: true });
    expect(list.actions.length).toBeGreaterThan(0);
    for (const a of list.actions) expect([a.rag.shown, a.update.overdue]).toEqual(["RED", true]);
    // The total is the plan's, whatever the filter.
    expect(list.total).toBe(5);
  });

  it("never shows another area's actions, even to someone who leads both", async () => {
    const theirs = [fx.other.actionId];
    for (const filter of [{}, { q: "short breaks" }, { rag: "RED" as const }, { overdue: true }, { finding: "1" }]) {
      const ids = (await (await callerFor(db, fx.bothId)).action.list({ slug: fx.slug, ...filter })).actions.map((a) => a.id);
      expect(ids.filter((id) => theirs.includes(id))).toEqual([]);
    }
    expect(await refs({ organisation: fx.other.councilId }, fx.bothId)).toEqual([]);
    expect(await refs({ owner: fx.other.ownerId }, fx.bothId)).toEqual([]);
    // Their own list has their look-alike and none of A's.
    const theirList = await (await callerFor(db, fx.bothId)).action.list({ slug: fx.other.slug, q: "short breaks" });
    expect(theirList.actions.map((a) => a.id)).toEqual(theirs);
    expect(theirList.total).toBe(1);
  });

  it("answers NOT_FOUND to a member of another area only", async () => {
    await expect((await callerFor(db, fx.other.leadId)).action.list({ slug: fx.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("action.myWork", () => {
  it("lists only my open actions across my areas: update overdue (longest first), then RED, then due within 30 days, then the rest", async () => {
    const me = (await createUser(db)).id;
    const x = await createAreaWithPlan(db);
    const y = await createAreaWithPlan(db);
    await createMembership(db, { userId: me, localAreaId: x.localAreaId, role: "CONTRIBUTOR" });
    await createMembership(db, { userId: me, localAreaId: y.localAreaId, role: "CONTRIBUTOR" });
    const recent = day(-1);
    const mine = async (area: { findingId: string }, ref: string, o: Partial<Prisma.ActionUncheckedCreateInput>) =>
      (await createAction(db, { findingId: area.findingId, ref, title: `Action ${ref}`, ownerId: me, lastUpdateAt: recent, ...o })).id;

    // Update overdue: 5 days (and RED as well: overdue still comes first), and 20 days.
    const overdue5 = await mine(x, "1.2", { startDate: day(-50), dueDate: day(49), progress: 0, lastUpdateAt: day(-35) });
    const overdue20 = await mine(x, "1.3", { startDate: day(-30), dueDate: day(150), progress: 20, lastUpdateAt: day(-50) });
    // RED: behind (due in 49 days), and past due (3 days ago).
    const redBehind = await mine(y, "1.2", { startDate: day(-50), dueDate: day(49), progress: 0 });
    const redPastDue = await mine(y, "1.3", { startDate: day(-100), dueDate: day(-3), progress: 90 });
    // GREEN, due within 30 days: in 10, 25 and exactly 30.
    const due10 = await mine(x, "1.4", { startDate: day(-90), dueDate: day(10), progress: 95 });
    const due25 = await mine(x, "1.5", { startDate: day(-5), dueDate: day(25), progress: 20 });
    const due30 = await mine(x, "1.8", { startDate: day(-5), dueDate: day(30), progress: 20 });
    // The rest: due in 31 and 100 days, and no due date at all.
    const due31 = await mine(y, "1.7", { startDate: day(-5), dueDate: day(31), progress: 20 });
    const due100 = await mine(y, "1.4", { startDate: day(-10), dueDate: day(100), progress: 10 });
    const undated = await mine(y, "1.5", { startDate: null, dueDate: null, progress: 10 });

    // Not mine to see here: finished, cancelled, someone else's, a closed plan's, an area I am not in.
    await mine(x, "1.6", { status: "COMPLETE", progress: 100, completedAt: day(-90), lastUpdateAt: day(-90) });
    await mine(y, "1.6", { status: "CANCELLED", lastUpdateAt: day(-90), dueDate: day(-10) });
    const someoneElse = await createMember(db, x.localAreaId, "CONTRIBUTOR");
    const theirs = await mine(x, "1.7", { ownerId: someoneElse, lastUpdateAt: day(-80) });
    const closed = await createAreaWithPlan(db, { plan: { status: "CLOSED" } });
    await createMembership(db, { userId: me, localAreaId: closed.localAreaId, role: "CONTRIBUTOR" });
    await mine(closed, "1.2", { lastUpdateAt: day(-80) });
    const notMine = await createAreaWithPlan(db);
    await mine(notMine, "1.2", { lastUpdateAt: day(-80) });

    const work = await (await callerFor(db, me)).action.myWork();
    expect(work.map((a) => a.id)).toEqual([overdue20, overdue5, redPastDue, redBehind, due10, due25, due30, due31, due100, undated]);
    expect(work.map((a) => [a.title, a.rag.shown, a.update.overdue])).toEqual([
      ["Action 1.3", "GREEN", true],
      ["Action 1.2", "RED", true],
      ["Action 1.3", "RED", false],
      ["Action 1.2", "RED", false],
      ["Action 1.4", "GREEN", false],
      ["Action 1.5", "GREEN", false],
      ["Action 1.8", "GREEN", false],
      ["Action 1.7", "GREEN", false],
      ["Action 1.4", "GREEN", false],
      ["Action 1.5", "UNSCHEDULED", false],
    ]);
    expect(work[0]!.update.daysOverdue).toBe(20);
    expect(work[1]!.update.daysOverdue).toBe(5);
    expect(new Set(work.map((a) => a.localArea.slug))).toEqual(new Set([x.slug, y.slug]));
    expect(work.find((a) => a.id === redBehind)!.finding).toMatchObject({ id: y.findingId, ref: "1" });

    // Someone else's list is theirs alone.
    expect((await (await callerFor(db, someoneElse)).action.myWork()).map((a) => a.id)).toEqual([theirs]);
    expect(await (await callerFor(db, await createMember(db, x.localAreaId, "LEAD"))).action.myWork()).toEqual([]);
  });
});
