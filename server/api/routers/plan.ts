import { guardedProcedure, router } from "@/server/api/trpc";
import { byId, bySlug } from "@/server/schemas/common";
import { createOrganisationSchema, createPlanSchema, recordInspectionSchema, updateOrganisationSchema, updatePlanSchema } from "@/server/schemas/plan";
import { createOrganisation, updateOrganisation } from "@/server/services/plans/organisations";
import { createPlan, planSettings, recordInspection, updatePlan } from "@/server/services/plans/plans";
import { planHistory, planRecord } from "@/server/services/plans/plan-history";

/** The plan editor: the plan's details, its inspections and the area's organisations; and the area's plans over time. */
export const planRouter = router({
  /** Every plan of the area, newest first: the plan history page. */
  list: guardedProcedure("plan.read").input(bySlug).query(({ ctx, input }) => planHistory(ctx, input.slug)),
  /** One plan as it stands, read-only (a closed or superseded plan above all). */
  record: guardedProcedure("plan.read").input(byId).query(({ ctx, input }) => planRecord(ctx, input.id)),
  settings: guardedProcedure("plan.edit").input(bySlug).query(({ ctx, input }) => planSettings(ctx, input.slug)),
  create: guardedProcedure("plan.edit").input(createPlanSchema).mutation(({ ctx, input }) => createPlan(ctx, input)),
  update: guardedProcedure("plan.edit").input(updatePlanSchema).mutation(({ ctx, input }) => updatePlan(ctx, input)),
  recordInspection: guardedProcedure("plan.edit")
    .input(recordInspectionSchema)
    .mutation(({ ctx, input }) => recordInspection(ctx, input)),
  addOrganisation: guardedProcedure("plan.edit")
    .input(createOrganisationSchema)
    .mutation(({ ctx, input }) => createOrganisation(ctx, input)),
  /** The lead corrects an organisation's name or kind (an import guesses the kind from the name). */
  updateOrganisation: guardedProcedure("plan.edit")
    .input(updateOrganisationSchema)
    .mutation(({ ctx, input }) => updateOrganisation(ctx, input)),
});
