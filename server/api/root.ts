import { actionRouter } from "@/server/api/routers/action";
import { adminRouter } from "@/server/api/routers/admin";
import { areaRouter } from "@/server/api/routers/area";
import { findingRouter } from "@/server/api/routers/finding";
import { measureRouter } from "@/server/api/routers/measure";
import { planRouter } from "@/server/api/routers/plan";
import { evidenceRouter } from "@/server/api/routers/evidence";
import { planTransferRouter } from "@/server/api/routers/plan-transfer";
import { createCallerFactory, router } from "@/server/api/trpc";

export const appRouter = router({
  area: areaRouter,
  action: actionRouter,
  admin: adminRouter,
  plan: planRouter,
  finding: findingRouter,
  measure: measureRouter,
  evidence: evidenceRouter,
  planTransfer: planTransferRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
