/**
 * The national view's state lives in its address: sort, direction and filters. Read leniently (a
 * value that makes no sense is dropped, as if it were not there) and written back for links; the
 * export's links carry the same, so a download holds what the page shows.
 */
import { nationalViewFrom, nationalViewQuery, type NationalExportFormat, type NationalOverviewInput, type SearchParams } from "@/server/schemas/national";
import { routes } from "@/lib/routes";

export type { SearchParams };

export const viewFrom = nationalViewFrom;

/** The address of the view with `change` applied; defaults are left out, so the plain address is the default view. */
export function viewHref(view: NationalOverviewInput, change: Partial<NationalOverviewInput> = {}): string {
  return routes.national(nationalViewQuery({ ...view, ...change }));
}

/** The view as shown, filtered and sorted, as a file. */
export function exportHref(view: NationalOverviewInput, format: NationalExportFormat): string {
  return routes.nationalExport({ format, ...nationalViewQuery(view) });
}
