/**
 * Walks every tRPC procedure that exists, for every role in an area, a NATIONAL user, an ADMIN,
 * a member of another area and an anonymous visitor, and checks the outcome against the
 * permission table (server/auth/permissions.ts). Also checks that every mutation writes an
 * audit event. A new procedure without an entry in `SPECS` fails the first test: add it here
 * with an input, and the walk covers it.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan, createMembership, createUser } from "@/prisma/factories";
import { appRouter, createCaller } from "@/server/api/root";
import type { Meta } from "@/server/api/trpc";
import {
  ACTORS,
  canGlobally,
  grantOf,
  isAreaCapability,
  isGlobalCapability,
  type Actor,
  type Viewer,
} from "@/server/auth/permissions";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { CORE_SPECS } from "@/server/api/walk/core";
import { EVIDENCE_SPECS } from "@/server/api/walk/evidence";
import { MEASURE_SPECS } from "@/server/api/walk/measure";
import { PLAN_SPECS } from "@/server/api/walk/plan";
import { PLAN_TRANSFER_SPECS } from "@/server/api/walk/plan-transfer";
import { NATIONAL_SPECS } from "@/server/api/walk/national";
import { NOTIFICATION_SPECS } from "@/server/api/walk/notification";
import { PUBLIC_AREA_SPECS } from "@/server/api/walk/public-area";
import { SNAPSHOT_SPECS } from "@/server/api/walk/snapshot";
import { UPDATE_REQUEST_SPECS } from "@/server/api/walk/update-request";
import { ADVISER_SPECS } from "@/server/api/walk/adviser";
import { CHANGE_REQUEST_SPECS } from "@/server/api/walk/change-request";
import { COMMENT_SPECS } from "@/server/api/walk/comment";
import { FORUM_SPECS } from "@/server/api/walk/forum";
import type { Fixture, Outcome, Specs, Who } from "@/server/api/walk/spec";
import { callerFor, contextFor, testDb } from "@/server/testing/harness";

const SPECS: Specs = { ...CORE_SPECS, ...PLAN_SPECS, ...MEASURE_SPECS, ...EVIDENCE_SPECS, ...PLAN_TRANSFER_SPECS,
  ...NATIONAL_SPECS,
  ...SNAPSHOT_SPECS,
  ...PUBLIC_AREA_SPECS,
  ...NOTIFICATION_SPECS,
  ...UPDATE_REQUEST_SPECS,
  ...FORUM_SPECS,
  ...ADVISER_SPECS,
  ...CHANGE_REQUEST_SPECS,
  ...COMMENT_SPECS,
};

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; meta?: Meta } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

const WHO: Who[] = [...ACTORS, "ADMIN", "OTHER_AREA", "ANONYMOUS"];

function viewerFor(who: Who, fx: Fixture): Viewer | null {
  if (who === "ANONYMOUS") return null;
  const userId = fx.users[who];
  if (who === "NATIONAL" || who === "ADMIN") return { userId, globalRole: who, memberships: [] };
  if (who === "OTHER_AREA") return { userId, globalRole: null, memberships: [{ localAreaId: fx.otherArea.localAreaId, role: "LEAD" }] };
  return { userId, globalRole: null, memberships: [{ localAreaId: fx.area.localAreaId, role: who }] };
}

/** What the permission table says should happen. */
function expected(path: string, who: Who, fx: Fixture): Outcome {
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
  if (spec.scope === "self") return "OK"; // lists only what the caller may see; checked below
  const membership = viewer.memberships.find((m) => m.localAreaId === fx.area.localAreaId);
  const actor: Actor | null = membership?.role ?? (viewer.globalRole === "NATIONAL" ? "NATIONAL" : null);
  if (!actor) return "NOT_FOUND"; // another area's records are simply not there
  const grant = grantOf(guard, actor);
  if (grant === true) return "OK";
  if (grant === "own") return spec.ownerId?.(fx) === viewer.userId ? "OK" : "FORBIDDEN";
  // Without even read access the record is not found; with it, the act is forbidden.
  return grantOf("plan.read", actor) ? "FORBIDDEN" : "NOT_FOUND";
}

async function outcomeOf(call: () => Promise<unknown>): Promise<{ outcome: Outcome | string; result?: unknown }> {
  try {
    return { outcome: "OK", result: await call() };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: error.code };
    throw error;
  }
}

let db: PrismaClient;
let fx: Fixture;

beforeAll(async () => {
  db = testDb();
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
  fx = { area, otherArea, users };
});
afterAll(() => db.$disconnect());

describe("every procedure", () => {
  it("is listed in SPECS and declares a guard from the permission table", () => {
    expect(procedures.length).toBeGreaterThan(0);
    for (const [path, proc] of procedures) {
      expect(SPECS[path], `${path} has no entry in SPECS: add one so the walk covers it`).toBeDefined();
      const guard = proc._def.meta?.guard;
      expect(guard, `${path} declares no guard`).toBeDefined();
      expect(
        guard === "public" || guard === "signedIn" || isAreaCapability(guard!) || isGlobalCapability(guard!),
        `${path}: guard ${guard} is not in the permission table`,
      ).toBe(true);
    }
    for (const path of Object.keys(SPECS)) expect(procedures.map(([p]) => p), `SPECS lists ${path}, which no longer exists`).toContain(path);
  });

  for (const [path] of procedures) {
    for (const who of WHO) {
      it(`${path} as ${who} answers as the permission table says`, async () => {
        const spec = SPECS[path]!;
        const want = expected(path, who, fx);
        // The input first: it may set up records (and memberships) the request then sees.
        const input = await spec.input(fx, db);
        const caller = await callerFor(db, who === "ANONYMOUS" ? null : fx.users[who]);
        const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          i: unknown,
        ) => Promise<unknown>;
        const { outcome, result } = await outcomeOf(() => procedure(input));
        expect(outcome).toBe(want);
        if (spec.scope === "self" && outcome === "OK" && path === "area.list") {
          // A list never leaks another area: only areas the caller may read come back.
          const ids = (result as { id: string }[]).map((a) => a.id);
          const readsA = who !== "OTHER_AREA" && who !== "ADMIN";
          expect(ids.includes(fx.area.localAreaId)).toBe(readsA);
          expect(ids.includes(fx.otherArea.localAreaId)).toBe(who === "OTHER_AREA" || who === "NATIONAL");
        }
      });
    }
  }
});

describe("every mutation", () => {
  const mutations = procedures.filter(([, p]) => p._def.type === "mutation");

  it("exists (the walk below is not empty)", () => expect(mutations.length).toBeGreaterThan(0));

  for (const [path, proc] of mutations) {
    it(`${path} writes an audit event in its transaction`, async () => {
      const guard = proc._def.meta!.guard;
      // Act as someone the table allows.
      const who = (WHO as Who[]).find((w) => expected(path, w, fx) === "OK");
      expect(who, `${path}: nobody may call it`).toBeDefined();
      const userId = who === "ANONYMOUS" ? null : fx.users[who!];
      const input = await SPECS[path]!.input(fx, db);
      const ctx = await contextFor(db, userId);
      const caller = createCaller(ctx);
      const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
        i: unknown,
      ) => Promise<unknown>;
      await procedure(input);
      const events = await db.auditEvent.findMany({ where: { requestId: ctx.requestId } });
      expect(events.length, `${path} (${guard}) wrote no audit event`).toBeGreaterThan(0);
      for (const e of events) expect(e.actorId).toBe(userId);
    });
  }
});
