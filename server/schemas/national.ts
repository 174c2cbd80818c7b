/** Inputs of the national view. Browser-safe: the page reads the address bar with these. */
import { z } from "zod";
import { PlanType, Region } from "@/server/generated/prisma/enums";
import { ADVISER_VIEW_FILTERS, FOLLOW_UP_FILTERS, NATIONAL_SORT_KEYS } from "@/server/domain/national-table";
import { id } from "@/server/schemas/common";

export const nationalOverviewSchema = z.object({
  sort: z.enum(NATIONAL_SORT_KEYS).default("area"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  region: z.enum(Region).optional(),
  planType: z.enum(PlanType).optional(),
  followUp: z.enum(FOLLOW_UP_FILTERS).optional(),
  /** The areas one person advises (their user id). */
  adviser: id.optional(),
  adviserView: z.enum(ADVISER_VIEW_FILTERS).optional(),
});

export type NationalOverviewInput = z.infer<typeof nationalOverviewSchema>;

/** The export's format, beside the view's own sort and filters. */
export const NATIONAL_EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type NationalExportFormat = (typeof NATIONAL_EXPORT_FORMATS)[number];
