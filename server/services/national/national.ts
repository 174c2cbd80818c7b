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
 *   an area row), as does a change to an inspection;
 * - the plan's actions by delivery RAG (deliveryRagSql) and its measures' statuses, summed up by
 *   the finding rules (server/domain/finding-summary.ts) into the plan's delivery and impact;
 * - the same counts a month ago (monthBefore), from the history rather than from anything stored
 *   for the purpose: each action as its latest check-in posted by then left it (before its first
 *   check-in: not started, no progress; an action never checked in: as it is), judged by the same
 *   rule on that day; each measure by its latest value for a period ended by then and entered by
 *   then. Only actions and measures that existed then count, and nothing when the plan did not.
 *   Dates, targets and thresholds are read as they are now: they change only through a change
 *   request. A check-in moves the area's version (migration 20261208150000_national_history).
 *
 * Worked out afresh for every area on every view, since they are not figures of the area's
 * version: the adviser's latest view (a monitoring note) and who advises the area. A held row is
 * given again as it is while these are unchanged.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { addDays, daysBetween } from "@/lib/calendar";
import type { DeliveryRag } from "@/server/domain/delivery-rag";
import { findingDelivery, findingImpact } from "@/server/domain/finding-summary";
import { measureStatus, type MeasureStatusInput } from "@/server/domain/measure-status";
import { nationalScope, type NationalScope } from "@/server/auth/national-scope";
import {
  advisersOf,
  matchesAdviserViewFilter,
  matchesFollowUpFilter,
  monthBefore,
  sortNationalRows,
  type Adviser,
  type AreaAdviserView,
  type LastFollowUp,
  type NationalRow,
} from "@/server/domain/national-table";
import { planJourney } from "@/server/domain/plan-journey";
import { forbidden } from "@/server/errors";
import { Prisma } from "@/server/generated/prisma/client";
import type { AdviserView, InspectionKind, Judgement, MeasureDirection, PlanType, Region } from "@/server/generated/prisma/enums";
import type { NationalOverviewInput } from "@/server/schemas/national";
import { deliveryRagSql, isRedSql, isUpdateOverdueSql, sqlDay } from "@/server/services/national/action-health-sql";
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
  /** Whether the measure existed a month ago, and its latest value as known then. */
  existedThen: boolean;
  thenPeriodEnd: string | null;
  thenValue: number | null;
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
  /** The plan's actions by shown delivery RAG. */
  actionsByRag: Record<DeliveryRag, number> | null;
  planExistedThen: boolean | null;
  actionsRedThen: number;
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
  /** Worked out for every area, held or not. */
  adviserView: { view: AdviserView; date: string; findingRef: string | null } | null;
  advisers: Adviser[];
};

const DELIVERY_RAGS: readonly DeliveryRag[] = ["COMPLETE", "GREEN", "AMBER", "RED", "UNSCHEDULED", "CANCELLED", "DEFERRED"];

/** The rows held, by area id: each with the version and the day it was worked out for. */
type Held = { version: string; day: string; row: NationalRow };
const g = globalThis as unknown as { headwayNationalRows?: Map<string, Held> };
const held = (g.headwayNationalRows ??= new Map<string, Held>());

/**
 * The areas in view with their versions and, for those not in `known` at that version, their
 * figures: the current plan (as CURRENT_PLAN in services/access.ts says: the latest that is not
 * closed) and what the rules count on it, now and a month ago (`then`). Every figure is gated on
 * "stale", so an area whose row is held costs one index probe, besides the adviser's view and the
 * advisers, read for every area. For each measure only the latest value since the baseline is
 * read, now and as known then: the rule judges that value alone (earlier ones, and any dated
 * before the baseline, never change the status).
 */
