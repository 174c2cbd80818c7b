/**
 * The words that go with a measure chart: its one-paragraph summary (the chart's accessible
 * description, and the sentence a document prints under it) and the names of its points. Kept
 * apart from the drawing so the web page, the SVG string and the data table all say the same.
 */
import type { ComparisonLine, MeasureChartData } from "@/lib/charts/measure-chart-data";
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
  const published = comparisonText(chart);
  if (published) parts.push(published);
  return parts.join(" ");
}

/**
 * A published figure as people read it: England's and the region's as published; the
 * neighbours' average, worked out here, rounded as people write a worked-out figure ("46.4%").
 */
export function comparisonFigure(line: Pick<ComparisonLine, "series">, value: number, unit: MeasureChartData["unit"]): string {
  return line.series === "NEIGHBOURS" ? formatExpectedValue(value, unit) : formatMeasureValue(value, unit);
}

/** "England 49.2% in 2023"; the neighbours' average says how many it is of. */
function latestOf(line: ComparisonLine, unit: MeasureChartData["unit"]): string {
  const latest = line.points.at(-1)!;
  const of = line.series === "NEIGHBOURS" && latest.count !== undefined ? ` (${neighboursCount(latest.count)})` : "";
  return `${line.label} ${comparisonFigure(line, latest.value, unit)}${of} in ${latest.period}`;
}

/** "8 of 10 neighbours" */
export const neighboursCount = (count: number) => `${count} of 10 neighbours`;

/**
 * "Published figures from Education, health and care plans: England 50.3% in 2023, North West 48%
 * in 2023, Statistical neighbours (average) 47.3% (10 of 10 neighbours) in 2023." Null when the
 * measure is not linked or nothing is published.
 */
export function comparisonText(chart: MeasureChartData): string | null {
  const lines = chart.comparisons?.lines.filter((l) => l.points.length > 0) ?? [];
  if (lines.length === 0) return null;
  return `Published figures from ${chart.comparisons!.source.name}: ${lines.map((l) => latestOf(l, chart.unit)).join(", ")}.`;
}

/**
 * Every published figure the chart draws, as rows of [day, what, figure]: "England, 2023",
 * "Statistical neighbours (average), 2023 (9 of 10 neighbours)". For a document's table of the
 * chart's figures, beside its own values.
 */
export function comparisonRows(chart: MeasureChartData): Array<[date: string, name: string, figure: string]> {
  return (chart.comparisons?.lines ?? []).flatMap((line) =>
    line.points.map((p): [string, string, string] => [
      p.date,
      `${line.label}, ${p.period}${p.count !== undefined ? ` (${neighboursCount(p.count)})` : ""}`,
      comparisonFigure(line, p.value, chart.unit),
    ]),
  );
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
