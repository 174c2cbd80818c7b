import { router } from "@/server/api/trpc";

export const commentRouter = router({});
