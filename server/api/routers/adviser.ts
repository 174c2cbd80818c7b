import { router } from "@/server/api/trpc";

export const adviserRouter = router({});
