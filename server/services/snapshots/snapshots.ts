/**
 * Snapshots: a LEAD or ADVISER freezes the plan's state under a label ("Improvement board 12
 * March"), with the key messages and the decisions the board is asked to make if they write them;
 * anyone in the area reads them, sees what changed since and prints a board pack.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can } from "@/server/auth/permissions";
import { changesBetween, countChanges, type PlanChanges } from "@/server/domain/plan-changes";
import { AppError, notFound } from "@/server/errors";
import { areaBySlug, CURRENT_PLAN } from "@/server/services/core/access";
import { inTransaction, recordAudit } from "@/server/services/core/audit";
import { parsePlanState, planState, stateForViewer } from "@/server/services/plans/plan-state";
import type { PlanState } from "@/server/domain/plan-state";
import { today } from "@/server/services/core/today";
import type { SnapshotFields } from "@/server/schemas/snapshot";

const noPlan = () => new AppError("INVALID", "This local area has no current plan yet, so there is nothing to snapshot.");

function viewerMay(ctx: ServiceContext, localAreaId: string) {
  return {
    readInternal: can(ctx.viewer, "internal.read", { localAreaId }),
    readAdviserNotes: can(ctx.viewer, "adviserNote.read", { localAreaId }),
  };
}

/**
 * The area's snapshots of its current plan, newest first, and those of its earlier plans (closed
 * or superseded), newest plan first: a board's record does not vanish when the plan is followed.
 */
export async function listSnapshots(ctx: ServiceContext, slug: string) {
  const area = await areaBySlug(ctx, slug, "plan.read");
  const plan = await ctx.db.plan.findFirst({ where: { localAreaId: area.id, ...CURRENT_PLAN.where }, orderBy: CURRENT_PLAN.orderBy, select: { id: true, type: true, title: true } });
  const rows = await ctx.db.snapshot.findMany({
    where: { localAreaId: area.id },
    orderBy: [{ plan: { createdAt: "desc" } }, { takenAt: "desc" }],
    select: { id: true, label: true, takenAt: true, takenBy: { select: { name: true } }, plan: { select: { id: true, type: true, title: true, status: true } } },
  });
  const item = (s: (typeof rows)[number]) => ({ id: s.id, label: s.label, takenAt: s.takenAt, takenBy: s.takenBy?.name ?? null });
  const earlier = new Map<string, { plan: (typeof rows)[number]["plan"]; snapshots: ReturnType<typeof item>[] }>();
  for (const s of rows) {
    if (s.plan.id === plan?.id) continue;
    const group = earlier.get(s.plan.id) ?? { plan: s.plan, snapshots: [] };
    group.snapshots.push(item(s));
    earlier.set(s.plan.id, group);
  }
  return {
    area,
    plan,
    snapshots: rows.filter((s) => s.plan.id === plan?.id).map(item),
    earlier: [...earlier.values()],
    viewerCan: { take: can(ctx.viewer, "snapshot.take", { localAreaId: area.id }), exportPack: can(ctx.viewer, "boardPack.export", { localAreaId: area.id }) },
  };
}

/** An optional text left empty is stored as none written. */
const written = (text: string | undefined) => (text?.trim() ? text.trim() : null);

export async function takeSnapshot(ctx: ServiceContext, { slug, label, ...texts }: SnapshotFields & { slug: string }) {
  const area = await areaBySlug(ctx, slug, "snapshot.take");
  const keyMessages = written(texts.keyMessages);
  const decisions = written(texts.decisions);
  // Read before the transaction: the state is several queries run side by side, which one
  // transaction's single connection cannot do; the write itself is the snapshot row and its audit.
  const state = await planState(ctx.db, area.id, today());
  if (!state) throw noPlan();
  return inTransaction(ctx, async (tx) => {
    const snapshot = await tx.snapshot.create({
      data: { localAreaId: area.id, planId: state.plan.id, label, keyMessages, decisions, takenById: ctx.viewer.userId, takenAt: new Date(state.asAt), state },
      select: { id: true, label: true, takenAt: true },
    });
    await recordAudit(tx, ctx, {
      action: "snapshot.take",
      entityType: "Snapshot",
      entityId: snapshot.id,
      localAreaId: area.id,
      // The state itself is in the snapshot; the audit names what was frozen, and keeps what was written for the board.
      after: {
        label,
        keyMessages,
        decisions,
        planId: state.plan.id,
        findings: state.findings.length,
        actions: state.findings.reduce((n, f) => n + f.actions.length, 0),
      },
    });
    return snapshot;
  });
}

