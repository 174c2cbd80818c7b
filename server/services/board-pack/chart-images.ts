/**
 * The PNG of every chart an outline references, drawn once per distinct chart. Charts in a pack
 * are small (two side by side), so they are drawn on a smaller canvas than the web page's: the
 * same text size then stays readable when the picture is scaled down to half the page's width.
 * Drawn on white, they are encoded without an alpha channel (opaque-png.ts).
 */
import { measureChartPixels } from "@/server/charts/measure-chart-png";
import { opaquePng } from "@/server/services/board-pack/opaque-png";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import { allParts, type BoardPackOutline } from "@/server/services/board-pack/outline";

const PACK_CHART_SIZE = { width: 480, height: 290 };

/** Width over height, for placing the image at a given width. */
export const CHART_ASPECT = PACK_CHART_SIZE.width / PACK_CHART_SIZE.height;

/** Three times the chart's size on screen, so it stays sharp in print. */
const PRINT_SCALE = 3;

export function chartImages(outline: BoardPackOutline): Map<MeasureChartData, Buffer> {
  const byContent = new Map<string, Buffer>();
  const images = new Map<MeasureChartData, Buffer>();
  for (const block of allParts(outline).flatMap((p) => p.blocks)) {
    if (block.kind !== "chart") continue;
    const key = JSON.stringify(block.chart);
    let png = byContent.get(key);
    if (!png) {
      png = opaquePng(measureChartPixels(block.chart, PACK_CHART_SIZE, PRINT_SCALE));
      byContent.set(key, png);
    }
    images.set(block.chart, png);
  }
  return images;
}
