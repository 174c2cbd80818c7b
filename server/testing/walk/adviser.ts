/** Walk entries for advisers' notes, judgements and starting an APP. */
import { createAreaWithPlan, createMembership } from "@/prisma/factories";
import type { Fixture, Specs } from "@/server/testing/walk/spec";
import type { PrismaClient } from "@/server/generated/prisma/client";

/**
 * An area whose accepted WSOA has a finding judged not sufficient, where each of the walk's
 * area-A people holds the same role: every APP started uses up its WSOA, so each call gets its own.
 */
async function areaReadyForApp(fx: Fixture, db: PrismaClient) {
  const area = await createAreaWithPlan(db, { finding: { judgement: "NOT_SUFFICIENT", judgementDate: new Date("2025-06-01T00:00:00Z") } });
  for (const role of ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) {
    await createMembership(db, { userId: fx.users[role], localAreaId: area.localAreaId, role });
  }
  return area;
}

export const ADVISER_SPECS: Specs = {
  "adviser.notes": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "adviser.recordNote": {
    scope: "area",
    input: (fx) => ({ slug: fx.area.slug, findingId: fx.area.findingId, note: "Walk note.", view: "AT_RISK", date: "2025-06-01" }),
  },
  "adviser.judgements": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "adviser.recordJudgement": {
    scope: "area",
    input: (fx) => ({
      findingId: fx.area.findingId,
      judgement: "NOT_SUFFICIENT",
      date: "2025-06-01",
      letterUrl: "https://reports.example/revisit-letter",
      inspectionId: "",
    }),
  },
  "adviser.startApp": { scope: "area", input: async (fx, db) => ({ slug: (await areaReadyForApp(fx, db)).slug }) },
};
