/**
 * The readiness grid on the seeded demo (Northbridge): delivery and impact side by side, the
 * forum's current verdict, its disagreements and the adviser's latest view, for each finding.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/demo-data";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { planState } from "@/server/services/plans/plan-state";
import { actingAs, testDb } from "@/server/testing/harness";

let db: PrismaClient;
const userByEmail = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;

beforeAll(async () => {
  db = testDb();
  await seedDemo(db);
}, 120_000);
afterAll(() => db.$disconnect());

async function homeAs(email: string) {
  const { api } = await actingAs(db, await userByEmail(email));
  const home = await api.area.home({ slug: "northbridge" });
  return { home, byRef: new Map(home.plan!.findings.map((f) => [f.ref, f])) };
}

describe("the readiness grid on the demo", () => {
  it("gives each finding the forum's current verdict and counts only current disagreements", async () => {
    const { byRef } = await homeAs("lead@northbridge.example");
    // Finding 5: the forum's verdict on the finding itself; action 5.2's DISAGREE superseded an
    // earlier verdict and is the one that counts; 5.1's AGREE is not a disagreement.
    expect(byRef.get("5")!.voices.verdict).toMatchObject({ verdict: "AGREE_WITH_COMMENTS", levelRecognised: "ENGAGING" });
    expect(byRef.get("5")!.voices.disagreements).toBe(1);
    // Finding 3: a verdict on one of its actions, none on the finding, no disagreement.
    expect(byRef.get("3")!.voices.verdict).toBeNull();
    expect(byRef.get("3")!.voices.disagreements).toBe(0);
  });

  it("shows the adviser's latest view to the lead, and leaves it out for the forum", async () => {
    const { byRef, home } = await homeAs("lead@northbridge.example");
    expect(home.viewerCan.seeAdviserViews).toBe(true);
    expect(byRef.get("1")!.voices.adviserView).toMatchObject({ view: "AT_RISK" });
    expect(byRef.get("2")!.voices.adviserView).toMatchObject({ view: "LIKELY_SUFFICIENT" });
    expect(byRef.get("4")!.voices.adviserView).toMatchObject({ view: "UNLIKELY" });
    expect(byRef.get("3")!.voices.adviserView).toBeNull();

    const forum = await homeAs("forum@northbridge.example");
    expect(forum.home.viewerCan.seeAdviserViews).toBe(false);
    for (const f of forum.home.plan!.findings) expect(f.voices).not.toHaveProperty("adviserView");
  });

  it("keeps delivery and impact as two answers, and agrees with the state a snapshot freezes", async () => {
    const { home } = await homeAs("adviser@headway.example");
    const state = await planState(db, home.area.id, new Date());
    expect(state!.findings.map((f) => f.ref)).toEqual(home.plan!.findings.map((f) => f.ref));
    for (const [i, f] of home.plan!.findings.entries()) {
      expect(f.delivery.status).toMatch(/^(COMPLETE|GREEN|AMBER|RED|NO_ACTIONS)$/);
      expect(f.impact.status).toMatch(/^(ON_TRACK|AMBER|OFF_TRACK|NO_DATA|NO_MEASURES)$/);
      expect(state!.findings[i]!.delivery.status).toBe(f.delivery.status);
      expect(state!.findings[i]!.impact.status).toBe(f.impact.status);
      expect(state!.findings[i]!.disagreements).toBe(f.voices.disagreements);
    }
    // The demo is built to show a spread: not every finding is in the same place on either axis.
    expect(new Set(home.plan!.findings.map((f) => f.delivery.status)).size).toBeGreaterThan(1);
  });
});
