/**
 * What the tests that walk every procedure share (the permission walk, procedure-walk.test.ts, and
 * the input fuzz, procedure-fuzz.test.ts): the procedures that exist, each one's walk entry, the
 * fixture the entries' inputs are made against, and who the permission table lets call what.
 * Test code only.
 */
import { createAreaWithPlan, createMembership, createUser } from "@/prisma/factories";
import { appRouter } from "@/server/api/root";
import type { Meta } from "@/server/api/trpc";
import { ACTORS, canGlobally, grantOf, isAreaCapability, isGlobalCapability, type Actor, type Viewer } from "@/server/auth/permissions";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { ADVISER_SPECS } from "@/server/testing/walk/adviser";
import { CHANGE_REQUEST_SPECS } from "@/server/testing/walk/change-request";
import { COMMENT_SPECS } from "@/server/testing/walk/comment";
import { CORE_SPECS } from "@/server/testing/walk/core";
import { EVIDENCE_SPECS } from "@/server/testing/walk/evidence";
import { FORUM_SPECS } from "@/server/testing/walk/forum";
import { HISTORY_SPECS } from "@/server/testing/walk/history";
import { MEASURE_SPECS } from "@/server/testing/walk/measure";
import { NATIONAL_SPECS } from "@/server/testing/walk/national";
import { NOTIFICATION_SPECS } from "@/server/testing/walk/notification";
import { PLAN_SPECS } from "@/server/testing/walk/plan";
import { PERSONAL_DATA_SPECS } from "@/server/testing/walk/personal-data";
import { PLAN_TRANSFER_SPECS } from "@/server/testing/walk/plan-transfer";
import { PUBLIC_AREA_SPECS } from "@/server/testing/walk/public-area";
import { SESSION_SPECS } from "@/server/testing/walk/session";
import { SNAPSHOT_SPECS } from "@/server/testing/walk/snapshot";
import { UPDATE_REQUEST_SPECS } from "@/server/testing/walk/update-request";
import { API_TOKEN_SPECS } from "@/server/testing/walk/api-token";
import { STATISTICS_SPECS } from "@/server/testing/walk/statistics";
import type { Fixture, Outcome, Specs, Who } from "@/server/testing/walk/spec";

export const SPECS: Specs = {
  ...CORE_SPECS,
  ...PLAN_SPECS,
  ...MEASURE_SPECS,
  ...EVIDENCE_SPECS,
  ...PLAN_TRANSFER_SPECS,
  ...NATIONAL_SPECS,
  ...SNAPSHOT_SPECS,
  ...PUBLIC_AREA_SPECS,
  ...NOTIFICATION_SPECS,
  ...UPDATE_REQUEST_SPECS,
  ...FORUM_SPECS,
  ...ADVISER_SPECS,
  ...CHANGE_REQUEST_SPECS,
  ...COMMENT_SPECS,
  ...PERSONAL_DATA_SPECS,
  ...HISTORY_SPECS,
  ...SESSION_SPECS,
  ...API_TOKEN_SPECS,
  ...STATISTICS_SPECS,
};

export type Procedure = { _def: { type: "query" | "mutation" | "subscription"; meta?: Meta } };
/** Every procedure of the app router, by its path ("plan.update"). */
export const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

export const WHO: Who[] = [...ACTORS, "ADMIN", "OTHER_AREA", "ANONYMOUS"];

/** Area A and B, a member of area A in each role, a NATIONAL user, an ADMIN and a lead of area B. */
export async function createWalkFixture(db: PrismaClient): Promise<Fixture> {
  const area = await createAreaWithPlan(db);
  const otherArea = await createAreaWithPlan(db);
  const users = {} as Fixture["users"];
  for (const who of ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) {
    const u = await createUser(db);
    await createMembership(db, { userId: u.id, localAreaId: area.localAreaId, role: who });
    users[who] = u.id;
  }
  users.NATIONAL = (await createUser(db, { globalRole: "NATIONAL" })).id;
  users.ADMIN = (await createUser(db, { globalRole: "ADMIN" })).id;
  const other = await createUser(db);
  await createMembership(db, { userId: other.id, localAreaId: otherArea.localAreaId, role: "LEAD" });
  users.OTHER_AREA = other.id;
  // The contributor owns area A's action, so "own" grants can be seen both ways.
  await db.action.update({ where: { id: area.actionId }, data: { ownerId: users.CONTRIBUTOR } });
  return { area, otherArea, users };
}

function viewerFor(who: Who, fx: Fixture): Viewer | null {
  if (who === "ANONYMOUS") return null;
  const userId = fx.users[who];
  if (who === "NATIONAL" || who === "ADMIN") return { userId, globalRole: who, memberships: [] };
  if (who === "OTHER_AREA") return { userId, globalRole: null, memberships: [{ localAreaId: fx.otherArea.localAreaId, role: "LEAD" }] };
  return { userId, globalRole: null, memberships: [{ localAreaId: fx.area.localAreaId, role: who }] };
}

/** What the permission table says should happen when `who` calls `path` with its walk entry's input. */
export function expected(path: string, who: Who, fx: Fixture): Outcome {
  const guard = (appRouter._def.procedures as unknown as Record<string, Procedure>)[path]!._def.meta!.guard;
  const spec = SPECS[path]!;
  const viewer = viewerFor(who, fx);
  const special = spec.outcome?.(who, fx);
  if (special) return special;
  if (guard === "public") return "OK";
  if (!viewer) return "UNAUTHORIZED";
  if (guard === "signedIn") return "OK";
  if (isGlobalCapability(guard)) return canGlobally(viewer, guard) ? "OK" : "FORBIDDEN";
  if (!isAreaCapability(guard)) throw new Error(`${path}: unknown guard ${guard}`);
  if (spec.scope === "self") return "OK"; // lists only what the caller may see; checked in the walk
  const membership = viewer.memberships.find((m) => m.localAreaId === fx.area.localAreaId);
  const actor: Actor | null = membership?.role ?? (viewer.globalRole === "NATIONAL" ? "NATIONAL" : null);
  if (!actor) return "NOT_FOUND"; // another area's records are simply not there
  const grant = grantOf(guard, actor);
  if (grant === true) return "OK";
  if (grant === "own") return spec.ownerId?.(fx) === viewer.userId ? "OK" : "FORBIDDEN";
  // Without even read access the record is not found; with it, the act is forbidden.
  return grantOf("plan.read", actor) ? "FORBIDDEN" : "NOT_FOUND";
}

/** The procedure at `path` ("plan.update") of a caller. */
export function procedureAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
}
