/**
 * "You said, we did": what families said and what was done about it. The forum or the plan lead
 * drafts an entry; its drafter may revise it until it is published; the lead publishes it to the
 * public page; the forum may then add its own comment to a published entry, which the council
 * cannot change.
 */
import { ENDED_PLAN_STATUSES } from "@/server/domain/plan-journey";
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can, type AreaCapability, type Viewer } from "@/server/auth/permissions";
import { AppError, forbidden } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import { toDay } from "@/lib/calendar";
import type { DraftYouSaidWeDidInput, EditYouSaidWeDidInput, ForumCommentInput, YouSaidWeDidFields } from "@/server/schemas/forum";
import { areaBySlug, fieldError, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Db } from "@/server/services/core/audit";

type Reader = Pick<ServiceContext, "db" | "viewer">;

/** Who drafts: the forum proposes, the lead drafts; each side has its own procedure and capability. */
export type DraftingSide = "forum" | "lead";
const SIDE_CAPABILITY: Record<DraftingSide, AreaCapability> = { forum: "forum.write", lead: "area.publish" };

/** May the viewer see unpublished drafts: those who may draft them. */
const seesDrafts = (viewer: Viewer, localAreaId: string) =>
  can(viewer, "forum.write", { localAreaId }) || can(viewer, "area.publish", { localAreaId });

const ENTRY_SELECT = {
  id: true,
  youSaid: true,
  weDid: true,
  date: true,
  published: true,
  publishedAt: true,
  forumComment: true,
  forumCommentAt: true,
  draftedById: true,
  createdAt: true,
  finding: { select: { id: true, ref: true, summary: true, inspectorsWording: true } },
  draftedBy: { select: { name: true } },
  publishedBy: { select: { name: true } },
  forumCommentBy: { select: { name: true } },
} as const satisfies Prisma.YouSaidWeDidSelect;

type EntryRow = Prisma.YouSaidWeDidGetPayload<{ select: typeof ENTRY_SELECT }>;

function toEntry({ draftedBy, publishedBy, forumCommentBy, ...row }: EntryRow, viewer: Viewer, localAreaId: string) {
  return {
    ...row,
    draftedBy: draftedBy?.name ?? null,
    publishedBy: publishedBy?.name ?? null,
    forumCommentBy: forumCommentBy?.name ?? null,
    viewerCan: {
      edit: !row.published && row.draftedById === viewer.userId && seesDrafts(viewer, localAreaId),
      publish: !row.published && can(viewer, "area.publish", { localAreaId }),
      comment: row.published && can(viewer, "forum.write", { localAreaId }),
    },
  };
}
export type YouSaidWeDidEntry = ReturnType<typeof toEntry>;

/** The area's entries: published ones for everyone who reads the area; drafts for those who draft. */
export async function youSaidWeDidForArea(ctx: Reader, slug: string) {
  const area = await areaBySlug(ctx as ServiceContext, slug, "plan.read");
  const withDrafts = seesDrafts(ctx.viewer, area.id);
  const rows = await ctx.db.youSaidWeDid.findMany({
    where: { localAreaId: area.id, ...(withDrafts ? {} : { published: true }) },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: ENTRY_SELECT,
  });
  const entries = rows.map((r) => toEntry(r, ctx.viewer, area.id));
  const findings = await ctx.db.finding.findMany({
    where: { localAreaId: area.id, plan: { status: { notIn: [...ENDED_PLAN_STATUSES] } } },
    orderBy: [{ plan: { createdAt: "desc" } }, { sortOrder: "asc" }, { ref: "asc" }],
    select: { id: true, ref: true, summary: true, inspectorsWording: true },
  });
  return {
    area,
    drafts: entries.filter((e) => !e.published),
    published: entries.filter((e) => e.published),
    findings,
    viewerCan: {
      propose: can(ctx.viewer, "forum.write", { localAreaId: area.id }),
      draft: can(ctx.viewer, "area.publish", { localAreaId: area.id }),
      publish: can(ctx.viewer, "area.publish", { localAreaId: area.id }),
      comment: can(ctx.viewer, "forum.write", { localAreaId: area.id }),
    },
  };
}

/** A finding named on an entry must be one of the area's. */
async function findingOf(db: Db, localAreaId: string, findingId: string) {
  if (!findingId) return null;
  const finding = await db.finding.findFirst({ where: { id: findingId, localAreaId }, select: { id: true } });
  if (!finding) throw fieldError("findingId", "Select a finding from this area's plan");
  return finding.id;
}

