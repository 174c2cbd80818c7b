import { router } from "@/server/api/trpc";

export const publicAreaRouter = router({});
