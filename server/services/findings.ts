/** Findings of a plan: the inspectors' wording and its plain-English summary. LEAD edits. */
import type { AuthedContext } from "@/server/api/trpc";
import { areaScope, can } from "@/server/auth/permissions";
import type { Prisma } from "@/server/generated/prisma/client";
import { MEASURE_CHART_FIELDS, measureChartData } from "@/server/domain/measure-chart";
import { PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { notFound } from "@/server/errors";
import type { FindingFields } from "@/server/schemas/plan";
import { fieldError, requireCan } from "@/server/services/access";
import { downloadPath } from "@/server/services/evidence";
import { inTransaction, recordAudit, type Tx } from "@/server/services/audit";
import { supersededFor } from "@/server/services/change-requests";
import { acceptedImpactEvidence, evidenceOnFinding, FINDING_READINESS_FIELDS, findingReadiness } from "@/server/services/finding-readiness";
import { today } from "@/server/services/today";
import { staleSave } from "@/server/services/versioned";

const FINDING_FORM_SELECT = { id: true, version: true, planId: true, ref: true, kind: true, inspectorsWording: true, summary: true } as const;

async function refIsFree(tx: Tx, planId: string, ref: string, exceptId?: string) {
  const taken = await tx.finding.findFirst({ where: { planId, ref, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  if (taken) throw fieldError("ref", `This plan already has a finding ${ref}`);
}

export async function findingForEditing(ctx: AuthedContext, id: string) {
  const finding = await ctx.db.finding.findFirst({
    where: { id, localAreaId: areaScope(ctx.viewer, "plan.read") },
    select: { ...FINDING_FORM_SELECT, localAreaId: true, localArea: { select: { slug: true, name: true } } },
  });
  if (!finding) throw notFound("That finding");
  requireCan(ctx, "plan.edit", finding);
  return finding;
}

export async function createFinding(ctx: AuthedContext, { planId, ...fields }: FindingFields & { planId: string }) {
  const plan = await ctx.db.plan.findFirst({
    where: { id: planId, localAreaId: areaScope(ctx.viewer, "plan.read") },
    select: { id: true, localAreaId: true, _count: { select: { findings: true } } },
  });
  if (!plan) throw notFound("That plan");
  requireCan(ctx, "plan.edit", plan);
  return inTransaction(ctx, async (tx) => {
    await refIsFree(tx, plan.id, fields.ref);
    const finding = await tx.finding.create({
      data: { ...fields, localAreaId: plan.localAreaId, planId: plan.id, sortOrder: plan._count.findings + 1 },
      select: FINDING_FORM_SELECT,
    });
    await recordAudit(tx, ctx, { action: "finding.create", entityType: "Finding", entityId: finding.id, localAreaId: plan.localAreaId, after: finding });
    return finding;
  });
}

export async function updateFinding(ctx: AuthedContext, input: FindingFields & { id: string; version: number }) {
  const { id, version, ...fields } = input;
  const found = await findingForEditing(ctx, id);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.finding.findUniqueOrThrow({ where: { id }, select: FINDING_FORM_SELECT });
    // The version decides first: a stale form's other mistakes are moot.
    const { count } = await tx.finding.updateMany({ where: { id, version }, data: { version: { increment: 1 } } });
    if (count === 0) throw await staleSave(tx, { what: "finding", entityId: id, current: async () => before });
    await refIsFree(tx, found.planId, fields.ref, id);
    await tx.finding.update({ where: { id }, data: fields });
    const after = await tx.finding.findUniqueOrThrow({ where: { id }, select: FINDING_FORM_SELECT });
    await recordAudit(tx, ctx, { action: "finding.update", entityType: "Finding", entityId: id, localAreaId: found.localAreaId, before, after });
    return after;
  });
}

/** Accepted impact evidence on the finding, its actions or its measures, as the evidence pack lists it. */
const PACK_EVIDENCE_SELECT = {
  id: true,
  title: true,
  kind: true,
  url: true,
  fileName: true,
  storageKey: true,
  visibility: true,
  reviewedAt: true,
  action: { select: { ref: true } },
  measure: { select: { ref: true } },
} as const satisfies Prisma.EvidenceSelect;

const PACK_VERDICT_SELECT = {
  id: true,
  verdict: true,
  levelRecognised: true,
  cornerstonesMet: true,
  text: true,
  createdAt: true,
  author: { select: { name: true } },
  action: { select: { id: true, ref: true, title: true } },
  supersededBy: { select: { id: true } },
} as const satisfies Prisma.ForumVerdictSelect;

const PACK_ADVISER_NOTE_SELECT = { id: true, note: true, view: true, date: true, author: { select: { name: true } } } as const satisfies Prisma.AdviserNoteSelect;

/**
 * A finding as its page shows it, the revisit evidence pack: the inspectors' wording, its actions
 * and measures with both summaries, each measure's chart, the accepted impact evidence the viewer
 * may read, the forum's verdicts on the finding and its actions, and (for those who may read
 * them) the advisers' notes. A fixed number of queries, however many actions and measures.
 */
export async function findingById(ctx: AuthedContext, id: string) {
  const finding = await ctx.db.finding.findFirst({
    where: { id, localAreaId: areaScope(ctx.viewer, "plan.read") },
    select: {
      id: true,
      localAreaId: true,
      ref: true,
      kind: true,
      inspectorsWording: true,
      summary: true,
      localArea: { select: { name: true, slug: true } },
      plan: { select: { id: true, type: true, title: true, ...PLAN_RULE_FIELDS } },
      ...FINDING_READINESS_FIELDS,
      // The readiness select widened to everything a chart draws, so one read serves both.
      measures: { ...FINDING_READINESS_FIELDS.measures, select: { ...FINDING_READINESS_FIELDS.measures.select, ...MEASURE_CHART_FIELDS } },
    },
  });
  if (!finding) throw notFound("That finding");
  const { localAreaId } = finding;
  const onThisFinding = { OR: [{ findingId: id }, { action: { findingId: id } }] };
  const mayReadAdviserNotes = can(ctx.viewer, "adviserNote.read", finding);
  const [impact, evidence, verdicts, adviserNotes] = await Promise.all([
    acceptedImpactEvidence(ctx.db, localAreaId, id),
    ctx.db.evidence.findMany({
      where: {
        localAreaId,
        kind: "IMPACT",
        reviewStatus: "ACCEPTED",
        ...(can(ctx.viewer, "internal.read", finding) ? {} : { visibility: { not: "INTERNAL" } }),
        ...evidenceOnFinding(id),
      },
      orderBy: [{ reviewedAt: "desc" }, { createdAt: "desc" }],
      select: PACK_EVIDENCE_SELECT,
    }),
    ctx.db.forumVerdict.findMany({ where: { localAreaId, ...onThisFinding }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: PACK_VERDICT_SELECT }),
    mayReadAdviserNotes
      ? ctx.db.adviserNote.findMany({ where: { localAreaId, findingId: id }, orderBy: [{ date: "desc" }, { createdAt: "desc" }], select: PACK_ADVISER_NOTE_SELECT })
      : null,
  ]);
  const { plan, actions: _a, measures: rows, ...rest } = finding;
  const readiness = findingReadiness(finding, plan, impact.get(finding.id) ?? 0, today());
  const rowById = new Map(rows.map((m) => [m.id, m]));
  // Trajectories replaced through approved change requests, drawn dashed beside today's.
  const superseded = await supersededFor(ctx.db, localAreaId, rows.map((m) => m.id));
  return {
    ...rest,
    plan: { id: plan.id, type: plan.type, title: plan.title },
    ...readiness,
    measures: readiness.measures.map((m) => ({ ...m, chart: measureChartData(rowById.get(m.id)!, m.trajectory, superseded.get(m.id)) })),
    impactEvidence: evidence.map(({ storageKey, fileName, action, measure, ...e }) => ({
      ...e,
      file: storageKey ? { name: fileName ?? "evidence", href: downloadPath(e.id) } : null,
      attachedTo: action ? `Action ${action.ref}` : measure ? `Measure ${measure.ref}` : "This finding",
    })),
    verdicts: verdicts.map(({ author, supersededBy, ...v }) => ({ ...v, authorName: author.name, current: supersededBy === null })),
    ...(adviserNotes ? { adviserNotes: adviserNotes.map(({ author, ...n }) => ({ ...n, authorName: author?.name ?? null })) } : {}),
    viewerCan: {
      edit: can(ctx.viewer, "plan.edit", finding),
      reviewEvidence: can(ctx.viewer, "evidence.review", finding),
    },
  };
}
