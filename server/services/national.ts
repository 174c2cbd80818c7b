/**
 * The national view: one row per local area with its current plan's figures, for the national
 * team (every area) and advisers (the areas they advise).
 *
 * Two queries, whatever the number of areas, run side by side:
 * - the areas with their current plan and everything SQL counts per area: findings, actions,
 *   actions whose delivery RAG is red, updates overdue (the rules' SQL twins in
 *   action-health-sql.ts, checked against the pure rules by its test), the latest update, the
 *   follow-up inspection and the forum's disagreements;
 * - the few columns the measure-status rule reads for every measure of those plans, judged by the
 *   pure rule itself (server/domain/measure-status.ts): a trajectory with milestones is too much
 *   rule to copy into SQL, and measures are far fewer than actions.
 */
import type { AuthedContext } from "@/server/api/trpc";
import { daysBetween } from "@/server/domain/calendar";
import { measureStatus } from "@/server/domain/measure-status";
import { nationalScope, type NationalScope } from "@/server/domain/national-scope";
import { sortNationalRows, type NationalRow } from "@/server/domain/national-table";
import { forbidden } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";
import type { InspectionKind, MeasureDirection, PlanType, Region } from "@/server/generated/prisma/enums";
import type { NationalOverviewInput } from "@/server/schemas/national";
import { isRedSql, isUpdateOverdueSql, sqlDay } from "@/server/services/action-health-sql";
import { today } from "@/server/services/today";

type AreaRowSql = {
  id: string;
  name: string;
  slug: string;
  region: Region;
  planId: string | null;
  planType: PlanType | null;
  updateCadenceDays: number | null;
  findings: number;
  actionsTotal: number;
  actionsRed: number;
  updatesOverdue: number;
  lastUpdateAt: Date | null;
  disagreements: number;
  followUpKind: InspectionKind | null;
  followUpDate: Date | null;
  followUpIsEstimate: boolean | null;
};

type MeasureRowSql = {
  planId: string;
  direction: MeasureDirection;
  baselineValue: number | null;
  baselineDate: Date | null;
  targetValue: number | null;
  targetDate: Date | null;
  milestones: Array<{ date: string; targetValue: number }>;
  latestPeriodEnd: Date | null;
  latestValue: number | null;
};

/**
 * The areas in view and their current plan (as CURRENT_PLAN in services/access.ts says: the latest
 * that is not closed), as common table expressions every query starts from. The plan-type filter
 * applies to the current plan, after it is chosen.
 */
function inView(scope: NationalScope, filter: Pick<NationalOverviewInput, "region" | "planType">) {
  const areaIds = scope.kind === "ADVISED" ? Prisma.sql`la."id" = ANY(${scope.areaIds}::text[])` : Prisma.sql`TRUE`;
  const region = filter.region ? Prisma.sql`la."region" = ${filter.region}::"Region"` : Prisma.sql`TRUE`;
  const planType = filter.planType ? Prisma.sql`lp."type" = ${filter.planType}::"PlanType"` : Prisma.sql`TRUE`;
  return Prisma.sql`
    area AS (
      SELECT la."id", la."name", la."slug", la."region" FROM "LocalArea" la WHERE ${areaIds} AND ${region}
    ),
    latest_plan AS (
      SELECT DISTINCT ON (p."localAreaId") p."id", p."localAreaId", p."type", p."followUpInspectionId",
             p."updateCadenceDays", p."ragAmberThreshold"
      FROM "Plan" p JOIN area ON area."id" = p."localAreaId"
      WHERE p."status" <> 'CLOSED'
      ORDER BY p."localAreaId", p."createdAt" DESC, p."id" DESC
    ),
    current_plan AS (SELECT lp.* FROM latest_plan lp WHERE ${planType})`;
}

