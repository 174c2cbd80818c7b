/**
 * Walk entries for plan workbook import and export. The page is a procedure (the procedure walk);
 * the import itself (check, apply) is a file route, walked with the other routes
 * (server/testing/walk/routes.ts takes PLAN_IMPORT_ROUTE_CASES from here).
 */
import { expect } from "vitest";
import { uniq } from "@/prisma/factories";
import { can, canGlobally } from "@/server/auth/permissions";
import type { ImportOutcome, NewAreaOutcome } from "@/server/schemas/plan-transfer";
import type { Specs, Who } from "@/server/testing/walk/spec";
import type { RouteCase, RouteFixture, RouteRequest } from "@/server/testing/walk/routes";

export const PLAN_TRANSFER_SPECS: Specs = {
  "planTransfer.overview": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
};

/** One new finding for area A's plan, as a Findings sheet, so every import has something to write. */
function importRequest(mode: "preview" | "apply") {
  return (rf: RouteFixture): RouteRequest => {
    const ref = `W${uniq()}`.slice(0, 12);
    const form = new FormData();
    const csv = `Ref,Kind,Inspectors' wording,Summary\r\n${ref},Area for improvement,Inspectors' wording ${ref}.,Summary ${ref}.\r\n`;
    form.append("files", new File([csv], "Findings.csv", { type: "text/csv" }));
    return { path: `/api/local-areas/${rf.area.slug}/plan-import?mode=${mode}`, params: { slug: rf.area.slug }, init: { method: "POST", body: form } };
  };
}

/** Only the area's plan lead imports: others who read the plan are refused, other areas' people told it is not there. */
function planEditStatus(who: Who, rf: RouteFixture): number {
  const viewer = rf.viewers[who];
  if (!viewer) return 401;
  if (can(viewer, "plan.edit", { localAreaId: rf.area.localAreaId })) return 200;
  return can(viewer, "plan.read", { localAreaId: rf.area.localAreaId }) ? 403 : 404;
}

export const PLAN_IMPORT_ROUTE_CASES: RouteCase[] = [
  {
    name: "POST a workbook to check against area A's plan",
    method: "POST",
    request: importRequest("preview"),
    status: planEditStatus,
    async check(response) {
      expect(await response.json()).toMatchObject({ errorCount: 0, changeCount: 1 } satisfies Partial<ImportOutcome>);
    },
  },
  {
    name: "POST a workbook to import into area A's plan",
    method: "POST",
    request: importRequest("apply"),
    status: planEditStatus,
    async check(response) {
      expect(await response.json()).toMatchObject({ status: "applied", changeCount: 1 } satisfies Partial<ImportOutcome>);
    },
  },
];

/**
 * A workbook naming a new area: its LA code three digits from the run's counter, so each request
 * names an area no other has.
 */
function newAreaRequest(mode: "preview" | "apply") {
  return (): RouteRequest => {
    const u = uniq();
    const code = String(100 + ((Number(/^\d+/.exec(u)![0]) * 7919) % 900));
    const form = new FormData();
    const csv = `Local area,LA code,Region,Plan type\r\nWalk Area ${u},${code},North West,Written statement of action\r\n`;
    form.append("files", new File([csv], "Plan.csv", { type: "text/csv" }));
    return { path: `/api/local-areas?mode=${mode}`, params: {}, init: { method: "POST", body: form } };
  };
}

/** Starting an area is an administrator's: everyone else signed in is refused. */
function adminStatus(who: Who, rf: RouteFixture): number {
  const viewer = rf.viewers[who];
  if (!viewer) return 401;
  return canGlobally(viewer, "admin.manage") ? 200 : 403;
}

export const NEW_AREA_ROUTE_CASES: RouteCase[] = [
  {
    name: "POST a workbook to check the new area it names",
    method: "POST",
    request: newAreaRequest("preview"),
    status: adminStatus,
    async check(response) {
      expect(await response.json()).toMatchObject({ status: "checked", errorCount: 0 } satisfies Partial<NewAreaOutcome>);
    },
  },
  {
    name: "POST a workbook to start the new area it names",
    method: "POST",
    request: newAreaRequest("apply"),
    status: adminStatus,
    async check(response) {
      expect(await response.json()).toMatchObject({ status: "applied", errorCount: 0 } satisfies Partial<NewAreaOutcome>);
    },
  },
];
