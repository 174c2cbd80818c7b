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

export type SearchParams = Record<string, string | string[] | undefined>;

const DEFAULTS = nationalOverviewSchema.parse({});
const VIEW_KEYS = ["sort", "dir", "region", "planType", "followUp", "adviser", "adviserView"] as const;

/**
 * The view an address asks for, read leniently: a value that makes no sense is dropped, as if it
 * were not there. The page and its export read the address with this, so they show the same.
 */
export function nationalViewFrom(params: SearchParams): NationalOverviewInput {
  const view: NationalOverviewInput = { ...DEFAULTS };
  const shape = nationalOverviewSchema.shape;
  for (const key of VIEW_KEYS) {
    const value = params[key];
    if (typeof value !== "string" || value === "") continue;
    const parsed = shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) (view as Record<string, unknown>)[key] = parsed.data;
  }
  return view;
}

/** The view as an address's query, defaults left out, so the plain address is the default view. */
export function nationalViewQuery(view: NationalOverviewInput): Record<string, string | undefined> {
  const sorted = view.sort !== DEFAULTS.sort || view.dir !== DEFAULTS.dir;
  return {
    sort: sorted ? view.sort : undefined,
    dir: sorted ? view.dir : undefined,
    region: view.region || undefined,
    planType: view.planType || undefined,
    followUp: view.followUp || undefined,
    adviser: view.adviser || undefined,
    adviserView: view.adviserView || undefined,
  };
}
