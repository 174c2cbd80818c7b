/**
 * A measure's sparkline: its values (a solid line, the latest a dot) against its trajectory over
 * the same months (a dashed line) in a box the size of a table cell, with no axes: where a full
 * chart is not needed, the trend at a glance beside the figures it comes from. One geometry for
 * both documents: the PDF draws it as vector lines, the Word file as a small PNG of the same
 * drawing. Its words (sparklineText) are its alternative text.
 */
import { Resvg } from "@resvg/resvg-js";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import { formatDate, formatMonth } from "@/lib/format/dates";
import { formatMeasureValue } from "@/lib/format/measure-value";
import { pluralise } from "@/lib/format/plurals";

export type Point = { x: number; y: number };

export type SparklineGeometry = {
  width: number;
  height: number;
  values: Point[];
  trajectory: Point[];
};

export const SPARKLINE_COLOURS = { values: "#1d70b8", trajectory: "#505a5f" } as const;
/** Dash and gap of the trajectory, in points: unlike the values' solid line without its colour. */
export const SPARKLINE_DASH = [2.5, 1.5] as const;

const time = (day: string) => new Date(day).getTime();

type Dated = { date: string; value: number };

/** Where the trajectory stands at `t` (ms), between its points; null outside them. */
function trajectoryAt(points: Dated[], t: number): number | null {
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const [ta, tb] = [time(a.date), time(b.date)];
    if (t >= ta && t <= tb) return tb === ta ? b.value : a.value + ((b.value - a.value) * (t - ta)) / (tb - ta);
  }
  return null;
}

/**
 * The trajectory over the months the values cover (cut where they start and end), so the two
 * lines are read against each other; with fewer than two values, the whole trajectory.
 */
function trajectoryInView(chart: MeasureChartData): Dated[] {
  if (chart.values.length < 2 || chart.trajectory.length < 2) return chart.trajectory;
  const [t0, t1] = [time(chart.values[0]!.date), time(chart.values.at(-1)!.date)];
  const inside = chart.trajectory.filter((p) => time(p.date) > t0 && time(p.date) < t1);
  const at = (t: number, date: string) => {
    const value = trajectoryAt(chart.trajectory, t);
    return value === null ? [] : [{ date, value }];
  };
  return [...at(t0, chart.values[0]!.date), ...inside, ...at(t1, chart.values.at(-1)!.date)];
}

/** The sparkline's lines in a `width` by `height` box (y down), inset so the dots and strokes stay inside. */
export function sparklineGeometry(chart: MeasureChartData, width: number, height: number): SparklineGeometry {
  const trajectory = trajectoryInView(chart);
  const points = [...chart.values, ...trajectory];
  const inset = 2;
  if (points.length === 0) return { width, height, values: [], trajectory: [] };
  const times = points.map((p) => time(p.date));
  const figures = points.map((p) => p.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(...figures), Math.max(...figures)];
  // One point, or a flat line, sits in the middle rather than dividing by nothing.
  const x = (day: string) => (t1 === t0 ? width / 2 : inset + ((time(day) - t0) / (t1 - t0)) * (width - 2 * inset));
  const y = (value: number) => (v1 === v0 ? height / 2 : height - inset - ((value - v0) / (v1 - v0)) * (height - 2 * inset));
  const place = (p: { date: string; value: number }) => ({ x: x(p.date), y: y(p.value) });
  return { width, height, values: chart.values.map(place), trajectory: trajectory.map(place) };
}

/**
 * "Trend of M1: 12 values from 23% (December 2025) to 52% (November 2026), rising, the better way.
 * Dashed: the trajectory over the same months, on its way to 75% by 31 March 2027."
 */
export function sparklineText(chart: MeasureChartData): string {
  const v = (n: number) => formatMeasureValue(n, chart.unit);
  const { values } = chart;
  const first = values[0];
  const last = values.at(-1);
  let trend: string;
  if (!first || !last) trend = "no values yet.";
  else if (values.length === 1) trend = `one value, ${v(last.value)} (${formatMonth(last.date)}).`;
  else {
    const better = chart.direction === "HIGHER_IS_BETTER" ? last.value > first.value : last.value < first.value;
    const way = last.value === first.value ? "level" : `${last.value > first.value ? "rising" : "falling"}, the ${better ? "better" : "worse"} way`;
    trend = `${pluralise(values.length, "value")} from ${v(first.value)} (${formatMonth(first.date)}) to ${v(last.value)} (${formatMonth(last.date)}), ${way}.`;
  }
  const end = chart.trajectory.at(-1);
  const trajectory = end ? ` Dashed: the trajectory over the same months, on its way to ${v(end.value)} by ${formatDate(end.date)}.` : " No trajectory.";
  return `Trend of ${chart.ref}: ${trend}${trajectory}`;
}

const path = (points: Point[]) => points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(2)} ${p.y.toFixed(2)}`).join(" ");

/** The sparkline as an SVG document, for the Word file's picture. */
export function sparklineSvg(g: SparklineGeometry): string {
  const last = g.values.at(-1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}">`,
    g.trajectory.length > 1
      ? `<path d="${path(g.trajectory)}" fill="none" stroke="${SPARKLINE_COLOURS.trajectory}" stroke-width="0.8" stroke-dasharray="${SPARKLINE_DASH.join(" ")}"/>`
      : "",
    g.values.length > 1 ? `<path d="${path(g.values)}" fill="none" stroke="${SPARKLINE_COLOURS.values}" stroke-width="1.2" stroke-linejoin="round"/>` : "",
    last ? `<circle cx="${last.x.toFixed(2)}" cy="${last.y.toFixed(2)}" r="1.6" fill="${SPARKLINE_COLOURS.values}"/>` : "",
    "</svg>",
  ].join("");
}

/** The sparkline as a PNG at `scale` times its size in points, sharp in print. */
export function sparklinePng(g: SparklineGeometry, scale = 4): Buffer {
  const resvg = new Resvg(sparklineSvg(g), { fitTo: { mode: "width", value: Math.round(g.width * scale) }, background: "#ffffff", font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}
