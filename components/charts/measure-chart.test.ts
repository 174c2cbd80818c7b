import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { chartSummary, isEmptyChart } from "@/lib/charts/measure-chart-text";
import { MeasureChart } from "@/components/charts/measure-chart";
import { MeasureChartSvg } from "@/lib/charts/measure-chart-svg";
import { measureChartPng } from "@/server/charts/measure-chart-png";
import { measureChartSvg } from "@/server/charts/measure-chart-svg";
import { svgMarkup } from "@/server/charts/svg-markup";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import { planChangeOf } from "@/server/domain/measure-chart";

const chart: MeasureChartData = {
  ref: "M1",
  name: "EHC plans issued within 20 weeks",
  unit: "PERCENT",
  direction: "HIGHER_IS_BETTER",
  baseline: { date: "2025-03-31", value: 4 },
  target: { date: "2026-09-30", value: 60 },
  benchmark: { value: 50.3, label: "England average 2023", date: "2023-12-31" },
  trajectory: [
    { date: "2025-03-31", value: 4, kind: "BASELINE" },
    { date: "2025-07-31", value: 15, kind: "MILESTONE" },
    { date: "2026-07-31", value: 50, kind: "MILESTONE" },
    { date: "2026-09-30", value: 60, kind: "TARGET" },
  ],
  values: [
    { date: "2025-04-30", value: 5, status: "VALIDATED" },
    { date: "2025-05-31", value: 7, status: "VALIDATED" },
    { date: "2026-01-31", value: 29, status: "VALIDATED" },
    { date: "2026-02-28", value: 31, status: "PROVISIONAL" },
  ],
};

const empty: MeasureChartData = { ...chart, baseline: null, target: null, benchmark: null, trajectory: [], values: [] };

