import { guardedProcedure, router } from "@/server/api/trpc";
import { byId, bySlug } from "@/server/schemas/common";
import { addEvidenceLinkSchema } from "@/server/schemas/evidence";
import {
  draftYouSaidWeDidSchema,
  editYouSaidWeDidSchema,
  forumCommentSchema,
  recordCoproductionSchema,
  recordVerdictSchema,
  setClaimedLevelSchema,
  verdictTargetSchema,
} from "@/server/schemas/forum";
import { coproductionForAction, recordCoproduction, setClaimedLevel } from "@/server/services/forum/coproduction";
import { addForumEvidenceLink } from "@/server/services/evidence/evidence";
import { forumDisagreements, forumView } from "@/server/services/forum/forum-view";
import { recordVerdict, verdictsFor } from "@/server/services/forum/verdicts";
import {
  commentOnYouSaidWeDid,
  draftYouSaidWeDid,
  editYouSaidWeDid,
  publishYouSaidWeDid,
  youSaidWeDidForArea,
} from "@/server/services/forum/you-said-we-did";

/**
 * Co-production and the parent carer forum's voice. Verdicts have no update or remove: a new
 * verdict from a member of the forum is the only way to change one. "You said, we did" is drafted by
 * either side through its own procedure (the forum proposes, the lead drafts), each held to its
 * own capability.
 */
export const forumRouter = router({
  view: guardedProcedure("plan.read").input(bySlug).query(({ ctx, input }) => forumView(ctx, input.slug)),
  disagreements: guardedProcedure("plan.read").input(bySlug).query(({ ctx, input }) => forumDisagreements(ctx, input.slug)),

  coproductionForAction: guardedProcedure("plan.read").input(byId).query(({ ctx, input }) => coproductionForAction(ctx, input.id)),
  recordCoproduction: guardedProcedure("action.update").input(recordCoproductionSchema).mutation(({ ctx, input }) => recordCoproduction(ctx, input)),
  setClaimedLevel: guardedProcedure("action.update").input(setClaimedLevelSchema).mutation(({ ctx, input }) => setClaimedLevel(ctx, input)),

  verdictsFor: guardedProcedure("plan.read").input(verdictTargetSchema).query(({ ctx, input }) => verdictsFor(ctx, input)),
  recordVerdict: guardedProcedure("forum.write").input(recordVerdictSchema).mutation(({ ctx, input }) => recordVerdict(ctx, input)),

  addEvidenceLink: guardedProcedure("forum.write").input(addEvidenceLinkSchema).mutation(({ ctx, input }) => addForumEvidenceLink(ctx, input)),

  youSaidWeDid: guardedProcedure("plan.read").input(bySlug).query(({ ctx, input }) => youSaidWeDidForArea(ctx, input.slug)),
  proposeYouSaidWeDid: guardedProcedure("forum.write")
    .input(draftYouSaidWeDidSchema)
    .mutation(({ ctx, input }) => draftYouSaidWeDid(ctx, input, "forum")),
  draftYouSaidWeDid: guardedProcedure("area.publish")
    .input(draftYouSaidWeDidSchema)
    .mutation(({ ctx, input }) => draftYouSaidWeDid(ctx, input, "lead")),
  reviseProposal: guardedProcedure("forum.write").input(editYouSaidWeDidSchema).mutation(({ ctx, input }) => editYouSaidWeDid(ctx, input, "forum")),
  reviseDraft: guardedProcedure("area.publish").input(editYouSaidWeDidSchema).mutation(({ ctx, input }) => editYouSaidWeDid(ctx, input, "lead")),
  publishYouSaidWeDid: guardedProcedure("area.publish").input(byId).mutation(({ ctx, input }) => publishYouSaidWeDid(ctx, input.id)),
  commentOnYouSaidWeDid: guardedProcedure("forum.write")
    .input(forumCommentSchema)
    .mutation(({ ctx, input }) => commentOnYouSaidWeDid(ctx, input)),
});