async function snapshotInScope(ctx: ServiceContext, id: string) {
  const snapshot = await findInArea(ctx, "snapshot", {
    where: { id },
    select: {
      id: true,
      label: true,
      keyMessages: true,
      decisions: true,
      takenAt: true,
      planId: true,
      localAreaId: true,
      state: true,
      takenBy: { select: { name: true } },
      localArea: { select: { slug: true, name: true } },
    },
  });
  return snapshot;
}

/** The snapshot taken before `takenAt` on the same plan, if any: what a board pack compares with. */
async function previousSnapshot(ctx: ServiceContext, planId: string, before?: Date) {
  const previous = await ctx.db.snapshot.findFirst({
    where: { planId, ...(before ? { takenAt: { lt: before } } : {}) },
    orderBy: { takenAt: "desc" },
    select: { id: true, label: true, takenAt: true, state: true },
  });
  return previous && { id: previous.id, label: previous.label, takenAt: previous.takenAt, state: parsePlanState(previous.state) };
}

/** "Changes since" a snapshot: compared with the plan's state now. */
export async function changesSinceSnapshot(ctx: ServiceContext, id: string) {
  const snapshot = await snapshotInScope(ctx, id);
  const may = viewerMay(ctx, snapshot.localAreaId);
  const then = stateForViewer(parsePlanState(snapshot.state), may);
  const live = await planState(ctx.db, snapshot.localAreaId, today(), snapshot.planId);
  if (!live) throw notFound("That snapshot's plan");
  const now = stateForViewer(live, may);
  const changes = changesBetween(then, now);
  return {
    snapshot: snapshotSummary(snapshot),
    area: snapshot.localArea,
    plan: now.plan,
    changes,
    total: countChanges(changes),
    viewerCan: { exportPack: can(ctx.viewer, "boardPack.export", { localAreaId: snapshot.localAreaId }) },
  };
}

/** A snapshot as a page or a board pack names it, with what its taker wrote for the board. */
const snapshotSummary = (s: Awaited<ReturnType<typeof snapshotInScope>>) => ({
  id: s.id,
  label: s.label,
  takenAt: s.takenAt,
  takenBy: s.takenBy?.name ?? null,
  keyMessages: s.keyMessages,
  decisions: s.decisions,
});

export type BoardPack = {
  /** "Current state" or the snapshot's label. */
  title: string;
  state: PlanState;
  /** `keyMessages` and `decisions`: null when the person who took it wrote none. */
  snapshot: { id: string; label: string; takenAt: Date; takenBy: string | null; keyMessages: string | null; decisions: string | null } | null;
  /** The snapshot before this one, and what changed since it. */
  previous: { label: string; takenAt: Date; changes: PlanChanges } | null;
};

/** What a board pack prints: the current state or a snapshot, and the changes since the snapshot before it. */
export async function boardPack(ctx: ServiceContext, { slug, snapshotId }: { slug: string; snapshotId?: string }): Promise<BoardPack> {
  const area = await areaBySlug(ctx, slug, "boardPack.export");
  const may = viewerMay(ctx, area.id);
  if (snapshotId) {
    const snapshot = await snapshotInScope(ctx, snapshotId);
    if (snapshot.localAreaId !== area.id) throw notFound("That snapshot");
    const state = stateForViewer(parsePlanState(snapshot.state), may);
    const previous = await previousSnapshot(ctx, snapshot.planId, snapshot.takenAt);
    return {
      title: snapshot.label,
      state,
      snapshot: snapshotSummary(snapshot),
      previous: previous && { label: previous.label, takenAt: previous.takenAt, changes: changesBetween(stateForViewer(previous.state, may), state) },
    };
  }
  const live = await planState(ctx.db, area.id, today());
  if (!live) throw noPlan();
  const state = stateForViewer(live, may);
  const previous = await previousSnapshot(ctx, live.plan.id);
  return {
    title: "Current state",
    state,
    snapshot: null,
    previous: previous && { label: previous.label, takenAt: previous.takenAt, changes: changesBetween(stateForViewer(previous.state, may), state) },
  };
}
