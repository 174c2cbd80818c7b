import { guardedProcedure, router } from "@/server/api/trpc";
import { changeHistorySchema, decideChangeSchema, listChangeRequestsSchema, requestChangeSchema } from "@/server/schemas/change-request";
import { changeHistory, decideChange, listChangeRequests, requestChange } from "@/server/services/plans/change-requests";

/** Changes to an accepted plan's controlled fields: requested by the LEAD, decided by an ADVISER of the area. */
export const changeRequestRouter = router({
  list: guardedProcedure("plan.read").input(listChangeRequestsSchema).query(({ ctx, input }) => listChangeRequests(ctx, input)),
  /** One action's or measure's requests: its change history. */
  history: guardedProcedure("plan.read").input(changeHistorySchema).query(({ ctx, input }) => changeHistory(ctx, input)),
  request: guardedProcedure("plan.edit").input(requestChangeSchema).mutation(({ ctx, input }) => requestChange(ctx, input)),
  /** Only an ADVISER of the request's area: others FORBIDDEN, another area NOT_FOUND; a stale request is a CONFLICT. */
  decide: guardedProcedure("adviser.write").input(decideChangeSchema).mutation(({ ctx, input }) => decideChange(ctx, input)),
});
