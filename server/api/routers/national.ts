import { router } from "@/server/api/trpc";

export const nationalRouter = router({});
