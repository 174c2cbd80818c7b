/**
 * The plan itself: starting one, its details (type, status, source inspection, cadence, RAG
 * thresholds, next inspection), and the inspections it refers to. LEAD only.
 */
import { isEnded } from "@/server/domain/plan-journey";
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import type { Prisma } from "@/server/generated/prisma/client";
import { followUpKind } from "@/server/domain/inspections";
import type { PlanFields, RecordInspectionInput } from "@/server/schemas/plan";
import { fromDay, toDay } from "@/lib/calendar";
import { areaBySlug, CURRENT_PLAN, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Tx } from "@/server/services/core/audit";
import { staleSave } from "@/server/services/core/versioned";
import { AppError } from "@/server/errors";

const PLAN_FORM_SELECT = {
  id: true,
  version: true,
  type: true,
  title: true,
  status: true,
  sourceInspectionId: true,
  acceptedDate: true,
  updateCadenceDays: true,
  ragGreenThreshold: true,
  ragAmberThreshold: true,
  followUpInspection: { select: { id: true, expectedDate: true, startDate: true, dateIsEstimate: true } },
} satisfies Prisma.PlanSelect;

type PlanRow = Prisma.PlanGetPayload<{ select: typeof PLAN_FORM_SELECT }>;

/** The plan as its form edits it. */
function planForm(p: PlanRow): PlanFields & { id: string; version: number } {
  return {
    id: p.id,
    version: p.version,
    type: p.type,
    title: p.title,
    status: p.status,
    sourceInspectionId: p.sourceInspectionId ?? "",
    acceptedDate: fromDay(p.acceptedDate),
    nextInspectionDate: fromDay(p.followUpInspection?.startDate ?? p.followUpInspection?.expectedDate),
    nextInspectionIsEstimate: p.followUpInspection?.dateIsEstimate ?? false,
    updateCadenceDays: p.updateCadenceDays,
    ragGreenPercent: Math.round(p.ragGreenThreshold * 100),
    ragAmberPercent: Math.round(p.ragAmberThreshold * 100),
  };
}

/** Everything the plan settings page needs: the current plan's form, inspections, organisations. */
export async function planSettings(ctx: ServiceContext, slug: string) {
  const area = await areaBySlug(ctx, slug, "plan.edit");
  const [plans, inspections, organisations] = await Promise.all([
    ctx.db.plan.findMany({
      ...CURRENT_PLAN,
      where: { ...CURRENT_PLAN.where, localAreaId: area.id },
      select: {
        ...PLAN_FORM_SELECT,
        findings: {
          orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
          select: { id: true, ref: true, kind: true, summary: true, inspectorsWording: true, _count: { select: { actions: true, measures: true } } },
        },
      },
    }),
    ctx.db.inspection.findMany({
      where: { localAreaId: area.id },
      orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
      select: { id: true, framework: true, kind: true, startDate: true, endDate: true, expectedDate: true, publishedDate: true, reportUrl: true },
    }),
    ctx.db.organisation.findMany({
      where: { localAreaId: area.id },
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true, _count: { select: { leadActions: true, partnerActions: true } } },
    }),
  ]);
  const plan = plans[0] ?? null;
  return { area, plan: plan ? planForm(plan) : null, findings: plan?.findings ?? [], inspections, organisations };
}

/** The follow-up inspection's kind follows the framework: revisits (2016) or monitoring (2023). */
async function setNextInspection(tx: Tx, localAreaId: string, plan: PlanRow | null, input: PlanFields) {
  const date = toDay(input.nextInspectionDate);
  const existing = plan?.followUpInspection ?? null;
  if (existing) {
    await tx.inspection.update({
      where: { id: existing.id },
      // A follow-up that has started keeps its real dates; the plan edits only the expected one.
      data: { expectedDate: date, dateIsEstimate: date ? input.nextInspectionIsEstimate : false },
    });
    return existing.id;
  }
  if (!date) return null;
  const source = input.sourceInspectionId
    ? await tx.inspection.findFirst({ where: { id: input.sourceInspectionId, localAreaId }, select: { framework: true } })
    : null;
  const framework = source?.framework ?? "FRAMEWORK_2023";
  const created = await tx.inspection.create({
    data: {
      localAreaId,
      framework,
      kind: followUpKind(framework),
      expectedDate: date,
      dateIsEstimate: input.nextInspectionIsEstimate,
    },
  });
  return created.id;
}

