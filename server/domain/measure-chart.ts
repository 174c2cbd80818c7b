/**
 * What a measure's chart shows, as plain data: the values against the trajectory, with baseline,
 * benchmark and target. One shape for every place a measure is charted (the finding page, the
 * public page, snapshots and board packs), so they all draw the same thing. Days are
 * "yyyy-mm-dd" strings so the shape survives JSON (snapshots are stored as JSON).
 */
import type { MeasureDirection, MeasureUnit, MeasureValueStatus } from "@/server/generated/prisma/enums";
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
export function measureChartData(m: ChartRow, trajectory: ReadonlyArray<TrajectoryPoint>): MeasureChartData {
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
  };
}
