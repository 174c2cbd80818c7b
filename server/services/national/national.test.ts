/** The national view: its figures follow the app's rules, each viewer sees their areas, and its cost does not grow with them. */
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAction,
  createActionUpdate,
  createAreaWithPlan,
  createFinding,
  createInspection,
  createLocalArea,
  createMeasure,
  createMeasureMilestone,
  createMeasureValue,
  createMembership,
  createPlan,
  createUser,
  day,
  uniq,
} from "@/prisma/factories";
import { createCaller } from "@/server/api/root";
import { measureStatus, MEASURE_RULE_FIELDS } from "@/server/domain/measure-status";
import { PrismaClient } from "@/server/generated/prisma/client";
import type { NationalOverviewInput } from "@/server/schemas/national";
import { callerFor, contextFor, createMember, refusal, serviceRefusal, testDb } from "@/server/testing/harness";
import { testDatabaseUrl } from "@/server/testing/worker";

let db: PrismaClient;
const u = uniq();
const names = { a: `National Aardvark ${u}`, b: `National Badger ${u}`, c: `National Cobra ${u}`, f: `National Ferret ${u}` };
let ids: Record<"a" | "b" | "c" | "d" | "e" | "f", string>;
let planA: string;
let adviserId: string;
let nationalId: string;
let leadId: string;

const overview = async (userId: string, input: Partial<NationalOverviewInput> = {}) =>
  (await callerFor(db, userId)).national.overview(input);

/** Area A: a WSOA whose actions and measures cover each rule's cases, the forum's verdicts, a revisit. */
async function seedAreaA(forumId: string) {
  const a = await createAreaWithPlan(db, { area: { name: names.a, region: "LONDON" } });
  await db.plan.update({ where: { id: a.planId }, data: { updateCadenceDays: 30 } });
  const second = await createFinding(db, { planId: a.planId, ref: "2" });
  const act = (o: Omit<Parameters<typeof createAction>[1], "findingId"> = {}) => createAction(db, { findingId: a.findingId, ...o });
  // The factory's own action: GREEN, added today, so no update due yet.
  const pastDue = await act({ startDate: day(-100), dueDate: day(-5), progress: 90 }); // RED: past due
  const slow = await act({ startDate: day(-100), dueDate: day(100), progress: 10 }); // RED: 10% of ~50% expected
  await createActionUpdate(db, { actionId: slow.id, createdAt: day(-45), progress: 10, status: "IN_PROGRESS" }); // overdue: 45 > 30 days
  await act({ ragOverride: "RED", ragOverrideReason: "The supplier has gone into administration." }); // RED by hand
  await act({ startDate: day(-100), dueDate: day(-3), ragOverride: "GREEN", ragOverrideReason: "Extension agreed by the board." }); // GREEN by hand
  await act({ startDate: day(-100), dueDate: day(-3), ragOverride: "GREEN", ragOverrideReason: "  " }); // no reason: the override does not stand, RED
  await act({ startDate: day(-100), dueDate: day(-10), status: "COMPLETE", progress: 100 }); // COMPLETE
  await act({ startDate: day(-60), dueDate: day(100), progress: 30, createdAt: day(-60) }); // AMBER; no update for 60 days: overdue
  const recent = await createAction(db, { findingId: second.id });
  await createActionUpdate(db, { actionId: recent.id, createdAt: day(-3), progress: 25, status: "IN_PROGRESS" }); // the latest update

  // Measures: baseline 10 a year ago, target 60 in 180 days, so about 43.4 is expected today, within 5 is amber.
  const measure = async (values: Array<[number, number]>, milestone?: [number, number]) => {
    const m = await createMeasure(db, { planId: a.planId, findingIds: [a.findingId] });
    if (milestone) await createMeasureMilestone(db, { measureId: m.id, date: day(milestone[0]), targetValue: milestone[1] });
    for (const [offset, value] of values) await createMeasureValue(db, { measureId: m.id, periodEnd: day(offset), value });
  };
  await measure([[-1, 20]]); // OFF_TRACK
  await measure([[-1, 50]]); // ON_TRACK
  await measure([[-1, 40]]); // AMBER
  await measure([[-40, 12], [-1, 50]]); // ON_TRACK: only the latest value is judged
  await measure([[-1, 45]], [-30, 58]); // OFF_TRACK: the milestone puts the line near 58.3
  await measure([[-90, 5]]); // NO_DATA: more than two cadences old

  const revisit = await createInspection(db, {
    localAreaId: a.localAreaId, kind: "REVISIT", startDate: null, endDate: null, publishedDate: null, outcome: null,
    expectedDate: day(120), dateIsEstimate: true,
  });
  await db.plan.update({ where: { id: a.planId }, data: { followUpInspectionId: revisit.id } });

  // A newer plan that is closed is not the current plan: its red, overdue actions do not count.
  const closed = await createPlan(db, { localAreaId: a.localAreaId, status: "CLOSED", type: "APP" });
  const closedFinding = await createFinding(db, { planId: closed.id });
  await createAction(db, { findingId: closedFinding.id, startDate: day(-200), dueDate: day(-100), createdAt: day(-200) });

  // The forum: two current disagreements; one superseded by an agreement, one agreement superseded by a disagreement.
  const verdict = (o: { actionId?: string; findingId?: string; verdict: "AGREE" | "AGREE_WITH_COMMENTS" | "DISAGREE"; supersedesId?: string }) =>
    db.forumVerdict.create({ data: { localAreaId: a.localAreaId, authorId: forumId, text: "Our view.", ...o } });
  await verdict({ actionId: pastDue.id, verdict: "DISAGREE" });
  const changed = await verdict({ actionId: slow.id, verdict: "DISAGREE" });
  await verdict({ actionId: slow.id, verdict: "AGREE", supersedesId: changed.id });
  const agreed = await verdict({ findingId: a.findingId, verdict: "AGREE" });
  await verdict({ findingId: a.findingId, verdict: "DISAGREE", supersedesId: agreed.id });
  await verdict({ findingId: second.id, verdict: "AGREE_WITH_COMMENTS" });
  planA = a.planId;
  return a.localAreaId;
}

