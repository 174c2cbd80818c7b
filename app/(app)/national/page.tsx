import type { Metadata } from "next";
import Link from "next/link";
import { exportHref, viewFrom, viewHref, type SearchParams } from "@/components/national/address";
import { HowNationalWorkedOut } from "@/components/national/how-national-worked-out";
import { NationalFilters } from "@/components/national/national-filters";
import { NationalTable } from "@/components/national/national-table";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { routes } from "@/lib/routes";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { filterWords, NATIONAL_SORT_LABEL } from "@/server/domain/national-table";

export const metadata: Metadata = { title: "National view" };

type Props = { searchParams: Promise<SearchParams> };

/** Every area (national team) or the areas advised (advisers), side by side; sorted and filtered through the address. */
export default async function NationalPage({ searchParams }: Props) {
  const view = viewFrom(await searchParams);
  const { scope, rows, advisers, monthAgo } = await loadForPage(
    getQueryClient().fetchQuery(trpc.national.overview.queryOptions(view)),
    viewHref(view),
  );
  const sortedBy = NATIONAL_SORT_LABEL[view.sort].toLowerCase();
  const filters = filterWords(view, advisers);

  return (
    <>
      <h1 className="mb-4 text-4xl">National view</h1>
      <p className="mb-6 text-xl">
        {scope === "ALL"
          ? "Every local area and its current plan, side by side."
          : "The local areas you advise and their current plans, side by side."}{" "}
        Choose a column heading to sort by it, and an area to see its plan. Changes are counted from {formatDate(monthAgo)}, a
        month ago.
      </p>
      <p className="mb-6">
        <Link href={routes.nationalCompare()}>Compare areas on a published measure</Link>, such as EHC plans issued within 20 weeks,
        with England and each region beside them.
      </p>
      <NationalFilters view={view} advisers={advisers} />
      <p className="mb-4" role="status">
        Showing {pluralise(rows.length, "local area")}
        {filters.length ? ` (${filters.join(", ")})` : ""}.
      </p>
      {rows.length > 0 ? (
        <div className="mb-4">
          <p className="mb-1">The areas shown, with these filters and in this order, as a file:</p>
          <ul className="flex flex-wrap gap-x-6 gap-y-1">
            <li>
              <a href={exportHref(view, "xlsx")}>Download as a spreadsheet (XLSX)</a>
            </li>
            <li>
              <a href={exportHref(view, "csv")}>Download as CSV</a>
            </li>
          </ul>
        </div>
      ) : null}
      <HowNationalWorkedOut monthAgo={monthAgo} />
      <div className="mt-6">
        {rows.length === 0 ? (
          <p>No local areas match these filters.</p>
        ) : (
          <NationalTable
            rows={rows}
            view={view}
            monthAgo={monthAgo}
            caption={`Local areas, sorted by ${sortedBy} (${view.dir === "asc" ? "ascending" : "descending"})`}
          />
        )}
      </div>
    </>
  );
}
