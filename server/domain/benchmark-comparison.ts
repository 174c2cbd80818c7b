/**
 * The lines a linked measure's chart draws beside the area's own values, from the published
 * figures of its catalogue measure: England's, its region's, and the average of its statistical
 * neighbours' (the DfE's ten authorities most like it) for each period they published a figure.
 *
 * The neighbours' average is of the neighbours with a figure for the period (a figure withheld
 * to protect confidentiality is left out rather than counted as nothing), and says how many that
 * was, so a reader can see when it rests on fewer than ten.
 *
 * Pure: the service that stores the lines (server/services/statistics/comparisons.ts) and its
 * tests share it.
 */
import type { ComparisonSeries, GeographicLevel, Region } from "@/server/generated/prisma/enums";
import { REGION } from "@/lib/labels";

/** One published figure, as the rule reads it. */
export type PublishedFigure = {
  geographicLevel: GeographicLevel;
  areaCode: string;
  region: Region | null;
  periodEnd: string;
  periodLabel: string;
  value: number;
};

export type ComparisonPoint = { periodEnd: string; periodLabel: string; value: number; count: number | null };
export type ComparisonLine = { series: ComparisonSeries; label: string; points: ComparisonPoint[] };

export const NEIGHBOURS_LABEL = "Statistical neighbours (average)";

/** An average as stored: to four decimal places, more than any publication gives. */
const rounded = (n: number) => Math.round(n * 10_000) / 10_000;

const byPeriod = (a: ComparisonPoint, b: ComparisonPoint) => a.periodEnd.localeCompare(b.periodEnd);

/**
 * England, the region and the neighbours' average for an area (its LA code, region and
 * neighbours' LA codes), each in period order; a line with no point is left out.
 */
export function comparisonLines(
  figures: ReadonlyArray<PublishedFigure>,
  area: { region: Region; neighbours: ReadonlyArray<string> },
): ComparisonLine[] {
  const england: ComparisonPoint[] = [];
  const region: ComparisonPoint[] = [];
  const neighbours = new Set(area.neighbours);
  const sums = new Map<string, { label: string; total: number; count: number }>();
  for (const f of figures) {
    const point = { periodEnd: f.periodEnd, periodLabel: f.periodLabel, value: f.value, count: null };
    if (f.geographicLevel === "NATIONAL") england.push(point);
    else if (f.geographicLevel === "REGIONAL" && f.region === area.region) region.push(point);
    else if (f.geographicLevel === "LOCAL_AUTHORITY" && neighbours.has(f.areaCode)) {
      const sum = sums.get(f.periodEnd) ?? { label: f.periodLabel, total: 0, count: 0 };
      sum.total += f.value;
      sum.count += 1;
      sums.set(f.periodEnd, sum);
    }
  }
  const average = [...sums.entries()].map(([periodEnd, s]) => ({ periodEnd, periodLabel: s.label, value: rounded(s.total / s.count), count: s.count }));
  const lines: ComparisonLine[] = [
    { series: "ENGLAND", label: "England", points: england.sort(byPeriod) },
    { series: "REGION", label: REGION[area.region], points: region.sort(byPeriod) },
    { series: "NEIGHBOURS", label: NEIGHBOURS_LABEL, points: average.sort(byPeriod) },
  ];
  return lines.filter((l) => l.points.length > 0);
}
