/**
 * Co-production on an action, as its owner or the plan lead records it: when families were
 * involved (stage), who, how many families, and the level on the ladder the council claims.
 * The forum's verdict (server/services/forum/verdicts.ts) is the independent check on that claim, so a
 * claim at the top of the ladder, or a change after the verdict, asks the forum to look.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { actorIn, can, grantOf, type Viewer } from "@/server/auth/permissions";
import { forbidden } from "@/server/errors";
import { toDay } from "@/lib/calendar";
import type { PlanEndingFacts } from "@/server/domain/plan-journey";
import type { RecordCoproductionInput, SetClaimedLevelInput } from "@/server/schemas/forum";
import { inTransaction, recordAudit, type Db } from "@/server/services/core/audit";
import { CLAIMS_NEEDING_VERDICT, notifyVerdictRequested } from "@/server/services/notifications/notifications-hooks";
import { staleSave } from "@/server/services/core/versioned";
import { isOpenPlan, PLAN_ENDING, requireOpenPlan } from "@/server/services/core/ended-plan";

type Reader = Pick<ServiceContext, "db" | "viewer">;

const ACTION_SELECT = {
  id: true,
  localAreaId: true,
  ownerId: true,
  ref: true,
  title: true,
  coproductionLevel: true,
  version: true,
  // An ended plan's actions keep their co-production as it was.
  finding: { select: { plan: PLAN_ENDING } },
} as const;

async function findAction(db: Db, viewer: Viewer, id: string) {
  return findInArea({ db, viewer }, "action", { where: { id }, select: ACTION_SELECT });
}

function assertMayRecord(viewer: Viewer, action: { localAreaId: string; ownerId: string | null; finding: { plan: PlanEndingFacts } }) {
  if (can(viewer, "action.update", action)) return requireOpenPlan(action.finding.plan);
  const actor = actorIn(viewer, action.localAreaId);
  throw forbidden(
    actor && grantOf("action.update", actor) === "own"
      ? "You can record co-production only on actions you own."
      : "Only the action's owner or the plan lead can record co-production.",
  );
}

/** An action's co-production records, newest first, with the level it claims. */
export async function coproductionForAction(ctx: Reader, actionId: string) {
  const action = await findAction(ctx.db, ctx.viewer, actionId);
  const records = await ctx.db.coproductionRecord.findMany({
    where: { actionId: action.id, localAreaId: action.localAreaId },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: { id: true, stage: true, involved: true, familiesReached: true, date: true, note: true, createdAt: true, recordedBy: { select: { name: true } } },
  });
  return {
    action: { id: action.id, ref: action.ref, title: action.title, claimedLevel: action.coproductionLevel, version: action.version },
    records: records.map(({ recordedBy, ...r }) => ({ ...r, recordedBy: recordedBy?.name ?? null })),
    viewerCan: { record: isOpenPlan(action.finding.plan) && can(ctx.viewer, "action.update", action) },
  };
}

export async function recordCoproduction(ctx: ServiceContext, input: RecordCoproductionInput) {
  return inTransaction(ctx, async (tx) => {
    const action = await findAction(tx, ctx.viewer, input.actionId);
    assertMayRecord(ctx.viewer, action);
    const fields = {
      stage: input.stage,
      involved: [...new Set(input.involved)],
      familiesReached: input.familiesReached === "" ? null : Number(input.familiesReached),
      date: toDay(input.date),
      note: input.note,
    };
    const record = await tx.coproductionRecord.create({
      data: { localAreaId: action.localAreaId, actionId: action.id, recordedById: ctx.viewer.userId, ...fields },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: "coproduction.record",
      entityType: "CoproductionRecord",
      entityId: record.id,
      localAreaId: action.localAreaId,
      after: { action: `${action.ref} ${action.title}`, ...fields },
    });
    // New co-production after the forum's verdict: the forum is asked whether its verdict still stands.
    await notifyVerdictRequested(tx, action.id, "CHANGED");
    return record;
  });
}

/** Sets (or, with "", withdraws) the level of co-production the council claims for the action. */
export async function setClaimedLevel(ctx: ServiceContext, input: SetClaimedLevelInput) {
  return inTransaction(ctx, async (tx) => {
    const action = await findAction(tx, ctx.viewer, input.actionId);
    assertMayRecord(ctx.viewer, action);
    const level = input.level || null;
    const { count } = await tx.action.updateMany({
      where: { id: action.id, version: input.version },
      data: { coproductionLevel: level, version: { increment: 1 } },
    });
    if (count === 0) {
      throw await staleSave(tx, {
        what: "action",
        entityId: action.id,
        current: async () => {
          const now = await tx.action.findUnique({ where: { id: action.id }, select: { coproductionLevel: true, version: true } });
          return now && { level: now.coproductionLevel ?? "", version: now.version };
        },
      });
    }
    await recordAudit(tx, ctx, {
      action: "coproduction.setClaimedLevel",
      entityType: "Action",
      entityId: action.id,
      localAreaId: action.localAreaId,
      before: { coproductionLevel: action.coproductionLevel },
      after: { coproductionLevel: level },
    });
    if (level && CLAIMS_NEEDING_VERDICT.includes(level)) await notifyVerdictRequested(tx, action.id, "CLAIMED");
    return { id: action.id, coproductionLevel: level, version: input.version + 1 };
  });
}
