import { guardedProcedure, router } from "@/server/api/trpc";
import { nationalOverview } from "@/server/services/national/national";
import { nationalOverviewSchema } from "@/server/schemas/national";

export const nationalRouter = router({
  /**
   * One row per area in view. Signed-in is all the guard can say: the service lets in the
   * national team (every area) and advisers (their areas), and refuses everyone else.
   */
  overview: guardedProcedure("signedIn").input(nationalOverviewSchema).query(({ ctx, input }) => nationalOverview(ctx, input)),
});
