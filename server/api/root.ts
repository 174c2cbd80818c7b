import { actionRouter } from "@/server/api/routers/action";
import { adminRouter } from "@/server/api/routers/admin";
import { areaRouter } from "@/server/api/routers/area";
import { createCallerFactory, router } from "@/server/api/trpc";

export const appRouter = router({
  area: areaRouter,
  action: actionRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
