/**
 * Walks every tRPC procedure that exists, for every role in an area, a NATIONAL user, an ADMIN,
 * a member of another area and an anonymous visitor, and checks the outcome against the
 * permission table (server/auth/permissions.ts). Also checks that every mutation writes an
 * audit event. A new procedure without an entry in `SPECS` fails the first test: add it to its
 * group's file in server/testing/walk/ (merged in walk.ts) with an input, and the walk covers it.
 *
 * Each call also watches which capabilities the service checked (server/testing/capability-checks.ts)
 * and holds them to the guard the procedure declares: see `checksMatchGuard` below.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "@/server/api/root";
import { isAreaCapability, isGlobalCapability, type Guard } from "@/server/auth/permissions";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { summarise, watchingChecks, type CheckSummary } from "@/server/testing/capability-checks";
import type { Fixture, Outcome, Spec, Who } from "@/server/testing/walk/spec";
import { createWalkFixture, expected, procedureAt, procedures, SPECS, WHO } from "@/server/testing/walk/walk";
import { callerFor, contextFor, testDb } from "@/server/testing/harness";

async function outcomeOf(call: () => Promise<unknown>): Promise<{ outcome: Outcome | string; result?: unknown }> {
  try {
    return { outcome: "OK", result: await call() };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: error.code };
    throw error;
  }
}

/**
 * The capabilities a call checked against the guard its procedure declares:
 * - an area capability: an allowed call enforces it (requireCan, or the area scope a query is
 *   limited to; through can() where the entry says `declaredCheckedBy: "can"`), and enforces
 *   nothing else but plan.read (finding the record) and what the entry lists in `alsoEnforces`;
 *   a refused call is refused by it (the last check that said no);
 * - a global capability: it is checked, and no area capability is enforced but `alsoEnforces`;
 * - "signedIn" and "public": no area capability is enforced but `alsoEnforces`.
 */
function checksMatchGuard(path: string, guard: Guard, spec: Spec, outcome: string, seen: CheckSummary) {
  const label = `${path} (declares ${guard})`;
  const allowed = new Set<string>([...(spec.alsoEnforces ?? [])]);
  if (isAreaCapability(guard)) {
    allowed.add(guard).add("plan.read");
    if (outcome === "OK") {
      const where = spec.declaredCheckedBy === "can" ? seen.asked : seen.enforced;
      expect([...where], `${label} never checked ${guard}`).toContain(guard);
    }
    if (outcome === "FORBIDDEN") expect(seen.lastDenied, `${label} was refused by another capability`).toBe(guard);
  } else if (isGlobalCapability(guard)) {
    if (outcome === "OK" || outcome === "FORBIDDEN") expect([...seen.global], `${label} never checked ${guard}`).toContain(guard);
  }
  const unexpected = [...seen.enforced].filter((c) => !allowed.has(c));
  expect(unexpected, `${label} enforced capabilities it does not declare (list them in alsoEnforces, saying why, if that is right)`).toEqual([]);
}

let db: PrismaClient;
let fx: Fixture;

beforeAll(async () => {
  db = testDb();
  fx = await createWalkFixture(db);
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
        const procedure = procedureAt(caller, path);
        const { checks, run } = await watchingChecks(() => procedure(input));
        const { outcome, result } = await outcomeOf(() => run);
        expect(outcome).toBe(want);
        const guard = procedures.find(([p]) => p === path)![1]._def.meta!.guard;
        checksMatchGuard(path, guard, spec, outcome, summarise(checks));
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
      const procedure = procedureAt(caller, path);
      await procedure(input);
      const events = await db.auditEvent.findMany({ where: { requestId: ctx.requestId } });
      expect(events.length, `${path} (${guard}) wrote no audit event`).toBeGreaterThan(0);
      for (const e of events) expect(e.actorId).toBe(userId);
    });
  }
});
