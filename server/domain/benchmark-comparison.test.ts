import { describe, expect, it } from "vitest";
import { comparisonLines, NEIGHBOURS_LABEL, type PublishedFigure } from "@/server/domain/benchmark-comparison";

const figure = (o: Partial<PublishedFigure> & Pick<PublishedFigure, "geographicLevel" | "areaCode" | "value">): PublishedFigure => ({
  region: null,
  periodEnd: "2023-12-31",
  periodLabel: "2023",
  ...o,
});

describe("comparison lines", () => {
  it("gives England, the area's own region and its neighbours' average, each in period order", () => {
    const figures = [
      figure({ geographicLevel: "NATIONAL", areaCode: "E92000001", value: 50.3 }),
      figure({ geographicLevel: "NATIONAL", areaCode: "E92000001", value: 49.2, periodEnd: "2022-12-31", periodLabel: "2022" }),
      figure({ geographicLevel: "REGIONAL", areaCode: "E12000002", region: "NORTH_WEST", value: 44 }),
      figure({ geographicLevel: "REGIONAL", areaCode: "E12000001", region: "NORTH_EAST", value: 70 }),
      figure({ geographicLevel: "LOCAL_AUTHORITY", areaCode: "101", value: 40 }),
      figure({ geographicLevel: "LOCAL_AUTHORITY", areaCode: "102", value: 45 }),
      figure({ geographicLevel: "LOCAL_AUTHORITY", areaCode: "103", value: 30.5 }),
      // Not a neighbour: left out of the average.
      figure({ geographicLevel: "LOCAL_AUTHORITY", areaCode: "999", value: 99 }),
      figure({ geographicLevel: "LOCAL_AUTHORITY", areaCode: "101", value: 20, periodEnd: "2022-12-31", periodLabel: "2022" }),
    ];
    expect(comparisonLines(figures, { region: "NORTH_WEST", neighbours: ["101", "102", "103", "104"] })).toEqual([
      {
        series: "ENGLAND",
        label: "England",
        points: [
          { periodEnd: "2022-12-31", periodLabel: "2022", value: 49.2, count: null },
          { periodEnd: "2023-12-31", periodLabel: "2023", value: 50.3, count: null },
        ],
      },
      { series: "REGION", label: "North West", points: [{ periodEnd: "2023-12-31", periodLabel: "2023", value: 44, count: null }] },
      {
        series: "NEIGHBOURS",
        label: NEIGHBOURS_LABEL,
        points: [
          // Only the neighbours with a figure for the period count, and the point says how many.
          { periodEnd: "2022-12-31", periodLabel: "2022", value: 20, count: 1 },
          { periodEnd: "2023-12-31", periodLabel: "2023", value: 38.5, count: 3 },
        ],
      },
    ]);
  });

  it("leaves out a line with nothing published", () => {
    const figures = [figure({ geographicLevel: "NATIONAL", areaCode: "E92000001", value: 5 })];
    expect(comparisonLines(figures, { region: "LONDON", neighbours: [] }).map((l) => l.series)).toEqual(["ENGLAND"]);
    expect(comparisonLines([], { region: "LONDON", neighbours: ["101"] })).toEqual([]);
  });
});
