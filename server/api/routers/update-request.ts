import { router } from "@/server/api/trpc";

export const updateRequestRouter = router({});
