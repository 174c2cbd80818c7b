/**
 * The area home's readiness grid: one row per finding, delivery and impact side by side (never
 * merged into one score), with the forum's current verdict and the adviser's latest view beside them,
 * and once the follow-up inspection has happened, its judgement on each finding first.
 */
import Link from "next/link";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { HowWorkedOut } from "@/components/ui/how-worked-out";
import { cell, rowClass, Table } from "@/components/ui/table";
import { AdviserViewTag, FindingDeliveryTag, FindingImpactTag, Tag, VerdictTag } from "@/components/ui/tag";
import { COPRODUCTION_LEVEL } from "@/lib/labels";
import type { FindingDelivery, FindingImpact } from "@/server/domain/finding-summary";
import type { FindingVoices } from "@/components/trpc/outputs";
import { JudgementTag, judgedWhen } from "@/components/findings/finding-judgement";
import type { FindingJudgement } from "@/server/domain/plan-journey";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";


export type ReadinessRow = {
  id: string;
  ref: string;
  summary: string;
  inspectorsWording: string;
  delivery: { status: FindingDelivery };
  impact: { status: FindingImpact; acceptedImpactEvidence: number };
  voices: FindingVoices;
  judgement?: FindingJudgement | null;
};

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
  ];
  return (
    <>
      <Table caption={caption} captionHidden={false} columns={columns}>
        {findings.map((f) => (
          <tr key={f.id} className={rowClass}>
            <th scope="row" className={`${cell} min-w-[12rem] font-normal`}>
              <Link href={routes.finding(slug, f.id)}>
                {/* The summary's first sentence; the finding page has the rest. */}
                {f.ref}. {findingTitle(f)}
              </Link>
            </th>
            {judgementColumn ? (
              <td className={cell}>
                {f.judgement ? (
                  <>
                    <JudgementTag judgement={f.judgement.judgement} />
                    <p className="mt-1 text-sm">{judgedWhen(f.judgement)}</p>
                  </>
                ) : (
                  <p className="text-sm">Not yet judged</p>
                )}
              </td>
            ) : null}
            <td className={cell}>
              <FindingDeliveryTag status={f.delivery.status} />
            </td>
            <td className={cell}>
              <FindingImpactTag status={f.impact.status} />
              <p className="mt-1 text-sm">{pluralise(f.impact.acceptedImpactEvidence, "accepted impact evidence item", "accepted impact evidence items")}</p>
            </td>
            <td className={cell}>
              {f.voices.verdict ? (
                <>
                  <VerdictTag verdict={f.voices.verdict.verdict} />
                  <p className="mt-1 text-sm">
                    {formatDate(f.voices.verdict.at)}
                    {f.voices.verdict.levelRecognised ? `; recognises ${COPRODUCTION_LEVEL[f.voices.verdict.levelRecognised].toLowerCase()}` : ""}
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
            </td>
            {showAdviserViews ? (
              <td className={cell}>
                {f.voices.adviserView ? (
                  <>
                    <AdviserViewTag view={f.voices.adviserView.view} bare />
                    <p className="mt-1 text-sm">{formatDate(f.voices.adviserView.date)}</p>
                  </>
                ) : (
                  <p className="text-sm">No view recorded</p>
                )}
              </td>
            ) : null}
          </tr>
        ))}
      </Table>
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