function areaRows(ctx: ServiceContext, scope: NationalScope, known: ReadonlyArray<[string, Held]>, now: Date, then: Date) {
  const today = sqlDay(now);
  const thenDay = sqlDay(then);
  // Written before the end of that day: before the start of the next, as a UTC timestamp.
  const thenEnd = Prisma.sql`${`${addDays(then, 1).toISOString().slice(0, 19)}`}::timestamp`;
  const areaIds = scope.kind === "ADVISED" ? Prisma.sql`la."id" = ANY(${scope.areaIds}::text[])` : Prisma.sql`TRUE`;
  const knownIds = known.map(([id]) => id);
  const knownVersions = known.map(([, h]) => h.version);
  const ragCounts = Prisma.join(
    DELIVERY_RAGS.map((rag) => Prisma.sql`${rag}::text, (count(*) FILTER (WHERE dr."rag" = ${rag}))::int`),
    ", ",
  );
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
      WHERE ${areaIds}
    ),
    current_plan AS (
      SELECT DISTINCT ON (p."localAreaId") p."id", p."localAreaId", p."type", p."followUpInspectionId",
             p."updateCadenceDays", p."ragGreenThreshold", p."ragAmberThreshold", p."createdAt" < ${thenEnd} AS "existedThen"
      FROM "Plan" p JOIN area ON area."id" = p."localAreaId" AND area."stale"
      WHERE p."status" NOT IN ('CLOSED', 'SUPERSEDED')
      ORDER BY p."localAreaId", p."createdAt" DESC, p."id" DESC
    )
    SELECT a."id", a."version"::text AS "version", a."stale", a."name", a."slug", a."region"::text AS "region",
           cp."id" AS "planId", cp."type"::text AS "planType", cp."updateCadenceDays", cp."existedThen" AS "planExistedThen",
           (SELECT count(*)::int FROM "Finding" f WHERE f."planId" = cp."id") AS "findings",
           COALESCE(acts."total", 0) AS "actionsTotal", COALESCE(acts."red", 0) AS "actionsRed",
           COALESCE(acts."redThen", 0) AS "actionsRedThen", acts."byRag" AS "actionsByRag",
           COALESCE(acts."overdue", 0) AS "updatesOverdue", acts."lastUpdateAt",
           -- The forum's current view: a verdict a later one supersedes no longer counts.
           (SELECT count(*)::int FROM "ForumVerdict" v
             WHERE a."stale" AND v."localAreaId" = a."id" AND v."verdict" = 'DISAGREE'
               AND NOT EXISTS (SELECT 1 FROM "ForumVerdict" s WHERE s."supersedesId" = v."id")) AS "disagreements",
           i."kind"::text AS "followUpKind", COALESCE(i."startDate", i."expectedDate") AS "followUpDate",
           i."dateIsEstimate" AS "followUpIsEstimate",
           -- What MEASURE_RULE_FIELDS names, with the latest value since the baseline, now and as known then.
           (SELECT COALESCE(json_agg(json_build_object(
                     'direction', m."direction", 'baselineValue', m."baselineValue", 'baselineDate', m."baselineDate",
                     'targetValue', m."targetValue", 'targetDate', m."targetDate",
                     'milestones', COALESCE((SELECT json_agg(json_build_object('date', ms."date", 'targetValue', ms."targetValue"))
                                             FROM "MeasureMilestone" ms WHERE ms."measureId" = m."id"), '[]'::json),
                     'latestPeriodEnd', lv."periodEnd", 'latestValue', lv."value",
                     'existedThen', m."createdAt" < ${thenEnd}, 'thenPeriodEnd', tv."periodEnd", 'thenValue', tv."value")), '[]'::json)
            FROM "Measure" m
            LEFT JOIN LATERAL (
              SELECT v."periodEnd", v."value" FROM "MeasureValue" v
              WHERE v."measureId" = m."id" AND (m."baselineDate" IS NULL OR v."periodEnd" >= m."baselineDate")
              ORDER BY v."periodEnd" DESC LIMIT 1
            ) lv ON TRUE
            LEFT JOIN LATERAL (
              SELECT v."periodEnd", v."value" FROM "MeasureValue" v
              WHERE v."measureId" = m."id" AND (m."baselineDate" IS NULL OR v."periodEnd" >= m."baselineDate")
                AND v."periodEnd" <= ${thenDay} AND v."createdAt" < ${thenEnd}
              ORDER BY v."periodEnd" DESC LIMIT 1
            ) tv ON m."createdAt" < ${thenEnd}
            WHERE m."planId" = cp."id") AS "measures",
           jp."id" AS "judgedPlanId", jp."type"::text AS "judgedPlanType", jp."findings" AS "judgedFindings",
           -- The adviser's latest view: on the area as a whole, or on a finding of a plan that has not ended.
           (SELECT json_build_object('view', n."view", 'date', n."date", 'findingRef', nf."ref")
              FROM "AdviserNote" n
              LEFT JOIN "Finding" nf ON nf."id" = n."findingId"
              LEFT JOIN "Plan" np ON np."id" = nf."planId"
             WHERE n."localAreaId" = a."id" AND n."view" IS NOT NULL
               AND (n."findingId" IS NULL OR np."status" NOT IN ('CLOSED', 'SUPERSEDED'))
             ORDER BY n."date" DESC, n."createdAt" DESC, n."id" DESC
             LIMIT 1) AS "adviserView",
           (SELECT COALESCE(json_agg(json_build_object('id', u."id", 'name', COALESCE(NULLIF(btrim(u."name"), ''), 'An adviser without a name'))
                                     ORDER BY u."name", u."id"), '[]'::json)
              FROM "Membership" ms JOIN "User" u ON u."id" = ms."userId"
             WHERE ms."localAreaId" = a."id" AND ms."role" = 'ADVISER' AND u."disabledAt" IS NULL) AS "advisers"
    FROM area a
    LEFT JOIN current_plan cp ON cp."localAreaId" = a."id"
    LEFT JOIN "Inspection" i ON i."id" = cp."followUpInspectionId"
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS "total",
             (count(*) FILTER (WHERE ${isRedSql("ac", "cp", today)}))::int AS "red",
             (count(*) FILTER (WHERE ${isUpdateOverdueSql("ac", "cp", today)}))::int AS "overdue",
             -- Written with each update, in its transaction: the time of the action's latest update.
             max(ac."lastUpdateAt") AS "lastUpdateAt",
             json_build_object(${ragCounts}) AS "byRag",
             -- A month ago: the actions that existed then, as their check-ins had left them.
             (count(*) FILTER (WHERE ac."createdAt" < ${thenEnd} AND ${isRedSql("th", "cp", thenDay)}))::int AS "redThen"
      FROM "Finding" f JOIN "Action" ac ON ac."findingId" = f."id"
      CROSS JOIN LATERAL (SELECT ${deliveryRagSql("ac", "cp", today)} AS "rag") dr
      LEFT JOIN LATERAL (
        SELECT u."status", u."progress", u."ragOverride", u."ragOverrideReason" FROM "ActionUpdate" u
        WHERE u."actionId" = ac."id" AND u."createdAt" < ${thenEnd}
        ORDER BY u."createdAt" DESC, u."id" DESC LIMIT 1
      ) lu ON ac."createdAt" < ${thenEnd}
      CROSS JOIN LATERAL (
        SELECT ac."startDate", ac."dueDate", lu."status" IS NULL AND EXISTS (SELECT 1 FROM "ActionUpdate" x WHERE x."actionId" = ac."id") AS "before_first"
      ) fu
      CROSS JOIN LATERAL (
        SELECT fu."startDate", fu."dueDate",
               CASE WHEN lu."status" IS NOT NULL THEN lu."status" WHEN fu."before_first" THEN 'NOT_STARTED'::"ActionStatus" ELSE ac."status" END AS "status",
               CASE WHEN lu."status" IS NOT NULL THEN lu."progress" WHEN fu."before_first" THEN 0 ELSE ac."progress" END AS "progress",
               CASE WHEN lu."status" IS NOT NULL THEN lu."ragOverride" WHEN fu."before_first" THEN NULL ELSE ac."ragOverride" END AS "ragOverride",
               CASE WHEN lu."status" IS NOT NULL THEN lu."ragOverrideReason" WHEN fu."before_first" THEN NULL ELSE ac."ragOverrideReason" END AS "ragOverrideReason"
      ) th
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

