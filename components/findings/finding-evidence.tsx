"use client";
/**
 * The finding page's evidence, in one place: every item on the finding, its actions and its
 * measures that the viewer may read, each saying what it is evidence for and where its review
 * stands (accepted, awaiting review, rejected, or withdrawn), with the lead's review and withdrawal
 * controls; then the form to add evidence to the finding itself. The list and the form each sit
 * behind a disclosure, the counts above them. After a change it says what happened and refreshes
 * the page once (components/forms/use-refresh.ts).
 */
import Link from "next/link";
import { useState } from "react";
import { AddEvidenceForm } from "@/components/evidence/add-evidence-form";
import { EvidenceList } from "@/components/evidence/evidence-list";
import { Notice } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { PackDetails } from "@/components/findings/pack-section";
import { evidenceCountsLine, type EvidenceCounts } from "@/lib/format/finding-counts";
import type { FindingEvidenceItem } from "@/components/trpc/outputs";

export function FindingEvidence({
  findingId,
  items,
  counts,
  canAdd,
  canReview,
  canWithdraw,
}: {
  findingId: string;
  items: readonly FindingEvidenceItem[];
  counts: EvidenceCounts;
  canAdd: boolean;
  canReview: boolean;
  canWithdraw: boolean;
}) {
  const { refresh } = useRefresh();
  const [notice, setNotice] = useState<string | null>(null);
  const attachedTo = new Map(items.map((i) => [i.id, i.attachedTo]));

  function changed(message: string) {
    setNotice(message);
    refresh();
  }

  return (
    <>
      <Notice text={notice} />
      {items.length === 0 ? (
        <p className="mb-4">No evidence has been added to this finding, its actions or its measures yet.</p>
      ) : (
        <>
          <p className="mb-1">{evidenceCountsLine(counts)}.</p>
          <p className="mb-2 text-base text-secondary">
            On this finding, its actions and its measures: accepted first, then awaiting review, rejected and withdrawn.
          </p>
          <PackDetails summary={`Show the evidence (${items.length})`}>
            <EvidenceList
              items={items}
              canReview={canReview}
              canWithdraw={canWithdraw}
              onChanged={changed}
              headingLevel={3}
              label="Evidence on this finding, its actions and its measures"
              renderExtra={(item) => {
                const on = attachedTo.get(item.id);
                if (!on) return null;
                return (
                  <p className="mb-1 text-secondary">
                    Evidence for {on.href ? <Link href={on.href}>{on.label}</Link> : <span className="text-ink">{on.label.toLowerCase()}</span>}
                  </p>
                );
              }}
            />
          </PackDetails>
        </>
      )}
      {canAdd ? (
        <div className="no-print">
          <PackDetails summary="Add evidence to this finding">
            <AddEvidenceForm target={{ findingId }} onAdded={refresh} headingLevel={3} />
          </PackDetails>
        </div>
      ) : null}
    </>
  );
}
