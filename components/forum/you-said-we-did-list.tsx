/**
 * "You said, we did" entries with the controls the viewer may use: publish (the lead), change a
 * draft (its drafter), the forum's comment on a published entry (the forum).
 */
import { ForumCommentForm } from "@/components/forum/forum-comment-form";
import { PublishButton } from "@/components/forum/publish-button";
import { YouSaidWeDidForm } from "@/components/forum/you-said-we-did-form";
import { formatDate } from "@/lib/format/dates";
import { Tag } from "@/components/ui/tag";
import { fromDay } from "@/lib/calendar";
import type { YouSaidWeDidEntry } from "@/components/trpc/outputs";

export function YouSaidWeDidList({
  entries,
  slug,
  side,
  findings,
  empty,
}: {
  entries: YouSaidWeDidEntry[];
  slug: string;
  /** The viewer's side when they may draft: who revises their own drafts. */
  side: "forum" | "lead" | null;
  findings: Array<{ id: string; ref: string; summary: string; inspectorsWording: string }>;
  empty: string;
}) {
  if (entries.length === 0) return <p className="mb-6">{empty}</p>;
  return (
    <ul className="mb-8 space-y-6">
      {entries.map((y) => (
        <li key={y.id} className="border-l-4 border-brand pl-4">
          <p className="mb-1">
            {y.published ? <Tag colour="green">Published</Tag> : <Tag colour="grey">Draft</Tag>}{" "}
            <span className="text-secondary">
              {formatDate(y.date)}
              {y.finding ? ` · Finding ${y.finding.ref}` : " · The plan as a whole"}
              {y.draftedBy ? ` · drafted by ${y.draftedBy}` : ""}
              {y.published && y.publishedAt ? ` · published ${formatDate(y.publishedAt)}${y.publishedBy ? ` by ${y.publishedBy}` : ""}` : ""}
            </span>
          </p>
          <p className="mb-1">
            <strong>You said:</strong> <span className="whitespace-pre-line">{y.youSaid}</span>
          </p>
          <p className="mb-1">
            <strong>We did:</strong> <span className="whitespace-pre-line">{y.weDid}</span>
          </p>
          {y.forumComment ? (
            <p className="mb-1">
              <strong>The forum says:</strong> <span className="whitespace-pre-line">{y.forumComment}</span>
              <span className="text-secondary">
                {" "}
                ({formatDate(y.forumCommentAt)}
                {y.forumCommentBy ? `, ${y.forumCommentBy}` : ""})
              </span>
            </p>
          ) : null}
          {y.viewerCan.publish ? <PublishButton entryId={y.id} label={y.youSaid.slice(0, 80)} /> : null}
          {y.viewerCan.comment ? <ForumCommentForm entryId={y.id} current={y.forumComment} /> : null}
          {y.viewerCan.edit && side ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-link underline">Change this draft</summary>
              <div className="mt-4">
                <YouSaidWeDidForm
                  slug={slug}
                  side={side}
                  findings={findings}
                  headingLevel={4}
                  entry={{ id: y.id, findingId: y.finding?.id ?? "", youSaid: y.youSaid, weDid: y.weDid, date: fromDay(y.date) }}
                />
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
