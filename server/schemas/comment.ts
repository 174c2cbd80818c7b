/**
 * Comment input: a short note on an action, finding or measure, for the council and its partners
 * or shared with the parent carer forum too. No server imports: the browser checks the same rules.
 */
import { z } from "zod";
import { CommentVisibility } from "@/server/generated/prisma/enums";
import { textInput } from "@/server/schemas/common";
import { exactlyOneTargetOf, targetFields } from "@/server/schemas/evidence";

export const MAX_COMMENT_LENGTH = 2000;

const exactlyOneTarget = exactlyOneTargetOf("A comment must belong to exactly one action, finding or measure");

/** The action, finding or measure the comments belong to: exactly one of the three ids. */
export const commentTargetSchema = z.object(targetFields).superRefine(exactlyOneTarget);
export type CommentTarget = z.infer<typeof commentTargetSchema>;

/** What the person writes and chooses: the form's fields. */
export const commentFieldsSchema = z.object({
  body: textInput().trim().min(1, "Enter your comment").max(MAX_COMMENT_LENGTH, "Your comment must be 2,000 characters or fewer"),
  visibility: z.enum(CommentVisibility, "Select who can see your comment"),
});
export type CommentFields = z.infer<typeof commentFieldsSchema>;

export const addCommentSchema = z.object({ ...targetFields, ...commentFieldsSchema.shape }).superRefine(exactlyOneTarget);
export type AddCommentInput = z.infer<typeof addCommentSchema>;

/** The refusal a forum member gets for an internal comment: the forum does not read those. */
export const FORUM_SHARES_MESSAGE = "The forum's comments are always shared with the forum";
