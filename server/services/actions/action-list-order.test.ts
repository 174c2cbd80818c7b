/**
 * The action list's order (?sort=finding|due|rag|updated) and its last-update column, through the
 * procedure the page reads: each order from a fixture whose plan order, due dates, RAGs and updates
 * all disagree, so every order is told apart, and ties keep the plan's order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createActionUpdate, createAreaWithPlan, createFinding, createUser, day } from "@/prisma/factories";
import type { ActionFilter } from "@/server/schemas/plan";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callerFor, createMember, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let slug: string;
let leadId: string;
let forumId: string;

/**
 * Finding 1 then finding 2 (the plan's order), cadence 30 days, thresholds 90%/70%:
 *   1.1 GREEN      due in 150 days  updated 2 days ago by Alice
 *   1.2 RED        due in 20 days   updated 50 days ago by Bob
 *   1.3 COMPLETE   due 10 days ago  updated 5 days ago by Alice
 *   2.1 RED        due 3 days ago   never updated
 *   2.2 AMBER      due in 20 days   updated 20 days ago through an update link, its organisation named
 *   2.3 no due     (UNSCHEDULED)    updated 20 days ago, same moment as 2.2, by Bob
 */
beforeAll(async () => {
  db = testDb();
  const alice = (await createUser(db, { name: "Alice Adeyemi" })).id;
  const bob = (await createUser(db, { name: "Bob Brown" })).id;
  const area = await createAreaWithPlan(db, {
    finding: { sortOrder: 1 },
    action: { ref: "1.1", ownerId: alice, startDate: day(-30), dueDate: day(150), progress: 20, sortOrder: 1 },
  });
  slug = area.slug;
  await db.plan.update({ where: { id: area.planId }, data: { updateCadenceDays: 30, ragGreenThreshold: 0.9, ragAmberThreshold: 0.7 } });
  const second = await createFinding(db, { planId: area.planId, ref: "2", sortOrder: 2 });
  const act = (findingId: string, ref: string, sortOrder: number, o: Omit<Parameters<typeof createAction>[1], "findingId">) =>
    createAction(db, { ...o, findingId, ref, sortOrder });

  await createActionUpdate(db, { actionId: area.actionId, authorId: alice, createdAt: day(-2), progress: 20, status: "IN_PROGRESS" });
  // 5% of about 43% expected: red.
  const a12 = await act(area.findingId, "1.2", 2, { ownerId: bob, startDate: day(-30), dueDate: day(20), progress: 5 });
  await createActionUpdate(db, { actionId: a12.id, authorId: bob, createdAt: day(-50), progress: 5, status: "IN_PROGRESS" });
  const a13 = await act(area.findingId, "1.3", 3, { ownerId: alice, startDate: day(-100), dueDate: day(-10) });
  await createActionUpdate(db, { actionId: a13.id, authorId: alice, createdAt: day(-5), progress: 100, status: "COMPLETE" });
  await act(second.id, "2.1", 1, { startDate: day(-60), dueDate: day(-3), progress: 90 });
  // 48% of 61% expected (79%): amber.
  const a22 = await act(second.id, "2.2", 2, { startDate: day(-30), dueDate: day(20), progress: 48 });
  const school = await db.organisation.create({ data: { localAreaId: area.localAreaId, name: "Riverside Primary School", kind: "SCHOOL" } });
  const request = await db.updateRequest.create({
    data: {
      localAreaId: area.localAreaId,
      actionId: a22.id,
      email: "head@riverside.example",
      organisationId: school.id,
      tokenHash: `hash-${a22.id}`,
      expiresAt: day(14),
    },
  });
  const linked = await createActionUpdate(db, { actionId: a22.id, authorId: null, createdAt: day(-20), progress: 48, status: "IN_PROGRESS" });
  await db.updateRequest.update({ where: { id: request.id }, data: { usedAt: day(-20), updateId: linked.id } });
  const a23 = await act(second.id, "2.3", 3, { ownerId: bob, startDate: day(-30), dueDate: null, progress: 30 });
  await createActionUpdate(db, { actionId: a23.id, authorId: bob, createdAt: day(-20), progress: 30, status: "IN_PROGRESS" });

  leadId = await createMember(db, area.localAreaId, "LEAD");
  forumId = await createMember(db, area.localAreaId, "FORUM");
});
afterAll(() => db.$disconnect());

