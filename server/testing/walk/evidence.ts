/** Walk entries for evidence: links, uploads, review. */
import { createEvidence } from "@/prisma/factories";
import type { Specs } from "@/server/testing/walk/spec";

export const EVIDENCE_SPECS: Specs = {
  "evidence.forTarget": { scope: "area", input: (fx) => ({ actionId: fx.area.actionId }) },
  "evidence.awaitingReview": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "evidence.addLink": {
    scope: "area",
    // Area A's action, which the CONTRIBUTOR owns: "own" is seen both ways.
    input: (fx) => ({
      actionId: fx.area.actionId,
      title: "Minutes of the co-production workshop",
      kind: "ACTIVITY",
      visibility: "PARTNERS",
      url: "https://evidence.example/minutes",
    }),
    ownerId: (fx) => fx.users.CONTRIBUTOR,
  },
  "evidence.review": {
    scope: "area",
    input: async (fx, db) => ({ id: (await createEvidence(db, { actionId: fx.area.actionId })).id, decision: "ACCEPTED" }),
  },
  "evidence.setReady": {
    scope: "area",
    input: async (fx, db) => ({
      id: (await createEvidence(db, { actionId: fx.area.actionId, reviewStatus: "ACCEPTED" })).id,
      ready: true,
    }),
  },
};
