/**
 * Check-ins: an owner's update on an action (narrative, progress, status, optional RAG set by
 * hand with a reason), and the LEAD's acknowledgement. The update and the action's current
 * state change together, so the timeline and the action never disagree. An update posted
 * through an update request (server/services/actions/update-requests.ts) goes through `recordUpdate` too.
 * A plan lead's own update is acknowledged by posting it: acknowledging updates is what the lead
 * does, so her own is read by the one person who would acknowledge it.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { ActionStatus, Rag } from "@/server/generated/prisma/enums";
import type { CheckInInput } from "@/server/schemas/plan";
import { can } from "@/server/auth/permissions";
import { requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, type AuditActor, type Tx } from "@/server/services/core/audit";
import { PLAN_ENDING, requireOpenPlan } from "@/server/services/core/ended-plan";

/** What an update changes of its action. */
const ACTION_STATE = {
  status: true,
  progress: true,
  ragOverride: true,
  ragOverrideReason: true,
  completedAt: true,
} satisfies Prisma.ActionSelect;

/** What an update reads of its action: whose it is, its state, and whether its plan is still open. */
export const UPDATABLE_ACTION = {
  id: true,
  localAreaId: true,
  ownerId: true,
  ...ACTION_STATE,
  finding: { select: { plan: PLAN_ENDING } },
} satisfies Prisma.ActionSelect;
export type UpdatableAction = Prisma.ActionGetPayload<{ select: typeof UPDATABLE_ACTION }>;

export type UpdateChanges = {
  narrative: string;
  progress: number;
  status: ActionStatus;
  /** A RAG set by hand (null clears it); left out, the action keeps the one it has. */
  rag?: { override: Rag | null; reason: string | null };
};

/** A key another person's update was stored under: not theirs to be answered with. */
const SUBMISSION_NOT_YOURS = "That submission was already used for someone else's update. Reload the page and post your update again.";

/**
 * Every update, whoever posts it: the timeline entry, the action's new state and the audit event,
 * in the caller's transaction. `from.audit` adds to the event what tells this update apart (the
 * address an update request went to). With `from.idempotencyKey`, an update already stored under
 * that key on this action is returned as it is, and nothing is written. With `from.acknowledgedById`,
 * the update is stored acknowledged by that person at the moment it is posted.
 */
export async function recordUpdate(
  tx: Tx,
  actor: AuditActor,
  action: UpdatableAction,
  changes: UpdateChanges,
  from: { authorId: string | null; audit?: Record<string, unknown>; idempotencyKey?: string; acknowledgedById?: string },
) {
  // Updates on one action take turns: a second waits for the first to commit, then reads the action
  // as the first left it. The action then always ends as its newest update says, and each audit
  // event's "before" is what that update replaced. (Updates on other actions do not wait.)
  await tx.$queryRaw`SELECT 1 FROM "Action" WHERE id = ${action.id} FOR NO KEY UPDATE`;
  // Checked after taking the turn, so a second copy of a submission sees the first once committed.
  if (from.idempotencyKey) {
    const earlier = await tx.actionUpdate.findUnique({
      where: { actionId_idempotencyKey: { actionId: action.id, idempotencyKey: from.idempotencyKey } },
    });
    if (earlier) {
      if (earlier.authorId !== from.authorId) throw new AppError("CONFLICT", SUBMISSION_NOT_YOURS);
      return earlier;
    }
  }
  // An action of an ended plan is history: nobody posts on it, by the page or by a link.
  requireOpenPlan(action.finding.plan);
  const current = await tx.action.findUniqueOrThrow({ where: { id: action.id }, select: ACTION_STATE });
  // Stamped once its turn has come, so the timeline's order is the order the action changed in.
  const postedAt = new Date();
  const acknowledged = from.acknowledgedById ? { acknowledgedById: from.acknowledgedById, acknowledgedAt: postedAt } : {};
  const update = await tx.actionUpdate.create({
    data: {
      actionId: action.id,
      authorId: from.authorId,
      narrative: changes.narrative,
      progress: changes.progress,
      status: changes.status,
      ragOverride: changes.rag?.override ?? null,
      ragOverrideReason: changes.rag?.reason ?? null,
      idempotencyKey: from.idempotencyKey ?? null,
      createdAt: postedAt,
      ...acknowledged,
    },
  });
  const before = current;
  const after = {
    status: changes.status,
    progress: changes.progress,
    ragOverride: changes.rag ? changes.rag.override : current.ragOverride,
    ragOverrideReason: changes.rag ? changes.rag.reason : current.ragOverrideReason,
    completedAt: changes.status === "COMPLETE" ? (current.completedAt ?? update.createdAt) : null,
  };
  await tx.action.update({ where: { id: action.id }, data: { ...after, lastUpdateAt: update.createdAt } });
  await recordAudit(tx, actor, {
    action: "action.postUpdate",
    entityType: "Action",
    entityId: action.id,
    localAreaId: action.localAreaId,
    before,
    after: { ...after, updateId: update.id, narrative: changes.narrative, ...acknowledged, ...from.audit },
  });
  return update;
}

export async function postUpdate(ctx: ServiceContext, input: CheckInInput) {
  const action = await findInArea(ctx, "action", {
    where: { id: input.actionId },
    select: UPDATABLE_ACTION,
  });
  requireCan(ctx, "action.update", action, "Only the action's owner or the plan lead can post an update on it.");
  const override = input.ragOverride || null;
  const changes: UpdateChanges = {
    narrative: input.narrative,
    progress: input.progress,
    status: input.status,
    // The check-in form shows the RAG set by hand, so what it sends replaces it.
    rag: { override, reason: override ? input.ragOverrideReason : null },
  };
  // Two copies of one submission take turns on the action (recordUpdate), so the second finds the
  // first's update; the unique (actionId, idempotencyKey) is the database's guarantee behind that.
  // The plan lead's own update is acknowledged as she posts it (the capability is the one acknowledgeUpdate requires).
  const acknowledgedById = can(ctx.viewer, "evidence.review", action) ? ctx.viewer.userId : undefined;
  const from = { authorId: ctx.viewer.userId, idempotencyKey: input.idempotencyKey, acknowledgedById };
  return inTransaction(ctx, (tx) => recordUpdate(tx, ctx, action, changes, from));
}

export async function acknowledgeUpdate(ctx: ServiceContext, updateId: string) {
  const update = await findInArea(ctx, "actionUpdate", {
    where: { id: updateId },
    select: { id: true, actionId: true, acknowledgedAt: true, action: { select: { localAreaId: true, finding: { select: { plan: PLAN_ENDING } } } } },
  });
  requireCan(ctx, "evidence.review", update.action, "Only the plan lead can acknowledge updates.");
  requireOpenPlan(update.action.finding.plan);
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
