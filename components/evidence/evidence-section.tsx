"use client";
/**
 * The evidence part of an action, finding or measure page: the list (with the lead's review
 * controls) and the form to add a link or a file. Reads through React Query, so a page may
 * prefetch `trpc.evidence.forTarget` for the same target to show it without a loading step.
 */
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AddEvidenceForm } from "@/components/evidence/add-evidence-form";
import { EvidenceList } from "@/components/evidence/evidence-list";
import { useInvalidateEvidence } from "@/components/evidence/use-invalidate-evidence";
import { Notice } from "@/components/forms/form-feedback";
import { useTRPC } from "@/components/trpc/provider";
import type { EvidenceTarget } from "@/server/schemas/evidence";

export type EvidenceSectionProps = {
  /** Exactly one of actionId, findingId, measureId. */
  target: EvidenceTarget;
  /** Show the add form. Default: what the server says this viewer may do. */
  canAdd?: boolean;
  /** Show accept/reject and "ready for inspectors". Default: what the server says. */
  canReview?: boolean;
  /** The section heading's level (default 2); items are one level below. */
  headingLevel?: 2 | 3;
};

export function EvidenceSection({ target, canAdd, canReview, headingLevel = 2 }: EvidenceSectionProps) {
  const trpc = useTRPC();
  const evidence = useQuery(trpc.evidence.forTarget.queryOptions(target));
  const invalidate = useInvalidateEvidence();
  const [notice, setNotice] = useState<string | null>(null);
  const id = `evidence-${target.actionId ?? target.findingId ?? target.measureId}-section`;
  const Heading = `h${headingLevel}` as const;
  const mayAdd = canAdd ?? evidence.data?.viewerCanAdd ?? false;
  const mayReview = canReview ?? evidence.data?.viewerCanReview ?? false;

  async function changed(message: string) {
    await invalidate();
    setNotice(message);
  }

  return (
    <section aria-labelledby={id} className="mt-10">
      <Heading id={id} className="mb-4 text-2xl">
        Evidence
      </Heading>
      <Notice text={notice} />
      {evidence.isPending ? (
        <p className="mb-6 text-secondary">Loading evidence…</p>
      ) : evidence.isError ? (
        <p role="alert" className="mb-6 font-bold text-error">
          The evidence could not be loaded. Refresh the page to try again.
        </p>
      ) : evidence.data.items.length === 0 ? (
        <p className="mb-6">No evidence has been added yet.</p>
      ) : (
        <EvidenceList
          items={evidence.data.items}
          canReview={mayReview}
          onChanged={changed}
          headingLevel={headingLevel === 2 ? 3 : 4}
          label="Evidence, newest first"
        />
      )}
      {mayAdd ? <AddEvidenceForm target={target} onAdded={invalidate} headingLevel={headingLevel === 2 ? 3 : 4} /> : null}
    </section>
  );
}
