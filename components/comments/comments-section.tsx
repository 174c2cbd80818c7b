/**
 * The "Comments" part of a finding or measure page: the comments the viewer may read, newest
 * first, and the form for those who may comment. A server component: it fetches through the same
 * router (and so the same permission checks) as the browser, unless the page read the comments
 * with its own data (`comments`, what comment.forTarget answers); the form refreshes it after a save.
 */
import { CommentForm } from "@/components/comments/comment-form";
import { CommentThread } from "@/components/comments/comment-thread";
import { APPEND_ONLY_HINT } from "@/components/comments/labels";
import { getQueryClient, trpc } from "@/server/api/rsc";
import type { CommentTarget } from "@/server/schemas/comment";
import type { CommentList } from "@/components/trpc/outputs";

export async function CommentsSection({ target, what, comments: read }: { target: CommentTarget; what: string; comments?: CommentList }) {
  const comments = read ?? (await getQueryClient().fetchQuery(trpc.comment.forTarget.queryOptions(target)));
  const id = `comments-${target.actionId ?? target.findingId ?? target.measureId}-section`;
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="mb-4 text-2xl">
        Comments
      </h2>
      <CommentThread comments={comments.items} />
      <div className="no-print">
        {comments.viewerCan.comment ? (
          <CommentForm target={target} keepInternal={comments.viewerCan.keepInternal} what={what} />
        ) : (
          <p className="mb-6 text-secondary">Only the council, its partners, the forum and advisers add comments. {APPEND_ONLY_HINT}</p>
        )}
      </div>
    </section>
  );
}