/** How many pixels of a PNG are not white: resvg decodes it when it draws it as an image. */
function inkedPixels(png: Buffer, { width, height }: { width: number; height: number }): number {
  const frame = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString("base64")}"/></svg>`;
  const pixels = new Resvg(frame, { background: "#ffffff" }).render().pixels;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) inked += 1;
  return inked;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("measure chart", () => {
  it("says what the chart shows: latest against expected, target, baseline, benchmark", () => {
    expect(chartSummary(chart)).toBe(
      "Latest 31% (provisional) for February 2026, expected 35.3% by then. Target 60% by 30 September 2026. Baseline 4% in March 2025. Benchmark 50.3% (England average 2023).",
    );
    expect(chartSummary({ ...chart, values: [], benchmark: null })).toBe("No values yet. Target 60% by 30 September 2026. Baseline 4% in March 2025.");
  });

  it("draws the same SVG string as react-dom would", () => {
    for (const c of [chart, empty, { ...chart, unit: "WEEKS" as const, direction: "LOWER_IS_BETTER" as const }]) {
      const element = createElement(MeasureChartSvg, { chart: c, ids: { title: "t", desc: "d" }, fontFamily: "DejaVu Sans" });
      expect(svgMarkup(element)).toBe(renderToStaticMarkup(element));
    }
  });

  it("marks provisional values hollow and validated ones filled, and labels baseline, target and benchmark", () => {
    const svg = measureChartSvg(chart);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="340"')).toBe(true);
    expect(svg.match(/<circle [^>]*fill="#ffffff" stroke="#1d70b8"/g)).toHaveLength(2); // one provisional point + its legend swatch
    expect(svg).toContain(">Baseline 4%</text>");
    expect(svg).toContain(">Target 60%</text>");
    expect(svg).toContain(">Benchmark 50.3%</text>");
    expect(svg).toContain(">Benchmark: England average 2023</text>");
    expect(svg).toContain('stroke-dasharray="8 5"');
    expect(svg).toContain(">Percentage</text>");
    expect(svg).toContain('role="img"');
  });

  it("says there is nothing to chart instead of drawing empty axes", () => {
    expect(isEmptyChart(empty)).toBe(true);
    const svg = measureChartSvg(empty);
    expect(svg).toContain("Nothing to chart yet");
    expect(svg).not.toContain("<path");
    const page = renderToStaticMarkup(createElement(MeasureChart, { chart: empty }));
    expect(page).not.toContain("<svg");
    expect(page).toContain("No values have been recorded yet.");
  });

  it("puts a data table beside the chart with every value, trajectory point and the benchmark", () => {
    const page = renderToStaticMarkup(createElement(MeasureChart, { chart }));
    expect(page).toContain("<caption");
    expect(page.match(/<th scope="row"/g)).toHaveLength(chart.values.length + chart.trajectory.length + 1);
    for (const text of ["28 February 2026", "Provisional", "Milestone 2", "Target", "Benchmark: England average 2023", "50.3%"]) expect(page).toContain(text);
  });

  it("draws a superseded trajectory grey and dash-dot, labelled, and lists it in the data table", () => {
    const replaced: MeasureChartData = {
      ...chart,
      superseded: [
        {
          label: "Trajectory before 15 January 2026",
          points: [
            { date: "2025-03-31", value: 4 },
            { date: "2026-03-31", value: 70 },
          ],
        },
      ],
    };
    const svg = measureChartSvg(replaced);
    expect(svg).toContain('stroke="#505a5f"');
    expect(svg).toContain('stroke-dasharray="10 4 2 4"');
    expect(svg).toContain(">Trajectory before 15 January 2026</text>");
    expect(svg).toContain(">Superseded trajectory</text>");
    expect(measureChartSvg(chart)).not.toContain("Superseded");
    const element = createElement(MeasureChartSvg, { chart: replaced, ids: { title: "t", desc: "d" } });
    expect(svgMarkup(element)).toBe(renderToStaticMarkup(element));
    const page = renderToStaticMarkup(createElement(MeasureChart, { chart: replaced }));
    expect(page).toContain("Superseded trajectories for M1");
    expect(page.match(/<th scope="row"[^>]*>Trajectory before 15 January 2026<\/th>/g)).toHaveLength(2);
    expect(page).toContain("70%");
  });

  it("marks where the plan changed under a carried measure, only when values came before it", () => {
    const plan = { type: "APP" as const, createdAt: new Date("2026-01-15T10:30:00Z"), predecessorId: "wsoa" };
    const values = [{ periodEnd: new Date("2025-12-31"), value: 20, status: "VALIDATED" as const }];
    expect(planChangeOf({ plan, values })).toEqual({ date: "2026-01-15", label: "Accelerated progress plan starts" });
    // A plan that continues none, values all after it started, or no plan read: nothing to mark.
    expect(planChangeOf({ plan: { ...plan, predecessorId: null }, values })).toBeUndefined();
    expect(planChangeOf({ plan, values: [{ ...values[0]!, periodEnd: new Date("2026-01-31") }] })).toBeUndefined();
    expect(planChangeOf({ values })).toBeUndefined();
  });

  it("draws the plan change as a labelled upright line, and says it in the summary and the table", () => {
    const carried: MeasureChartData = { ...chart, planChange: { date: "2026-01-15", label: "Accelerated progress plan starts" } };
    const svg = measureChartSvg(carried);
    expect(svg).toContain(">Accelerated progress plan starts</text>");
    expect(svg).toContain('stroke-dasharray="6 3"');
    expect(measureChartSvg(chart)).not.toContain("plan starts");
    const element = createElement(MeasureChartSvg, { chart: carried, ids: { title: "t", desc: "d" } });
    expect(svgMarkup(element)).toBe(renderToStaticMarkup(element));
    expect(chartSummary(carried)).toContain("Accelerated progress plan starts 15 January 2026: earlier values were recorded under the plan before it.");
    expect(svg).toContain("earlier values were recorded under the plan before it");

    const page = renderToStaticMarkup(createElement(MeasureChart, { chart: carried }));
    const rows = [...page.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    // In date order among the values: after 31 May 2025, before 31 January 2026.
    expect(rows.slice(0, 5)).toEqual(["30 April 2025", "31 May 2025", "15 January 2026", "31 January 2026", "28 February 2026"]);
    expect(page).toContain("Accelerated progress plan starts</td>");

  });

  it("renders a PNG of the asked size, with text drawn in the embedded font", () => {
    const png = measureChartPng(chart, { width: 600, height: 300 });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 600, height: 300 });
    expect(pngSize(measureChartPng(chart, { width: 600, height: 300 }, 2))).toEqual({ width: 1200, height: 600 });
    expect(inkedPixels(png, { width: 600, height: 300 })).toBeGreaterThan(5_000);
    // The empty chart is one line of text on white: ink there means the font was found and used.
    expect(inkedPixels(measureChartPng(empty, { width: 600, height: 300 }), { width: 600, height: 300 })).toBeGreaterThan(200);
  });
});
