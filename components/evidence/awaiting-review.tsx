"use client";
/**
 * The plan lead's queue: evidence in the area nobody has reviewed yet, oldest first, each with
 * what it is evidence for and the accept/reject controls. A reviewed item leaves the queue.
 */
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { EvidenceList } from "@/components/evidence/evidence-list";
import { useInvalidateEvidence } from "@/components/evidence/use-invalidate-evidence";
import { Notice } from "@/components/forms/form-feedback";
import { useTRPC } from "@/components/trpc/provider";
import { pluralise } from "@/lib/format/plurals";

export function AwaitingReview({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.evidence.awaitingReview.queryOptions({ slug }));
  const invalidate = useInvalidateEvidence();
  const [notice, setNotice] = useState<string | null>(null);
  const targets = new Map(data.items.map((i) => [i.id, i.target]));

  async function changed(message: string) {
    await invalidate();
    setNotice(message);
  }

  return (
    <>
      <Notice text={notice} />
      {data.items.length === 0 ? (
        <p className="mb-6">There is no evidence awaiting review. New evidence appears here when it is added to an action, finding or measure.</p>
      ) : (
        <>
          <p className="mb-6">
            {pluralise(data.items.length, "item")} to review, oldest first. Accept evidence that shows what it says; reject
            it with a note saying what is wrong.
          </p>
          <EvidenceList
            items={data.items}
            canReview
            onChanged={changed}
            headingLevel={2}
            label="Evidence awaiting review, oldest first"
            renderExtra={(item) => {
              const target = targets.get(item.id);
              if (!target) return null;
              return (
                <p className="mb-1 text-secondary">
                  Evidence for{" "}
                  {target.href ? <Link href={target.href}>{target.label}</Link> : <span className="text-ink">{target.label}</span>}
                </p>
              );
            }}
          />
        </>
      )}
    </>
  );
}
