import { guardedProcedure, router } from "@/server/api/trpc";
import { byId, bySlug } from "@/server/schemas/common";
import { acknowledgeSchema, actionFilterSchema, checkInSchema, createActionSchema, updateActionSchema } from "@/server/schemas/plan";
import { actionForEditing, createAction, newActionForm, updateAction } from "@/server/services/plans/action-editor";
import { listActions, myWork } from "@/server/services/actions/action-lists";
import { actionById } from "@/server/services/actions/actions";
import { actionContinues } from "@/server/services/plans/carried-history";
import { acknowledgeUpdate, postUpdate } from "@/server/services/actions/check-ins";

export const actionRouter = router({
  byId: guardedProcedure("plan.read").input(byId).query(({ ctx, input }) => actionById(ctx, input.id)),
  /** The earlier plan's action this one continues, with its evidence, co-production and verdicts; null if none. */
  continues: guardedProcedure("plan.read").input(byId).query(({ ctx, input }) => actionContinues(ctx, input.id)),
  /** The area's actions, filtered as the address bar says. */
  list: guardedProcedure("plan.read").input(actionFilterSchema).query(({ ctx, input }) => listActions(ctx, input)),
  /** The signed-in person's own actions, most urgent first. */
  myWork: guardedProcedure("plan.read").query(({ ctx }) => myWork(ctx)),
  newForm: guardedProcedure("plan.edit").input(bySlug).query(({ ctx, input }) => newActionForm(ctx, input.slug)),
  forEdit: guardedProcedure("plan.edit").input(byId).query(({ ctx, input }) => actionForEditing(ctx, input.id)),
  create: guardedProcedure("plan.edit").input(createActionSchema).mutation(({ ctx, input }) => createAction(ctx, input)),
  update: guardedProcedure("plan.edit").input(updateActionSchema).mutation(({ ctx, input }) => updateAction(ctx, input)),
  /** A check-in: the owner's (or the lead's) update. */
  postUpdate: guardedProcedure("action.update").input(checkInSchema).mutation(({ ctx, input }) => postUpdate(ctx, input)),
  acknowledgeUpdate: guardedProcedure("evidence.review")
    .input(acknowledgeSchema)
    .mutation(({ ctx, input }) => acknowledgeUpdate(ctx, input.updateId)),
});
