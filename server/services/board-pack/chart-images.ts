/**
 * The PNG of every chart an outline references, drawn once per distinct chart: a measure that
 * evidences several findings is charted under each of them.
 */
import { CHART_SIZE } from "@/lib/charts/measure-chart-svg";
import { measureChartPng } from "@/server/charts/measure-chart-png";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import type { BoardPackOutline } from "@/server/services/board-pack/outline";

/** Width over height, for placing the image at the page's width. */
export const CHART_ASPECT = CHART_SIZE.width / CHART_SIZE.height;

/** Twice the chart's size on screen, so it stays sharp in print. */
const PRINT_SCALE = 2;

export function chartImages(outline: BoardPackOutline): Map<MeasureChartData, Buffer> {
  const byContent = new Map<string, Buffer>();
  const images = new Map<MeasureChartData, Buffer>();
  for (const block of outline.parts.flatMap((p) => p.blocks)) {
    if (block.kind !== "chart") continue;
    const key = JSON.stringify(block.chart);
    let png = byContent.get(key);
    if (!png) {
      png = measureChartPng(block.chart, CHART_SIZE, PRINT_SCALE);
      byContent.set(key, png);
    }
    images.set(block.chart, png);
  }
  return images;
}
