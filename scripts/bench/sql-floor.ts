/**
 * The floor for the national view: the same figures per area, computed by one hand-written SQL
 * statement sent straight to PostgreSQL with pg, with no app, no ORM and no rendering around it.
 * It works out what server/services/national/national.ts does (counts, the delivery-RAG and update-overdue
 * rules, the latest update, the follow-up inspection, the forum's disagreements) and also judges
 * each measure against its trajectory in SQL (server/domain/measure-status.ts), which the app does
 * in TypeScript. The benchmark compares its answer with the app's, so the floor is known to be
 * computing the same thing.
 */
import type pg from "pg";
import type { NationalRow } from "@/server/domain/national-table";
import { summarise, type Summary } from "./stats";

/** The characters String.prototype.trim removes, as the RAG rule trims a reason. */
const JS_WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

// $1: today (a date); $2: the whitespace a reason is trimmed of.
export const NATIONAL_FLOOR_SQL = `
WITH current_plan AS (
  -- each area's latest plan that is not closed
  SELECT DISTINCT ON (p."localAreaId") p."id", p."localAreaId", p."type", p."followUpInspectionId",
         p."updateCadenceDays", p."ragAmberThreshold"
  FROM "Plan" p
  WHERE p."status" <> 'CLOSED'
  ORDER BY p."localAreaId", p."createdAt" DESC, p."id" DESC
),
finding_count AS (
  SELECT f."planId", count(*)::int AS n
  FROM current_plan cp JOIN "Finding" f ON f."planId" = cp."id"
  GROUP BY f."planId"
),
action_count AS (
  SELECT cp."id" AS "planId",
         count(*)::int AS total,
         count(*) FILTER (WHERE
           a."status" NOT IN ('COMPLETE', 'CANCELLED', 'DEFERRED') AND
           CASE WHEN a."ragOverride" IS NOT NULL AND btrim(COALESCE(a."ragOverrideReason", ''), $2) <> ''
             THEN a."ragOverride" = 'RED'
             ELSE a."dueDate" IS NOT NULL AND (
               $1::date > a."dueDate"
               OR (a."startDate" IS NOT NULL AND $1::date >= a."startDate"
                   AND LEAST(100, round((($1::date - a."startDate" + 1) * 100)::numeric / (a."dueDate" - a."startDate" + 1))) > 0
                   AND a."progress" * 1000 < round((cp."ragAmberThreshold" * 1000)::numeric)
                       * LEAST(100, round((($1::date - a."startDate" + 1) * 100)::numeric / (a."dueDate" - a."startDate" + 1))))
             )
           END
         )::int AS red,
         count(*) FILTER (WHERE
           a."status" NOT IN ('COMPLETE', 'CANCELLED', 'DEFERRED') AND
           $1::date - (COALESCE(a."lastUpdateAt", CASE WHEN a."startDate" > a."createdAt" THEN a."startDate" ELSE a."createdAt" END))::date
             > cp."updateCadenceDays"
         )::int AS overdue,
         max(a."lastUpdateAt") AS "lastUpdateAt"
  FROM current_plan cp JOIN "Finding" f ON f."planId" = cp."id" JOIN "Action" a ON a."findingId" = f."id"
  GROUP BY cp."id"
),
measure AS (
  -- every measure of a current plan with its latest value since the baseline
  SELECT cp."id" AS "planId", cp."updateCadenceDays" AS cadence, m."direction",
         m."baselineValue", m."baselineDate", m."targetValue", m."targetDate",
         lv."periodEnd" AS "latestEnd", lv."value" AS "latestValue", tr.*
  FROM current_plan cp
  JOIN "Measure" m ON m."planId" = cp."id"
  LEFT JOIN LATERAL (
    SELECT v."periodEnd", v."value" FROM "MeasureValue" v
    WHERE v."measureId" = m."id" AND (m."baselineDate" IS NULL OR v."periodEnd" >= m."baselineDate")
    ORDER BY v."periodEnd" DESC LIMIT 1
  ) lv ON TRUE
  LEFT JOIN LATERAL (
    -- the trajectory (baseline, milestones, target; on one day in that order) around the latest value
    SELECT count(*)::int AS points,
           (array_agg(pt.day ORDER BY pt.day DESC, pt.kind DESC) FILTER (WHERE pt.day <= lv."periodEnd"))[1] AS "fromDay",
           (array_agg(pt.value ORDER BY pt.day DESC, pt.kind DESC) FILTER (WHERE pt.day <= lv."periodEnd"))[1] AS "fromValue",
           (array_agg(pt.day ORDER BY pt.day, pt.kind) FILTER (WHERE pt.day > lv."periodEnd"))[1] AS "toDay",
           (array_agg(pt.value ORDER BY pt.day, pt.kind) FILTER (WHERE pt.day > lv."periodEnd"))[1] AS "toValue",
           (array_agg(pt.value ORDER BY pt.day, pt.kind))[1] AS "firstValue",
           (array_agg(pt.value ORDER BY pt.day DESC, pt.kind DESC))[1] AS "finalValue"
    FROM (
      SELECT m."baselineDate" AS day, m."baselineValue" AS value, 0 AS kind
        WHERE m."baselineValue" IS NOT NULL AND m."baselineDate" IS NOT NULL
      UNION ALL
      SELECT ms."date", ms."targetValue", 1 FROM "MeasureMilestone" ms WHERE ms."measureId" = m."id"
      UNION ALL
      SELECT m."targetDate", m."targetValue", 2 WHERE m."targetValue" IS NOT NULL AND m."targetDate" IS NOT NULL
    ) pt
  ) tr ON TRUE
),
scaled AS (
  -- in whole millionths and whole days, as the rule compares them
  SELECT m."planId", m.points, m."latestEnd", m.cadence, m."fromDay" IS NOT NULL AS "hasSegment",
         m."direction" = 'HIGHER_IS_BETTER' AS "higherIsBetter",
         round((m."fromValue" * 1000000)::numeric) AS "from",
         round((COALESCE(m."toValue", m."fromValue") * 1000000)::numeric) AS "to",
         round((m."latestValue" * 1000000)::numeric) AS value,
         -- after the last point the trajectory holds at its final value
         CASE WHEN m."toDay" IS NULL THEN 0 ELSE m."latestEnd" - m."fromDay" END AS elapsed,
         CASE WHEN m."toDay" IS NULL THEN 1 ELSE m."toDay" - m."fromDay" END AS span,
         -- the planned change: baseline to target, else across the whole trajectory
         abs(CASE WHEN m."baselineValue" IS NOT NULL AND m."baselineDate" IS NOT NULL AND m."targetValue" IS NOT NULL AND m."targetDate" IS NOT NULL
                  THEN round((m."targetValue" * 1000000)::numeric) - round((m."baselineValue" * 1000000)::numeric)
                  ELSE round((m."finalValue" * 1000000)::numeric) - round((m."firstValue" * 1000000)::numeric) END) AS planned
  FROM measure m
),
judged AS (
  SELECT s."planId",
         -- judged at all: a trajectory, a recent value since the baseline, and a point on or before it
         s.points >= 2 AND s."latestEnd" IS NOT NULL AND $1::date - s."latestEnd" <= 2 * s.cadence AND s."hasSegment" AS judged,
         s.planned, s.span,
         CASE WHEN s."higherIsBetter"
              THEN (s."from" * s.span + (s."to" - s."from") * s.elapsed) - s.value * s.span
              ELSE s.value * s.span - (s."from" * s.span + (s."to" - s."from") * s.elapsed) END AS shortfall
  FROM scaled s
),
measure_count AS (
  -- off track: short by more than 10% of the planned change
  SELECT j."planId", count(*)::int AS total,
         count(*) FILTER (WHERE j.judged AND j.shortfall > 0 AND j.shortfall * 1000 > 100 * j.planned * j.span)::int AS "offTrack"
  FROM judged j
  GROUP BY j."planId"
),
disagreement AS (
  -- the forum's current view: a verdict a later one supersedes no longer counts
  SELECT v."localAreaId", count(*)::int AS n
  FROM "ForumVerdict" v
  WHERE v."verdict" = 'DISAGREE' AND NOT EXISTS (SELECT 1 FROM "ForumVerdict" s WHERE s."supersedesId" = v."id")
  GROUP BY v."localAreaId"
)
SELECT la."id", la."name", la."slug", la."region"::text AS "region",
       cp."type"::text AS "planType",
       COALESCE(fc.n, 0) AS "findings",
       COALESCE(ac.total, 0) AS "actionsTotal", COALESCE(ac.red, 0) AS "actionsRed", COALESCE(ac.overdue, 0) AS "updatesOverdue",
       COALESCE(mc.total, 0) AS "measuresTotal", COALESCE(mc."offTrack", 0) AS "measuresOffTrack",
       $1::date - ac."lastUpdateAt"::date AS "daysSinceUpdate",
       i."kind"::text AS "nextKind", COALESCE(i."startDate", i."expectedDate")::text AS "nextDate", i."dateIsEstimate" AS "nextIsEstimate",
       COALESCE(d.n, 0) AS "disagreements"
FROM "LocalArea" la
LEFT JOIN current_plan cp ON cp."localAreaId" = la."id"
LEFT JOIN finding_count fc ON fc."planId" = cp."id"
LEFT JOIN action_count ac ON ac."planId" = cp."id"
LEFT JOIN measure_count mc ON mc."planId" = cp."id"
LEFT JOIN "Inspection" i ON i."id" = cp."followUpInspectionId"
LEFT JOIN disagreement d ON d."localAreaId" = la."id"
ORDER BY la."name", la."id"`;