function areaRows(ctx: AuthedContext, scope: NationalScope, input: NationalOverviewInput, now: Date) {
  const today = sqlDay(now);
  return ctx.db.$queryRaw<AreaRowSql[]>`
    WITH ${inView(scope, input)}
    SELECT a."id", a."name", a."slug", a."region"::text AS "region",
           cp."id" AS "planId", cp."type"::text AS "planType", cp."updateCadenceDays",
           (SELECT count(*)::int FROM "Finding" f WHERE f."planId" = cp."id") AS "findings",
           COALESCE(acts."total", 0) AS "actionsTotal", COALESCE(acts."red", 0) AS "actionsRed",
           COALESCE(acts."overdue", 0) AS "updatesOverdue", acts."lastUpdateAt",
           -- The forum's current view: a verdict a later one supersedes no longer counts.
           (SELECT count(*)::int FROM "ForumVerdict" v
             WHERE v."localAreaId" = a."id" AND v."verdict" = 'DISAGREE'
               AND NOT EXISTS (SELECT 1 FROM "ForumVerdict" s WHERE s."supersedesId" = v."id")) AS "disagreements",
           i."kind"::text AS "followUpKind", COALESCE(i."startDate", i."expectedDate") AS "followUpDate",
           i."dateIsEstimate" AS "followUpIsEstimate"
    FROM area a
    LEFT JOIN current_plan cp ON cp."localAreaId" = a."id"
    LEFT JOIN "Inspection" i ON i."id" = cp."followUpInspectionId"
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS "total",
             (count(*) FILTER (WHERE ${isRedSql("ac", "cp", today)}))::int AS "red",
             (count(*) FILTER (WHERE ${isUpdateOverdueSql("ac", "cp", today)}))::int AS "overdue",
             -- Written with each update, in its transaction: the time of the action's latest update.
             max(ac."lastUpdateAt") AS "lastUpdateAt"
      FROM "Finding" f JOIN "Action" ac ON ac."findingId" = f."id"
      WHERE f."planId" = cp."id"
    ) acts ON cp."id" IS NOT NULL
    WHERE ${input.planType ? Prisma.sql`cp."id" IS NOT NULL` : Prisma.sql`TRUE`}`;
}

/**
 * What MEASURE_RULE_FIELDS names, for every measure of the plans in view, with only the latest
 * value since the baseline: the rule judges that value alone (earlier ones, and any dated before
 * the baseline, never change the status), so the rest of a measure's history is not fetched.
 */
function measureRows(ctx: AuthedContext, scope: NationalScope, input: NationalOverviewInput) {
  return ctx.db.$queryRaw<MeasureRowSql[]>`
    WITH ${inView(scope, input)}
    SELECT cp."id" AS "planId", m."direction"::text AS "direction", m."baselineValue", m."baselineDate",
           m."targetValue", m."targetDate",
           COALESCE((SELECT json_agg(json_build_object('date', ms."date", 'targetValue', ms."targetValue"))
                     FROM "MeasureMilestone" ms WHERE ms."measureId" = m."id"), '[]'::json) AS "milestones",
           lv."periodEnd" AS "latestPeriodEnd", lv."value" AS "latestValue"
    FROM current_plan cp
    JOIN "Measure" m ON m."planId" = cp."id"
    LEFT JOIN LATERAL (
      SELECT v."periodEnd", v."value" FROM "MeasureValue" v
      WHERE v."measureId" = m."id" AND (m."baselineDate" IS NULL OR v."periodEnd" >= m."baselineDate")
      ORDER BY v."periodEnd" DESC LIMIT 1
    ) lv ON TRUE`;
}

function groupByPlan<T extends { planId: string }>(rows: T[]): Map<string, T[]> {
  const byPlan = new Map<string, T[]>();
  for (const row of rows) {
    const list = byPlan.get(row.planId);
    if (list) list.push(row);
    else byPlan.set(row.planId, [row]);
  }
  return byPlan;
}

function planFigures(area: AreaRowSql, measures: MeasureRowSql[], now: Date): NationalRow["plan"] {
  if (!area.planId || !area.planType) return null;
  const offTrack = measures.filter(
    (m) =>
      measureStatus({
        ...m,
        milestones: m.milestones.map((ms) => ({ date: new Date(`${ms.date}T00:00:00.000Z`), targetValue: ms.targetValue })),
        values: m.latestPeriodEnd && m.latestValue !== null ? [{ periodEnd: m.latestPeriodEnd, value: m.latestValue }] : [],
        cadenceDays: area.updateCadenceDays!,
        today: now,
      }).status === "OFF_TRACK",
  ).length;
  return {
    type: area.planType,
    findings: area.findings,
    actions: { total: area.actionsTotal, red: area.actionsRed, updateOverdue: area.updatesOverdue },
    measures: { total: measures.length, offTrack },
    daysSinceUpdate: area.lastUpdateAt ? daysBetween(area.lastUpdateAt, now) : null,
    nextInspection: area.followUpKind
      ? { kind: area.followUpKind, date: area.followUpDate, isEstimate: area.followUpIsEstimate ?? false }
      : null,
  };
}

export async function nationalOverview(ctx: AuthedContext, input: NationalOverviewInput) {
  const scope = nationalScope(ctx.viewer);
  if (!scope) throw forbidden("The national view is for the national team and for advisers.");
  const now = today();
  const [areas, measures] = await Promise.all([areaRows(ctx, scope, input, now), measureRows(ctx, scope, input)]);
  const measuresByPlan = groupByPlan(measures);
  const rows: NationalRow[] = areas.map((a) => ({
    id: a.id,
    name: a.name,
    slug: a.slug,
    region: a.region,
    plan: a.planId ? planFigures(a, measuresByPlan.get(a.planId) ?? [], now) : null,
    disagreements: a.disagreements,
  }));
  return { scope: scope.kind, rows: sortNationalRows(rows, input.sort, input.dir) };
}
