import { guardedProcedure, router } from "@/server/api/trpc";
import { bySlug } from "@/server/schemas/common";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/server/schemas/api-token";
import { createApiToken, listApiTokens, revokeApiToken } from "@/server/services/api/api-tokens";

/** The area's API tokens (/api/v1): its plan lead's, or an administrator's (server/services/api/api-tokens.ts). */
export const apiTokenRouter = router({
  list: guardedProcedure("apiToken.manage").input(bySlug).query(({ ctx, input }) => listApiTokens(ctx, input.slug)),
  /** The answer holds the token's secret: the only time it is shown. */
  create: guardedProcedure("apiToken.manage").input(createApiTokenSchema).mutation(({ ctx, input }) => createApiToken(ctx, input)),
  revoke: guardedProcedure("apiToken.manage").input(revokeApiTokenSchema).mutation(({ ctx, input }) => revokeApiToken(ctx, input.id)),
});