beforeAll(async () => {
  db = testDb();
  const forum = await createUser(db);
  const a = await seedAreaA(forum.id);
  // B: an old WSOA and a newer draft APP with one finding and no actions yet: the APP is current.
  const b = await createAreaWithPlan(db, { area: { name: names.b, region: "LONDON" }, plan: { createdAt: day(-200) } });
  const app = await createPlan(db, { localAreaId: b.localAreaId, type: "APP", status: "DRAFT" });
  await createFinding(db, { planId: app.id });
  const c = await createLocalArea(db, { name: names.c, region: "NORTH_EAST" }); // no plan
  const d = await createAreaWithPlan(db, { area: { region: "LONDON" } }); // the adviser is its lead, not its adviser
  const e = await createAreaWithPlan(db, { area: { region: "LONDON" } }); // nothing to do with the adviser
  const f = await createAreaWithPlan(db, { area: { name: names.f, region: "SOUTH_WEST" } }); // one green action
  ids = { a, b: b.localAreaId, c: c.id, d: d.localAreaId, e: e.localAreaId, f: f.localAreaId };

  adviserId = (await createUser(db)).id;
  for (const area of [ids.a, ids.b, ids.c, ids.f]) await createMembership(db, { userId: adviserId, localAreaId: area, role: "ADVISER" });
  await createMembership(db, { userId: adviserId, localAreaId: ids.d, role: "LEAD" });
  nationalId = (await createUser(db, { globalRole: "NATIONAL" })).id;
  leadId = await createMember(db, ids.a, "LEAD");
}, 120_000);
afterAll(() => db.$disconnect());

