import { guardedProcedure, router } from "@/server/api/trpc";
import { byId } from "@/server/schemas/common";
import { actionById } from "@/server/services/actions";

export const actionRouter = router({
  byId: guardedProcedure("plan.read").input(byId).query(({ ctx, input }) => actionById(ctx, input.id)),
});
