/**
 * The national view as an adviser's portfolio: each area's delivery and impact, its figures a
 * month ago worked out from the history, the adviser's latest view, and the filters by adviser and
 * by view. The month-ago figures are checked against a second working-out written here, from every
 * check-in and value of the fixture through the pure rules, so the view's SQL is not its own judge.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAction,
  createActionUpdate,
  createAreaWithPlan,
  createFinding,
  createMeasure,
  createMeasureValue,
  createMembership,
  createPlan,
  createUser,
  day,
} from "@/prisma/factories";
import { addDays } from "@/lib/calendar";
import { deliveryRag } from "@/server/domain/delivery-rag";
import { measureStatus, MEASURE_RULE_FIELDS } from "@/server/domain/measure-status";
import { monthBefore, type NationalRow } from "@/server/domain/national-table";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { NationalOverviewInput } from "@/server/schemas/national";
import { callerFor, createMember, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let x: Awaited<ReturnType<typeof createAreaWithPlan>>;
let y: Awaited<ReturnType<typeof createAreaWithPlan>>;
let ids: Record<"a1" | "a2" | "a4" | "a5", string>;
let cole: string;
let bell: string;
let leadId: string;

/**
 * Area X, its plan written 60 days ago (cadence 30 days, thresholds 90%/70%). A month ago is 28 to
 * 31 days back, so nothing below falls on its edge. Actions (started 60 days ago unless said):
 *   the factory's  due in 200 days, 30%, never updated          green then, green now
 *   A1             due in 100; 5% 40 days ago, 60% 2 days ago    red then, green now
 *   A2             due 10 days ago, 50%, never updated           amber then, red now
 *   A3             written 10 days ago, due yesterday            not there then, red now
 *   A4             due in 100; first update 5 days ago, 50%      red then (not started), green now
 *   A5             due in 100; red by hand 45 days ago; 40% and the RAG cleared 3 days ago   red then, green now
 *   A6             due in 100; 10% 50 days ago, complete 20 days ago                          red then, complete now
 * Measures (baseline 10 a year ago, target 60 in 180 days; written 60 days ago unless said):
 *   M1  15 for 45 days ago (entered 40 days ago), 50 for yesterday    off track then, on track now
 *   M2  45 for 45 days ago (entered 40 days ago), 20 for 2 days ago   on track then, off track now
 *   M3  15 for 40 days ago, entered only 5 days ago                   no value then, off track now
 *   M4  written 10 days ago, 15 for yesterday                         not there then, off track now
 * Area Y: a plan written today, nothing else.
 */
beforeAll(async () => {
  db = testDb();
  x = await createAreaWithPlan(db, {
    area: { name: `Portfolio Xanadu ${Date.now()}` },
    plan: { createdAt: day(-60), updateCadenceDays: 30, ragGreenThreshold: 0.9, ragAmberThreshold: 0.7 },
    action: { createdAt: day(-60), startDate: day(-60), dueDate: day(200), progress: 30, status: "IN_PROGRESS" },
  });
  y = await createAreaWithPlan(db, { area: { name: `Portfolio Yarrow ${Date.now()}` } });

  const act = (o: Omit<Parameters<typeof createAction>[1], "findingId">) =>
    createAction(db, { createdAt: day(-60), startDate: day(-60), dueDate: day(100), status: "IN_PROGRESS", ...o, findingId: x.findingId });
  const update = (actionId: string, at: number, progress: number, o: { status?: "IN_PROGRESS" | "COMPLETE"; ragOverride?: "RED"; ragOverrideReason?: string } = {}) =>
    createActionUpdate(db, { actionId, createdAt: day(at), progress, status: o.status ?? "IN_PROGRESS", ...o });

  const a1 = await act({ progress: 0 });
  await update(a1.id, -40, 5);
  await update(a1.id, -2, 60);
  const a2 = await act({ dueDate: day(-10), progress: 50 });
  await act({ createdAt: day(-10), startDate: day(-10), dueDate: day(-1), progress: 0 });
  const a4 = await act({ progress: 0, status: "NOT_STARTED" });
  await update(a4.id, -5, 50);
  const a5 = await act({ progress: 0 });
  await update(a5.id, -45, 10, { ragOverride: "RED", ragOverrideReason: "The supplier has failed." });
  await update(a5.id, -3, 40);
  // The check-in form sends the RAG set by hand each time: the latest update cleared it.
  await db.action.update({ where: { id: a5.id }, data: { ragOverride: null, ragOverrideReason: null } });
  const a6 = await act({ progress: 0 });
  await update(a6.id, -50, 10);
  await update(a6.id, -20, 100, { status: "COMPLETE" });
  ids = { a1: a1.id, a2: a2.id, a4: a4.id, a5: a5.id };

  const measure = async (values: Array<[period: number, value: number, entered: number]>, createdAt = -60) => {
    const m = await createMeasure(db, { planId: x.planId, findingIds: [x.findingId], createdAt: day(createdAt) });
    for (const [period, value, entered] of values) {
      await createMeasureValue(db, { measureId: m.id, periodEnd: day(period), value, createdAt: new Date(day(entered).getTime() + 9 * 3_600_000) });
    }
  };
  await measure([[-45, 15, -40], [-1, 50, 0]]);
  await measure([[-45, 45, -40], [-2, 20, 0]]);
  await measure([[-40, 15, -5]]);
  await measure([[-1, 15, 0]], -10);

  // The adviser's notes: the latest with a view, on the area or on a finding of a plan not ended.
  cole = (await createUser(db, { name: "Martin Cole" })).id;
  bell = (await createUser(db, { name: "Ann Bell" })).id;
  const older = await createPlan(db, { localAreaId: x.localAreaId, status: "CLOSED", createdAt: day(-900) });
  const olderFinding = await createFinding(db, { planId: older.id, ref: "9" });
  const note = (o: { findingId?: string; view?: "LIKELY_SUFFICIENT" | "AT_RISK" | "UNLIKELY"; date: number }) =>
    db.adviserNote.create({ data: { localAreaId: x.localAreaId, authorId: cole, note: "Seen.", findingId: o.findingId ?? null, view: o.view ?? null, date: day(o.date) } });
  await note({ view: "AT_RISK", date: -40 });
  await note({ findingId: x.findingId, view: "UNLIKELY", date: -18 });
  await note({ date: -1 }); // no view
  await note({ findingId: olderFinding.id, view: "LIKELY_SUFFICIENT", date: -2 }); // on a closed plan's finding

  for (const [userId, areaId] of [[cole, x.localAreaId], [bell, x.localAreaId], [bell, y.localAreaId]] as const) {
    await createMembership(db, { userId, localAreaId: areaId, role: "ADVISER" });
  }
  leadId = await createMember(db, x.localAreaId, "LEAD");
}, 120_000);
afterAll(() => db.$disconnect());

