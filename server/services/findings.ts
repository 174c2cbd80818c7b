/** Findings of a plan: the inspectors' wording and its plain-English summary. LEAD edits. */
import type { AuthedContext } from "@/server/api/trpc";
import { areaScope, can } from "@/server/auth/permissions";
import { PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { notFound } from "@/server/errors";
import type { FindingFields } from "@/server/schemas/plan";
import { fieldError, requireCan } from "@/server/services/access";
import { inTransaction, recordAudit, type Tx } from "@/server/services/audit";
import { acceptedImpactEvidence, FINDING_READINESS_FIELDS, findingReadiness } from "@/server/services/finding-readiness";
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

/** A finding as its page shows it: the inspectors' wording, its actions and measures, both summaries. */
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
    },
  });
  if (!finding) throw notFound("That finding");
  const impact = await acceptedImpactEvidence(ctx.db, finding.localAreaId, finding.id);
  const { plan, actions: _a, measures: _m, ...rest } = finding;
  return {
    ...rest,
    plan: { id: plan.id, type: plan.type, title: plan.title },
    ...findingReadiness(finding, plan, impact.get(finding.id) ?? 0, today()),
    viewerCan: {
      edit: can(ctx.viewer, "plan.edit", finding),
      reviewEvidence: can(ctx.viewer, "evidence.review", finding),
    },
  };
}
