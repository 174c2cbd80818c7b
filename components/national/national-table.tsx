/**
 * One row per local area: the portfolio an adviser or the national team scans for where to go.
 * Delivery and impact side by side (never one score), the adviser's latest view, and the counts
 * that move with the change since a month ago. Every status is a word in a coloured tag, so colour
 * is never the only signal; every change has words for screen readers beside its arrow.
 *
 * Every column heading is a link that sorts the table on the server, so sorting works by keyboard
 * and without script; the sorted column says so in words and in aria-sort. Below the large
 * breakpoint the table becomes one card per area, with the same sort as links above the cards, so
 * nothing is cut off on a narrow screen.
 */
import Link from "next/link";
import { viewHref } from "@/components/national/address";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { cell, rowClass } from "@/components/ui/table";
import { AdviserViewTag, FindingDeliveryTag, FindingImpactTag } from "@/components/ui/tag";
import {
  changeSince,
  headingDir,
  lastFollowUpText,
  NATIONAL_SORT_LABEL,
  shareText,
  shortDate,
  type NationalRow,
  type NationalSortKey,
} from "@/server/domain/national-table";
import { INSPECTION_KIND, PLAN_TYPE, REGION } from "@/lib/labels";
import type { NationalOverviewInput } from "@/server/schemas/national";
import { routes } from "@/lib/routes";

const KEYS: readonly NationalSortKey[] = [
  "area",
  "planType",
  "delivery",
  "impact",
  "adviserView",
  "red",
  "offTrack",
  "overdue",
  "sinceUpdate",
  "nextInspection",
  "lastFollowUp",
  "disagreements",
];

export const NATIONAL_COLUMNS: ReadonlyArray<{ key: NationalSortKey; label: string }> = KEYS.map((key) => ({ key, label: NATIONAL_SORT_LABEL[key] }));

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

/** "(▲2 since 8 Nov)" to see, "2 more since 8 Nov" to hear; or why there is no figure for then. */
function Change({ now, then, since }: { now: number; then: number | null; since: Date }) {
  const change = changeSince(now, then, since);
  if (!change) return <span className="block text-base text-secondary">(plan started since {shortDate(since)})</span>;
  return (
    <span className="block text-base text-secondary">
      <span aria-hidden="true">({change.shown})</span>
      <span className="sr-only">{change.spoken}</span>
    </span>
  );
}

function RedActions({ plan, since }: { plan: NonNullable<NationalRow["plan"]>; since: Date }) {
  if (plan.actions.total === 0) return <>No actions</>;
  return (
    <>
      <span className="whitespace-nowrap">{shareText(plan.actions.red, plan.actions.total)}</span>
      <Change now={plan.actions.red} then={plan.monthAgo?.red ?? null} since={since} />
    </>
  );
}

function OffTrack({ plan, since }: { plan: NonNullable<NationalRow["plan"]>; since: Date }) {
  if (plan.measures.total === 0) return <>No measures</>;
  return (
    <>
      {plan.measures.offTrack} of {plan.measures.total}
      <Change now={plan.measures.offTrack} then={plan.monthAgo?.offTrack ?? null} since={since} />
    </>
  );
}

function AdviserView({ row }: { row: NationalRow }) {
  const v = row.adviserView;
  if (!v) return <>No view yet</>;
  return (
    <>
      <AdviserViewTag view={v.view} bare />
      <span className="block text-base text-secondary">
        {formatDate(v.date)}, {v.findingRef === null ? "on the area" : `on finding ${v.findingRef}`}
      </span>
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

/** Each column's content for one area, in the columns' order: the table's cells and the cards' values alike. */
function values(row: NationalRow, since: Date): Record<Exclude<NationalSortKey, "area" | "findings">, React.ReactNode> {
  const plan = row.plan;
  return {
    planType: plan ? (
      <>
        {PLAN_TYPE[plan.type]}
        <span className="block text-base text-secondary">{pluralise(plan.findings, "finding")}</span>
      </>
    ) : (
      "No plan"
    ),
    delivery: plan ? <FindingDeliveryTag status={plan.delivery} /> : <NoPlan />,
    impact: plan ? <FindingImpactTag status={plan.impact} /> : <NoPlan />,
    adviserView: <AdviserView row={row} />,
    red: plan ? <RedActions plan={plan} since={since} /> : <NoPlan />,
    offTrack: plan ? <OffTrack plan={plan} since={since} /> : <NoPlan />,
    overdue: plan ? plan.actions.updateOverdue : <NoPlan />,
    sinceUpdate: plan ? (plan.daysSinceUpdate === null ? "No updates yet" : pluralise(plan.daysSinceUpdate, "day")) : <NoPlan />,
    nextInspection: plan ? <NextInspection next={plan.nextInspection} /> : <NoPlan />,
    lastFollowUp: <LastFollowUp row={row} />,
    disagreements: row.disagreements,
  };
}

type Props = { rows: NationalRow[]; view: NationalOverviewInput; caption: string; monthAgo: Date };

export function NationalTable({ rows, view, caption, monthAgo }: Props) {
  return (
    <>
      {/* Wider than the page's text on a large screen, centred on it: twelve columns read side by side. */}
      <div className="relative hidden overflow-x-auto lg:left-1/2 lg:block lg:w-[calc(100vw-4rem)] lg:max-w-[1400px] lg:-translate-x-1/2">
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
              const shown = values(row, monthAgo);
              return (
                <tr key={row.id} className={rowClass}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <Link href={routes.area(row.slug)} className="font-bold">
                      {row.name}
                    </Link>
                    <span className="block text-secondary">{REGION[row.region]}</span>
                  </th>
                  {NATIONAL_COLUMNS.slice(1).map(({ key }) => (
                    <td key={key} className={cell} data-column={key}>
                      {shown[key as keyof typeof shown]}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <NationalCards rows={rows} view={view} caption={caption} monthAgo={monthAgo} />
    </>
  );
}

/** The same areas as cards, for narrow screens: each column a labelled value, the sort as links above. */
function NationalCards({ rows, view, caption, monthAgo }: Props) {
  return (
    <div className="lg:hidden">
      <h2 className="mb-2 text-xl font-bold">{caption}</h2>
      <nav aria-label="Sort the local areas" className="mb-4">
        <p className="mb-1">Sort by:</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {NATIONAL_COLUMNS.map((column) => {
            const active = view.sort === column.key;
            return (
              <li key={column.key}>
                <Link href={viewHref(view, { sort: column.key, dir: headingDir(column.key, view) })} aria-current={active ? "true" : undefined}>
                  {column.label}
                  {active ? ` (sorted ${ORDER_WORD[view.dir]})` : ""}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <ul>
        {rows.map((row) => {
          const shown = values(row, monthAgo);
          return (
            <li key={row.id} className="mb-4 border-l-4 border-border bg-panel p-3">
              <h3 className="mb-2 text-xl font-bold">
                <Link href={routes.area(row.slug)}>{row.name}</Link>
              </h3>
              <p className="mb-2 text-secondary">{REGION[row.region]}</p>
              <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-2">
                {NATIONAL_COLUMNS.slice(1).map(({ key, label }) => (
                  <div key={key}>
                    <dt className="font-bold">{label}</dt>
                    <dd>{shown[key as keyof typeof shown]}</dd>
                  </div>
                ))}
              </dl>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
