/**
 * Walk entries for a council's own tracker (POST /api/local-areas/<slug>/tracker-import): reading
 * its columns, checking and importing it through a mapping. Plan leads only, as for a workbook.
 */
import { expect } from "vitest";
import { uniq } from "@/prisma/factories";
import { can } from "@/server/auth/permissions";
import type { ImportOutcome } from "@/server/schemas/plan-transfer";
import type { TrackerColumns, TrackerMapping } from "@/server/schemas/tracker-mapping";
import type { Who } from "@/server/testing/walk/spec";
import type { RouteCase, RouteFixture, RouteRequest } from "@/server/testing/walk/routes";

const MAPPING: TrackerMapping = {
  sheet: "tracker.csv",
  headerRow: 1,
  columns: { "Area of weakness": "finding", Summary: "findingSummary", "What we will do": "title" },
};

/** A tracker with one finding of its own wording and one action, so every import has something to write. */
function trackerRequest(mode: "columns" | "preview" | "apply") {
  return (rf: RouteFixture): RouteRequest => {
    const u = uniq();
    const form = new FormData();
    const csv = `Area of weakness,Summary,What we will do\r\nWalk weakness ${u},Summary ${u}.,Walk action ${u}\r\n`;
    form.append("file", new File([csv], "tracker.csv", { type: "text/csv" }));
    if (mode !== "columns") form.append("mapping", JSON.stringify(MAPPING));
    return { path: `/api/local-areas/${rf.area.slug}/tracker-import?mode=${mode}`, params: { slug: rf.area.slug }, init: { method: "POST", body: form } };
  };
}

function planEditStatus(who: Who, rf: RouteFixture): number {
  const viewer = rf.viewers[who];
  if (!viewer) return 401;
  if (can(viewer, "plan.edit", { localAreaId: rf.area.localAreaId })) return 200;
  return can(viewer, "plan.read", { localAreaId: rf.area.localAreaId }) ? 403 : 404;
}

export const TRACKER_IMPORT_ROUTE_CASES: RouteCase[] = [
  {
    name: "POST a tracker to read its columns",
    method: "POST",
    request: trackerRequest("columns"),
    status: planEditStatus,
    async check(response) {
      const body = (await response.json()) as TrackerColumns;
      expect(body.sheets.map((s) => s.columns.map((c) => c.header))).toEqual([["Area of weakness", "Summary", "What we will do"]]);
    },
  },
  {
    name: "POST a tracker to check against area A's plan",
    method: "POST",
    request: trackerRequest("preview"),
    status: planEditStatus,
    async check(response) {
      expect(await response.json()).toMatchObject({ errorCount: 0, changeCount: 2 } satisfies Partial<ImportOutcome>);
    },
  },
  {
    name: "POST a tracker to import into area A's plan",
    method: "POST",
    request: trackerRequest("apply"),
    status: planEditStatus,
    async check(response) {
      expect(await response.json()).toMatchObject({ status: "applied", changeCount: 2 } satisfies Partial<ImportOutcome>);
    },
  },
];
