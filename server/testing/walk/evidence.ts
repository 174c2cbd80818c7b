/** Walk entries for evidence: links, uploads, review, withdrawal. */
import { createEvidence } from "@/prisma/factories";
import type { Specs } from "@/server/testing/walk/spec";

export const EVIDENCE_SPECS: Specs = {
  "evidence.forTarget": { scope: "area", input: (fx) => ({ actionId: fx.area.actionId }) },
  "evidence.awaitingReview": {
    scope: "area",
    input: (fx) => ({ slug: fx.area.slug }),
    // evidenceAwaitingReview refuses on its own `can(…, "evidence.review")`, not requireCan.
    declaredCheckedBy: "can",
  },
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
    // assertMayAdd asks can() for the target's ADD_CAPABILITY (action.update for an action) and
    // refuses on its own, to word the refusal by ownership.
    declaredCheckedBy: "can",
  },
  "evidence.review": {
    scope: "area",
    input: async (fx, db) => ({ id: (await createEvidence(db, { actionId: fx.area.actionId })).id, decision: "ACCEPTED" }),
    // findForReview refuses on its own `can(…, "evidence.review")`, not requireCan.
    declaredCheckedBy: "can",
  },
  "evidence.setReady": {
    scope: "area",
    input: async (fx, db) => ({
      id: (await createEvidence(db, { actionId: fx.area.actionId, reviewStatus: "ACCEPTED" })).id,
      ready: true,
    }),
    // As evidence.review: findForReview.
    declaredCheckedBy: "can",
  },
  "evidence.withdraw": {
    scope: "area",
    input: async (fx, db) => ({ id: (await createEvidence(db, { actionId: fx.area.actionId })).id, reason: "Shared by mistake" }),
    // As evidence.review: findForReview.
    declaredCheckedBy: "can",
  },
};
