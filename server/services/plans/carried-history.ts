/**
 * What a carried-forward finding or action continues: the record of the earlier plan it points at
 * (`predecessorId`), with the evidence, co-production records, forum verdicts and adviser notes made
 * there. History is read where it was made, never copied, so the APP's pages show the WSOA's
 * record as it stands (read-only), each item linking back to where it lives.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can } from "@/server/auth/permissions";
import type { Prisma } from "@/server/generated/prisma/client";
import { downloadPath } from "@/server/services/evidence/evidence";

const PLAN_SELECT = { id: true, type: true, title: true, status: true } as const satisfies Prisma.PlanSelect;

const EVIDENCE_SELECT = {
  id: true,
  title: true,
  kind: true,
  url: true,
  fileName: true,
  storageKey: true,
  visibility: true,
  reviewStatus: true,
  createdAt: true,
  withdrawnAt: true,
  uploadedBy: { select: { name: true } },
} as const satisfies Prisma.EvidenceSelect;

const COPRODUCTION_SELECT = {
  id: true,
  stage: true,
  involved: true,
  familiesReached: true,
  date: true,
  note: true,
  recordedBy: { select: { name: true } },
} as const satisfies Prisma.CoproductionRecordSelect;

const VERDICT_SELECT = {
  id: true,
  verdict: true,
  levelRecognised: true,
  text: true,
  createdAt: true,
  author: { select: { name: true } },
  supersededBy: { select: { id: true } },
} as const satisfies Prisma.ForumVerdictSelect;

const NOTE_SELECT = { id: true, note: true, view: true, date: true, author: { select: { name: true } } } as const satisfies Prisma.AdviserNoteSelect;

/** The records an earlier action holds, each read newest first. */
const ACTION_HISTORY = {
  id: true,
  ref: true,
  title: true,
  evidence: { orderBy: { createdAt: "desc" }, select: EVIDENCE_SELECT },
  coproduction: { orderBy: [{ date: "desc" }, { createdAt: "desc" }], select: COPRODUCTION_SELECT },
  forumVerdicts: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: VERDICT_SELECT },
} as const satisfies Prisma.ActionSelect;

type ActionHistoryRow = Prisma.ActionGetPayload<{ select: typeof ACTION_HISTORY }>;
type EvidenceRow = Prisma.EvidenceGetPayload<{ select: typeof EVIDENCE_SELECT }>;
type On = { kind: "finding" | "action"; id: string; ref: string };

const newestFirst = <T>(at: (item: T) => Date) => (a: T, b: T) => at(b).getTime() - at(a).getTime();

/** Evidence the viewer may read: internal items only for those who read internal material; a withdrawn item keeps its title, not its link. */
function evidenceItems(rows: ReadonlyArray<EvidenceRow>, on: On, readsInternal: boolean) {
  return rows
    .filter((e) => readsInternal || e.visibility !== "INTERNAL")
    .map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind,
      visibility: e.visibility,
      reviewStatus: e.reviewStatus,
      createdAt: e.createdAt,
      uploadedBy: e.uploadedBy?.name ?? null,
      withdrawn: e.withdrawnAt !== null,
      url: e.withdrawnAt ? null : e.url,
      file: !e.withdrawnAt && e.storageKey ? { name: e.fileName ?? "evidence", href: downloadPath(e.id) } : null,
      on,
    }));
}

/** An earlier action's evidence, co-production records and the forum's verdicts on it. */
function actionRecords(a: ActionHistoryRow, readsInternal: boolean) {
  const on: On = { kind: "action", id: a.id, ref: a.ref };
  return {
    evidence: evidenceItems(a.evidence, on, readsInternal),
    coproduction: a.coproduction.map(({ recordedBy, ...r }) => ({ ...r, recordedBy: recordedBy?.name ?? null, on })),
    verdicts: a.forumVerdicts.map(({ author, supersededBy, ...v }) => ({ ...v, authorName: author.name, current: supersededBy === null, on })),
  };
}

/**
 * The finding a carried-forward finding continues, with the evidence, co-production records and
 * forum verdicts on it and its actions, and (for those who may read them) the advisers' notes on
 * it. Null when the finding continues none.
 */
export async function findingContinues(ctx: ServiceContext, id: string) {
  const finding = await findInArea(ctx, "finding", { where: { id }, select: { id: true, localAreaId: true, predecessorId: true } });
  if (!finding.predecessorId) return null;
  // The predecessor is read through the same area condition: a link into another area reads as none.
  const previous = await ctx.db.finding.findFirst({
    where: { id: finding.predecessorId, localAreaId: finding.localAreaId },
    select: {
      id: true,
      ref: true,
      summary: true,
      judgement: true,
      judgementDate: true,
      plan: { select: PLAN_SELECT },
      evidence: { orderBy: { createdAt: "desc" }, select: EVIDENCE_SELECT },
      forumVerdicts: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: VERDICT_SELECT },
      adviserNotes: { orderBy: [{ date: "desc" }, { createdAt: "desc" }], select: NOTE_SELECT },
      actions: { orderBy: [{ sortOrder: "asc" }, { ref: "asc" }], select: ACTION_HISTORY },
    },
  });
  if (!previous) return null;
  const readsInternal = can(ctx.viewer, "internal.read", finding);
  const on: On = { kind: "finding", id: previous.id, ref: previous.ref };
  const fromActions = previous.actions.map((a) => actionRecords(a, readsInternal));
  return {
    kind: "finding" as const,
    predecessor: { id: previous.id, ref: previous.ref, title: previous.summary, judgement: previous.judgement, judgementDate: previous.judgementDate, plan: previous.plan },
    evidence: [...evidenceItems(previous.evidence, on, readsInternal), ...fromActions.flatMap((a) => a.evidence)].sort(newestFirst((e) => e.createdAt)),
    coproduction: fromActions.flatMap((a) => a.coproduction).sort(newestFirst((r) => r.date)),
    verdicts: [
      ...previous.forumVerdicts.map(({ author, supersededBy, ...v }) => ({ ...v, authorName: author.name, current: supersededBy === null, on })),
      ...fromActions.flatMap((a) => a.verdicts),
    ].sort(newestFirst((v) => v.createdAt)),
    adviserNotes: can(ctx.viewer, "adviserNote.read", finding)
      ? previous.adviserNotes.map(({ author, ...n }) => ({ ...n, authorName: author?.name ?? null }))
      : null,
  };
}

/**
 * The action a carried-forward action continues, with the evidence, co-production records and
 * forum verdicts made on it. Null when the action continues none. (Advisers write their notes on
 * findings, so an action has none of its own.)
 */
export async function actionContinues(ctx: ServiceContext, id: string) {
  const action = await findInArea(ctx, "action", { where: { id }, select: { id: true, localAreaId: true, predecessorId: true } });
  if (!action.predecessorId) return null;
  const previous = await ctx.db.action.findFirst({
    where: { id: action.predecessorId, localAreaId: action.localAreaId },
    select: { ...ACTION_HISTORY, status: true, progress: true, finding: { select: { id: true, ref: true, plan: { select: PLAN_SELECT } } } },
  });
  if (!previous) return null;
  const records = actionRecords(previous, can(ctx.viewer, "internal.read", action));
  return {
    kind: "action" as const,
    predecessor: {
      id: previous.id,
      ref: previous.ref,
      title: previous.title,
      status: previous.status,
      progress: previous.progress,
      finding: { id: previous.finding.id, ref: previous.finding.ref },
      plan: previous.finding.plan,
    },
    ...records,
    adviserNotes: null,
  };
}
