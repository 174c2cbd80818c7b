import { guardedProcedure, router } from "@/server/api/trpc";
import { byId } from "@/server/schemas/common";
import { createFindingSchema, updateFindingSchema } from "@/server/schemas/plan";
import { createFinding, findingById, findingForEditing, updateFinding } from "@/server/services/plans/findings";
import { findingContinues } from "@/server/services/plans/carried-history";

export const findingRouter = router({
  byId: guardedProcedure("plan.read").input(byId).query(({ ctx, input }) => findingById(ctx, input.id)),
  /** The earlier plan's finding this one continues, with its evidence, verdicts and notes; null if none. */
  continues: guardedProcedure("plan.read").input(byId).query(({ ctx, input }) => findingContinues(ctx, input.id)),
  forEdit: guardedProcedure("plan.edit").input(byId).query(({ ctx, input }) => findingForEditing(ctx, input.id)),
  create: guardedProcedure("plan.edit").input(createFindingSchema).mutation(({ ctx, input }) => createFinding(ctx, input)),
  update: guardedProcedure("plan.edit").input(updateFindingSchema).mutation(({ ctx, input }) => updateFinding(ctx, input)),
});
