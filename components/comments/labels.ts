/**
 * How the comment components present a visibility: the hint under each choice and the tag's
 * colour. The words themselves are COMMENT_VISIBILITY in lib/labels.ts.
 */
import type { TagColour } from "@/components/ui/tag";
import type { CommentVisibility } from "@/server/generated/prisma/enums";

export const COMMENT_VISIBILITY_HINT: Record<CommentVisibility, string> = {
  INTERNAL: "The council, its partners, advisers and board members. Not the parent carer forum.",
  WITH_FORUM: "Everyone working on the plan, including the parent carer forum.",
};

export const COMMENT_VISIBILITY_COLOUR: Record<CommentVisibility, TagColour> = {
  INTERNAL: "grey",
  WITH_FORUM: "blue",
};

/** The form's hint: people should know before posting that a comment stays as written. */
export const APPEND_ONLY_HINT = "Comments cannot be edited or deleted once posted.";
