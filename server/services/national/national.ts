/**
 * The national view: one row per local area with its current plan's figures, for the national
 * team (every area) and advisers (the areas they advise).
 *
 * One query per view, whatever the number of areas, and it counts only what has changed. Each
 * area's row is kept in this process beside the area's version (AreaFiguresVersion), which
 * triggers change in the same transaction as any change to what the row counts (prisma/migrations/
 * 20261122221828_perf_indexes). The query names the versions held, answers the areas in view with
 * their versions, and works out afresh only the areas whose version has moved (all of them on a
 * new day, since the rules read today). A row is therefore never older than the database it was
 * read against, and a view in which little has changed costs next to nothing.
 *
 * What is worked out afresh for an area, in that one statement:
 * - its current plan and everything SQL counts: findings, actions, actions whose delivery RAG is
 *   red, updates overdue (the rules' SQL twins in action-health-sql.ts, checked against the pure
 *   rules by its test), the latest update, the follow-up inspection and the forum's disagreements;
 * - the few columns the measure-status rule reads for every measure of the plan, judged by the pure
 *   rule itself (server/domain/measure-status.ts): a trajectory with milestones is too much rule to
 *   copy into SQL;
 * - the judgements on the latest of the area's plans with a finding judged, with the inspection that
 *   made each, summed up by the journey rule itself (server/domain/plan-journey.ts), so the column
 *   says what the area home's outcome says. A judgement moves the area's version (its finding is
 *   an area row), as does a change to an inspection.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { daysBetween } from "@/lib/calendar";
import { measureStatus } from "@/server/domain/measure-status";
import { nationalScope, type NationalScope } from "@/server/auth/national-scope";
import { matchesFollowUpFilter, sortNationalRows, type LastFollowUp, type NationalRow } from "@/server/domain/national-table";
import { planJourney } from "@/server/domain/plan-journey";
import { forbidden } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";
import type { InspectionKind, Judgement, MeasureDirection, PlanType, Region } from "@/server/generated/prisma/enums";
import type { NationalOverviewInput } from "@/server/schemas/national";
import { isRedSql, isUpdateOverdueSql, sqlDay } from "@/server/services/national/action-health-sql";
import { today } from "@/server/services/core/today";

/** A measure as the query gives it: JSON, so its days are "yyyy-mm-dd" strings. */
type MeasureJson = {
  direction: MeasureDirection;
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetDate: string | null;
  milestones: Array<{ date: string; targetValue: number }>;
  latestPeriodEnd: string | null;
  latestValue: number | null;
};

/** A judged plan's finding as the query gives it: JSON, so its days are "yyyy-mm-dd" strings. */
type JudgedFindingJson = {
  judgement: Judgement | null;
  judgementDate: string | null;
  judgementSource: string | null;
  inspection: { id: string; kind: InspectionKind; startDate: string | null; endDate: string | null; reportUrl: string | null } | null;
};

/** An area in view; the figures are there only when `stale` (otherwise the row held is current). */
type AreaRowSql = {
  id: string;
  version: string;
  stale: boolean;
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
  measures: MeasureJson[];
  judgedPlanId: string | null;
  judgedPlanType: PlanType | null;
  judgedFindings: JudgedFindingJson[] | null;
};

/** The rows held, by area id: each with the version and the day it was worked out for. */
type Held = { version: string; day: string; row: NationalRow };
const g = globalThis as unknown as { headwayNationalRows?: Map<string, Held> };
const held = (g.headwayNationalRows ??= new Map<string, Held>());

/**
 * The areas in view with their versions and, for those not in `known` at that version, their
 * figures: the current plan (as CURRENT_PLAN in services/access.ts says: the latest that is not
 * closed) and what the rules count on it. Every figure is gated on "stale", so an area whose row
 * is held costs one index probe. For each measure only the latest value since the baseline is
 * read: the rule judges that value alone (earlier ones, and any dated before the baseline, never
 * change the status).
 */
