/**
 * An action's timeline: its progress updates and its comments in one list, newest first, each
 * marked "Update" or "Comment", then the form to comment. The page renders each update (it knows
 * about acknowledging them); comments are fetched here through the same router, and so the same
 * permission checks, as the browser uses: the forum gets only the comments shared with it.
 */
import { CommentEntry, EntryKind } from "@/components/comments/comment-entry";
import { CommentForm } from "@/components/comments/comment-form";
import { APPEND_ONLY_HINT } from "@/components/comments/labels";
import { pluralise } from "@/lib/format/plurals";
import { getQueryClient, trpc } from "@/server/api/rsc";
import type { CommentItem } from "@/components/trpc/outputs";

export type TimelineUpdate = {
  id: string;
  createdAt: Date;
  /** The heading's text after the "Update" mark: when, and from whom. */
  title: React.ReactNode;
  /** Everything below the heading. */
  details: React.ReactNode;
};

type Entry = { kind: "update"; at: number; update: TimelineUpdate } | { kind: "comment"; at: number; comment: CommentItem };

/** Newest first; the sort is stable, so an update and a comment of the same moment keep that order. */
function mergeTimeline(updates: TimelineUpdate[], comments: CommentItem[]): Entry[] {
  return [
    ...updates.map((update) => ({ kind: "update" as const, at: new Date(update.createdAt).getTime(), update })),
    ...comments.map((comment) => ({ kind: "comment" as const, at: new Date(comment.createdAt).getTime(), comment })),
  ].sort((a, b) => b.at - a.at);
}

export async function ActionTimeline({ actionId, updates }: { actionId: string; updates: TimelineUpdate[] }) {
  const comments = await getQueryClient().fetchQuery(trpc.comment.forTarget.queryOptions({ actionId }));
  const entries = mergeTimeline(updates, comments.items);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="mb-4 text-2xl">
        Updates and comments
      </h2>
      {entries.length === 0 ? (
        <p className="mb-8">No updates or comments have been posted yet.</p>
      ) : (
        <ol
          className="mb-8 border-l-4 border-border pl-6"
          aria-label={`${pluralise(updates.length, "update")} and ${pluralise(comments.items.length, "comment")}, newest first`}
        >
          {entries.map((e) =>
            e.kind === "update" ? (
              <li key={`update-${e.update.id}`} className="mb-6">
                <h3 className="text-lg">
                  <EntryKind>Update</EntryKind>
                  {e.update.title}
                </h3>
                {e.update.details}
              </li>
            ) : (
              <li key={`comment-${e.comment.id}`} className="mb-6">
                <CommentEntry comment={e.comment} showKind />
              </li>
            ),
          )}
        </ol>
      )}
      {comments.viewerCan.comment ? (
        <CommentForm target={{ actionId }} keepInternal={comments.viewerCan.keepInternal} what="this action" />
      ) : (
        <p className="mb-8 text-secondary">Only the council, its partners, the forum and advisers add comments. {APPEND_ONLY_HINT}</p>
      )}
    </section>
  );
}