const overview = async (userId: string, input: Partial<NationalOverviewInput> = {}) => (await callerFor(db, userId)).national.overview(input);
const rowOf = async (areaId: string, userId = bell): Promise<NationalRow> => (await overview(userId)).rows.find((r) => r.id === areaId)!;

/**
 * The month-ago figures of a plan worked out here from every check-in and value: each action as its
 * latest check-in posted by then left it (before its first, not started; never checked in, as it
 * is), judged by deliveryRag on that day; each measure by measureStatus on that day, given every
 * value for a period ended by then and entered by then.
 */
async function monthAgoByHand(planId: string) {
  const then = monthBefore(new Date());
  const thenEnd = addDays(then, 1);
  const plan = await db.plan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      createdAt: true,
      updateCadenceDays: true,
      ragGreenThreshold: true,
      ragAmberThreshold: true,
      findings: {
        select: {
          actions: {
            select: {
              createdAt: true, status: true, progress: true, ragOverride: true, ragOverrideReason: true, startDate: true, dueDate: true,
              updates: { select: { id: true, createdAt: true, status: true, progress: true, ragOverride: true, ragOverrideReason: true } },
            },
          },
        },
      },
      measures: { select: { ...MEASURE_RULE_FIELDS, createdAt: true, values: { select: { periodEnd: true, value: true, createdAt: true } } } },
    },
  });
  if (plan.createdAt >= thenEnd) return null;
  const red = plan.findings
    .flatMap((f) => f.actions)
    .filter((a) => a.createdAt < thenEnd)
    .filter((a) => {
      const byThen = a.updates.filter((u) => u.createdAt < thenEnd).sort((p, q) => q.createdAt.getTime() - p.createdAt.getTime() || (q.id > p.id ? 1 : -1));
      const state = byThen[0] ?? (a.updates.length > 0 ? { status: "NOT_STARTED" as const, progress: 0, ragOverride: null, ragOverrideReason: null } : a);
      const thresholds = { green: plan.ragGreenThreshold, amber: plan.ragAmberThreshold };
      return deliveryRag({ ...state, startDate: a.startDate, dueDate: a.dueDate, thresholds, today: then }).shown === "RED";
    }).length;
  const offTrack = plan.measures
    .filter((m) => m.createdAt < thenEnd)
    .filter((m) => {
      const values = m.values.filter((v) => v.periodEnd <= then && v.createdAt < thenEnd);
      return measureStatus({ ...m, values, cadenceDays: plan.updateCadenceDays, today: then }).status === "OFF_TRACK";
    }).length;
  return { red, offTrack };
}