type FloorRow = {
  id: string;
  name: string;
  slug: string;
  region: string;
  planType: string | null;
  findings: number;
  actionsTotal: number;
  actionsRed: number;
  updatesOverdue: number;
  measuresTotal: number;
  measuresOffTrack: number;
  daysSinceUpdate: number | null;
  nextKind: string | null;
  nextDate: string | null;
  nextIsEstimate: boolean | null;
  disagreements: number;
};

export function runFloor(db: pg.Client, today: Date): Promise<pg.QueryResult<FloorRow>> {
  return db.query<FloorRow>(NATIONAL_FLOOR_SQL, [today.toISOString().slice(0, 10), JS_WHITESPACE]);
}

export async function timeFloor(db: pg.Client, opts: { warmup: number; requests: number }): Promise<Summary> {
  const { performance } = await import("node:perf_hooks");
  for (let i = 0; i < opts.warmup; i += 1) await runFloor(db, new Date());
  const times: number[] = [];
  for (let i = 0; i < opts.requests; i += 1) {
    const t0 = performance.now();
    await runFloor(db, new Date());
    times.push(performance.now() - t0);
  }
  return summarise(times);
}

/** One area's figures as both sides can state them, to compare. */
function figures(r: {
  name: string;
  planType: string | null;
  findings: number;
  actions: [number, number, number];
  measures: [number, number];
  daysSinceUpdate: number | null;
  next: string | null;
  disagreements: number;
}) {
  return JSON.stringify(r);
}

