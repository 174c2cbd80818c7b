/**
 * The area home's readiness grid, its list of findings: one row per finding, delivery and impact
 * side by side (never merged into one score), with the forum's current verdict, the adviser's latest
 * view and its last update beside them, and once the follow-up inspection has happened, its
 * judgement on each finding first.
 *
 * A table on a wide screen; below that the same table laid out as one card per finding, each value
 * labelled with its column's heading, by CSS alone: nothing is dropped or scrolled out of sight, and
 * the caption stays whole. The labels are hidden where the column headings show.
 */
import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { deliveryCountsLine, measureCountsLine } from "@/lib/format/finding-counts";
import { HowWorkedOut } from "@/components/ui/how-worked-out";
import { AdviserViewTag, FindingDeliveryTag, FindingImpactTag, Tag, VerdictTag } from "@/components/ui/tag";
import { COPRODUCTION_LEVEL } from "@/lib/labels";
import type { FindingDelivery, FindingImpact } from "@/server/domain/finding-summary";
import type { FindingVoices, Readiness } from "@/components/trpc/outputs";
import { JudgementTag, judgedWhen } from "@/components/findings/finding-judgement";
import type { FindingJudgement } from "@/server/domain/plan-journey";
import { routes } from "@/lib/routes";
import { findingShortTitle } from "@/lib/format/finding-title";

export type ReadinessRow = {
  id: string;
  ref: string;
  summary: string;
  inspectorsWording: string;
  delivery: { status: FindingDelivery; counts: Readiness["delivery"]["counts"] };
  impact: { status: FindingImpact; counts: Readiness["impact"]["counts"]; acceptedImpactEvidence: number };
  updates: Readiness["updates"];
  voices: FindingVoices;
  judgement?: FindingJudgement | null;
};

// One card per finding below `lg`, a table row from `lg` up.
const tableBreakpoint = {
  // Tags may wrap here: seven columns must fit the page, whatever the words in them.
  table: "block w-full border-collapse text-left text-base lg:table [&_.tag]:whitespace-normal",
  head: "hidden lg:table-header-group",
  body: "block space-y-4 lg:table-row-group lg:space-y-0",
  row: "block border-2 border-border px-3 py-2 lg:table-row lg:border-0 lg:border-b lg:p-0 lg:align-top",
  rowHeader: "block pb-2 font-bold lg:table-cell lg:w-1/4 lg:min-w-[12rem] lg:py-2 lg:pr-3 lg:font-normal",
  // Label and value side by side once there is room for both, stacked on the narrowest screens.
  cell: "block border-t border-border py-1.5 min-[24rem]:grid min-[24rem]:grid-cols-[7.5rem_1fr] min-[24rem]:gap-x-3 lg:table-cell lg:border-0 lg:pr-3",
  label: "font-bold lg:hidden",
};

/** A value under its column's heading: written beside it on a card, left to the heading in the table. */
function Cell({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <td className={tableBreakpoint.cell}>
      <span className={tableBreakpoint.label}>{label}</span>
      <div>{children}</div>
    </td>
  );
}

