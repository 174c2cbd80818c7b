/**
 * Writers at the same moment, through the real procedures, on a real PostgreSQL server:
 *  - two editors saving one action from the same version: one save, one conflict, nothing merged;
 *  - check-ins on one action at once: every one kept, the action showing the latest;
 *  - 200 check-ins on 200 actions at once: all stored, each with its audit event;
 *  - a plan workbook submitted twice, at once or one after the other: applied once.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it} from "vitest";
import { createAreaWithPlan, createLocalArea, createMembership, createUser, day } from "@/prisma/factories";
import { createCaller } from "@/server/api/root";
import { PrismaClient } from "@/server/generated/prisma/client";
import { planRows, writeXlsx, type SheetRows } from "@/server/services/plan-transfer/plan-export";
import { loadAreaState } from "@/server/services/plan-transfer/workbook-state";
import { postWorkbook } from "@/server/services/plan-transfer/testing-requests";
import { viewerOf } from "@/server/api/trpc";
import { contextFor, details } from "@/server/testing/harness";
import { testDatabaseUrl } from "@/server/testing/worker";

/** The app's own pool size (server/db.ts): 200 requests at once queue for its connections. */
const POOL = 10;
const CONCURRENT_ACTIONS = 200;

let db: PrismaClient;
beforeAll(() => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: POOL }) });
});
afterAll(() => db.$disconnect());

/** A request as the app makes one: a fresh context (session read from the database, own request id). */
async function request(userId: string) {
  const ctx = await contextFor(db, userId);
  return { api: createCaller(ctx), requestId: ctx.requestId };
}

async function member(localAreaId: string, role: "LEAD" | "CONTRIBUTOR") {
  const user = await createUser(db);
  await createMembership(db, { userId: user.id, localAreaId, role });
  return user.id;
}

const DRAFT = { plan: { status: "DRAFT", submittedDate: null, acceptedDate: null } } as const;

describe("two editors on one action", () => {
  it("from the same version: exactly one save, one conflict showing the winner's values, and nothing merged", async () => {
    const area = await createAreaWithPlan(db, DRAFT);
    const [alice, bob] = [await member(area.localAreaId, "LEAD"), await member(area.localAreaId, "LEAD")];
    // Several rounds, each from the version the last left: a race that happens only sometimes still shows.
    for (let round = 0; round < 10; round++) {
      const a = await request(alice);
      const b = await request(bob);
      const [formA, formB] = await Promise.all([a.api.action.forEdit({ id: area.actionId }), b.api.action.forEdit({ id: area.actionId })]);
      expect(formB.values.version).toBe(formA.values.version);
      const base = formA.values.version;
      const edits = {
        alice: { ...formA.values, title: `Alice's title ${round}`, startDate: "2026-01-10" },
        bob: { ...formB.values, title: `Bob's title ${round}`, description: `Bob's description ${round}` },
      };
      const [ra, rb] = await Promise.allSettled([a.api.action.update(edits.alice), b.api.action.update(edits.bob)]);

      const saved = [ra, rb].filter((r) => r.status === "fulfilled");
      const refused = [ra, rb].filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(saved, `round ${round}`).toHaveLength(1);
      expect(refused).toHaveLength(1);
      const conflict = refused[0]!.reason as TRPCError;
      expect(conflict).toBeInstanceOf(TRPCError);
      expect(conflict.code).toBe("CONFLICT");

      const winner = ra.status === "fulfilled" ? "alice" : "bob";
      const row = await db.action.findUniqueOrThrow({ where: { id: area.actionId } });
      expect(row.version).toBe(base + 1);
      expect(row.title).toBe(edits[winner].title);
      // The loser's own change is nowhere: not merged into the winner's save.
      if (winner === "alice") expect(row.description).toBe(formA.values.description);
      else expect(row.startDate?.toISOString().slice(0, 10)).toBe(formB.values.startDate);
      // The refusal shows the loser the record as the winner left it, to reapply their change.
      expect(details(conflict).current).toMatchObject({ version: base + 1, title: edits[winner].title });
      expect(await db.auditEvent.count({ where: { action: "action.update", entityId: area.actionId, requestId: { in: [a.requestId, b.requestId] } } })).toBe(1);
    }
  }, 60_000);

  it("posting check-ins at once: every update is kept and the action shows the latest", async () => {
    const area = await createAreaWithPlan(db);
    const lead = await member(area.localAreaId, "LEAD");
    const owner = await member(area.localAreaId, "CONTRIBUTOR");
    await db.action.update({ where: { id: area.actionId }, data: { ownerId: owner } });
    // A check-in adds to the action's timeline and moves its current state; nothing is edited in place,
    // so there is no version to lose: all are kept, and the action matches the newest.
    for (let round = 0; round < 5; round++) {
      const posts = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          const { api, requestId } = await request(i % 2 ? owner : lead);
          return { requestId, input: { actionId: area.actionId, narrative: `Round ${round}, post ${i}.`, progress: 10 * round + i, status: "IN_PROGRESS" as const, ragOverride: "" as const, ragOverrideReason: "" }, api };
        }),
      );
      const results = await Promise.allSettled(posts.map((p) => p.api.action.postUpdate(p.input)));
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      const updates = await db.actionUpdate.findMany({ where: { actionId: area.actionId, narrative: { startsWith: `Round ${round},` } } });
      expect(updates).toHaveLength(8);
      expect(await db.auditEvent.count({ where: { action: "action.postUpdate", requestId: { in: posts.map((p) => p.requestId) } } })).toBe(8);
      // The newest on the timeline (two in the same millisecond are both newest) is what the action says.
      const timeline = await db.actionUpdate.findMany({ where: { actionId: area.actionId }, select: { createdAt: true, progress: true, status: true } });
      const newestAt = Math.max(...timeline.map((u) => u.createdAt.getTime()));
      const newest = timeline.filter((u) => u.createdAt.getTime() === newestAt).map((u) => ({ progress: u.progress, status: u.status }));
      const action = await db.action.findUniqueOrThrow({ where: { id: area.actionId } });
      expect(action.lastUpdateAt?.getTime()).toBe(newestAt);
      expect(newest, `round ${round}`).toContainEqual({ progress: action.progress, status: action.status });
    }
  }, 60_000);
});

