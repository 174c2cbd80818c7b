import { guardedProcedure, router } from "@/server/api/trpc";
import { activitySchema, historySchema } from "@/server/schemas/history";
import { areaActivity, recordHistory } from "@/server/services/history/history";

/** Who changed what and when, from the audit trail. The activity download is app/api/local-areas/[slug]/activity. */
export const historyRouter = router({
  /** An action's, finding's, measure's or plan's history, for anyone who may read it: what they may not read is left out. */
  ofRecord: guardedProcedure("plan.read").input(historySchema).query(({ ctx, input }) => recordHistory(ctx, input)),
  /** The area's activity, filtered: its LEAD and ADVISER. */
  activity: guardedProcedure("activity.read").input(activitySchema).query(({ ctx, input }) => areaActivity(ctx, input)),
});
