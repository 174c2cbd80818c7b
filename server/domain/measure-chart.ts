/**
 * What a measure's chart shows, as plain data: the values against the trajectory, with baseline,
 * benchmark and target. One shape for every place a measure is charted (the finding page, the
 * public page, snapshots and board packs), so they all draw the same thing. Days are
 * "yyyy-mm-dd" strings so the shape survives JSON (snapshots are stored as JSON).
 */
import type { MeasureDirection, MeasureUnit, MeasureValueStatus } from "@/server/generated/prisma/enums";
import { normaliseValue, type MilestoneValue } from "@/server/domain/change-control";
import { fromDay } from "@/server/schemas/common";
import { MEASURE_RULE_FIELDS, type TrajectoryPoint } from "@/server/domain/measure-status";

export type ChartPoint = { date: string; value: number };

export type MeasureChartData = {
  ref: string;
  name: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  baseline: ChartPoint | null;
  target: ChartPoint | null;
  benchmark: { value: number; label: string | null; date: string | null } | null;
  /** Baseline, milestones and target in date order, joined by straight lines. */
  trajectory: Array<ChartPoint & { kind: TrajectoryPoint["kind"] }>;
  /** In period order. */
  values: Array<ChartPoint & { status: MeasureValueStatus }>;
  /**
   * Trajectories replaced through approved change requests, oldest first: each as it was before
   * the approvals of one day, so the chart can still show what the plan first promised.
   */
  superseded?: Array<{ label: string; points: ChartPoint[] }>;
};

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
};

/**
 * `trajectory` comes from measureStatus (its sorted baseline, milestones and target), so the chart
 * draws exactly the line the status was judged against.
 */
export function measureChartData(
  m: ChartRow,
  trajectory: ReadonlyArray<TrajectoryPoint>,
  superseded?: MeasureChartData["superseded"],
): MeasureChartData {
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

const longDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

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
    if (points.length > 1) lines.unshift({ label: `Trajectory before ${longDay.format(new Date(`${dayKey}T00:00:00Z`))}`, points });
  }
  return lines;
}
