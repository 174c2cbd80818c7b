/** The demo seed: what the README promises, and idempotent. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "@/prisma/demo-data";
import { verifyPassword } from "@/server/auth/password";
import { deliveryRag } from "@/server/domain/delivery-rag";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { testDb } from "@/server/testing/harness";

let db: PrismaClient;
beforeAll(async () => {
  db = testDb();
  await seedDemo(db);
}, 120_000);
afterAll(() => db.$disconnect());

describe("the Northbridge demo", () => {
  it("has a WSOA with five findings of four to eight actions each", async () => {
    const area = await db.localArea.findUniqueOrThrow({
      where: { slug: "northbridge" },
      include: { plans: { include: { findings: { include: { actions: true } }, measures: { include: { values: true, milestones: true } } } } },
    });
    expect(area.publicPagePublished).toBe(true);
    const wsoa = area.plans.find((p) => p.type === "WSOA")!;
    expect(wsoa.findings).toHaveLength(5);
    for (const f of wsoa.findings) {
      expect(f.actions.length).toBeGreaterThanOrEqual(4);
      expect(f.actions.length).toBeLessThanOrEqual(8);
    }
    expect(wsoa.measures).toHaveLength(6);
    for (const m of wsoa.measures) {
      expect(m.baselineValue).not.toBeNull();
      expect(m.benchmarkValue).not.toBeNull();
      expect(m.targetValue).not.toBeNull();
      expect(m.milestones.length).toBeGreaterThan(0);
      expect(m.values.length).toBeGreaterThan(3);
    }
    const rags = wsoa.findings.flatMap((f) =>
      f.actions.map((a) => deliveryRag({ ...a, thresholds: { green: 0.9, amber: 0.7 }, today: new Date() }).shown),
    );
    expect(rags).toContain("RED");
    expect(rags).toContain("GREEN");
    expect(rags).toContain("AMBER");
  });

  it("has a revisit expected about five months ahead", async () => {
    const plan = await db.plan.findFirstOrThrow({ where: { localArea: { slug: "northbridge" }, type: "WSOA" }, include: { followUpInspection: true } });
    const days = (plan.followUpInspection!.expectedDate!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(120);
    expect(days).toBeLessThan(180);
  });

  it("has a second area on an APP", async () => {
    const eastmoor = await db.localArea.findUniqueOrThrow({ where: { slug: "eastmoor" }, include: { plans: true } });
    expect(eastmoor.plans.some((p) => p.type === "APP" && p.status === "ACTIVE")).toBe(true);
  });

  it("has a demo account for every role, with the README's password", async () => {
    const users = await db.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, include: { memberships: true } });
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    const roles = new Set(users.flatMap((u) => [...u.memberships.map((m) => m.role as string), ...(u.globalRole ? [u.globalRole] : [])]));
    expect([...roles].sort()).toEqual(["ADMIN", "ADVISER", "CONTRIBUTOR", "FORUM", "LEAD", "NATIONAL", "VIEWER"]);
    for (const u of users) {
      expect(u.isDemo).toBe(true);
      expect(await verifyPassword(DEMO_PASSWORD, u.passwordHash!)).toBe(true);
    }
  });

  it("changes nothing when run again", async () => {
    const counts = async () => [await db.localArea.count(), await db.action.count(), await db.actionUpdate.count(), await db.user.count()];
    const before = await counts();
    expect(await seedDemo(db)).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  });
  it("gives the forum's voice and the adviser's view something to show", async () => {
    const nb = await db.localArea.findUniqueOrThrow({
      where: { slug: "northbridge" },
      include: { forumVerdicts: true, adviserNotes: true, comments: true, youSaidWeDid: true },
    });
    // A current DISAGREE that superseded an earlier verdict, and public verdicts for the public page.
    const disagree = nb.forumVerdicts.find((v) => v.verdict === "DISAGREE")!;
    expect(disagree.supersedesId).not.toBeNull();
    expect(nb.forumVerdicts.filter((v) => v.isPublic).length).toBeGreaterThan(1);
    expect(new Set(nb.adviserNotes.map((n) => n.view))).toEqual(new Set(["AT_RISK", "LIKELY_SUFFICIENT", "UNLIKELY"]));
    expect(nb.comments.some((c) => c.visibility === "INTERNAL")).toBe(true);
    expect(nb.youSaidWeDid.some((y) => y.published)).toBe(true);
    expect(nb.youSaidWeDid.some((y) => !y.published)).toBe(true);
  });
  it("dates each action's last change to its story, not to the moment the demo was seeded", async () => {
    const actions = await db.action.findMany({ where: { localArea: { slug: "northbridge" } }, select: { updatedAt: true } });
    const anHourAgo = Date.now() - 3_600_000;
    for (const a of actions) expect(a.updatedAt.getTime()).toBeLessThan(anHourAgo);
  });
});
