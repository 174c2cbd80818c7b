import { publicProcedure, router } from "@/server/api/trpc";
import { bySlug } from "@/server/schemas/common";
import { publicAreaPage, publishedAreas } from "@/server/services/public/public-area";

/** The public pages for families: no sign-in, published areas only. */
export const publicAreaRouter = router({
  /** Every area whose lead has published its page. */
  list: publicProcedure.query(({ ctx }) => publishedAreas(ctx.db)),
  /** One published area's page; any other slug is not found. */
  bySlug: publicProcedure.input(bySlug).query(({ ctx, input }) => publicAreaPage(ctx.db, input.slug)),
});
