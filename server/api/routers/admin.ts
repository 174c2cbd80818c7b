import { guardedProcedure, router } from "@/server/api/trpc";
import { adminOverviewSchema, createAreaSchema, createUserSchema, grantMembershipSchema, personRolesSchema, revokeMembershipSchema } from "@/server/schemas/admin";
import { adminOverview, createArea, createUser, grantMembership, personRoles, revokeMembership } from "@/server/services/admin/admin";

export const adminRouter = router({
  overview: guardedProcedure("admin.manage").input(adminOverviewSchema).query(({ ctx, input }) => adminOverview(ctx, input)),
  personRoles: guardedProcedure("admin.manage").input(personRolesSchema).query(({ ctx, input }) => personRoles(ctx, input.userId)),
  createArea: guardedProcedure("admin.manage").input(createAreaSchema).mutation(({ ctx, input }) => createArea(ctx, input)),
  createUser: guardedProcedure("admin.manage").input(createUserSchema).mutation(({ ctx, input }) => createUser(ctx, input)),
  grantMembership: guardedProcedure("admin.manage")
    .input(grantMembershipSchema)
    .mutation(({ ctx, input }) => grantMembership(ctx, input)),
  revokeMembership: guardedProcedure("admin.manage")
    .input(revokeMembershipSchema)
    .mutation(({ ctx, input }) => revokeMembership(ctx, input.membershipId)),
});
