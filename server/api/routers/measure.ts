import { router } from "@/server/api/trpc";

/** Measures: definition, trajectory (baseline, milestones, target) and values. */
export const measureRouter = router({});
