import { guardedProcedure, router } from "@/server/api/trpc";
import { transferOverview } from "@/server/services/plan-transfer/plan-transfer";
import { bySlug } from "@/server/schemas/common";

/**
 * The plan workbook page. The files travel outside tRPC: the export download is
 * app/api/local-areas/[slug]/plan-export, the import (check, apply) app/api/local-areas/[slug]/plan-import.
 */
export const planTransferRouter = router({
  /** The import page: the area and its current plan. Plan lead only. */
  overview: guardedProcedure("plan.edit").input(bySlug).query(({ ctx, input }) => transferOverview(ctx, input.slug)),
});
