import { actionRouter } from "@/server/api/routers/action";
import { adminRouter } from "@/server/api/routers/admin";
import { areaRouter } from "@/server/api/routers/area";
import { findingRouter } from "@/server/api/routers/finding";
import { measureRouter } from "@/server/api/routers/measure";
import { planRouter } from "@/server/api/routers/plan";
import { evidenceRouter } from "@/server/api/routers/evidence";
import { planTransferRouter } from "@/server/api/routers/plan-transfer";
import { nationalRouter } from "@/server/api/routers/national";
import { notificationRouter } from "@/server/api/routers/notification";
import { publicAreaRouter } from "@/server/api/routers/public-area";
import { sessionRouter } from "@/server/api/routers/session";
import { snapshotRouter } from "@/server/api/routers/snapshot";
import { updateRequestRouter } from "@/server/api/routers/update-request";
import { adviserRouter } from "@/server/api/routers/adviser";
import { changeRequestRouter } from "@/server/api/routers/change-request";
import { commentRouter } from "@/server/api/routers/comment";
import { forumRouter } from "@/server/api/routers/forum";
import { personalDataRouter } from "@/server/api/routers/personal-data";
import { historyRouter } from "@/server/api/routers/history";
import { apiTokenRouter } from "@/server/api/routers/api-token";
import { statisticsRouter } from "@/server/api/routers/statistics";
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
  national: nationalRouter,
  snapshot: snapshotRouter,
  publicArea: publicAreaRouter,
  notification: notificationRouter,
  updateRequest: updateRequestRouter,
  forum: forumRouter,
  adviser: adviserRouter,
  changeRequest: changeRequestRouter,
  comment: commentRouter,
  personalData: personalDataRouter,
  history: historyRouter,
  statistics: statisticsRouter,
  session: sessionRouter,
  apiToken: apiTokenRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
