/**
 * Check-ins: an owner's update on an action (narrative, progress, status, optional RAG set by
 * hand with a reason), and the LEAD's acknowledgement. The update and the action's current
 * state change together, so the timeline and the action never disagree.
 */
import type { AuthedContext } from "@/server/api/trpc";
import { areaScope } from "@/server/auth/permissions";
import { AppError, notFound } from "@/server/errors";
import type { CheckInInput } from "@/server/schemas/plan";
import { requireCan } from "@/server/services/access";
import { inTransaction, recordAudit } from "@/server/services/audit";

export async function postUpdate(ctx: AuthedContext, input: CheckInInput) {
  const action = await ctx.db.action.findFirst({
    where: { id: input.actionId, localAreaId: areaScope(ctx.viewer, "plan.read") },
    select: { id: true, localAreaId: true, ownerId: true, status: true, progress: true, ragOverride: true, ragOverrideReason: true, completedAt: true },
  });
  if (!action) throw notFound("That action");
  requireCan(ctx, "action.update", action, "Only the action's owner or the plan lead can post an update on it.");
  const ragOverride = input.ragOverride || null;
  const ragOverrideReason = ragOverride ? input.ragOverrideReason : null;
  return inTransaction(ctx, async (tx) => {
    const update = await tx.actionUpdate.create({
      data: {
        actionId: action.id,
        authorId: ctx.viewer.userId,
        narrative: input.narrative,
        progress: input.progress,
        status: input.status,
        ragOverride,
        ragOverrideReason,
      },
    });
    const { id: _id, localAreaId: _area, ownerId: _owner, ...before } = action;
    const after = {
      status: input.status,
      progress: input.progress,
      ragOverride,
      ragOverrideReason,
      completedAt: input.status === "COMPLETE" ? (action.completedAt ?? update.createdAt) : null,
    };
    await tx.action.update({ where: { id: action.id }, data: { ...after, lastUpdateAt: update.createdAt } });
    await recordAudit(tx, ctx, {
      action: "action.postUpdate",
      entityType: "Action",
      entityId: action.id,
      localAreaId: action.localAreaId,
      before,
      after: { ...after, updateId: update.id, narrative: input.narrative },
    });
    return update;
  });
}

export async function acknowledgeUpdate(ctx: AuthedContext, updateId: string) {
  const update = await ctx.db.actionUpdate.findFirst({
    where: { id: updateId, action: { localAreaId: areaScope(ctx.viewer, "plan.read") } },
    select: { id: true, actionId: true, acknowledgedAt: true, action: { select: { localAreaId: true } } },
  });
  if (!update) throw notFound("That update");
  requireCan(ctx, "evidence.review", update.action, "Only the plan lead can acknowledge updates.");
  if (update.acknowledgedAt) throw new AppError("CONFLICT", "This update has already been acknowledged.");
  return inTransaction(ctx, async (tx) => {
    // Only an unacknowledged update changes: two leads clicking at once acknowledge it once.
    const { count } = await tx.actionUpdate.updateMany({
      where: { id: update.id, acknowledgedAt: null },
      data: { acknowledgedAt: new Date(), acknowledgedById: ctx.viewer.userId },
    });
    if (count === 0) throw new AppError("CONFLICT", "This update has already been acknowledged.");
    await recordAudit(tx, ctx, {
      action: "action.acknowledgeUpdate",
      entityType: "ActionUpdate",
      entityId: update.id,
      localAreaId: update.action.localAreaId,
      after: { acknowledgedById: ctx.viewer.userId },
    });
    return { id: update.id, actionId: update.actionId };
  });
}
