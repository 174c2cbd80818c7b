/** The comments on a finding or a measure, newest first. Works as a server or a client component. */
import { CommentEntry } from "@/components/comments/comment-entry";
import { pluralise } from "@/lib/format/plurals";
import type { CommentItem } from "@/components/trpc/outputs";

export function CommentThread({ comments, headingLevel = 3 }: { comments: CommentItem[]; headingLevel?: 3 | 4 }) {
  if (comments.length === 0) return <p className="mb-6">No comments have been added yet.</p>;
  return (
    <ol className="mb-8 border-l-4 border-border pl-6" aria-label={`${pluralise(comments.length, "comment")}, newest first`}>
      {comments.map((c) => (
        <li key={c.id} className="mb-6">
          <CommentEntry comment={c} headingLevel={headingLevel} />
        </li>
      ))}
    </ol>
  );
}
