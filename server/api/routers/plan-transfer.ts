import { router } from "@/server/api/trpc";

/** Plan workbook import (dry run, apply) and export. */
export const planTransferRouter = router({});
