import { guardedProcedure, publicProcedure, router, viewerOf } from "@/server/api/trpc";
import { byId } from "@/server/schemas/common";
import { byTokenSchema, postViaUpdateRequestSchema, sendUpdateRequestSchema } from "@/server/schemas/update-request";
import {
  listUpdateRequests,
  postViaUpdateRequest,
  revokeUpdateRequest,
  sendUpdateRequest,
  updateRequestByToken,
} from "@/server/services/actions/update-requests";

export const updateRequestRouter = router({
  /** A lead asks someone without an account for one update on an action; the link goes by email only. */
  send: guardedProcedure("evidence.review").input(sendUpdateRequestSchema).mutation(({ ctx, input }) => sendUpdateRequest(ctx, input)),
  /** The lead withdraws a link nobody has used yet; the link's page then says so. */
  revoke: guardedProcedure("evidence.review").input(byId).mutation(({ ctx, input }) => revokeUpdateRequest(ctx, input.id)),
  /** The requests sent on an action: partners' addresses, so not for the forum. */
  listForAction: guardedProcedure("internal.read").input(byId).query(({ ctx, input }) => listUpdateRequests(ctx, input.id)),
  /** The link's page: the token is the permission. */
  byToken: publicProcedure.input(byTokenSchema).query(({ ctx, input }) => updateRequestByToken(ctx.db, input.token)),
  post: publicProcedure
    .input(postViaUpdateRequestSchema)
    .mutation(({ ctx, input }) => postViaUpdateRequest({ ...ctx, viewer: viewerOf(ctx.session) }, input)),
});