function areaRows(ctx: ServiceContext, scope: NationalScope, input: NationalOverviewInput, known: ReadonlyArray<[string, Held]>, now: Date) {
  const today = sqlDay(now);
  const areaIds = scope.kind === "ADVISED" ? Prisma.sql`la."id" = ANY(${scope.areaIds}::text[])` : Prisma.sql`TRUE`;
  const region = input.region ? Prisma.sql`la."region" = ${input.region}::"Region"` : Prisma.sql`TRUE`;
  const knownIds = known.map(([id]) => id);
  const knownVersions = known.map(([, h]) => h.version);
  return ctx.db.$queryRaw<AreaRowSql[]>`
    WITH
    area AS (
      SELECT la."id", la."name", la."slug", la."region", v."version",
             NOT EXISTS (SELECT 1 FROM unnest(${knownIds}::text[], ${knownVersions}::uuid[]) AS k("id", "version")
                         WHERE k."id" = la."id" AND k."version" = v."version") AS "stale"
      FROM "LocalArea" la
      -- No version yet: nothing has changed since the area was added.
      CROSS JOIN LATERAL (SELECT COALESCE((SELECT fv."version" FROM "AreaFiguresVersion" fv WHERE fv."localAreaId" = la."id"),
                                          '00000000-0000-0000-0000-000000000000'::uuid) AS "version") v
      WHERE ${areaIds} AND ${region}
    ),
    current_plan AS (
      SELECT DISTINCT ON (p."localAreaId") p."id", p."localAreaId", p."type", p."followUpInspectionId",
             p."updateCadenceDays", p."ragAmberThreshold"
      FROM "Plan" p JOIN area ON area."id" = p."localAreaId" AND area."stale"
      WHERE p."status" NOT IN ('CLOSED', 'SUPERSEDED')
      ORDER BY p."localAreaId", p."createdAt" DESC, p."id" DESC
    )
    SELECT a."id", a."version"::text AS "version", a."stale", a."name", a."slug", a."region"::text AS "region",
           cp."id" AS "planId", cp."type"::text AS "planType", cp."updateCadenceDays",
           (SELECT count(*)::int FROM "Finding" f WHERE f."planId" = cp."id") AS "findings",
           COALESCE(acts."total", 0) AS "actionsTotal", COALESCE(acts."red", 0) AS "actionsRed",
           COALESCE(acts."overdue", 0) AS "updatesOverdue", acts."lastUpdateAt",
           -- The forum's current view: a verdict a later one supersedes no longer counts.
           (SELECT count(*)::int FROM "ForumVerdict" v
             WHERE a."stale" AND v."localAreaId" = a."id" AND v."verdict" = 'DISAGREE'
               AND NOT EXISTS (SELECT 1 FROM "ForumVerdict" s WHERE s."supersedesId" = v."id")) AS "disagreements",
           i."kind"::text AS "followUpKind", COALESCE(i."startDate", i."expectedDate") AS "followUpDate",
           i."dateIsEstimate" AS "followUpIsEstimate",
           -- What MEASURE_RULE_FIELDS names, with the latest value since the baseline.
           (SELECT COALESCE(json_agg(json_build_object(
                     'direction', m."direction", 'baselineValue', m."baselineValue", 'baselineDate', m."baselineDate",
                     'targetValue', m."targetValue", 'targetDate', m."targetDate",
                     'milestones', COALESCE((SELECT json_agg(json_build_object('date', ms."date", 'targetValue', ms."targetValue"))
                                             FROM "MeasureMilestone" ms WHERE ms."measureId" = m."id"), '[]'::json),
                     'latestPeriodEnd', lv."periodEnd", 'latestValue', lv."value")), '[]'::json)
            FROM "Measure" m
            LEFT JOIN LATERAL (
              SELECT v."periodEnd", v."value" FROM "MeasureValue" v
              WHERE v."measureId" = m."id" AND (m."baselineDate" IS NULL OR v."periodEnd" >= m."baselineDate")
              ORDER BY v."periodEnd" DESC LIMIT 1
            ) lv ON TRUE
            WHERE m."planId" = cp."id") AS "measures",
           jp."id" AS "judgedPlanId", jp."type"::text AS "judgedPlanType", jp."findings" AS "judgedFindings"
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
    -- The latest of the area's plans, ended or not, with a finding judged: its findings' judgements.
    LEFT JOIN LATERAL (
      SELECT p."id", p."type",
             (SELECT json_agg(json_build_object(
                       'judgement', f."judgement", 'judgementDate', f."judgementDate", 'judgementSource', f."judgementSource",
                       'inspection', CASE WHEN ji."id" IS NULL THEN NULL ELSE json_build_object(
                         'id', ji."id", 'kind', ji."kind", 'startDate', ji."startDate", 'endDate', ji."endDate", 'reportUrl', ji."reportUrl") END)
                     ORDER BY f."sortOrder", f."ref")
              FROM "Finding" f
              LEFT JOIN "Inspection" ji ON ji."id" = f."judgementInspectionId" AND ji."localAreaId" = p."localAreaId"
              WHERE f."planId" = p."id") AS "findings"
      FROM "Plan" p
      WHERE a."stale" AND p."localAreaId" = a."id"
        AND EXISTS (SELECT 1 FROM "Finding" jf WHERE jf."planId" = p."id" AND jf."judgement" IS NOT NULL)
      ORDER BY p."createdAt" DESC, p."id" DESC
      LIMIT 1
    ) jp ON TRUE`;
}

