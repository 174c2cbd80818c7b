/**
 * One comment: who wrote it (name and organisation), when, who can see it (word and colour),
 * and what it says. Rendered inside a list item by the comment thread and the action timeline.
 */
import { COMMENT_VISIBILITY_COLOUR } from "@/components/comments/labels";
import { COMMENT_VISIBILITY } from "@/lib/labels";
import { formatDateTime } from "@/lib/format/dates";
import { Tag } from "@/components/ui/tag";
import type { CommentItem } from "@/components/trpc/outputs";

export function CommentVisibilityTag({ visibility }: { visibility: CommentItem["visibility"] }) {
  return <Tag colour={COMMENT_VISIBILITY_COLOUR[visibility]}>{COMMENT_VISIBILITY[visibility]}</Tag>;
}

/** "by Priya Shah, Northbridge Council". */
export function commentAuthor(c: Pick<CommentItem, "authorName" | "organisation">): string {
  return `by ${c.authorName ?? "a former user"}${c.organisation ? `, ${c.organisation}` : ""}`;
}

/** A small word before a timeline entry's heading text: "Comment" or "Update". */
export function EntryKind({ children }: { children: string }) {
  return <span className="mr-2 inline-block border border-secondary px-1.5 text-base font-bold text-secondary uppercase">{children}</span>;
}

export function CommentEntry({
  comment,
  headingLevel = 3,
  showKind = false,
}: {
  comment: CommentItem;
  headingLevel?: 3 | 4;
  /** Mark it "Comment": where it sits among entries of other kinds. */
  showKind?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <>
      <Heading className="text-lg">
        {showKind ? <EntryKind>Comment</EntryKind> : null}
        {formatDateTime(comment.createdAt)}
        <span className="font-normal"> {commentAuthor(comment)}</span>
      </Heading>
      <p className="mt-1">
        <CommentVisibilityTag visibility={comment.visibility} />
      </p>
      <p className="mt-2 max-w-3xl whitespace-pre-line">{comment.body}</p>
    </>
  );
}