describe(`${CONCURRENT_ACTIONS} check-ins on ${CONCURRENT_ACTIONS} actions at once`, () => {
  it("are all stored, each with its audit event, and none fails", async () => {
    const area = await createAreaWithPlan(db);
    const lead = await member(area.localAreaId, "LEAD");
    await db.action.createMany({
      data: Array.from({ length: CONCURRENT_ACTIONS }, (_, i) => ({
        localAreaId: area.localAreaId,
        findingId: area.findingId,
        ref: `9.${i + 1}`,
        title: `Concurrent action ${i + 1}`,
        status: "IN_PROGRESS" as const,
        progress: 0,
      })),
    });
    const actions = await db.action.findMany({ where: { findingId: area.findingId, ref: { startsWith: "9." } }, select: { id: true } });
    expect(actions).toHaveLength(CONCURRENT_ACTIONS);

    const requests = await Promise.all(actions.map(() => request(lead)));
    const t0 = Date.now();
    const results = await Promise.allSettled(
      actions.map((a, i) =>
        requests[i]!.api.action.postUpdate({ actionId: a.id, narrative: `Update ${i}.`, progress: 1 + (i % 99), status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" }),
      ),
    );
    const ms = Date.now() - t0;
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

    const ids = actions.map((a) => a.id);
    expect(await db.actionUpdate.count({ where: { actionId: { in: ids } } })).toBe(CONCURRENT_ACTIONS);
    expect(
      await db.auditEvent.count({ where: { action: "action.postUpdate", entityId: { in: ids }, requestId: { in: requests.map((r) => r.requestId) } } }),
    ).toBe(CONCURRENT_ACTIONS);
    const stored = await db.action.findMany({ where: { id: { in: ids } }, select: { id: true, progress: true, lastUpdateAt: true } });
    for (const [i, a] of actions.entries()) {
      const row = stored.find((s) => s.id === a.id)!;
      expect(row.progress).toBe(1 + (i % 99));
      expect(row.lastUpdateAt).not.toBeNull();
    }
    console.log(`[concurrency] ${CONCURRENT_ACTIONS} concurrent check-ins stored in ${ms} ms on a pool of ${POOL}`);
  }, 120_000);
});

describe("a plan workbook submitted twice", () => {
  /** The rows an import could add, by area, for before/after comparison. */
  async function everything(localAreaId: string) {
    const where = { localAreaId };
    return {
      plans: await db.plan.count({ where }),
      inspections: await db.inspection.count({ where }),
      organisations: await db.organisation.count({ where }),
      findings: await db.finding.count({ where }),
      actions: await db.action.count({ where }),
      imports: await db.auditEvent.count({ where: { ...where, action: "plan.import" } }),
      audit: await db.auditEvent.count({ where: { ...where, action: { not: "plan.import.preview" } } }),
    };
  }

  const file = async (rows: Partial<SheetRows>) => [{ name: "plan.xlsx", bytes: new Uint8Array(await writeXlsx(rows)) }];

  /** A submission as the import page makes one, through the upload route, with a fresh context. */
  async function submission(userId: string) {
    const ctx = await contextFor(db, userId);
    const requestCtx = { db, viewer: viewerOf(ctx.session), requestId: ctx.requestId };
    return {
      requestId: ctx.requestId,
      apply: (slug: string, files: Awaited<ReturnType<typeof file>>) => postWorkbook(requestCtx, slug, "apply", files),
    };
  }

  /** A change to area's plan: a new finding with an action, and a new title for the existing action. */
  async function changes(localAreaId: string) {
    const rows = planRows((await loadAreaState(db, localAreaId))!);
    rows.Findings.push({ ref: "8", kind: "Area for improvement", inspectorsWording: "Inspectors' words.", summary: "A new finding." });
    rows.Actions.push({ findingRef: "8", ref: "8.1", title: "Answer the new finding", leadOrganisation: rows.Actions[0]!.leadOrganisation });
    rows.Actions[0]!.title = "A clearer title";
    return file(rows);
  }

  /** A plan for an area that has none: no organisations, so no unique name stands in the way of a second copy. */
  async function newPlan(localAreaId: string) {
    const area = await db.localArea.findUniqueOrThrow({ where: { id: localAreaId } });
    return file({
      Plan: [{ localArea: area.name, laCode: area.laCode, region: "north west", planType: "Priority action plan", framework: "2023 framework", inspectionDate: day(-200) }],
      Findings: [
        { ref: "1", kind: "area for priority action", inspectorsWording: "Words.", summary: "First." },
        { ref: "2", kind: "area for priority action", inspectorsWording: "Words.", summary: "Second." },
      ],
      Actions: [{ findingRef: "1", ref: "1.1", title: "Agree the plan with families" }],
    });
  }

  const scenarios = [
    { name: "that changes a plan", area: async () => (await createAreaWithPlan(db, DRAFT)).localAreaId, file: changes, created: { findings: 1, actions: 1, plans: 0 } },
    { name: "that starts a plan", area: async () => (await createLocalArea(db)).id, file: newPlan, created: { findings: 2, actions: 1, plans: 1 } },
  ];

  for (const s of scenarios) {
    it(`${s.name}, one submission after the other: the second changes nothing`, async () => {
      const localAreaId = await s.area();
      const slug = (await db.localArea.findUniqueOrThrow({ where: { id: localAreaId } })).slug;
      const lead = await member(localAreaId, "LEAD");
      const files = await s.file(localAreaId);
      const before = await everything(localAreaId);
      expect((await (await submission(lead)).apply(slug, files)).body.status).toBe("applied");
      const once = await everything(localAreaId);
      expect(once).toMatchObject({ plans: before.plans + s.created.plans, findings: before.findings + s.created.findings, actions: before.actions + s.created.actions, imports: 1 });
      expect((await (await submission(lead)).apply(slug, files)).body.status).toBe("unchanged");
      expect(await everything(localAreaId)).toEqual(once);
    }, 60_000);

    it(`${s.name}, two submissions at once: applied once, the other told so, no duplicate rows or audit`, async () => {
      for (let round = 0; round < 5; round++) {
        const localAreaId = await s.area();
        const slug = (await db.localArea.findUniqueOrThrow({ where: { id: localAreaId } })).slug;
        const lead = await member(localAreaId, "LEAD");
        const files = await s.file(localAreaId);
        const before = await everything(localAreaId);
        const [first, second] = [await submission(lead), await submission(lead)];
        const results = await Promise.all([first.apply(slug, files), second.apply(slug, files)]);

        const applied = results.filter((r) => r.status === 200 && r.body.status === "applied");
        expect(applied, `round ${round}: ${JSON.stringify(results.map((r) => (r.status === 200 ? r.body.status : `${r.status} ${r.body.message}`)))}`).toHaveLength(1);
        // The other one: nothing left to do, or refused as a change made meanwhile (409); either way it says so.
        const other = results.find((r) => !(r.status === 200 && r.body.status === "applied"))!;
        if (other.status === 200) expect(other.body.status).toBe("unchanged");
        else expect(other.status).toBe(409);
        expect(await everything(localAreaId)).toMatchObject({
          plans: before.plans + s.created.plans,
          findings: before.findings + s.created.findings,
          actions: before.actions + s.created.actions,
          imports: 1,
        });
        const events = await db.auditEvent.findMany({ where: { localAreaId, requestId: { in: [first.requestId, second.requestId] } }, select: { requestId: true } });
        expect(new Set(events.map((e) => e.requestId)).size, "audit events from both submissions").toBe(1);
      }
    }, 120_000);
  }
});