/** The measure-status rule's input for a measure of the query, with the one value it judges. */
function ruleInput(m: MeasureJson, cadenceDays: number, value: { periodEnd: string | null; value: number | null }, on: Date): MeasureStatusInput {
  return {
    direction: m.direction,
    baselineValue: m.baselineValue,
    baselineDate: fromJsonDayOrNull(m.baselineDate),
    targetValue: m.targetValue,
    targetDate: fromJsonDayOrNull(m.targetDate),
    milestones: m.milestones.map((ms) => ({ date: fromJsonDay(ms.date), targetValue: ms.targetValue })),
    values: value.periodEnd && value.value !== null ? [{ periodEnd: fromJsonDay(value.periodEnd), value: value.value }] : [],
    cadenceDays,
    today: on,
  };
}

function planFigures(area: AreaRowSql, now: Date, then: Date): NationalRow["plan"] {
  if (!area.planId || !area.planType) return null;
  const cadence = area.updateCadenceDays!;
  const statuses = area.measures.map((m) => measureStatus(ruleInput(m, cadence, { periodEnd: m.latestPeriodEnd, value: m.latestValue }, now)));
  const offTrackThen = area.measures.filter(
    (m) => m.existedThen && measureStatus(ruleInput(m, cadence, { periodEnd: m.thenPeriodEnd, value: m.thenValue }, then)).status === "OFF_TRACK",
  ).length;
  const byRag = area.actionsByRag!;
  const rags = DELIVERY_RAGS.flatMap((rag) => Array.from({ length: byRag[rag] }, () => ({ rag })));
  return {
    type: area.planType,
    findings: area.findings,
    actions: { total: area.actionsTotal, red: area.actionsRed, updateOverdue: area.updatesOverdue },
    measures: { total: area.measures.length, offTrack: statuses.filter((m) => m.status === "OFF_TRACK").length },
    daysSinceUpdate: area.lastUpdateAt ? daysBetween(area.lastUpdateAt, now) : null,
    nextInspection: area.followUpKind
      ? { kind: area.followUpKind, date: area.followUpDate, isEstimate: area.followUpIsEstimate ?? false }
      : null,
    delivery: findingDelivery(rags).status,
    // Accepted impact evidence does not change the status: none is counted here.
    impact: findingImpact(statuses, 0).status,
    monthAgo: area.planExistedThen ? { red: area.actionsRedThen, offTrack: offTrackThen } : null,
  };
}

