import { router } from "@/server/api/trpc";

/** The plan editor: plan details, findings, actions' structure and the area's organisations. */
export const planRouter = router({});
