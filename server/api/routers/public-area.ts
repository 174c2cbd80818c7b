import { z } from "zod";
import { publicProcedure, router } from "@/server/api/trpc";
import { bySlug, slug } from "@/server/schemas/common";
import { publicAreaPage, publicFindingPage, publishedAreas, serviceStatus } from "@/server/services/public/public-area";

/** A finding's reference as its address carries it (the plan editor's rule: letters, numbers, dots and dashes). */
const findingRef = z.string().trim().min(1).max(12).regex(/^[A-Za-z0-9][A-Za-z0-9.\-]*$/);

/** The public pages for families: no sign-in, published areas only; and the service's status, for anyone. */
export const publicAreaRouter = router({
  /** Every area whose lead has published its page. */
  list: publicProcedure.query(({ ctx }) => publishedAreas(ctx.db)),
  /** One published area's summary; any other slug is not found. */
  bySlug: publicProcedure.input(bySlug).query(({ ctx, input }) => publicAreaPage(ctx.db, input.slug)),
  /** One finding of a published area's current plan; any other slug or ref is not found. */
  finding: publicProcedure.input(z.object({ slug, ref: findingRef })).query(({ ctx, input }) => publicFindingPage(ctx.db, input.slug, input.ref)),
  /** Whether the service is up and its database answers, for the readable status page (/status). */
  serviceStatus: publicProcedure.query(({ ctx }) => serviceStatus(ctx.db)),
});
