import { router } from "@/server/api/trpc";

export const snapshotRouter = router({});