export function ReadinessGrid({
  slug,
  findings,
  showAdviserViews,
  caption,
  judgementColumn,
}: {
  slug: string;
  findings: ReadinessRow[];
  showAdviserViews: boolean;
  caption: string;
  /** The judgements' column heading ("Judgement at the revisit"), once the follow-up has happened. */
  judgementColumn?: string;
}) {
  const columns = [
    "Finding",
    ...(judgementColumn ? [judgementColumn] : []),
    "Delivery",
    "Impact",
    "Parent carer forum",
    ...(showAdviserViews ? ["Adviser's view"] : []),
    "Last update",
  ];
  return (
    <>
      <table className={tableBreakpoint.table}>
        <caption className="mb-3 block text-left text-xl font-bold lg:table-caption">{caption}</caption>
        <thead className={tableBreakpoint.head}>
          <tr className="border-b-2 border-ink">
            {columns.map((c) => (
              <th key={c} scope="col" className="py-2 pr-3">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={tableBreakpoint.body}>
          {findings.map((f) => (
            <tr key={f.id} className={tableBreakpoint.row}>
              <th scope="row" className={tableBreakpoint.rowHeader}>
                {/* The title's first sentence; the finding page has the rest and the inspectors' wording. */}
                <Link href={routes.finding(slug, f.id)}>
                  {f.ref}. {findingShortTitle(f)}
                </Link>
              </th>
              {judgementColumn ? (
                <Cell label={judgementColumn}>
                  {f.judgement ? (
                    <>
                      <JudgementTag judgement={f.judgement.judgement} />
                      <p className="mt-1 text-sm">{judgedWhen(f.judgement)}</p>
                    </>
                  ) : (
                    <p className="text-sm">Not yet judged</p>
                  )}
                </Cell>
              ) : null}
              <Cell label="Delivery">
                <FindingDeliveryTag status={f.delivery.status} />
                <p className="mt-1 text-sm">{deliveryCountsLine(f.delivery.counts)}</p>
              </Cell>
              <Cell label="Impact">
                <FindingImpactTag status={f.impact.status} />
                <p className="mt-1 text-sm">
                  {measureCountsLine(f.impact.counts)};{" "}
                  {pluralise(f.impact.acceptedImpactEvidence, "accepted impact evidence item", "accepted impact evidence items")}
                </p>
              </Cell>
              <Cell label="Parent carer forum">
                {f.voices.verdict ? (
                  <>
                    <VerdictTag verdict={f.voices.verdict.verdict} />
                    <p className="mt-1 text-sm">
                      {formatDate(f.voices.verdict.at)}
                      {f.voices.verdict.levelRecognised
                        ? `; recognises ${COPRODUCTION_LEVEL[f.voices.verdict.levelRecognised].toLowerCase()}`
                        : ""}
                    </p>
                  </>
                ) : (
                  <p className="text-sm">No verdict on the finding yet</p>
                )}
                {f.voices.disagreements > 0 ? (
                  <p className="mt-1">
                    <Tag colour="red">{pluralise(f.voices.disagreements, "disagreement")}</Tag>
                  </p>
                ) : null}
              </Cell>
              {showAdviserViews ? (
                <Cell label="Adviser's view">
                  {f.voices.adviserView ? (
                    <>
                      <AdviserViewTag view={f.voices.adviserView.view} bare />
                      <p className="mt-1 text-sm">{formatDate(f.voices.adviserView.date)}</p>
                    </>
                  ) : (
                    <p className="text-sm">No view recorded</p>
                  )}
                </Cell>
              ) : null}
              <Cell label="Last update">
                <p className="text-sm">{f.updates.latestAt ? formatDate(f.updates.latestAt) : "No update posted yet"}</p>
                {f.updates.overdue > 0 ? (
                  <p className="mt-1">
                    <Tag colour="red">{pluralise(f.updates.overdue, "update", "updates")} overdue</Tag>
                  </p>
                ) : f.updates.expected > 0 ? (
                  <p className="mt-1 text-sm">None overdue</p>
                ) : null}
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
      <HowWorkedOut label="How readiness is worked out">
        <p className="mb-2">
          Delivery and impact are two separate questions and are never merged into one score. Delivery comes from the
          finding&apos;s actions: any red action makes it red; any amber (or without a due date), amber; otherwise green;
          all complete, complete. Impact comes from the finding&apos;s measures against their trajectories: any off track
          makes it off track; any slightly behind, or some without recent data, slightly behind. Accepted impact evidence is
          counted beside it.
        </p>
        <p className="mb-2">
          The parent carer forum column shows the forum&apos;s current verdict on the finding itself, and how many of its
          current verdicts on the finding or its actions disagree.
          {showAdviserViews ? " The adviser's view is the latest view recorded on the finding in a monitoring note." : ""}
        </p>
        <p className="mb-2">
          The last update is the latest an owner posted on any of the finding&apos;s actions; an action is overdue for an
          update when nothing has been posted within the plan&apos;s update cadence. The actions themselves are on each
          finding&apos;s page.
        </p>
        {judgementColumn ? (
          <p className="mb-2">
            The judgement is the inspectors&apos;, as recorded from their published letter. Delivery and impact are as they
            stand today.
          </p>
        ) : null}
      </HowWorkedOut>
    </>
  );
}
