"use client";
/**
 * The client half of the evidence section (components/evidence/evidence-section.tsx): the list
 * the server read, with the lead's review controls, and the add form. After a change it says what
 * happened and refreshes the page once, so the list, counts and tags come from the server again.
 */
import { useState } from "react";
import { AddEvidenceForm } from "@/components/evidence/add-evidence-form";
import { EvidenceList, type EvidenceListItem } from "@/components/evidence/evidence-list";
import { Notice } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import type { EvidenceTarget } from "@/server/schemas/evidence";

export function EvidencePanel({
  target,
  items,
  canAdd,
  canReview,
  canWithdraw,
  headingLevel,
}: {
  target: EvidenceTarget;
  items: readonly EvidenceListItem[];
  canAdd: boolean;
  canReview: boolean;
  /** Withdraw an item: the lead, even on an ended plan's record, where review is over. */
  canWithdraw: boolean;
  /** The level of each item's heading and of the add form's. */
  headingLevel: 3 | 4;
}) {
  const { refresh } = useRefresh();
  const [notice, setNotice] = useState<string | null>(null);

  function changed(message: string) {
    setNotice(message);
    refresh();
  }

  return (
    <>
      <Notice text={notice} />
      {items.length === 0 ? (
        <p className="mb-6">No evidence has been added yet.</p>
      ) : (
        <EvidenceList items={items} canReview={canReview} canWithdraw={canWithdraw} onChanged={changed} headingLevel={headingLevel} label="Evidence, newest first" />
      )}
      {canAdd ? <AddEvidenceForm target={target} onAdded={refresh} headingLevel={headingLevel} /> : null}
    </>
  );
}
