import { guardedProcedure, router } from "@/server/api/trpc";
import { personSchema } from "@/server/schemas/admin";
import { erasePerson, personalDataOf } from "@/server/services/admin/personal-data";

/** A person's rights (PRIVACY.md), exercised by an administrator: a subject access export, and erasure. */
export const personalDataRouter = router({
  export: guardedProcedure("admin.manage").input(personSchema).query(({ ctx, input }) => personalDataOf(ctx, input.userId)),
  erase: guardedProcedure("admin.manage").input(personSchema).mutation(({ ctx, input }) => erasePerson(ctx, input.userId)),
});
