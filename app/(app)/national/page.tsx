import type { Metadata } from "next";
import { viewFrom, viewHref, type SearchParams } from "@/components/national/address";
import { HowNationalWorkedOut } from "@/components/national/how-national-worked-out";
import { NationalFilters } from "@/components/national/national-filters";
import { NATIONAL_COLUMNS, NationalTable } from "@/components/national/national-table";
import { pluralise } from "@/lib/format/plurals";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { PLAN_TYPE, REGION } from "@/lib/labels";
import { FOLLOW_UP_FILTER_LABEL } from "@/server/domain/national-table";

export const metadata: Metadata = { title: "National view" };

type Props = { searchParams: Promise<SearchParams> };

/** Every area (national team) or the areas advised (advisers), side by side; sorted and filtered through the address. */
export default async function NationalPage({ searchParams }: Props) {
  const view = viewFrom(await searchParams);
  const { scope, rows } = await loadForPage(getQueryClient().fetchQuery(trpc.national.overview.queryOptions(view)), viewHref(view));
  const sortedBy = NATIONAL_COLUMNS.find((c) => c.key === view.sort)!.label.toLowerCase();
  const filters = [
    view.region ? REGION[view.region] : null,
    view.planType ? PLAN_TYPE[view.planType] : null,
    view.followUp ? FOLLOW_UP_FILTER_LABEL[view.followUp] : null,
  ].filter(Boolean);

  return (
    <>
      <h1 className="mb-4 text-4xl">National view</h1>
      <p className="mb-6 text-xl">
        {scope === "ALL"
          ? "Every local area and its current plan, side by side."
          : "The local areas you advise and their current plans, side by side."}{" "}
        Choose a column heading to sort by it, and an area to see its plan.
      </p>
      <NationalFilters view={view} />
      <p className="mb-4" role="status">
        Showing {pluralise(rows.length, "local area")}
        {filters.length ? ` (${filters.join(", ")})` : ""}.
      </p>
      <HowNationalWorkedOut />
      <div className="mt-6">
        {rows.length === 0 ? (
          <p>No local areas match these filters.</p>
        ) : (
          <NationalTable rows={rows} view={view} caption={`Local areas, sorted by ${sortedBy} (${view.dir === "asc" ? "ascending" : "descending"})`} />
        )}
      </div>
    </>
  );
}