async function list(userId: string, filter: Partial<ActionFilter> = {}) {
  return (await callerFor(db, userId)).action.list({ slug, ...filter });
}
const refs = async (filter: Partial<ActionFilter> = {}) => (await list(leadId, filter)).actions.map((a) => a.ref);

describe("action.list: the order", () => {
  it("is the plan's order by default and with sort=finding", async () => {
    expect(await refs()).toEqual(["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]);
    expect(await refs({ sort: "finding" })).toEqual(["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]);
  });

  it("sort=due: soonest due first, no due date last, ties in the plan's order", async () => {
    // 1.3 (-10), 2.1 (-3), 1.2 and 2.2 (both +20, plan order), 1.1 (+150), 2.3 (none).
    expect(await refs({ sort: "due" })).toEqual(["1.3", "2.1", "1.2", "2.2", "1.1", "2.3"]);
  });

  it("sort=rag: red first, then amber, no due date, green, and complete last", async () => {
    const { actions } = await list(leadId, { sort: "rag" });
    expect(actions.map((a) => [a.ref, a.rag.shown])).toEqual([
      ["1.2", "RED"],
      ["2.1", "RED"],
      ["2.2", "AMBER"],
      ["2.3", "UNSCHEDULED"],
      ["1.1", "GREEN"],
      ["1.3", "COMPLETE"],
    ]);
  });

  it("sort=updated: never updated first, then the longest without an update, ties in the plan's order", async () => {
    // 2.1 never; 1.2 (-50); 2.2 and 2.3 (-20, the same moment); 1.3 (-5); 1.1 (-2).
    expect(await refs({ sort: "updated" })).toEqual(["2.1", "1.2", "2.2", "2.3", "1.3", "1.1"]);
  });

  it("keeps the filters: a filtered list in the order asked for", async () => {
    expect(await refs({ rag: "RED", sort: "due" })).toEqual(["2.1", "1.2"]);
    expect(await refs({ finding: "2", sort: "updated" })).toEqual(["2.1", "2.2", "2.3"]);
  });

  it("refuses an order it does not know", async () => {
    await expect(list(leadId, { sort: "owner" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("action.list: the last update", () => {
  it("says when and who, naming a partner by their organisation and never by their address", async () => {
    for (const userId of [leadId, forumId]) {
      const { actions } = await list(userId);
      const by = Object.fromEntries(actions.map((a) => [a.ref, a.lastUpdate && { at: a.lastUpdate.at.toISOString(), by: a.lastUpdate.by }]));
      expect(by).toEqual({
        "1.1": { at: day(-2).toISOString(), by: "Alice Adeyemi" },
        "1.2": { at: day(-50).toISOString(), by: "Bob Brown" },
        "1.3": { at: day(-5).toISOString(), by: "Alice Adeyemi" },
        "2.1": null,
        "2.2": { at: day(-20).toISOString(), by: "Riverside Primary School, by update link" },
        "2.3": { at: day(-20).toISOString(), by: "Bob Brown" },
      });
      expect(JSON.stringify(actions)).not.toContain("head@riverside.example");
    }
  });

  it("is the latest of several updates", async () => {
    const { actions } = await list(leadId);
    const a11 = actions.find((a) => a.ref === "1.1")!;
    await createActionUpdate(db, { actionId: a11.id, createdAt: day(-40), progress: 10, status: "IN_PROGRESS" });
    expect((await list(leadId)).actions.find((a) => a.ref === "1.1")!.lastUpdate).toMatchObject({ by: "Alice Adeyemi", at: day(-2) });
  });
});
