import { guardedProcedure, router } from "@/server/api/trpc";
import { bySlug } from "@/server/schemas/common";
import {
  addEvidenceLinkSchema,
  evidenceTargetSchema,
  reviewEvidenceSchema,
  setReadyForInspectorsSchema,
  withdrawEvidenceSchema,
} from "@/server/schemas/evidence";
import {
  addEvidenceLink,
  evidenceAwaitingReview,
  evidenceFor,
  reviewEvidence,
  setReadyForInspectors,
  withdrawEvidence,
} from "@/server/services/evidence/evidence";

/**
 * Evidence on actions, findings and measures: links, uploads (through /api/evidence), review,
 * and the lead's withdrawal (the file deleted, the record kept).
 * Adding a link names "action.update" as its guard; the service holds a finding to plan.edit and
 * a measure to measure.enterValues, as uploads are.
 */
export const evidenceRouter = router({
  forTarget: guardedProcedure("plan.read").input(evidenceTargetSchema).query(({ ctx, input }) => evidenceFor(ctx, input)),
  awaitingReview: guardedProcedure("evidence.review").input(bySlug).query(({ ctx, input }) => evidenceAwaitingReview(ctx, input.slug)),
  addLink: guardedProcedure("action.update").input(addEvidenceLinkSchema).mutation(({ ctx, input }) => addEvidenceLink(ctx, input)),
  review: guardedProcedure("evidence.review").input(reviewEvidenceSchema).mutation(({ ctx, input }) => reviewEvidence(ctx, input)),
  setReady: guardedProcedure("evidence.review")
    .input(setReadyForInspectorsSchema)
    .mutation(({ ctx, input }) => setReadyForInspectors(ctx, input)),
  withdraw: guardedProcedure("evidence.review").input(withdrawEvidenceSchema).mutation(({ ctx, input }) => withdrawEvidence(ctx, input)),
});
