/**
 * The SQL twins of the delivery-RAG and update-overdue rules (red or not, and the RAG shown) answer
 * as the rules do, action by action, over a table of cases that crosses every branch and boundary of both rules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan, createFinding, createPlan } from "@/prisma/factories";
import { actionHealth } from "@/server/domain/action-health";
import { addDays } from "@/lib/calendar";
import { Prisma, type PrismaClient } from "@/server/generated/prisma/client";
import type { ActionStatus, Rag } from "@/server/generated/prisma/enums";
import { deliveryRagSql, isRedSql, isUpdateOverdueSql, sqlDay } from "@/server/services/national/action-health-sql";
import { testDb } from "@/server/testing/harness";

// Late in the day, so any rule that compared times instead of days would show it.
const NOW = new Date("2026-03-15T22:30:00.000Z");
const T = new Date("2026-03-15T00:00:00.000Z");
const at = (days: number, minutes = 0) => new Date(addDays(T, days).getTime() + minutes * 60_000);

const STATUSES: ActionStatus[] = ["NOT_STARTED", "IN_PROGRESS", "COMPLETE", "DEFERRED", "CANCELLED"];
/** [start, due] in days from today: no dates, past due, due today, not started, exact and half-way shares of time. */
const DATES: Array<[number | null, number | null]> = [
  [null, null],
  [null, 10],
  [null, -1],
  [-100, 100],
  [-10, 0],
  [5, 30],
  [0, 0],
  [-1, 199], // 2 of 201 days: 0.995%, rounds to 1%
  [0, 400], // 1 of 401 days: rounds to 0%, nothing expected yet
  [-7, 8], // exactly 50%
  [0, 7], // 12.5%, rounds up to 13%
  [-2, 2], // 60%
  [-400, -200],
];
const PROGRESS = [0, 6, 9, 30, 34, 35, 36, 44, 45, 50, 100];
const OVERRIDES: Array<[Rag | null, string | null]> = [
  [null, null],
  ["RED", "The supplier has failed."],
  ["GREEN", "Extension agreed."],
  ["AMBER", "Some slippage."],
  ["RED", "   "],
  ["GREEN", "\u00a0\n"],
  ["GREEN", null],
];
/** [lastUpdateAt, createdAt] in days from today (with a time of day). */
const CLOCKS: Array<[number | null, number]> = [
  [null, -5],
  [null, -40],
  [-29, -60],
  [-30, -60],
  [-31, -60],
  [-14, -60],
  [-15, -60],
];

let db: PrismaClient;
let planIds: string[];

beforeAll(async () => {
  db = testDb();
  const area = await createAreaWithPlan(db, { plan: { ragGreenThreshold: 0.9, ragAmberThreshold: 0.7, updateCadenceDays: 30 } });
  const other = await createPlan(db, { localAreaId: area.localAreaId, status: "DRAFT", ragGreenThreshold: 0.85, ragAmberThreshold: 0.65, updateCadenceDays: 14 });
  const findings = [area.findingId, (await createFinding(db, { planId: other.id })).id];
  planIds = [area.planId, other.id];

  // Every status, dates, override and clock; progress and plan cycle through, so every
  // combination of dates and progress meets both plans' thresholds.
  const rows: Prisma.ActionCreateManyInput[] = [];
  let n = 0;
  for (const status of STATUSES)
    for (const [start, due] of DATES)
      for (const [ragOverride, ragOverrideReason] of OVERRIDES)
        for (const [lastUpdate, created] of CLOCKS) {
          n += 1;
          rows.push({
            localAreaId: area.localAreaId,
            findingId: findings[n % 2]!,
            ref: `c${n}`,
            title: `Case ${n}`,
            status,
            progress: PROGRESS[n % PROGRESS.length]!,
            startDate: start === null ? null : addDays(T, start),
            dueDate: due === null ? null : addDays(T, due),
            ragOverride,
            ragOverrideReason,
            lastUpdateAt: lastUpdate === null ? null : at(lastUpdate, 23 * 60 + 50),
            createdAt: at(created, 30),
          });
        }
  // And every pairing of dates and progress, on both plans, with nothing else in the way.
  for (const [start, due] of DATES)
    for (const progress of PROGRESS)
      for (const findingId of findings) {
        n += 1;
        rows.push({
          localAreaId: area.localAreaId, findingId, ref: `p${n}`, title: `Case ${n}`, status: "IN_PROGRESS", progress,
          startDate: start === null ? null : addDays(T, start), dueDate: due === null ? null : addDays(T, due), createdAt: at(-5),
        });
      }
  await db.action.createMany({ data: rows });
}, 60_000);
afterAll(() => db.$disconnect());

