/**
 * The national view's state lives in its address: sort, direction and filters. Read leniently (a
 * value that makes no sense is dropped, as if it were not there) and written back for links.
 */
import { nationalOverviewSchema, type NationalOverviewInput } from "@/server/schemas/national";
import { routes } from "@/lib/routes";

export type SearchParams = Record<string, string | string[] | undefined>;

const DEFAULTS = nationalOverviewSchema.parse({});

export function viewFrom(params: SearchParams): NationalOverviewInput {
  const view: NationalOverviewInput = { ...DEFAULTS };
  const shape = nationalOverviewSchema.shape;
  for (const key of ["sort", "dir", "region", "planType", "followUp"] as const) {
    const value = params[key];
    if (typeof value !== "string" || value === "") continue;
    const parsed = shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) (view as Record<string, unknown>)[key] = parsed.data;
  }
  return view;
}

/** The address of the view with `change` applied; defaults are left out, so the plain address is the default view. */
export function viewHref(view: NationalOverviewInput, change: Partial<NationalOverviewInput> = {}): string {
  const next = { ...view, ...change };
  const sorted = next.sort !== DEFAULTS.sort || next.dir !== DEFAULTS.dir;
  return routes.national({
    sort: sorted ? next.sort : undefined,
    dir: sorted ? next.dir : undefined,
    region: next.region || undefined,
    planType: next.planType || undefined,
    followUp: next.followUp || undefined,
  });
}
