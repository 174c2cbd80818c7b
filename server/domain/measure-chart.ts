/**
 * A measure's chart data (lib/charts/measure-chart-data.ts) from its row: the columns to select,
 * the data built from them, and the trajectories that approved changes replaced.
 */
import type { ComparisonSeries, MeasureDirection, MeasureUnit, MeasureValueStatus, PlanType } from "@/server/generated/prisma/enums";
import type { ChartPoint, ComparisonLine, MeasureChartData } from "@/lib/charts/measure-chart-data";
import { formatDate } from "@/lib/format/dates";
import type { TrajectoryPoint } from "@/lib/trajectory";
import { normaliseValue, type MilestoneValue } from "@/server/domain/change-control";
import { fromDay } from "@/lib/calendar";
import { PLAN_TYPE } from "@/lib/labels";
import { MEASURE_RULE_FIELDS } from "@/server/domain/measure-status";

/**
 * The published measure it is linked to and the comparison lines worked out for it
 * (server/services/statistics/comparisons.ts): read with the measure, in the same statement.
 */
export const MEASURE_COMPARISON_FIELDS = {
  catalogueMeasure: { select: { name: true, sourceName: true, sourceUrl: true } },
  comparisonPoints: {
    select: { series: true, label: true, periodEnd: true, periodLabel: true, value: true, count: true },
    orderBy: { periodEnd: "asc" },
  },
} as const;

/** Spread into a measure's `select` to build its chart. */
export const MEASURE_CHART_FIELDS = {
  ref: true,
  name: true,
  unit: true,
  ...MEASURE_RULE_FIELDS,
  benchmarkValue: true,
  benchmarkLabel: true,
  benchmarkDate: true,
  values: { select: { periodEnd: true, value: true, status: true }, orderBy: { periodEnd: "asc" } },
  // The plan it belongs to: where a plan carried it forward, the chart marks the change.
  plan: { select: { type: true, createdAt: true, predecessorId: true } },
  ...MEASURE_COMPARISON_FIELDS,
} as const;

type ChartRow = {
  ref: string;
  name: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  baselineValue: number | null;
  baselineDate: Date | null;
  targetValue: number | null;
  targetDate: Date | null;
  benchmarkValue: number | null;
  benchmarkLabel: string | null;
  benchmarkDate: Date | null;
  values: ReadonlyArray<{ periodEnd: Date; value: number; status: MeasureValueStatus }>;
  /** Without it (a row read without the plan), no plan change is marked. */
  plan?: { type: PlanType; createdAt: Date; predecessorId: string | null };
  /** Without them (a row read without MEASURE_COMPARISON_FIELDS), no comparison is drawn. */
  catalogueMeasure?: { name: string; sourceName: string; sourceUrl: string } | null;
  comparisonPoints?: ReadonlyArray<{
    series: ComparisonSeries;
    label: string;
    periodEnd: Date;
    periodLabel: string;
    value: number;
    count: number | null;
  }>;
};

/** How far before the area's own first figure published figures are still drawn. */
const COMPARISON_YEARS_BEFORE = 3;
/** A measure with no figures of its own yet shows this many of the latest published periods. */
const COMPARISON_PERIODS_ALONE = 5;

const SERIES_ORDER: Record<ComparisonSeries, number> = { ENGLAND: 0, REGION: 1, NEIGHBOURS: 2 };

/**
 * The comparison lines to draw: the published periods from three years before the area's own
 * first date (baseline, value or target) on, so a series going back a decade does not squeeze
 * the plan's own months into a corner; a line with nothing that recent keeps its latest point.
 */
export function comparisonsOf(m: Pick<ChartRow, "catalogueMeasure" | "comparisonPoints" | "values" | "baselineDate" | "targetDate">): MeasureChartData["comparisons"] {
  if (!m.catalogueMeasure || !m.comparisonPoints?.length) return undefined;
  const own = [...m.values.map((v) => v.periodEnd), m.baselineDate, m.targetDate].filter((d): d is Date => d !== null).map(fromDay).sort();
  const from = own[0] ? `${Number(own[0].slice(0, 4)) - COMPARISON_YEARS_BEFORE}${own[0].slice(4)}` : null;
  const lines = new Map<ComparisonSeries, ComparisonLine>();
  for (const p of [...m.comparisonPoints].sort((a, b) => SERIES_ORDER[a.series] - SERIES_ORDER[b.series] || a.periodEnd.getTime() - b.periodEnd.getTime())) {
    const line = lines.get(p.series) ?? { series: p.series, label: p.label, points: [] };
    line.points.push({ date: fromDay(p.periodEnd), value: p.value, period: p.periodLabel, ...(p.count === null ? {} : { count: p.count }) });
    lines.set(p.series, line);
  }
  const kept = [...lines.values()].map((line) => {
    if (from === null) return { ...line, points: line.points.slice(-COMPARISON_PERIODS_ALONE) };
    const recent = line.points.filter((p) => p.date >= from);
    return { ...line, points: recent.length ? recent : line.points.slice(-1) };
  });
  return { measure: m.catalogueMeasure.name, source: { name: m.catalogueMeasure.sourceName, url: m.catalogueMeasure.sourceUrl }, lines: kept };
}

