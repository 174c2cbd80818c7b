"use client";
/**
 * The plan lead's queue: evidence in the area nobody has reviewed yet, oldest first, each with
 * what it is evidence for and the accept/reject controls. The page reads the queue on the server
 * and passes it in; after a review the page refreshes once and the reviewed item leaves the queue.
 */
import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useState } from "react";
import { EvidenceList } from "@/components/evidence/evidence-list";
import { Notice } from "@/components/forms/form-feedback";
import { useRefresh } from "@/components/forms/use-refresh";
import { pluralise } from "@/lib/format/plurals";
import type { AppRouter } from "@/server/api/root";

type AwaitingItem = inferRouterOutputs<AppRouter>["evidence"]["awaitingReview"]["items"][number];

export function AwaitingReview({ items }: { items: readonly AwaitingItem[] }) {
  const { refresh } = useRefresh();
  const [notice, setNotice] = useState<string | null>(null);
  const targets = new Map(items.map((i) => [i.id, i.target]));

  function changed(message: string) {
    setNotice(message);
    refresh();
  }

  return (
    <>
      <Notice text={notice} />
      {items.length === 0 ? (
        <p className="mb-6">There is no evidence awaiting review. New evidence appears here when it is added to an action, finding or measure.</p>
      ) : (
        <>
          <p className="mb-6">
            {pluralise(items.length, "item")} to review, oldest first. Accept evidence that shows what it says; reject
            it with a note saying what is wrong.
          </p>
          <EvidenceList
            items={items}
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
