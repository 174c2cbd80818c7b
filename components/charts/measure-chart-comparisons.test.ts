/**
 * A linked measure's chart: England's, the region's and the statistical neighbours' published
 * figures drawn beside the area's own line, each in its own pattern and marker with a legend in
 * words, named in the chart's description, listed in a table of their own; and which published
 * periods the chart data keeps.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MeasureChart } from "@/components/charts/measure-chart";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import { MeasureChartSvg } from "@/lib/charts/measure-chart-svg";
import { chartSummary, comparisonRows } from "@/lib/charts/measure-chart-text";
import { measureChartPng } from "@/server/charts/measure-chart-png";
import { measureChartSvg } from "@/server/charts/measure-chart-svg";
import { svgMarkup } from "@/server/charts/svg-markup";
import { comparisonsOf, measureChartData } from "@/server/domain/measure-chart";

const linked: MeasureChartData = {
  ref: "M1",
  name: "EHC plans issued within 20 weeks (excluding exceptions)",
  unit: "PERCENT",
  direction: "HIGHER_IS_BETTER",
  baseline: { date: "2025-03-31", value: 4 },
  target: { date: "2026-09-30", value: 60 },
  benchmark: null,
  trajectory: [
    { date: "2025-03-31", value: 4, kind: "BASELINE" },
    { date: "2026-09-30", value: 60, kind: "TARGET" },
  ],
  values: [
    { date: "2025-04-30", value: 5, status: "VALIDATED" },
    { date: "2026-02-28", value: 31, status: "PROVISIONAL" },
  ],
  comparisons: {
    measure: "EHC plans issued within 20 weeks (excluding exceptions)",
    source: { name: "Education, health and care plans (DfE, SEN2 return)", url: "https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans" },
    lines: [
      {
        series: "ENGLAND",
        label: "England",
        points: [
          { date: "2023-12-31", value: 49.5, period: "2023" },
          { date: "2024-12-31", value: 47, period: "2024" },
          { date: "2025-12-31", value: 48.5, period: "2025" },
        ],
      },
      {
        series: "REGION",
        label: "North West",
        points: [
          { date: "2024-12-31", value: 41, period: "2024" },
          { date: "2025-12-31", value: 44, period: "2025" },
        ],
      },
      {
        series: "NEIGHBOURS",
        label: "Statistical neighbours (average)",
        points: [
          { date: "2024-12-31", value: 43.43, period: "2024", count: 9 },
          { date: "2025-12-31", value: 46.5, period: "2025", count: 10 },
        ],
      },
    ],
  },
};

describe("a linked measure's chart", () => {
  it("draws England, the region and the neighbours each with its own pattern and marker, and names them in the legend", () => {
    const svg = measureChartSvg(linked);
    // Long dashes with triangles, dots with hollow squares, dash-dot-dot with crosses: never colour alone.
    expect(svg).toContain('stroke-dasharray="14 4"');
    expect(svg).toContain('stroke-dasharray="0.5 5"');
    expect(svg).toContain('stroke-dasharray="9 3 2 3 2 3"');
    for (const legend of ["England (published)", "North West (published)", "Statistical neighbours&#x27; average (published)", "Value (validated)"]) {
      expect(svg).toContain(`>${legend}</text>`);
    }
    // A marker per published point and one in each legend swatch.
    expect(svg.match(/<path d="M[^"]*Z" fill="#00703c"/g)).toHaveLength(3 + 1);
    expect(svg.match(/<rect [^>]*fill="#ffffff" stroke="#942514"/g)).toHaveLength(2 + 1);
    expect(svg.match(/stroke="#8a4500" stroke-width="2.5"/g)).toHaveLength(2 + 1);
    const element = createElement(MeasureChartSvg, { chart: linked, ids: { title: "t", desc: "d" }, fontFamily: "DejaVu Sans" });
    expect(svgMarkup(element)).toBe(renderToStaticMarkup(element));
    expect(measureChartPng(linked).subarray(1, 4).toString()).toBe("PNG");
  });

  it("says the latest published figures in the chart's description, and lists them for documents", () => {
    expect(chartSummary(linked)).toBe(
      "Latest 31% (provisional) for February 2026, expected 38.1% by then. Target 60% by 30 September 2026. Baseline 4% in March 2025. " +
        "Published figures from Education, health and care plans (DfE, SEN2 return): England 48.5% in 2025, North West 44% in 2025, " +
        "Statistical neighbours (average) 46.5% (10 of 10 neighbours) in 2025.",
    );
    // The neighbours' average is worked out, so rounded as people write one.
    expect(comparisonRows(linked)).toContainEqual(["2024-12-31", "Statistical neighbours (average), 2024 (9 of 10 neighbours)", "43.4%"]);
    expect(comparisonRows(linked)).toContainEqual(["2024-12-31", "England, 2024", "47%"]);
    expect(comparisonRows({ ...linked, comparisons: undefined })).toEqual([]);
  });

  it("lists the published figures in a table by period, with the source", () => {
    const page = renderToStaticMarkup(createElement(MeasureChart, { chart: linked }));
    expect(page).toContain("Published figures for M1: EHC plans issued within 20 weeks (excluding exceptions)</caption>");
    const headings = [...page.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headings).toEqual(expect.arrayContaining(["Period", "England (published)", "North West (published)", "Statistical neighbours&#x27; average (published)"]));
    // 2023: England only.
    expect(page).toMatch(/>2023<\/th><td[^>]*>49.5%<\/td><td[^>]*>Not published<\/td><td[^>]*>Not published<\/td>/);
    expect(page).toContain("9 of 10 neighbours");
    expect(page).toContain('href="https://explore-education-statistics.service.gov.uk/find-statistics/education-health-and-care-plans"');
    expect(renderToStaticMarkup(createElement(MeasureChart, { chart: { ...linked, comparisons: undefined } }))).not.toContain("Published figures");
  });
});

describe("which published periods the chart keeps", () => {
  const catalogueMeasure = { name: "EHC plans", sourceName: "SEN2", sourceUrl: "https://example.gov.uk" };
  const point = (series: "ENGLAND" | "REGION" | "NEIGHBOURS", year: number, value: number) => ({
    series,
    label: series === "ENGLAND" ? "England" : series === "REGION" ? "London" : "Statistical neighbours (average)",
    periodEnd: new Date(`${year}-12-31T00:00:00Z`),
    periodLabel: String(year),
    value,
    count: series === "NEIGHBOURS" ? 10 : null,
  });
  const englandYears = [2015, 2018, 2021, 2022, 2023, 2024];

  it("from three years before the area's own first date; a line with nothing so recent keeps its latest point", () => {
    const comparisons = comparisonsOf({
      catalogueMeasure,
      comparisonPoints: [...englandYears.map((y) => point("ENGLAND", y, y - 1970)), point("REGION", 2019, 40), point("REGION", 2020, 41)],
      values: [{ periodEnd: new Date("2025-01-31T00:00:00Z"), value: 5, status: "VALIDATED" }],
      baselineDate: new Date("2024-06-30T00:00:00Z"),
      targetDate: new Date("2026-06-30T00:00:00Z"),
    })!;
    expect(comparisons.lines.map((l) => [l.series, l.points.map((p) => p.period)])).toEqual([
      ["ENGLAND", ["2021", "2022", "2023", "2024"]],
      ["REGION", ["2020"]],
    ]);
    expect(comparisons.lines[0]!.points[0]).toEqual({ date: "2021-12-31", value: 51, period: "2021" });
  });

  it("the latest five periods for a measure with no dates of its own, and nothing for a measure not linked", () => {
    const row = { comparisonPoints: englandYears.map((y) => point("ENGLAND", y, 40)), values: [], baselineDate: null, targetDate: null };
    expect(comparisonsOf({ ...row, catalogueMeasure })!.lines[0]!.points.map((p) => p.period)).toEqual(["2018", "2021", "2022", "2023", "2024"]);
    expect(comparisonsOf({ ...row, catalogueMeasure: null })).toBeUndefined();
  });

  it("travels in the chart data the pages, snapshots and board packs share", () => {
    const data = measureChartData(
      {
        ref: "M1",
        name: "EHC plans",
        unit: "PERCENT",
        direction: "HIGHER_IS_BETTER",
        baselineValue: 4,
        baselineDate: new Date("2025-03-31T00:00:00Z"),
        targetValue: 60,
        targetDate: new Date("2026-09-30T00:00:00Z"),
        benchmarkValue: null,
        benchmarkLabel: null,
        benchmarkDate: null,
        values: [],
        catalogueMeasure,
        comparisonPoints: [point("ENGLAND", 2024, 47), point("NEIGHBOURS", 2024, 46.5)],
      },
      [],
    );
    expect(data.comparisons).toEqual({
      measure: "EHC plans",
      source: { name: "SEN2", url: "https://example.gov.uk" },
      lines: [
        { series: "ENGLAND", label: "England", points: [{ date: "2024-12-31", value: 47, period: "2024" }] },
        { series: "NEIGHBOURS", label: "Statistical neighbours (average)", points: [{ date: "2024-12-31", value: 46.5, period: "2024", count: 10 }] },
      ],
    });
    // It survives the JSON a snapshot is stored as.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
