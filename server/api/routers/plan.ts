import { guardedProcedure, router } from "@/server/api/trpc";
import { bySlug } from "@/server/schemas/common";
import { createOrganisationSchema, createPlanSchema, recordInspectionSchema, updatePlanSchema } from "@/server/schemas/plan";
import { createOrganisation } from "@/server/services/plans/organisations";
import { createPlan, planSettings, recordInspection, updatePlan } from "@/server/services/plans/plans";

/** The plan editor: the plan's details, its inspections and the area's organisations. */
export const planRouter = router({
  settings: guardedProcedure("plan.edit").input(bySlug).query(({ ctx, input }) => planSettings(ctx, input.slug)),
  create: guardedProcedure("plan.edit").input(createPlanSchema).mutation(({ ctx, input }) => createPlan(ctx, input)),
  update: guardedProcedure("plan.edit").input(updatePlanSchema).mutation(({ ctx, input }) => updatePlan(ctx, input)),
  recordInspection: guardedProcedure("plan.edit")
    .input(recordInspectionSchema)
    .mutation(({ ctx, input }) => recordInspection(ctx, input)),
  addOrganisation: guardedProcedure("plan.edit")
    .input(createOrganisationSchema)
    .mutation(({ ctx, input }) => createOrganisation(ctx, input)),
});