describe("national.overview: an area's portfolio figures", () => {
  it("gives delivery and impact by the finding rules over the whole plan, and the counts now", async () => {
    const row = await rowOf(x.localAreaId);
    expect(row.plan).toMatchObject({
      actions: { total: 7, red: 2 },
      measures: { total: 4, offTrack: 3 },
      delivery: "RED",
      impact: "OFF_TRACK",
    });
    const plain = (await rowOf(y.localAreaId)).plan!;
    // Y's one action is green, and it has no measures.
    expect([plain.delivery, plain.impact]).toEqual(["GREEN", "NO_MEASURES"]);
  });

  it("works the figures of a month ago out from the history, as the rules would have then", async () => {
    const row = await rowOf(x.localAreaId);
    const byHand = await monthAgoByHand(x.planId);
    expect(byHand).toEqual({ red: 4, offTrack: 1 });
    expect(row.plan!.monthAgo).toEqual(byHand);
    // A plan written since has nothing to compare with.
    expect((await rowOf(y.localAreaId)).plan!.monthAgo).toBeNull();
    expect(await monthAgoByHand(y.planId)).toBeNull();
    const { monthAgo } = await overview(bell);
    expect(monthAgo).toEqual(monthBefore(new Date()));
  });

  it("follows a check-in backdated to before then, which leaves the action itself as it is", async () => {
    // A1 at 30% a month ago is not red: the action keeps its later update's 60%.
    await createActionUpdate(db, { actionId: ids.a1, createdAt: day(-35), progress: 30, status: "IN_PROGRESS" });
    expect((await db.action.findUniqueOrThrow({ where: { id: ids.a1 } })).progress).toBe(60);
    const row = await rowOf(x.localAreaId);
    expect(row.plan!.monthAgo).toEqual(await monthAgoByHand(x.planId));
    expect(row.plan!.monthAgo).toEqual({ red: 3, offTrack: 1 });
  });

  it("counts a check-in posted today now, and leaves a month ago alone", async () => {
    const before = await rowOf(x.localAreaId);
    await (await callerFor(db, leadId)).action.postUpdate({ actionId: ids.a4, narrative: "Slipped.", progress: 5, status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" });
    const after = await rowOf(x.localAreaId);
    expect(after.plan!.actions.red).toBe(before.plan!.actions.red + 1);
    expect(after.plan!.monthAgo).toEqual(before.plan!.monthAgo);
    expect(after.plan!.monthAgo).toEqual(await monthAgoByHand(x.planId));
  });
});

describe("national.overview: the adviser's view and the advisers", () => {
  it("shows the latest view on the area or a finding of a plan not ended, with its date", async () => {
    expect((await rowOf(x.localAreaId)).adviserView).toEqual({ view: "UNLIKELY", date: day(-18), findingRef: "1" });
    expect((await rowOf(y.localAreaId)).adviserView).toBeNull();
  });

  it("names each area's advisers, and offers every adviser in view as a filter whatever is filtered", async () => {
    expect((await rowOf(x.localAreaId)).advisers).toEqual([
      { id: bell, name: "Ann Bell" },
      { id: cole, name: "Martin Cole" },
    ]);
    const filtered = await overview(bell, { adviser: cole });
    expect(filtered.rows.map((r) => r.id)).toEqual([x.localAreaId]);
    expect(filtered.advisers).toEqual([
      { id: bell, name: "Ann Bell" },
      { id: cole, name: "Martin Cole" },
    ]);
  });

  it("filters by adviser and by the adviser's view, and sorts by the view, worst first", async () => {
    const order = async (input: Partial<NationalOverviewInput>) => (await overview(bell, input)).rows.map((r) => r.id);
    expect(await order({ adviser: bell, sort: "area" })).toEqual([x.localAreaId, y.localAreaId]);
    expect(await order({ adviserView: "UNLIKELY" })).toEqual([x.localAreaId]);
    expect(await order({ adviserView: "NONE" })).toEqual([y.localAreaId]);
    expect(await order({ adviserView: "AT_RISK" })).toEqual([]);
    expect(await order({ sort: "adviserView", dir: "desc" })).toEqual([x.localAreaId, y.localAreaId]);
    // The national team sees Cole's area among every area, and only it when filtered by him.
    const national = (await createUser(db, { globalRole: "NATIONAL" })).id;
    expect((await overview(national, { adviser: cole })).rows.map((r) => r.id)).toEqual([x.localAreaId]);
    // An adviser who advises none of the areas in view: nothing, not an error.
    expect((await overview(bell, { adviser: leadId })).rows).toEqual([]);
  });

  it("shows a new note at once, though the area's figures have not moved, and gives the same row while nothing moves", async () => {
    const first = await rowOf(x.localAreaId);
    expect(await rowOf(x.localAreaId)).toBe(first);
    await db.adviserNote.create({ data: { localAreaId: x.localAreaId, authorId: cole, note: "Better.", view: "AT_RISK", date: day(0) } });
    const next = await rowOf(x.localAreaId);
    expect(next.adviserView).toEqual({ view: "AT_RISK", date: day(0), findingRef: null });
    expect(next.plan).toBe(first.plan);
    // A new adviser is named at once too.
    await createMembership(db, { userId: leadId, localAreaId: y.localAreaId, role: "ADVISER" });
    expect((await rowOf(y.localAreaId)).advisers.map((a) => a.id)).toContain(leadId);
  });
});