async function checkSourceInspection(tx: Tx, localAreaId: string, id: string) {
  if (!id) return null;
  const found = await tx.inspection.findFirst({ where: { id, localAreaId }, select: { id: true } });
  if (!found) throw new AppError("INVALID", "Choose one of this area's inspections as the source inspection.", { fieldErrors: { sourceInspectionId: "Choose one of this area's inspections" } });
  return found.id;
}

function planData(input: PlanFields) {
  return {
    type: input.type,
    title: input.title,
    status: input.status,
    acceptedDate: toDay(input.acceptedDate),
    updateCadenceDays: input.updateCadenceDays,
    ragGreenThreshold: input.ragGreenPercent / 100,
    ragAmberThreshold: input.ragAmberPercent / 100,
  };
}

export async function createPlan(ctx: ServiceContext, input: PlanFields & { slug: string }) {
  const area = await areaBySlug(ctx, input.slug, "plan.edit");
  return inTransaction(ctx, async (tx) => {
    const open = await tx.plan.findFirst({ where: { ...CURRENT_PLAN.where, localAreaId: area.id }, select: { title: true } });
    if (open) throw new AppError("CONFLICT", `${area.name} already has a current plan (${open.title}). Close it before starting another.`);
    const sourceInspectionId = await checkSourceInspection(tx, area.id, input.sourceInspectionId);
    const followUpInspectionId = await setNextInspection(tx, area.id, null, input);
    const plan = await tx.plan.create({
      data: { localAreaId: area.id, ...planData(input), sourceInspectionId, followUpInspectionId },
      select: PLAN_FORM_SELECT,
    });
    await recordAudit(tx, ctx, { action: "plan.create", entityType: "Plan", entityId: plan.id, localAreaId: area.id, after: planForm(plan) });
    return planForm(plan);
  });
}

export async function updatePlan(ctx: ServiceContext, input: PlanFields & { id: string; version: number }) {
  const found = await findInArea(ctx, "plan", {
    where: { id: input.id },
    select: { localAreaId: true },
  });
  requireCan(ctx, "plan.edit", found);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.plan.findUniqueOrThrow({ where: { id: input.id }, select: PLAN_FORM_SELECT });
    // The version decides first: a stale form's other mistakes are moot.
    const { count } = await tx.plan.updateMany({ where: { id: input.id, version: input.version }, data: { version: { increment: 1 } } });
    if (count === 0) {
      throw await staleSave(tx, { what: "plan", entityId: input.id, current: async () => planForm(before) });
    }
    if (isEnded(before.status) && !isEnded(input.status)) {
      const open = await tx.plan.findFirst({ where: { ...CURRENT_PLAN.where, localAreaId: found.localAreaId, id: { not: input.id } }, select: { title: true } });
      if (open) throw new AppError("CONFLICT", `This plan cannot be reopened while ${open.title} is the area's current plan. Close that one first.`);
    }
    const sourceInspectionId = await checkSourceInspection(tx, found.localAreaId, input.sourceInspectionId);
    const followUpInspectionId = await setNextInspection(tx, found.localAreaId, before, input);
    await tx.plan.update({ where: { id: input.id }, data: { ...planData(input), sourceInspectionId, followUpInspectionId } });
    const after = planForm(await tx.plan.findUniqueOrThrow({ where: { id: input.id }, select: PLAN_FORM_SELECT }));
    await recordAudit(tx, ctx, { action: "plan.update", entityType: "Plan", entityId: input.id, localAreaId: found.localAreaId, before: planForm(before), after });
    return after;
  });
}

export async function recordInspection(ctx: ServiceContext, input: RecordInspectionInput) {
  const area = await areaBySlug(ctx, input.slug, "plan.edit");
  return inTransaction(ctx, async (tx) => {
    const inspection = await tx.inspection.create({
      data: {
        localAreaId: area.id,
        framework: input.framework,
        kind: input.kind,
        startDate: toDay(input.startDate),
        endDate: toDay(input.endDate),
        publishedDate: toDay(input.publishedDate),
        reportUrl: input.reportUrl || null,
      },
    });
    await recordAudit(tx, ctx, { action: "inspection.create", entityType: "Inspection", entityId: inspection.id, localAreaId: area.id, after: inspection });
    return inspection;
  });
}
