/**
 * Comments on actions, findings and measures. Append-only in this version: nobody edits or
 * deletes a comment once posted.
 *
 * Visibility: INTERNAL comments are for those who read internal material (everyone in the area
 * but the parent carer forum); WITH_FORUM comments are for everyone who reads the area. The forum
 * therefore writes only WITH_FORUM comments: it could not read an internal one it had written.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can, type Viewer } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { CommentVisibility } from "@/server/generated/prisma/enums";
import { FORUM_SHARES_MESSAGE, type AddCommentInput, type CommentTarget } from "@/server/schemas/comment";
import { fieldError, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Db } from "@/server/services/core/audit";
import { findingTitle } from "@/lib/format/finding-title";

type Reader = Pick<ServiceContext, "db" | "viewer">;

type ResolvedTarget = {
  localAreaId: string;
  /** The comment columns naming the target: exactly one is set. */
  columns: { actionId: string | null; findingId: string | null; measureId: string | null };
  /** "Action 2.3 Publish the local offer", for the audit record. */
  label: string;
};

const ONE_TARGET = "A comment must belong to exactly one action, finding or measure.";

/** The record the comments belong to, if the viewer may read its area; else NOT_FOUND. */
async function findTarget(db: Db, viewer: Viewer, target: CommentTarget): Promise<ResolvedTarget> {
  const columns = { actionId: target.actionId ?? null, findingId: target.findingId ?? null, measureId: target.measureId ?? null };
  if (Object.values(columns).filter(Boolean).length !== 1) throw new AppError("INVALID", ONE_TARGET);
  if (columns.actionId) {
    const a = await findInArea({ db, viewer }, "action", { where: { id: columns.actionId }, select: { localAreaId: true, ref: true, title: true } });
    return { localAreaId: a.localAreaId, columns, label: `Action ${a.ref} ${a.title}` };
  }
  if (columns.findingId) {
    const f = await findInArea({ db, viewer }, "finding", { where: { id: columns.findingId }, select: { localAreaId: true, ref: true, summary: true, inspectorsWording: true } });
    return { localAreaId: f.localAreaId, columns, label: `Finding ${f.ref} ${findingTitle(f)}` };
  }
  if (columns.measureId) {
    const m = await findInArea({ db, viewer }, "measure", { where: { id: columns.measureId }, select: { localAreaId: true, ref: true, name: true } });
    return { localAreaId: m.localAreaId, columns, label: `Measure ${m.ref} ${m.name}` };
  }
  throw new AppError("INVALID", ONE_TARGET);
}

/** The visibilities the viewer reads, and so may write, in the area. */
function visibilitiesFor(viewer: Viewer, localAreaId: string): CommentVisibility[] {
  return can(viewer, "internal.read", { localAreaId }) ? ["INTERNAL", "WITH_FORUM"] : ["WITH_FORUM"];
}

/** What a list shows of each comment. Spread into a comment `select`. */
export const COMMENT_FIELDS = {
  id: true,
  body: true,
  visibility: true,
  createdAt: true,
  author: { select: { name: true, organisation: { select: { name: true } } } },
} as const satisfies Prisma.CommentSelect;

/** Newest first. */
export const NEWEST_COMMENTS_FIRST = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies Prisma.CommentOrderByWithRelationInput[];

type CommentRow = Prisma.CommentGetPayload<{ select: typeof COMMENT_FIELDS }>;

/** The comments on one target as its section shows them: of `rows` (newest first), those the viewer may read. */
export function commentList(viewer: Viewer, target: { localAreaId: string }, rows: ReadonlyArray<CommentRow>) {
  const visibilities = visibilitiesFor(viewer, target.localAreaId);
  return {
    items: rows
      .filter((row) => visibilities.includes(row.visibility))
      .map(({ author, ...row }) => ({
        ...row,
        authorName: author?.name ?? null,
        organisation: author?.organisation?.name ?? null,
      })),
    viewerCan: {
      comment: can(viewer, "comment.write", target),
      /** Whether the viewer may choose "council and partners only"; the forum may not. */
      keepInternal: visibilities.includes("INTERNAL"),
    },
  };
}

/** The comments on one action, finding or measure that the viewer may read, newest first. */
export async function commentsFor(ctx: Reader, input: CommentTarget) {
  const target = await findTarget(ctx.db, ctx.viewer, input);
  const rows = await ctx.db.comment.findMany({
    where: { localAreaId: target.localAreaId, ...target.columns, visibility: { in: visibilitiesFor(ctx.viewer, target.localAreaId) } },
    orderBy: NEWEST_COMMENTS_FIRST,
    select: COMMENT_FIELDS,
  });
  return commentList(ctx.viewer, target, rows);
}

export type CommentList = Awaited<ReturnType<typeof commentsFor>>;
export type CommentItem = CommentList["items"][number];

export async function addComment(ctx: ServiceContext, input: AddCommentInput) {
  return inTransaction(ctx, async (tx) => {
    const target = await findTarget(tx, ctx.viewer, input);
    requireCan(ctx, "comment.write", target, "You do not have permission to comment here.");
    if (!visibilitiesFor(ctx.viewer, target.localAreaId).includes(input.visibility)) throw fieldError("visibility", FORUM_SHARES_MESSAGE);
    const comment = await tx.comment.create({
      data: { localAreaId: target.localAreaId, ...target.columns, authorId: ctx.viewer.userId, body: input.body, visibility: input.visibility },
      select: { id: true, createdAt: true },
    });
    await recordAudit(tx, ctx, {
      action: "comment.add",
      entityType: "Comment",
      entityId: comment.id,
      localAreaId: target.localAreaId,
      after: { target: target.label, body: input.body, visibility: input.visibility },
    });
    return comment;
  });
}