const fieldsOf = (input: YouSaidWeDidFields) => ({ youSaid: input.youSaid, weDid: input.weDid, date: toDay(input.date) });

export async function draftYouSaidWeDid(ctx: ServiceContext, input: DraftYouSaidWeDidInput, side: DraftingSide) {
  return inTransaction(ctx, async (tx) => {
    const area = await areaBySlug({ ...ctx, db: tx } as ServiceContext, input.slug, SIDE_CAPABILITY[side]);
    const findingId = await findingOf(tx, area.id, input.findingId);
    const entry = await tx.youSaidWeDid.create({
      data: { localAreaId: area.id, findingId, ...fieldsOf(input), draftedById: ctx.viewer.userId },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: side === "forum" ? "youSaidWeDid.propose" : "youSaidWeDid.draft",
      entityType: "YouSaidWeDid",
      entityId: entry.id,
      localAreaId: area.id,
      after: { findingId, ...fieldsOf(input) },
    });
    return entry;
  });
}

/** For a change: each change checks its capability first, and every one of them lets its holder see drafts. */
async function findEntry(db: Db, viewer: Viewer, id: string) {
  const entry = await findInArea({ db, viewer }, "youSaidWeDid", {
    where: { id },
    select: { id: true, localAreaId: true, published: true, draftedById: true, findingId: true, youSaid: true, weDid: true, date: true, forumComment: true },
  });
  return entry;
}

/** The drafter revises their own draft, until it is published. */
export async function editYouSaidWeDid(ctx: ServiceContext, input: EditYouSaidWeDidInput, side: DraftingSide) {
  return inTransaction(ctx, async (tx) => {
    const entry = await findEntry(tx, ctx.viewer, input.id);
    requireCan(ctx, SIDE_CAPABILITY[side], entry);
    if (entry.draftedById !== ctx.viewer.userId) throw forbidden("Only the person who drafted this entry can change it.");
    if (entry.published) throw new AppError("CONFLICT", "This entry has been published, so it can no longer be changed.");
    const findingId = await findingOf(tx, entry.localAreaId, input.findingId);
    const after = { findingId, ...fieldsOf(input) };
    await tx.youSaidWeDid.update({ where: { id: entry.id }, data: after });
    const { id, localAreaId, published: _p, draftedById: _d, forumComment: _c, ...before } = entry;
    await recordAudit(tx, ctx, { action: "youSaidWeDid.edit", entityType: "YouSaidWeDid", entityId: id, localAreaId, before, after });
    return { id };
  });
}

/** The lead publishes an entry to the public page. */
export async function publishYouSaidWeDid(ctx: ServiceContext, entryId: string) {
  return inTransaction(ctx, async (tx) => {
    const entry = await findEntry(tx, ctx.viewer, entryId);
    requireCan(ctx, "area.publish", entry, "Only the plan lead can publish an entry.");
    // Only an unpublished entry flips: two leads publishing at once publish it once.
    const { count } = await tx.youSaidWeDid.updateMany({
      where: { id: entry.id, published: false },
      data: { published: true, publishedAt: new Date(), publishedById: ctx.viewer.userId },
    });
    if (count === 0) throw new AppError("CONFLICT", "This entry has already been published.");
    await recordAudit(tx, ctx, {
      action: "youSaidWeDid.publish",
      entityType: "YouSaidWeDid",
      entityId: entry.id,
      localAreaId: entry.localAreaId,
      before: { published: false },
      after: { published: true },
    });
    return { id: entry.id };
  });
}

/** The forum's own comment on a published entry; a later comment from the forum replaces it. */
export async function commentOnYouSaidWeDid(ctx: ServiceContext, input: ForumCommentInput) {
  return inTransaction(ctx, async (tx) => {
    const entry = await findEntry(tx, ctx.viewer, input.id);
    requireCan(ctx, "forum.write", entry, "Only members of the parent carer forum can add the forum's comment.");
    if (!entry.published) throw new AppError("INVALID", "The forum can comment on an entry once it is published.");
    await tx.youSaidWeDid.update({
      where: { id: entry.id },
      data: { forumComment: input.comment, forumCommentAt: new Date(), forumCommentById: ctx.viewer.userId },
    });
    await recordAudit(tx, ctx, {
      action: "youSaidWeDid.forumComment",
      entityType: "YouSaidWeDid",
      entityId: entry.id,
      localAreaId: entry.localAreaId,
      before: { forumComment: entry.forumComment },
      after: { forumComment: input.comment },
    });
    return { id: entry.id };
  });
}
