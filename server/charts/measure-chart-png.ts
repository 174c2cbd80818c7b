/**
 * A measure chart as a PNG, for the board pack's PDF and Word documents. Rendered with resvg from
 * the chart's SVG, with DejaVu Sans loaded from the dejavu-fonts-ttf package and system fonts
 * ignored, so the picture is the same on every machine.
 */
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { CHART_FONT_FAMILY, measureChartSvg, type ChartSize } from "@/server/charts/measure-chart-svg";
import { CHART_SIZE } from "@/lib/charts/measure-chart-svg";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";

// A plain path from the project root, as Next.js advises for files read at run time: resolved as
// modules, the bundler would try to load the font files as code.
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => path.join(FONT_DIR, file));

function render(chart: MeasureChartData, size: ChartSize, scale: number) {
  const resvg = new Resvg(measureChartSvg(chart, size), {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    fitTo: { mode: "width", value: Math.round(size.width * scale) },
    background: "#ffffff",
  });
  return resvg.render();
}

/** `scale` draws at a multiple of the size (2 for crisp print) without changing the layout. */
export function measureChartPng(chart: MeasureChartData, size: ChartSize = CHART_SIZE, scale = 1): Buffer {
  return render(chart, size, scale).asPng();
}

/** The same picture as raw RGBA pixels, row by row, for a document that encodes it itself. */
export function measureChartPixels(chart: MeasureChartData, size: ChartSize = CHART_SIZE, scale = 1): { width: number; height: number; rgba: Buffer } {
  const image = render(chart, size, scale);
  return { width: image.width, height: image.height, rgba: image.pixels };
}
