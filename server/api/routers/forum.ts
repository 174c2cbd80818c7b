import { router } from "@/server/api/trpc";

export const forumRouter = router({});
