/** Inputs of a record's history and of an area's activity page. No server imports: pages use these too. */
import { z } from "zod";
import { id, optionalDay, slug } from "@/server/schemas/common";

/** The records that have a history of their own. */
export const HISTORY_KINDS = ["Action", "Finding", "Measure", "Plan"] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** Shown at first, and added by each "Show more". */
export const HISTORY_STEP = 25;
/** The most one page shows: past it, the area's activity download has the rest. */
export const HISTORY_MAX = 500;
/** The most one activity download holds, newest first. */
export const ACTIVITY_CSV_MAX = 10_000;

const limit = z.number().int().min(1).max(HISTORY_MAX);

export const historySchema = z.object({ kind: z.enum(HISTORY_KINDS), id, limit: limit.optional() });
export type HistoryInput = z.infer<typeof historySchema>;

/** The activity page's filters, as its GET form sends them: "" is "any". */
export const activityFilters = z.object({
  person: z.union([z.literal(""), id]).default(""),
  /** The kind of record, as the audit names it ("Action", "MeasureValue"). */
  kind: z.union([z.literal(""), z.string().regex(/^[A-Za-z]{1,40}$/, "Choose a kind of record")]).default(""),
  from: optionalDay("the start date").default(""),
  to: optionalDay("the end date").default(""),
});
export type ActivityFilters = z.infer<typeof activityFilters>;

export const activitySchema = z.object({ slug, limit: limit.optional() }).and(activityFilters);
export type ActivityInput = z.infer<typeof activitySchema>;

/**
 * The filters from an address's query (the page's searchParams, the download's URL): each one
 * that is not valid is dropped rather than refusing the page, and said so beside its field.
 */
export function activityFiltersFrom(query: Record<string, string | string[] | undefined>): { filters: ActivityFilters; errors: Partial<Record<keyof ActivityFilters, string>> } {
  const one = (key: string) => {
    const v = query[key];
    return (Array.isArray(v) ? v[0] : v) ?? "";
  };
  const filters: ActivityFilters = { person: "", kind: "", from: "", to: "" };
  const errors: Partial<Record<keyof ActivityFilters, string>> = {};
  for (const key of ["person", "kind", "from", "to"] as const) {
    const parsed = activityFilters.shape[key].safeParse(one(key).trim());
    if (parsed.success) filters[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? "Check this filter";
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = "The end date must be the same as or after the start date";
    filters.to = "";
  }
  return { filters, errors };
}

/** How many of the newest changes a page shows, from its `shown` query: a step of HISTORY_STEP, at most HISTORY_MAX. */
export function shownFrom(query: Record<string, string | string[] | undefined>): number {
  const raw = Array.isArray(query.shown) ? query.shown[0] : query.shown;
  const n = Number.parseInt(raw ?? "", 10);
  if (!Number.isFinite(n) || n < HISTORY_STEP) return HISTORY_STEP;
  return Math.min(HISTORY_MAX, Math.ceil(n / HISTORY_STEP) * HISTORY_STEP);
}

/** The `shown` for the "Show more" link, or undefined when the page already shows the most it may. */
export function moreShown(shown: number): string | undefined {
  return shown >= HISTORY_MAX ? undefined : String(Math.min(HISTORY_MAX, shown + HISTORY_STEP));
}