/**
 * The day the measure's plan started, when that plan continues an earlier one (an APP carrying a
 * WSOA's measures forward) and some value is for a period before it: the values either side of it
 * were recorded under different plans.
 */
export function planChangeOf(m: Pick<ChartRow, "plan" | "values">): MeasureChartData["planChange"] {
  if (!m.plan?.predecessorId) return undefined;
  const starts = fromDay(m.plan.createdAt);
  if (!m.values.some((v) => fromDay(v.periodEnd) < starts)) return undefined;
  return { date: starts, label: `${PLAN_TYPE[m.plan.type]} starts` };
}

/**
 * `trajectory` comes from measureStatus (its sorted baseline, milestones and target), so the chart
 * draws exactly the line the status was judged against.
 */
export function measureChartData(
  m: ChartRow,
  trajectory: ReadonlyArray<TrajectoryPoint>,
  superseded?: MeasureChartData["superseded"],
): MeasureChartData {
  const planChange = planChangeOf(m);
  const comparisons = comparisonsOf(m);
  const point = (value: number | null, date: Date | null): ChartPoint | null =>
    value === null || date === null ? null : { date: fromDay(date), value };
  return {
    ref: m.ref,
    name: m.name,
    unit: m.unit,
    direction: m.direction,
    baseline: point(m.baselineValue, m.baselineDate),
    target: point(m.targetValue, m.targetDate),
    benchmark:
      m.benchmarkValue === null ? null : { value: m.benchmarkValue, label: m.benchmarkLabel, date: m.benchmarkDate ? fromDay(m.benchmarkDate) : null },
    trajectory: trajectory.map((p) => ({ date: fromDay(p.date), value: p.value, kind: p.kind })),
    values: [...m.values]
      .sort((a, b) => a.periodEnd.getTime() - b.periodEnd.getTime())
      .map((v) => ({ date: fromDay(v.periodEnd), value: v.value, status: v.status })),
    ...(superseded?.length ? { superseded } : {}),
    ...(planChange ? { planChange } : {}),
    ...(comparisons ? { comparisons } : {}),
  };
}

/** A trajectory's parts as change requests store them: days as "yyyy-mm-dd". */
export type TrajectoryState = {
  baseline: ChartPoint | null;
  targetValue: number | null;
  targetDate: string | null;
  milestones: ReadonlyArray<MilestoneValue>;
};

/** An approved change to a measure's target or milestones: the value it replaced, and when. */
export type ApprovedTrajectoryChange = {
  field: "measure.targetValue" | "measure.targetDate" | "measure.milestones";
  oldValue: unknown;
  decidedAt: Date;
};

function pointsOf(state: TrajectoryState): ChartPoint[] {
  const points: ChartPoint[] = [];
  if (state.baseline) points.push(state.baseline);
  points.push(...state.milestones.map((m) => ({ date: m.date, value: m.targetValue })));
  if (state.targetValue !== null && state.targetDate) points.push({ date: state.targetDate, value: state.targetValue });
  return points.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The trajectories that approved changes replaced, oldest first, worked backwards from today's:
 * undoing the newest day's approvals gives the trajectory before that day, and so on. Approvals
 * of one day make one superseded line ("Trajectory before 12 March 2026"). The baseline is
 * today's: it is not under change control.
 */
export function supersededTrajectories(
  current: TrajectoryState,
  approvals: ReadonlyArray<ApprovedTrajectoryChange>,
): NonNullable<MeasureChartData["superseded"]> {
  const byDay = new Map<string, ApprovedTrajectoryChange[]>();
  for (const a of [...approvals].sort((x, y) => x.decidedAt.getTime() - y.decidedAt.getTime())) {
    const key = fromDay(a.decidedAt);
    byDay.set(key, [...(byDay.get(key) ?? []), a]);
  }
  let state: TrajectoryState = { ...current, milestones: [...current.milestones] };
  const lines: NonNullable<MeasureChartData["superseded"]> = [];
  for (const [dayKey, changes] of [...byDay.entries()].reverse()) {
    for (const change of [...changes].reverse()) {
      const old = normaliseValue(change.field, change.oldValue);
      if (change.field === "measure.milestones") state = { ...state, milestones: old as MilestoneValue[] };
      else if (change.field === "measure.targetValue") state = { ...state, targetValue: old as number | null };
      else state = { ...state, targetDate: old as string | null };
    }
    const points = pointsOf(state);
    if (points.length > 1) lines.unshift({ label: `Trajectory before ${formatDate(dayKey)}`, points });
  }
  return lines;
}