/** A "yyyy-mm-dd" day from JSON as the rules take it: UTC midnight. */
const fromJsonDay = (day: string) => new Date(`${day}T00:00:00.000Z`);
const fromJsonDayOrNull = (day: string | null) => (day === null ? null : fromJsonDay(day));

function planFigures(area: AreaRowSql, now: Date): NationalRow["plan"] {
  if (!area.planId || !area.planType) return null;
  const offTrack = area.measures.filter(
    (m) =>
      measureStatus({
        direction: m.direction,
        baselineValue: m.baselineValue,
        baselineDate: fromJsonDayOrNull(m.baselineDate),
        targetValue: m.targetValue,
        targetDate: fromJsonDayOrNull(m.targetDate),
        milestones: m.milestones.map((ms) => ({ date: fromJsonDay(ms.date), targetValue: ms.targetValue })),
        values: m.latestPeriodEnd && m.latestValue !== null ? [{ periodEnd: fromJsonDay(m.latestPeriodEnd), value: m.latestValue }] : [],
        cadenceDays: area.updateCadenceDays!,
        today: now,
      }).status === "OFF_TRACK",
  ).length;
  return {
    type: area.planType,
    findings: area.findings,
    actions: { total: area.actionsTotal, red: area.actionsRed, updateOverdue: area.updatesOverdue },
    measures: { total: area.measures.length, offTrack },
    daysSinceUpdate: area.lastUpdateAt ? daysBetween(area.lastUpdateAt, now) : null,
    nextInspection: area.followUpKind
      ? { kind: area.followUpKind, date: area.followUpDate, isEstimate: area.followUpIsEstimate ?? false }
      : null,
  };
}

/** The latest judged plan's outcome, by the journey rule (its stage is not wanted here, only what was judged). */
function lastFollowUp(area: AreaRowSql, now: Date): LastFollowUp | null {
  if (!area.judgedPlanId || !area.judgedPlanType || !area.judgedFindings) return null;
  const { outcome } = planJourney({
    status: "ACTIVE",
    type: area.judgedPlanType,
    followUp: null,
    findings: area.judgedFindings.map((f) => ({
      judgement: f.judgement,
      judgementDate: fromJsonDayOrNull(f.judgementDate),
      judgementSource: f.judgementSource,
      judgementInspection: f.inspection && {
        ...f.inspection,
        startDate: fromJsonDayOrNull(f.inspection.startDate),
        endDate: fromJsonDayOrNull(f.inspection.endDate),
      },
    })),
    now,
  });
  if (!outcome) return null;
  const { kind, judged, positive, complete, short, sentence } = outcome;
  return { kind, judged, positive, complete, short, sentence, planType: area.judgedPlanType, ofCurrentPlan: area.judgedPlanId === area.planId };
}

export async function nationalOverview(ctx: ServiceContext, input: NationalOverviewInput) {
  const scope = nationalScope(ctx.viewer);
  if (!scope) throw forbidden("The national view is for the national team and for advisers.");
  const now = today();
  const day = now.toISOString().slice(0, 10);
  // The rows held for today, as they are now: another request may replace one meanwhile.
  const known = [...held].filter(([, h]) => h.day === day);
  const heldNow = new Map(known);
  const areas = await areaRows(ctx, scope, input, known, now);
  const rows = areas.map((a): NationalRow => {
    // Not stale: held at the version the database has.
    if (!a.stale) return heldNow.get(a.id)!.row;
    const row = {
      id: a.id,
      name: a.name,
      slug: a.slug,
      region: a.region,
      plan: planFigures(a, now),
      disagreements: a.disagreements,
      lastFollowUp: lastFollowUp(a, now),
    };
    held.set(a.id, { version: a.version, day, row });
    return row;
  });
  // The plan-type filter is on the current plan: areas with another type of plan, or none, are left out.
  const inView = rows.filter(
    (r) => (!input.planType || r.plan?.type === input.planType) && (!input.followUp || matchesFollowUpFilter(r, input.followUp)),
  );
  return { scope: scope.kind, rows: sortNationalRows(inView, input.sort, input.dir) };
}
