/**
 * Who sees the national view, and which areas in it (docs/design.md section 4): the national team sees
 * every area; an adviser sees the areas they advise, and only those, whatever other roles they
 * hold elsewhere; nobody else sees it. One rule for the service, the links to the view and the
 * permission walk.
 */
import { canGlobally, type Viewer } from "@/server/auth/permissions";

export type NationalScope = { kind: "ALL" } | { kind: "ADVISED"; areaIds: string[] };

export function nationalScope(viewer: Viewer): NationalScope | null {
  if (canGlobally(viewer, "national.read")) return { kind: "ALL" };
  const areaIds = viewer.memberships.filter((m) => m.role === "ADVISER").map((m) => m.localAreaId);
  return areaIds.length > 0 ? { kind: "ADVISED", areaIds } : null;
}
