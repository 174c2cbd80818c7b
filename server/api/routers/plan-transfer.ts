import { guardedProcedure, router } from "@/server/api/trpc";
import { applyUpload, previewUpload, transferOverview } from "@/server/services/plan-transfer/plan-transfer";
import { bySlug } from "@/server/schemas/common";
import { planImportSchema } from "@/server/schemas/plan-transfer";

/** Plan workbook import (dry run, apply) and export. The export download is app/api/local-areas/[slug]/plan-export. */
export const planTransferRouter = router({
  /** The import page: the area and its current plan. Plan lead only. */
  overview: guardedProcedure("plan.edit").input(bySlug).query(({ ctx, input }) => transferOverview(ctx, input.slug)),
  /** The dry run: what would be created and updated, and every problem. A mutation: files are large. */
  preview: guardedProcedure("plan.edit").input(planImportSchema).mutation(({ ctx, input }) => previewUpload(ctx, input)),
  // "apply" is a reserved word in tRPC routers.
  applyImport: guardedProcedure("plan.edit").input(planImportSchema).mutation(({ ctx, input }) => applyUpload(ctx, input)),
});
