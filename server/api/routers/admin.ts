import { guardedProcedure, router } from "@/server/api/trpc";
import { createUserSchema, grantMembershipSchema, revokeMembershipSchema } from "@/server/schemas/admin";
import { adminOverview, createUser, grantMembership, revokeMembership } from "@/server/services/admin";

export const adminRouter = router({
  overview: guardedProcedure("admin.manage").query(({ ctx }) => adminOverview(ctx)),
  createUser: guardedProcedure("admin.manage").input(createUserSchema).mutation(({ ctx, input }) => createUser(ctx, input)),
  grantMembership: guardedProcedure("admin.manage")
    .input(grantMembershipSchema)
    .mutation(({ ctx, input }) => grantMembership(ctx, input)),
  revokeMembership: guardedProcedure("admin.manage")
    .input(revokeMembershipSchema)
    .mutation(({ ctx, input }) => revokeMembership(ctx, input.membershipId)),
});
