/**
 * Walk entries for importing published statistics (POST /api/statistics/import): reading a file's
 * columns, checking it and importing it through a mapping. Administrators only; everyone else is
 * refused before the file is read.
 */
import { expect } from "vitest";
import type { StatisticsColumns, StatisticsImportReport, StatisticsMapping } from "@/server/schemas/statistics";
import type { Who } from "@/server/testing/walk/spec";
import type { RouteCase, RouteFixture, RouteRequest } from "@/server/testing/walk/routes";

const MAPPING: StatisticsMapping = {
  value: "Value",
  laCode: "LA code",
  period: "Period",
  timeIdentifier: "",
  periodType: "CALENDAR_YEAR",
  geographicLevel: "",
  region: "",
  areaName: "",
  filters: [],
};

/** An LGA-style file: England and one authority, with a figure of its own each time so an import always has something to write. */
function statisticsRequest(mode: "columns" | "preview" | "apply") {
  return (): RouteRequest => {
    const figure = (Math.floor(Math.random() * 10_000) / 100).toFixed(2);
    const form = new FormData();
    form.append("target", "persistent-absence-sen-support");
    form.append("file", new File([`LA code,Period,Value\r\nE92000001,2025,${figure}\r\n941,2025,${figure}\r\n`], "absence.csv", { type: "text/csv" }));
    if (mode !== "columns") form.append("mapping", JSON.stringify(MAPPING));
    return { path: `/api/statistics/import?mode=${mode}`, init: { method: "POST", body: form } };
  };
}

const adminOnly = (who: Who, rf: RouteFixture) => (!rf.viewers[who] ? 401 : who === "ADMIN" ? 200 : 403);

export const STATISTICS_IMPORT_ROUTE_CASES: RouteCase[] = [
  {
    name: "POST a statistics file to read its columns",
    method: "POST",
    request: statisticsRequest("columns"),
    status: adminOnly,
    async check(response) {
      const body = (await response.json()) as StatisticsColumns;
      expect(body.columns.map((c) => c.header)).toEqual(["LA code", "Period", "Value"]);
      expect(body.mapping).toMatchObject({ laCode: "LA code", period: "Period", value: "Value" });
    },
  },
  {
    name: "POST a statistics file to check it",
    method: "POST",
    request: statisticsRequest("preview"),
    status: adminOnly,
    async check(response) {
      expect(await response.json()).toMatchObject({ status: "checked", loaded: 2, refusedCount: 0 } satisfies Partial<StatisticsImportReport>);
    },
  },
  {
    name: "POST a statistics file to import it",
    method: "POST",
    request: statisticsRequest("apply"),
    status: adminOnly,
    async check(response) {
      expect(await response.json()).toMatchObject({ status: "applied", loaded: 2, levels: { national: 1, regional: 0, localAuthority: 1 } });
    },
  },
  {
    name: "POST a statistics file from another site's page",
    method: "POST",
    request: () => {
      const sent = statisticsRequest("apply")();
      return { ...sent, init: { ...sent.init, headers: { "sec-fetch-site": "cross-site" } } };
    },
    status: (who, rf) => (rf.viewers[who] ? 403 : 401),
  },
];
