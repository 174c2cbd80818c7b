"use client";
/**
 * Evidence on one action, finding or measure: what it is (a link, or a file to download), its
 * kind, who can see it and where its review stands; with the lead's review and withdrawal
 * controls when the viewer may review. Withdrawn evidence keeps its place, saying who withdrew it,
 * when and why. Every status is a word, never a colour alone.
 */
import type { inferRouterOutputs } from "@trpc/server";
import { EVIDENCE_KIND, REVIEW_STATUS, VISIBILITY } from "@/lib/labels";
import { ReviewControls } from "@/components/evidence/review-controls";
import { WithdrawControls } from "@/components/evidence/withdraw-controls";
import { formatDateTime } from "@/lib/format/dates";
import { formatFileSize } from "@/lib/format/file-size";
import { ReviewStatusTag, Tag } from "@/components/ui/tag";
import type { AppRouter } from "@/server/api/root";

export type EvidenceListItem = inferRouterOutputs<AppRouter>["evidence"]["forTarget"]["items"][number];

export function EvidenceList({
  items,
  canReview,
  canWithdraw = canReview,
  onChanged,
  headingLevel = 3,
  label = "Evidence",
  renderExtra,
}: {
  items: readonly EvidenceListItem[];
  canReview: boolean;
  /** The withdraw control: with review unless said otherwise (an ended plan's evidence may be withdrawn, not reviewed). */
  canWithdraw?: boolean;
  /** After a review or "ready" change, with a sentence saying what happened. */
  onChanged: (message: string) => void | Promise<void>;
  headingLevel?: 2 | 3 | 4;
  /** Names the list for screen readers. */
  label?: string;
  /** Anything to show under an item's title, e.g. what it is evidence for. */
  renderExtra?: (item: EvidenceListItem) => React.ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ul aria-label={label} className="border-t border-border">
      {items.map((item) => (
        <li key={item.id} className="border-b border-border py-4">
          <Heading className="mb-1 text-lg">{item.title}</Heading>
          {renderExtra?.(item)}
          <p className="mb-2">
            {item.withdrawn ? (
              <Tag colour="grey">Withdrawn</Tag>
            ) : item.file ? (
              <>
                {item.file.name} ({formatFileSize(item.file.size)}){" "}
                <a href={item.file.href} download>
                  Download<span className="sr-only"> {item.file.name}</span>
                </a>
              </>
            ) : item.url && /^https?:\/\//i.test(item.url) ? (
              // Links are checked on the way in; this keeps any other scheme from ever being clickable.
              <a href={item.url} rel="noopener noreferrer" className="break-all">
                {item.url}
              </a>
            ) : (
              item.url
            )}
          </p>
          {item.description ? <p className="mb-2 max-w-3xl whitespace-pre-line">{item.description}</p> : null}
          <dl className="mb-2 flex flex-wrap gap-x-6 gap-y-1 text-base">
            <div>
              <dt className="inline">Kind: </dt>
              <dd className="inline font-bold">{EVIDENCE_KIND[item.kind]}</dd>
            </div>
            <div>
              <dt className="inline">Who can see it: </dt>
              <dd className="inline font-bold">{VISIBILITY[item.visibility]}</dd>
            </div>
            <div>
              <dt className="inline">Review: </dt>
              <dd className="inline">
                <ReviewStatusTag status={item.reviewStatus} />
                {item.readyForInspectors ? (
                  <>
                    {" "}
                    <Tag colour="blue">Ready for inspectors</Tag>
                  </>
                ) : null}
              </dd>
            </div>
          </dl>
          <p className="text-base text-secondary">
            Added by {item.uploadedBy ?? "a former user"} on {formatDateTime(item.createdAt)}
          </p>
          {item.reviewStatus !== "PENDING" ? (
            <p className="mt-1 text-base">
              {REVIEW_STATUS[item.reviewStatus]} by {item.reviewedBy ?? "the plan lead"}
              {item.reviewedAt ? ` on ${formatDateTime(item.reviewedAt)}` : ""}
              {item.reviewNote ? (
                <>
                  : <q>{item.reviewNote}</q>
                </>
              ) : null}
            </p>
          ) : null}
          {item.withdrawn ? (
            <p className="mt-1 text-base">
              Withdrawn by {item.withdrawn.by ?? "the plan lead"} on {formatDateTime(item.withdrawn.at)}: <q>{item.withdrawn.reason}</q>
            </p>
          ) : null}
          {canReview && !item.withdrawn ? <ReviewControls item={item} onChanged={onChanged} /> : null}
          {canWithdraw && !item.withdrawn ? <WithdrawControls item={item} onChanged={onChanged} /> : null}
        </li>
      ))}
    </ul>
  );
}
