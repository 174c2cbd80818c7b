/**
 * What a measure's chart shows, as plain data: the values against the trajectory, with baseline,
 * benchmark and target. One shape for every place a measure is charted (the finding page, the
 * public page, snapshots and board packs), so they all draw the same thing; the rules build it
 * (server/domain/measure-chart.ts). Days are "yyyy-mm-dd" strings so the shape survives JSON
 * (snapshots are stored as JSON).
 */
import type { ComparisonSeries, MeasureDirection, MeasureUnit, MeasureValueStatus } from "@/server/generated/prisma/enums";
import type { TrajectoryKind } from "@/lib/trajectory";

export type ChartPoint = { date: string; value: number };

/**
 * A published figure drawn beside the area's own values: `date` is the last day of the period
 * `period` names ("2023", "2022/23"); `count`, for the statistical neighbours' average, how many
 * of them had a figure.
 */
export type ComparisonPoint = ChartPoint & { period: string; count?: number };

/** England's, the region's or the statistical neighbours' figures, as one line. */
export type ComparisonLine = { series: ComparisonSeries; label: string; points: ComparisonPoint[] };

export type MeasureChartData = {
  ref: string;
  name: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  baseline: ChartPoint | null;
  target: ChartPoint | null;
  benchmark: { value: number; label: string | null; date: string | null } | null;
  /** Baseline, milestones and target in date order, joined by straight lines. */
  trajectory: Array<ChartPoint & { kind: TrajectoryKind }>;
  /** In period order. */
  values: Array<ChartPoint & { status: MeasureValueStatus }>;
  /**
   * Trajectories replaced through approved change requests, oldest first: each as it was before
   * the approvals of one day, so the chart can still show what the plan first promised.
   */
  superseded?: Array<{ label: string; points: ChartPoint[] }>;
  /**
   * The day the plan the measure now belongs to started, when it carried the measure forward from
   * the plan before it and values were recorded before then ("Accelerated progress plan starts"):
   * drawn as an upright line, so a reader sees which values came under which plan.
   */
  planChange?: { date: string; label: string };
  /**
   * For a measure its lead linked to a published measure (the catalogue): England's, the region's
   * and the statistical neighbours' figures, each a line in period order, and where they come
   * from. Only the periods near the area's own figures are kept, so the chart stays readable.
   */
  comparisons?: { measure: string; source: { name: string; url: string }; lines: ComparisonLine[] };
};
