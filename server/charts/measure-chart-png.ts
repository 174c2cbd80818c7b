/**
 * A measure chart as a PNG, for the board pack's PDF and Word documents. Rendered with resvg from
 * the chart's SVG, with DejaVu Sans loaded from the dejavu-fonts-ttf package and system fonts
 * ignored, so the picture is the same on every machine.
 */
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { CHART_FONT_FAMILY, measureChartSvg, type ChartSize } from "@/server/charts/measure-chart-svg";
import { CHART_SIZE } from "@/components/charts/measure-chart-svg";
import type { MeasureChartData } from "@/server/domain/measure-chart";

const require = createRequire(import.meta.url);
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

/** `scale` draws at a multiple of the size (2 for crisp print) without changing the layout. */
export function measureChartPng(chart: MeasureChartData, size: ChartSize = CHART_SIZE, scale = 1): Buffer {
  const resvg = new Resvg(measureChartSvg(chart, size), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    fitTo: { mode: "width", value: Math.round(size.width * scale) },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