function adviserViewOf(area: AreaRowSql): AreaAdviserView | null {
  const v = area.adviserView;
  return v ? { view: v.view, date: fromJsonDay(v.date), findingRef: v.findingRef } : null;
}

const sameView = (a: AreaAdviserView | null, b: AreaAdviserView | null) =>
  a === b || (a !== null && b !== null && a.view === b.view && a.date.getTime() === b.date.getTime() && a.findingRef === b.findingRef);
const sameAdvisers = (a: Adviser[], b: Adviser[]) => a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.name === b[i]!.name);

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
  const then = monthBefore(now);
  const day = now.toISOString().slice(0, 10);
  // The rows held for today, as they are now: another request may replace one meanwhile.
  const known = [...held].filter(([, h]) => h.day === day);
  const heldNow = new Map(known);
  const areas = await areaRows(ctx, scope, known, now, then);
  const rows = areas.map((a): NationalRow => {
    const adviserView = adviserViewOf(a);
    if (!a.stale) {
      // Held at the version the database has: the same row again unless its adviser's view or advisers moved.
      const h = heldNow.get(a.id)!;
      if (sameView(h.row.adviserView, adviserView) && sameAdvisers(h.row.advisers, a.advisers)) return h.row;
      const row = { ...h.row, adviserView, advisers: a.advisers };
      held.set(a.id, { ...h, row });
      return row;
    }
    const row = {
      id: a.id,
      name: a.name,
      slug: a.slug,
      region: a.region,
      plan: planFigures(a, now, then),
      disagreements: a.disagreements,
      lastFollowUp: lastFollowUp(a, now),
      adviserView,
      advisers: a.advisers,
    };
    held.set(a.id, { version: a.version, day, row });
    return row;
  });
  // The filters' choices are every adviser of the areas in view, whatever is filtered.
  const advisers = advisersOf(rows);
  // The plan-type filter is on the current plan: areas with another type of plan, or none, are left out.
  const inView = rows.filter(
    (r) =>
      (!input.region || r.region === input.region) &&
      (!input.planType || r.plan?.type === input.planType) &&
      (!input.followUp || matchesFollowUpFilter(r, input.followUp)) &&
      (!input.adviser || r.advisers.some((x) => x.id === input.adviser)) &&
      (!input.adviserView || matchesAdviserViewFilter(r, input.adviserView)),
  );
  return { scope: scope.kind, monthAgo: then, advisers, rows: sortNationalRows(inView, input.sort, input.dir) };
}
