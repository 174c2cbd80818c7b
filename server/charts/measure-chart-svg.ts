/**
 * A measure chart as a standalone SVG document, for board packs and snapshots: the same drawing
 * the finding page shows (lib/charts/measure-chart-svg.tsx), in the font the PNG renderer
 * embeds.
 */
import { createElement } from "react";
import { CHART_SIZE, MeasureChartSvg } from "@/lib/charts/measure-chart-svg";
import { svgMarkup } from "@/server/charts/svg-markup";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";

export const CHART_FONT_FAMILY = "DejaVu Sans";

export type ChartSize = { width: number; height: number };

export function measureChartSvg(chart: MeasureChartData, size: ChartSize = CHART_SIZE): string {
  const id = `chart-${chart.ref.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return svgMarkup(
    createElement(MeasureChartSvg, {
      chart,
      width: size.width,
      height: size.height,
      ids: { title: `${id}-title`, desc: `${id}-desc` },
      fontFamily: CHART_FONT_FAMILY,
    }),
  );
}
