import { z } from "zod";
import { AreaRole, Region } from "@/server/generated/prisma/enums";
import { email, id, textInput } from "@/server/schemas/common";

export const areaRole = z.enum(AreaRole, "Choose a role");

export const createUserSchema = z.object({
  email,
  name: textInput().trim().min(1, "Enter the person's full name").max(120, "Name must be 120 characters or fewer"),
  jobTitle: textInput().trim().max(120, "Job title must be 120 characters or fewer").optional(),
});

export const grantMembershipSchema = z.object({
  userId: textInput().min(1, "Choose a person").pipe(id),
  localAreaId: textInput().min(1, "Choose a local area").pipe(id),
  role: areaRole,
});

/** The administration page's people list: search words and the page of results (from the address, so checked here). */
export const adminOverviewSchema = z
  .object({
    q: textInput().max(100, "Search for 100 characters or fewer").optional(),
    page: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .optional();
export type AdminOverviewInput = NonNullable<z.infer<typeof adminOverviewSchema>>;

export const personRolesSchema = z.object({ userId: id });

export const revokeMembershipSchema = z.object({ membershipId: id });

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type GrantMembershipInput = z.infer<typeof grantMembershipSchema>;

export const createAreaSchema = z.object({
  name: textInput().trim().min(2, "Enter the local area's name").max(100, "Name must be 100 characters or fewer"),
  laCode: z
    .string()
    .trim()
    .regex(/^[0-9]{3}$/, "Enter the DfE local authority code: three digits, like 941"),
  region: z.enum(Region, "Choose a region"),
});

export type CreateAreaInput = z.infer<typeof createAreaSchema>;

/** A person whose data is exported or erased (server/services/admin/personal-data.ts). */
export const personSchema = z.object({ userId: id });