describe("isRedSql, deliveryRagSql and isUpdateOverdueSql", () => {
  it("agree with deliveryRag and updateOverdue on every case", async () => {
    const today = sqlDay(NOW);
    const rows = await db.$queryRaw<
      Array<{
        ref: string; red: boolean; rag: string; overdue: boolean; status: ActionStatus; progress: number; startDate: Date | null; dueDate: Date | null;
        ragOverride: Rag | null; ragOverrideReason: string | null; lastUpdateAt: Date | null; createdAt: Date;
        updateCadenceDays: number; ragGreenThreshold: number; ragAmberThreshold: number;
      }>
    >`
      SELECT ac."ref", ac."status"::text AS "status", ac."progress", ac."startDate", ac."dueDate", ac."ragOverride"::text AS "ragOverride",
             ac."ragOverrideReason", ac."lastUpdateAt", ac."createdAt", p."updateCadenceDays", p."ragGreenThreshold", p."ragAmberThreshold",
             ${isRedSql("ac", "p", today)} AS "red", ${deliveryRagSql("ac", "p", today)} AS "rag",
             ${isUpdateOverdueSql("ac", "p", today)} AS "overdue"
      FROM "Action" ac JOIN "Finding" f ON f."id" = ac."findingId" JOIN "Plan" p ON p."id" = f."planId"
      WHERE p."id" = ANY(${planIds}::text[])`;
    expect(rows.length).toBeGreaterThan(STATUSES.length * DATES.length * OVERRIDES.length * CLOCKS.length);

    const mismatches = rows.flatMap((row) => {
      const health = actionHealth(row, row, NOW);
      const want = { red: health.rag.shown === "RED", rag: health.rag.shown, overdue: health.update.overdue };
      return want.red === row.red && want.rag === row.rag && want.overdue === row.overdue ? [] : [{ row, want, rule: health.rag.explanation }];
    });
    expect(mismatches).toEqual([]);

    // The table reaches both answers of both rules, by each route.
    const health = rows.map((row) => actionHealth(row, row, NOW));
    expect(new Set(health.map((h) => h.rag.calculated))).toEqual(new Set(["COMPLETE", "CANCELLED", "DEFERRED", "UNSCHEDULED", "GREEN", "AMBER", "RED"]));
    expect(new Set(rows.map((r) => r.rag))).toEqual(new Set(["COMPLETE", "CANCELLED", "DEFERRED", "UNSCHEDULED", "GREEN", "AMBER", "RED"]));
    // An override shown over each calculation it may replace, no date included.
    expect(health.some((h) => h.rag.override && h.rag.calculated === "UNSCHEDULED")).toBe(true);
    expect(health.some((h) => h.rag.override?.rag === "RED" && h.rag.calculated !== "RED")).toBe(true);
    expect(health.some((h) => h.rag.override && h.rag.override.rag !== "RED" && h.rag.calculated === "RED")).toBe(true);
    expect(health.some((h) => h.rag.calculated === "RED" && h.rag.expectedProgress !== 100)).toBe(true);
    expect(rows.filter((r) => r.overdue).length).toBeGreaterThan(0);
    expect(rows.filter((r) => !r.overdue && r.status === "IN_PROGRESS").length).toBeGreaterThan(0);
  });
});
