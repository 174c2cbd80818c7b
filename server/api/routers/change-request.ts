import { router } from "@/server/api/trpc";

export const changeRequestRouter = router({});