const day = (d: Date | string | null) => (d === null ? null : typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** The areas where the floor and the app disagree (empty when they agree on every figure). */
export function compareWithApp(floor: FloorRow[], app: NationalRow[]): string[] {
  const fromApp = new Map(
    app.map((r) => [
      r.id,
      figures({
        name: r.name,
        planType: r.plan?.type ?? null,
        findings: r.plan?.findings ?? 0,
        actions: [r.plan?.actions.total ?? 0, r.plan?.actions.red ?? 0, r.plan?.actions.updateOverdue ?? 0],
        measures: [r.plan?.measures.total ?? 0, r.plan?.measures.offTrack ?? 0],
        daysSinceUpdate: r.plan?.daysSinceUpdate ?? null,
        next: r.plan?.nextInspection ? `${r.plan.nextInspection.kind} ${day(r.plan.nextInspection.date)} ${r.plan.nextInspection.isEstimate}` : null,
        disagreements: r.disagreements,
      }),
    ]),
  );
  const differences: string[] = [];
  for (const r of floor) {
    const mine = figures({
      name: r.name,
      planType: r.planType,
      findings: r.findings,
      actions: [r.actionsTotal, r.actionsRed, r.updatesOverdue],
      measures: [r.measuresTotal, r.measuresOffTrack],
      daysSinceUpdate: r.planType ? r.daysSinceUpdate : null,
      next: r.planType && r.nextKind ? `${r.nextKind} ${day(r.nextDate)} ${r.nextIsEstimate ?? false}` : null,
      disagreements: r.disagreements,
    });
    const theirs = fromApp.get(r.id);
    if (theirs !== mine) differences.push(`${r.name}: app ${theirs ?? "(missing)"}, SQL ${mine}`);
    fromApp.delete(r.id);
  }
  for (const [id, theirs] of fromApp) differences.push(`${id}: app ${theirs}, SQL (missing)`);
  return differences;
}
