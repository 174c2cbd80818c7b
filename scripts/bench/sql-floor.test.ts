/**
 * The benchmark's SQL floor computes the national view's figures itself: it must agree with the
 * app (server/services/national/national.ts and the measure rule) on every area, including the rules'
 * edge cases, or the ratio to it would compare different work.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it} from "vitest";
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
  createPlan,
  createUser,
  day,
} from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callerFor, testDb } from "@/server/testing/harness";
import { compareWithApp, runFloor } from "./sql-floor";
import { testDatabaseUrl } from "@/server/testing/worker";

let db: PrismaClient;
let sql: pg.Client;
let nationalId: string;
let areaId: string;

beforeAll(async () => {
  db = testDb();
  sql = new pg.Client({ connectionString: testDatabaseUrl() });
  await sql.connect();
  nationalId = (await createUser(db, { globalRole: "NATIONAL" })).id;
  const forum = await createUser(db);

  const a = await createAreaWithPlan(db, { area: { name: "Floor Aardvark" } });
  areaId = a.localAreaId;
  await db.plan.update({ where: { id: a.planId }, data: { updateCadenceDays: 30 } });
  const act = (o: Omit<Parameters<typeof createAction>[1], "findingId"> = {}) => createAction(db, { findingId: a.findingId, ...o });
  await act({ startDate: day(-100), dueDate: day(-5), progress: 90 }); // red: past due
  const slow = await act({ startDate: day(-100), dueDate: day(100), progress: 10 }); // red: behind
  await createActionUpdate(db, { actionId: slow.id, createdAt: day(-45), progress: 10, status: "IN_PROGRESS" }); // overdue
  await act({ ragOverride: "RED", ragOverrideReason: "The supplier has gone." }); // red by hand
  await act({ startDate: day(-100), dueDate: day(-3), ragOverride: "GREEN", ragOverrideReason: "Extension agreed." }); // green by hand
  await act({ startDate: day(-100), dueDate: day(-3), ragOverride: "GREEN", ragOverrideReason: " \u00a0\u2003" }); // no real reason: red
  await act({ startDate: day(-100), dueDate: day(-10), status: "COMPLETE", progress: 100 });
  await act({ startDate: day(-60), dueDate: day(100), progress: 30, createdAt: day(-60) }); // amber, overdue
  await act({ startDate: day(-10), dueDate: day(-10), progress: 0 }); // a one-day action, past due

  // Measures over the rule's cases (server/domain/measure-status.ts).
  const measure = async (o: Partial<Parameters<typeof createMeasure>[1]>, values: Array<[number, number]>, milestones: Array<[number, number]> = []) => {
    const m = await createMeasure(db, { planId: a.planId, ...o });
    for (const [offset, targetValue] of milestones) await createMeasureMilestone(db, { measureId: m.id, date: day(offset), targetValue });
    for (const [offset, value] of values) await createMeasureValue(db, { measureId: m.id, periodEnd: day(offset), value });
  };
  await measure({}, [[-1, 20]]); // off track
  await measure({}, [[-1, 40]]); // slightly behind
  await measure({}, [[-1, 50]]); // on track
  await measure({ direction: "LOWER_IS_BETTER", baselineValue: 60, targetValue: 10 }, [[-1, 50]]); // off track, lower is better
  const boundary = { baselineValue: 0, baselineDate: day(-100), targetValue: 100, targetDate: day(0) };
  await measure(boundary, [[-50, 40]]); // exactly 10% of the planned change short: slightly behind
  await measure(boundary, [[-50, 39.99]]); // just beyond: off track
  await measure({ baselineValue: 10.1, baselineDate: day(-100), targetValue: 10.4, targetDate: day(0) }, [[0, 10.37]]); // 0.03 short of 0.3: slightly behind
  await measure({ targetValue: null, targetDate: null }, [[-1, 30]], [[-200, 50]]); // no target: holds at the milestone's 50, off track
  await measure({}, [[-400, 90]]); // only a value before the baseline: no data
  await measure({ baselineValue: null, baselineDate: null }, [[-1, 30]]); // one point: no trajectory
  await measure({ baselineValue: null, baselineDate: null }, [[-20, 30]], [[-10, 40]]); // before the first point
  await measure({}, [[-30, 10], [-1, 15]], [[-1, 45]]); // a milestone on the value's day: off track
  await measure({}, [[-90, 5]]); // too old: no data
  await measure({}, []); // no values

  const revisit = await createInspection(db, {
    localAreaId: a.localAreaId, kind: "REVISIT", startDate: null, endDate: null, publishedDate: null, outcome: null,
    expectedDate: day(120), dateIsEstimate: true,
  });
  await db.plan.update({ where: { id: a.planId }, data: { followUpInspectionId: revisit.id } });
  const closed = await createPlan(db, { localAreaId: a.localAreaId, status: "CLOSED", type: "APP" }); // newer, but closed
  await createAction(db, { findingId: (await createFinding(db, { planId: closed.id })).id, startDate: day(-200), dueDate: day(-100) });

  const verdict = (o: { actionId?: string; findingId?: string; verdict: "AGREE" | "DISAGREE"; supersedesId?: string }) =>
    db.forumVerdict.create({ data: { localAreaId: a.localAreaId, authorId: forum.id, text: "Our view.", ...o } });
  await verdict({ findingId: a.findingId, verdict: "DISAGREE" });
  const changed = await verdict({ actionId: slow.id, verdict: "DISAGREE" });
  await verdict({ actionId: slow.id, verdict: "AGREE", supersedesId: changed.id });

  // An area whose newer draft plan is current, one without a plan, one with a plan and nothing in it.
  const b = await createAreaWithPlan(db, { plan: { createdAt: day(-200) } });
  await createFinding(db, { planId: (await createPlan(db, { localAreaId: b.localAreaId, type: "APP", status: "DRAFT" })).id });
  await createLocalArea(db);
  const empty = await createLocalArea(db);
  await createPlan(db, { localAreaId: empty.id });
}, 120_000);

afterAll(async () => {
  await sql.end();
  await db.$disconnect();
});

describe("the SQL floor for the national view", () => {
  it("computes the app's figures for every area", async () => {
    const app = await (await callerFor(db, nationalId)).national.overview({});
    const floor = await runFloor(sql, new Date());
    expect(floor.rows.length).toBe(app.rows.length);
    expect(compareWithApp(floor.rows, app.rows)).toEqual([]);

    // The fixture does reach the rules' cases: the app itself finds them.
    const mine = app.rows.find((r) => r.id === areaId)!.plan!;
    expect(mine.actions).toEqual({ total: 9, red: 5, updateOverdue: 2 });
    expect(mine.measures).toEqual({ total: 14, offTrack: 5 });
  });

  it("tells a difference when there is one", async () => {
    const app = await (await callerFor(db, nationalId)).national.overview({});
    const floor = await runFloor(sql, new Date());
    const changed = floor.rows.map((r) => (r.id === areaId ? { ...r, measuresOffTrack: r.measuresOffTrack + 1 } : r));
    expect(compareWithApp(changed, app.rows)).toHaveLength(1);
    expect(compareWithApp(floor.rows.slice(1), app.rows)).toHaveLength(1);
  });
});
