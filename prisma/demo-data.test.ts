/** The demo seed: what the README promises, and idempotent. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedDemoCopy } from "@/prisma/demo-data";
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

describe("a copy of the demo, as a browser test builds one", () => {
  const shape = async (slug: string) => {
    const area = await db.localArea.findUniqueOrThrow({
      where: { slug },
      select: {
        name: true,
        publicPagePublished: true,
        _count: { select: { plans: true, findings: true, actions: true, measures: true, evidence: true, forumVerdicts: true, memberships: true } },
        memberships: { select: { role: true, user: { select: { email: true } } }, orderBy: { role: "asc" } },
      },
    });
    return area;
  };

  it("has the demo's areas, records and roles under its own addresses and people, and leaves the demo as it was", async () => {
    const demoBefore = await shape("northbridge");
    const copy = await seedDemoCopy(db, "t1a2");
    expect(copy.northbridge).toEqual({ slug: "northbridge-t1a2", name: "Northbridge T1A2" });
    expect(copy.eastmoor).toEqual({ slug: "eastmoor-t1a2", name: "Eastmoor T1A2" });
    expect(copy.emailOf["lead@northbridge.example"]).toBe("lead+t1a2@northbridge.example");
    // The national team and the administrator are everyone's, as in a real deployment.
    expect(copy.emailOf["national@headway.example"]).toBe("national@headway.example");

    const copied = await shape(copy.northbridge.slug);
    expect(copied._count).toEqual(demoBefore._count);
    expect(copied.publicPagePublished).toBe(true);
    expect(copied.memberships.map((m) => [m.role, m.user.email])).toEqual(
      demoBefore.memberships.map((m) => [m.role, copy.emailOf[m.user.email!]]),
    );
    expect(await shape("northbridge")).toEqual(demoBefore);
    const lead = await db.user.findUniqueOrThrow({ where: { email: copy.emailOf["lead@northbridge.example"] } });
    expect(await verifyPassword(DEMO_PASSWORD, lead.passwordHash!)).toBe(true);
  }, 60_000);

  it("refuses a tag that would not make a clean address, and a tag already used", async () => {
    await expect(seedDemoCopy(db, "Bad Tag")).rejects.toThrow(/lower-case letters and digits/);
    await seedDemoCopy(db, "t9");
    await expect(seedDemoCopy(db, "t9")).rejects.toThrow();
  }, 60_000);
});
