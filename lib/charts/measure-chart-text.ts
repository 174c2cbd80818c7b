/**
 * The words that go with a measure chart: its one-paragraph summary (the chart's accessible
 * description, and the sentence a document prints under it) and the names of its points. Kept
 * apart from the drawing so the web page, the SVG string and the data table all say the same.
 */
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { formatExpectedValue, formatMeasureValue } from "@/lib/format/measure-value";
import { trajectoryAt } from "@/lib/trajectory";

/** Nothing dated to draw: no values and no trajectory. */
export function isEmptyChart(chart: MeasureChartData): boolean {
  return chart.values.length === 0 && chart.trajectory.length === 0 && !chart.baseline && !chart.target;
}

export const EMPTY_CHART_TEXT = "Nothing to chart yet: this measure has no values and no baseline, milestones or target.";

/** The trajectory's value on a day, or null before its first point. */
export function expectedOn(chart: MeasureChartData, day: string): number | null {
  if (chart.trajectory.length === 0) return null;
  const value = trajectoryAt(
    chart.trajectory.map((p) => ({ date: new Date(p.date), value: p.value, kind: p.kind })),
    new Date(day),
  );
  return value === null ? null : Math.round(value * 100) / 100;
}

/**
 * "Latest 31% (provisional) for March 2026, expected 42% by then. Target 60% by 30 September 2026.
 * Baseline 4% in March 2025. Benchmark 50.3% (England average 2023)." and, where the measure was
 * carried into a new plan, when that plan started.
 */
export function chartSummary(chart: MeasureChartData): string {
  const v = (n: number) => formatMeasureValue(n, chart.unit);
  const parts: string[] = [];
  const latest = chart.values.at(-1);
  if (latest) {
    const expected = expectedOn(chart, latest.date);
    parts.push(
      `Latest ${v(latest.value)}${latest.status === "PROVISIONAL" ? " (provisional)" : ""} for ${formatMonth(latest.date)}` +
        // Worked out from the trajectory, so rounded as people write it: "expected 42.5% by then".
        (expected === null ? "." : `, expected ${formatExpectedValue(expected, chart.unit, latest.value)} by then.`),
    );
  } else {
    parts.push("No values yet.");
  }
  if (chart.target) parts.push(`Target ${v(chart.target.value)} by ${formatDate(chart.target.date)}.`);
  if (chart.baseline) parts.push(`Baseline ${v(chart.baseline.value)} in ${formatMonth(chart.baseline.date)}.`);
  if (chart.benchmark) parts.push(`Benchmark ${v(chart.benchmark.value)}${chart.benchmark.label ? ` (${chart.benchmark.label})` : ""}.`);
  if (chart.planChange) parts.push(`${planChangeText(chart.planChange)}.`);
  return parts.join(" ");
}

/** "Accelerated progress plan starts 3 March 2027: earlier values were recorded under the plan before it" */
export function planChangeText(change: NonNullable<MeasureChartData["planChange"]>): string {
  return `${change.label} ${formatDate(change.date)}: earlier values were recorded under the plan before it`;
}

const POINT = { BASELINE: "Baseline", MILESTONE: "Milestone", TARGET: "Target" } as const;

/** "Baseline", "Milestone 1", "Milestone 2", "Target", in trajectory order. */
export function trajectoryPointNames(chart: MeasureChartData): string[] {
  let milestone = 0;
  return chart.trajectory.map((p) => (p.kind === "MILESTONE" ? `Milestone ${++milestone}` : POINT[p.kind]));
}
