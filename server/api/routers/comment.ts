import { guardedProcedure, router } from "@/server/api/trpc";
import { addCommentSchema, commentTargetSchema } from "@/server/schemas/comment";
import { addComment, commentsFor } from "@/server/services/actions/comments";

/**
 * Comments on actions, findings and measures. Reading follows the area (the forum sees only
 * comments shared with it); the service holds adding to comment.write and the forum to WITH_FORUM.
 */
export const commentRouter = router({
  forTarget: guardedProcedure("plan.read").input(commentTargetSchema).query(({ ctx, input }) => commentsFor(ctx, input)),
  add: guardedProcedure("comment.write").input(addCommentSchema).mutation(({ ctx, input }) => addComment(ctx, input)),
});
