import { guardedProcedure, router } from "@/server/api/trpc";
import { compareSchema } from "@/server/schemas/statistics";
import { statisticsOverview } from "@/server/services/statistics/catalogue";
import { compareAreas } from "@/server/services/statistics/compare";

/** Published statistics: the catalogue of standard measures, what is held for each, and the national ranking. */
export const statisticsRouter = router({
  /** The administrator's page: the catalogue, the figures and neighbours imported, the saved mappings. */
  overview: guardedProcedure("admin.manage").query(({ ctx }) => statisticsOverview(ctx)),
  /**
   * Areas ranked on a catalogue measure by their latest published figure. Signed-in is all the
   * guard can say: the service lets in the national team (every area) and advisers (their areas).
   */
  compare: guardedProcedure("signedIn").input(compareSchema).query(({ ctx, input }) => compareAreas(ctx, input)),
});
