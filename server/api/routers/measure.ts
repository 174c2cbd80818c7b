import { guardedProcedure, router } from "@/server/api/trpc";
import { byId, bySlug } from "@/server/schemas/common";
import {
  createMeasureSchema,
  pasteValuesSchema,
  recordValueSchema,
  setValueStatusSchema,
  updateMeasureSchema,
} from "@/server/schemas/measure";
import { pasteValues, recordValue, setValueStatus } from "@/server/services/measures/measure-values";
import { createMeasure, listMeasures, measureById, measureFormChoices, updateMeasure } from "@/server/services/measures/measures";

/** Measures: definition, trajectory (baseline, milestones, target) and values. */
export const measureRouter = router({
  /** The current plan's measures with their status. */
  list: guardedProcedure("plan.read").input(bySlug).query(({ ctx, input }) => listMeasures(ctx, input.slug)),
  /** What the new-measure form offers: the current plan's findings and who may own a measure. */
  formChoices: guardedProcedure("plan.edit").input(bySlug).query(({ ctx, input }) => measureFormChoices(ctx, input.slug)),
  byId: guardedProcedure("plan.read").input(byId).query(({ ctx, input }) => measureById(ctx, input.id)),
  create: guardedProcedure("plan.edit").input(createMeasureSchema).mutation(({ ctx, input }) => createMeasure(ctx, input)),
  /** Refused with CONFLICT (and the measure as it is now) when someone saved since `version`. */
  update: guardedProcedure("plan.edit").input(updateMeasureSchema).mutation(({ ctx, input }) => updateMeasure(ctx, input)),
  recordValue: guardedProcedure("measure.enterValues").input(recordValueSchema).mutation(({ ctx, input }) => recordValue(ctx, input)),
  /** All or nothing: a line that cannot be read refuses the paste with `details.lineErrors`. */
  pasteValues: guardedProcedure("measure.enterValues").input(pasteValuesSchema).mutation(({ ctx, input }) => pasteValues(ctx, input)),
  setValueStatus: guardedProcedure("measure.enterValues")
    .input(setValueStatusSchema)
    .mutation(({ ctx, input }) => setValueStatus(ctx, input)),
});
