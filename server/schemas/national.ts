/** Inputs of the national view. Browser-safe: the page reads the address bar with these. */
import { z } from "zod";
import { PlanType, Region } from "@/server/generated/prisma/enums";
import { FOLLOW_UP_FILTERS, NATIONAL_SORT_KEYS } from "@/server/domain/national-table";

export const nationalOverviewSchema = z.object({
  sort: z.enum(NATIONAL_SORT_KEYS).default("area"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  region: z.enum(Region).optional(),
  planType: z.enum(PlanType).optional(),
  followUp: z.enum(FOLLOW_UP_FILTERS).optional(),
});

export type NationalOverviewInput = z.infer<typeof nationalOverviewSchema>;
