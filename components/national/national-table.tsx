/**
 * One row per local area. Every column heading is a link that sorts the table on the server, so
 * sorting works by keyboard and without script; the sorted column says so in words and in
 * aria-sort.
 */
import Link from "next/link";
import { viewHref } from "@/components/national/address";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { cell, rowClass } from "@/components/ui/table";
import { headingDir, lastFollowUpText, shareText, type NationalRow, type NationalSortKey } from "@/server/domain/national-table";
import { INSPECTION_KIND, PLAN_TYPE, REGION } from "@/lib/labels";
import type { NationalOverviewInput } from "@/server/schemas/national";
import { routes } from "@/lib/routes";

export const NATIONAL_COLUMNS: ReadonlyArray<{ key: NationalSortKey; label: string }> = [
  { key: "area", label: "Local area" },
  { key: "planType", label: "Plan type" },
  { key: "findings", label: "Findings" },
  { key: "red", label: "Actions red" },
  { key: "offTrack", label: "Measures off track" },
  { key: "overdue", label: "Updates overdue" },
  { key: "sinceUpdate", label: "Days since last update" },
  { key: "nextInspection", label: "Next inspection" },
  { key: "lastFollowUp", label: "Last revisit or monitoring" },
  { key: "disagreements", label: "Forum disagreements" },
];

const ORDER_WORD = { asc: "ascending", desc: "descending" } as const;

function SortHeading({ column, view }: { column: (typeof NATIONAL_COLUMNS)[number]; view: NationalOverviewInput }) {
  const active = view.sort === column.key;
  return (
    <th scope="col" className={`${cell} align-bottom`} aria-sort={active ? ORDER_WORD[view.dir] : undefined}>
      <Link href={viewHref(view, { sort: column.key, dir: headingDir(column.key, view) })}>
        {column.label}
        {active ? (
          <>
            {" "}
            <span className="block text-base font-normal">(sorted {ORDER_WORD[view.dir]})</span>
          </>
        ) : null}
      </Link>
    </th>
  );
}

/** A cell with nothing to show, because the area has no current plan. */
function NoPlan() {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="sr-only">No plan</span>
    </>
  );
}

function NextInspection({ next }: { next: NonNullable<NationalRow["plan"]>["nextInspection"] }) {
  if (!next?.date) return <>Not known</>;
  return (
    <>
      {formatDate(next.date)}
      {next.isEstimate ? " (estimated)" : ""}
      <span className="block text-base text-secondary">{INSPECTION_KIND[next.kind]}</span>
    </>
  );
}

/** "4 of 5 sufficient", with the inspection's kind, and the plan it judged when that is not the current one. */
function LastFollowUp({ row }: { row: NationalRow }) {
  const last = row.lastFollowUp;
  if (!last && !row.plan) return <NoPlan />;
  return (
    <>
      {lastFollowUpText(row)}
      {last ? (
        <span className="block text-base text-secondary">
          {INSPECTION_KIND[last.kind]}
          {last.ofCurrentPlan ? "" : ` of the ${PLAN_TYPE[last.planType].toLowerCase()} before`}
        </span>
      ) : null}
    </>
  );
}

export function NationalTable({ rows, view, caption }: { rows: NationalRow[]; view: NationalOverviewInput; caption: string }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-base">
        <caption className="mb-2 text-left text-xl font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            {NATIONAL_COLUMNS.map((column) => (
              <SortHeading key={column.key} column={column} view={view} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const plan = row.plan;
            return (
              <tr key={row.id} className={rowClass}>
                <th scope="row" className={`${cell} font-normal`}>
                  <Link href={routes.area(row.slug)} className="font-bold">
                    {row.name}
                  </Link>
                  <span className="block text-secondary">{REGION[row.region]}</span>
                </th>
                <td className={cell} data-column="planType">
                  {plan ? PLAN_TYPE[plan.type] : "No plan"}
                </td>
                <td className={cell} data-column="findings">
                  {plan ? plan.findings : <NoPlan />}
                </td>
                <td className={`${cell} whitespace-nowrap`} data-column="red">
                  {plan ? (plan.actions.total ? shareText(plan.actions.red, plan.actions.total) : "No actions") : <NoPlan />}
                </td>
                <td className={cell} data-column="offTrack">
                  {plan ? (plan.measures.total ? `${plan.measures.offTrack} of ${plan.measures.total}` : "No measures") : <NoPlan />}
                </td>
                <td className={cell} data-column="overdue">
                  {plan ? plan.actions.updateOverdue : <NoPlan />}
                </td>
                <td className={cell} data-column="sinceUpdate">
                  {plan ? (plan.daysSinceUpdate === null ? "No updates yet" : pluralise(plan.daysSinceUpdate, "day")) : <NoPlan />}
                </td>
                <td className={cell} data-column="nextInspection">
                  {plan ? <NextInspection next={plan.nextInspection} /> : <NoPlan />}
                </td>
                <td className={cell} data-column="lastFollowUp">
                  <LastFollowUp row={row} />
                </td>
                <td className={cell} data-column="disagreements">
                  {row.disagreements}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
