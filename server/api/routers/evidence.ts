import { router } from "@/server/api/trpc";

/** Evidence on actions, findings and measures: links, uploads (through /api/evidence), review. */
export const evidenceRouter = router({});
