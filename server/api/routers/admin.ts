import { guardedProcedure, router } from "@/server/api/trpc";
import { createAreaSchema, createUserSchema, grantMembershipSchema, revokeMembershipSchema } from "@/server/schemas/admin";
import { adminOverview, createArea, createUser, grantMembership, revokeMembership } from "@/server/services/admin/admin";

export const adminRouter = router({
  overview: guardedProcedure("admin.manage").query(({ ctx }) => adminOverview(ctx)),
  createArea: guardedProcedure("admin.manage").input(createAreaSchema).mutation(({ ctx, input }) => createArea(ctx, input)),
  createUser: guardedProcedure("admin.manage").input(createUserSchema).mutation(({ ctx, input }) => createUser(ctx, input)),
  grantMembership: guardedProcedure("admin.manage")
    .input(grantMembershipSchema)
    .mutation(({ ctx, input }) => grantMembership(ctx, input)),
  revokeMembership: guardedProcedure("admin.manage")
    .input(revokeMembershipSchema)
    .mutation(({ ctx, input }) => revokeMembership(ctx, input.membershipId)),
});