describe("national.overview: the figures", () => {
  it("counts an area's current plan by the same rules as the area home", async () => {
    const { rows } = await overview(adviserId);
    const a = rows.find((r) => r.id === ids.a)!;
    expect(a).toMatchObject({ name: names.a, region: "LONDON", disagreements: 2 });
    expect(a.plan).toEqual({
      type: "WSOA",
      findings: 2,
      actions: { total: 9, red: 4, updateOverdue: 2 },
      measures: { total: 6, offTrack: 2 },
      daysSinceUpdate: 3,
      nextInspection: { kind: "REVISIT", date: day(120), isEstimate: true },
      delivery: "RED",
      impact: "OFF_TRACK",
      // The plan was written today: there is no figure for a month ago.
      monthAgo: null,
    });

    // The area home works the same actions out one by one: the two views agree.
    const home = await (await callerFor(db, adviserId)).area.home({ slug: (await db.localArea.findUniqueOrThrow({ where: { id: ids.a } })).slug });
    const actions = home.plan!.findings.flatMap((f) => f.actions);
    expect(actions).toHaveLength(a.plan!.actions.total);
    expect(actions.filter((x) => x.rag.shown === "RED")).toHaveLength(a.plan!.actions.red);
    expect(actions.filter((x) => x.update.overdue)).toHaveLength(a.plan!.actions.updateOverdue);

    // And the measure rule, given every value of every measure, finds the same ones off track.
    const plan = await db.plan.findUniqueOrThrow({ where: { id: planA }, select: { updateCadenceDays: true, measures: { select: MEASURE_RULE_FIELDS } } });
    const offTrack = plan.measures.filter(
      (m) => measureStatus({ ...m, cadenceDays: plan.updateCadenceDays, today: new Date() }).status === "OFF_TRACK",
    );
    expect(offTrack).toHaveLength(a.plan!.measures.offTrack);
  });

  it("takes the latest plan that is not closed, and shows an area without a plan", async () => {
    const { rows } = await overview(adviserId);
    expect(rows.find((r) => r.id === ids.b)!.plan).toEqual({
      type: "APP",
      findings: 1,
      actions: { total: 0, red: 0, updateOverdue: 0 },
      measures: { total: 0, offTrack: 0 },
      daysSinceUpdate: null,
      nextInspection: null,
      delivery: "NO_ACTIONS",
      impact: "NO_MEASURES",
      monthAgo: null,
    });
    expect(rows.find((r) => r.id === ids.c)).toEqual({
      id: ids.c,
      name: names.c,
      slug: expect.any(String),
      region: "NORTH_EAST",
      plan: null,
      disagreements: 0,
      lastFollowUp: null,
      adviserView: null,
      advisers: [{ id: adviserId, name: expect.any(String) }],
    });
  });

  it("shows the last follow-up's outcome, from the plan the current one follows on when that was judged, as soon as a judgement is recorded", async () => {
    const before = await overview(adviserId);
    expect(before.rows.find((r) => r.id === ids.b)!.lastFollowUp).toBeNull();
    expect(before.rows.find((r) => r.id === ids.a)!.lastFollowUp).toBeNull();

    // B's old WSOA is judged at its revisit: the judgement moves B's version, so the row held is worked out again.
    const wsoa = await db.plan.findFirstOrThrow({ where: { localAreaId: ids.b, type: "WSOA" }, select: { id: true, findings: { select: { id: true } } } });
    const revisit = await createInspection(db, { localAreaId: ids.b, kind: "REVISIT", startDate: new Date("2025-10-04"), endDate: new Date("2025-10-06"), outcome: null });
    await db.finding.update({
      where: { id: wsoa.findings[0]!.id },
      data: { judgement: "NOT_SUFFICIENT", judgementDate: day(-20), judgementSource: "https://reports.example/b", judgementInspectionId: revisit.id },
    });
    const { rows } = await overview(adviserId);
    expect(rows.find((r) => r.id === ids.b)!.lastFollowUp).toEqual({
      kind: "REVISIT",
      judged: 1,
      positive: 0,
      complete: true,
      short: "0 of 1 sufficient",
      sentence: "Revisit 4 to 6 October 2025: sufficient progress in 0 of 1 area",
      planType: "WSOA",
      ofCurrentPlan: false,
    });
    // A is not yet revisited.
    expect(rows.find((r) => r.id === ids.a)!.lastFollowUp).toBeNull();

    expect((await overview(adviserId, { followUp: "SOME_NOT" })).rows.map((r) => r.name)).toEqual([names.b]);
    expect((await overview(adviserId, { followUp: "NOT_YET" })).rows.map((r) => r.name)).toEqual([names.a, names.c, names.f]);
    expect((await overview(adviserId, { followUp: "ALL_POSITIVE" })).rows).toEqual([]);
    expect((await overview(adviserId, { sort: "lastFollowUp", dir: "asc" })).rows.map((r) => r.name)).toEqual([names.b, names.a, names.c, names.f]);
  });
});

describe("national.overview: who sees what", () => {
  it("shows an adviser exactly the areas they advise", async () => {
    const { scope, rows } = await overview(adviserId);
    expect(scope).toBe("ADVISED");
    expect(rows.map((r) => r.id).sort()).toEqual([ids.a, ids.b, ids.c, ids.f].sort());
  });

  it("shows the national team every area", async () => {
    const { scope, rows } = await overview(nationalId);
    expect(scope).toBe("ALL");
    expect(rows).toHaveLength(await db.localArea.count());
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(Object.values(ids)));
  });

  it("refuses anyone else, from the service", async () => {
    for (const role of ["LEAD", "CONTRIBUTOR", "FORUM", "VIEWER"] as const) {
      const userId = role === "LEAD" ? leadId : await createMember(db, ids.a, role);
      const e = await refusal(overview(userId));
      expect(e.code, role).toBe("FORBIDDEN");
      expect(serviceRefusal(e).message).toMatch(/national team and for advisers/);
    }
    const admin = await createUser(db, { globalRole: "ADMIN" });
    expect((await refusal(overview(admin.id))).code).toBe("FORBIDDEN");
  });
});

describe("national.overview: filters and sorting", () => {
  const order = async (input: Partial<NationalOverviewInput>) => (await overview(adviserId, input)).rows.map((r) => r.name);

  it("filters by region and by the current plan's type", async () => {
    expect(await order({ region: "LONDON" })).toEqual([names.a, names.b]);
    expect(await order({ region: "NORTH_EAST" })).toEqual([names.c]);
    // B's old WSOA is not its current plan; C has no plan at all.
    expect(await order({ planType: "WSOA" })).toEqual([names.a, names.f]);
    expect(await order({ planType: "APP" })).toEqual([names.b]);
    expect(await order({ region: "NORTH_EAST", planType: "WSOA" })).toEqual([]);
  });

  it("sorts on the server, by share of actions red, with empty cells last either way", async () => {
    expect(await order({})).toEqual([names.a, names.b, names.c, names.f]);
    expect(await order({ sort: "area", dir: "desc" })).toEqual([names.f, names.c, names.b, names.a]);
    // A: 4 of 9 red; F: 0 of 1; B has no actions and C no plan.
    expect(await order({ sort: "red", dir: "desc" })).toEqual([names.a, names.f, names.b, names.c]);
    expect(await order({ sort: "red", dir: "asc" })).toEqual([names.f, names.a, names.b, names.c]);
    expect(await order({ sort: "nextInspection", dir: "asc" })).toEqual([names.a, names.b, names.c, names.f]);
    expect(await order({ sort: "disagreements", dir: "desc" })).toEqual([names.a, names.b, names.c, names.f]);
  });

  it("refuses a sort key or region it does not know", async () => {
    const api = await callerFor(db, adviserId);
    await expect(api.national.overview({ sort: "name" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.national.overview({ region: "WALES" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("national.overview: cost", () => {
  /** A client on the same database that reports every SQL statement it sends. */
  function countingDb() {
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: testDatabaseUrl() }),
      log: [{ emit: "event", level: "query" }],
    });
    const counter = { queries: 0 };
    client.$on("query", () => (counter.queries += 1));
    return { client, counter };
  }

  async function queriesFor(client: PrismaClient, counter: { queries: number }, userId: string) {
    const ctx = await contextFor(client, userId); // the session is read before the count starts
    counter.queries = 0;
    const result = await createCaller(ctx).national.overview({ sort: "red", dir: "desc" });
    return { queries: counter.queries, rows: result.rows.length };
  }

  it("sends the same few queries for 10 areas as for 153", async () => {
    const { client, counter } = countingDb();
    try {
      const adviser = await createUser(db);
      const areas: string[] = [];
      // Each area with a plan, a finding, an action with an update, a measure with a value and a verdict.
      const makeArea = async () => {
        const area = await createAreaWithPlan(db);
        await createActionUpdate(db, { actionId: area.actionId, createdAt: day(-10) });
        const m = await createMeasure(db, { planId: area.planId });
        await createMeasureValue(db, { measureId: m.id, value: 15 });
        await db.forumVerdict.create({ data: { localAreaId: area.localAreaId, authorId: adviser.id, actionId: area.actionId, verdict: "DISAGREE", text: "No." } });
        await createMembership(db, { userId: adviser.id, localAreaId: area.localAreaId, role: "ADVISER" });
        areas.push(area.localAreaId);
      };
      for (let i = 0; i < 10; i += 1) await makeArea();
      const ten = await queriesFor(client, counter, adviser.id);
      expect(ten.rows).toBe(10);

      // Side by side, for speed.
      for (let batch = 0; batch < 143; batch += 13) await Promise.all(Array.from({ length: 13 }, makeArea));
      const many = await queriesFor(client, counter, adviser.id);
      expect(many.rows).toBe(153);

      expect(ten.queries).toBeGreaterThan(0);
      expect(ten.queries).toBeLessThanOrEqual(5);
      expect(many.queries).toBe(ten.queries);
      // The national team's view of every area in the database costs the same.
      const everyone = await queriesFor(client, counter, nationalId);
      expect(everyone.rows).toBeGreaterThanOrEqual(153);
      expect(everyone.queries).toBe(ten.queries);
    } finally {
      await client.$disconnect();
    }
  }, 120_000);
});
