/**
 * Judgements and follow-on plans. An ADVISER records the judgement a revisit or monitoring
 * inspection made on each finding, with its date and the published letter. When a revisit finds
 * not sufficient progress, the LEAD starts an Accelerated Progress Plan from the WSOA: a new plan
 * linked to the old one, carrying forward only the findings judged insufficient, each linked to
 * the finding it continues.
 *
 * Starting the APP closes the WSOA. The revisit that judged it has happened, so the WSOA has
 * reached its end; the area's current plan (CURRENT_PLAN: the latest not closed) becomes the APP
 * without two open plans competing; and the demo's Eastmoor records its history the same way
 * (WSOA closed, APP from it). The WSOA, its judgements and actions stay readable through the
 * APP's link to it.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can } from "@/server/auth/permissions";
import { fromDay, toDay, utcDay } from "@/lib/calendar";
import { appEligibility, JUDGEMENTS_FOR } from "@/server/domain/follow-on-plan";
import { JUDGEMENT, PLAN_TYPE } from "@/lib/labels";
import { AppError } from "@/server/errors";
import type { JudgementFields } from "@/server/schemas/adviser";
import { areaBySlug, CURRENT_PLAN, fieldError, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, recordAudits, type Db } from "@/server/services/core/audit";
import { today } from "@/server/services/core/today";

const FOLLOW_UP_KINDS = ["REVISIT", "MONITORING"] as const;

const INSPECTION_SELECT = { id: true, kind: true, startDate: true, expectedDate: true, publishedDate: true, reportUrl: true } as const;

/** The area's current plan with what the judgement page and the APP rule need. */
function currentPlan(db: Db, localAreaId: string) {
  return db.plan.findFirst({
    ...CURRENT_PLAN,
    where: { ...CURRENT_PLAN.where, localAreaId },
    select: {
      id: true,
      version: true,
      type: true,
      title: true,
      status: true,
      updateCadenceDays: true,
      ragGreenThreshold: true,
      ragAmberThreshold: true,
      followUpInspectionId: true,
      predecessor: { select: { id: true, type: true, title: true } },
      _count: { select: { successors: true } },
      findings: {
        orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
        select: {
          id: true,
          ref: true,
          kind: true,
          summary: true,
          inspectorsWording: true,
          sortOrder: true,
          judgement: true,
          judgementDate: true,
          judgementSource: true,
          judgementInspectionId: true,
          judgementInspection: { select: INSPECTION_SELECT },
        },
      },
    },
  });
}

/** The current plan's findings with their judgements, the follow-up inspections to link, and whether an APP may start. */
export async function judgementsPage(ctx: ServiceContext, slug: string) {
  const area = await areaBySlug(ctx, slug, "plan.read");
  const [plan, inspections] = await Promise.all([
    currentPlan(ctx.db, area.id),
    ctx.db.inspection.findMany({
      where: { localAreaId: area.id, kind: { in: [...FOLLOW_UP_KINDS] } },
      orderBy: [{ startDate: { sort: "desc", nulls: "last" } }, { expectedDate: "desc" }],
      select: INSPECTION_SELECT,
    }),
  ]);
  const eligibility = plan ? appEligibility({ ...plan, successors: plan._count.successors }) : null;
  return {
    area,
    plan: plan && {
      id: plan.id,
      type: plan.type,
      title: plan.title,
      status: plan.status,
      followUpInspectionId: plan.followUpInspectionId,
      predecessor: plan.predecessor,
      findings: plan.findings.map(({ inspectorsWording: _w, sortOrder: _s, ...f }) => ({ ...f, judgementsAllowed: JUDGEMENTS_FOR[f.kind] })),
    },
    inspections,
    app: eligibility && {
      eligible: eligibility.eligible,
      reason: eligibility.eligible ? null : eligibility.reason,
      carriedForward: eligibility.carriedForward.map((f) => ({ id: f.id, ref: f.ref, summary: f.summary, judgement: f.judgement })),
    },
    viewerCan: {
      judge: can(ctx.viewer, "adviser.write", { localAreaId: area.id }),
      startApp: can(ctx.viewer, "plan.edit", { localAreaId: area.id }),
    },
  };
}

const judgementOf = (f: { judgement: unknown; judgementDate: Date | null; judgementSource: string | null; judgementInspectionId: string | null }) => ({
  judgement: f.judgement,
  judgementDate: fromDay(f.judgementDate) || null,
  judgementSource: f.judgementSource,
  judgementInspectionId: f.judgementInspectionId,
});

/** An ADVISER of the area records (or corrects) the judgement on one finding. */
export async function recordJudgement(ctx: ServiceContext, input: JudgementFields & { findingId: string }) {
  const finding = await findInArea(ctx, "finding", {
    where: { id: input.findingId },
    select: { id: true, ref: true, kind: true, localAreaId: true, judgement: true, judgementDate: true, judgementSource: true, judgementInspectionId: true },
  });
  requireCan(ctx, "adviser.write", finding);
  const allowed = JUDGEMENTS_FOR[finding.kind];
  if (!allowed.includes(input.judgement)) {
    throw fieldError("judgement", `Choose ${allowed.map((j) => JUDGEMENT[j].toLowerCase()).join(" or ")} for this kind of finding`);
  }
  const date = toDay(input.date);
  if (date > utcDay(today())) throw fieldError("date", "The date of the judgement must be today or earlier");
  if (input.inspectionId) {
    const inspection = await ctx.db.inspection.count({ where: { id: input.inspectionId, localAreaId: finding.localAreaId, kind: { in: [...FOLLOW_UP_KINDS] } } });
    if (!inspection) throw fieldError("inspectionId", "Choose one of this area's revisits or monitoring inspections");
  }
  return inTransaction(ctx, async (tx) => {
    const updated = await tx.finding.update({
      where: { id: finding.id },
      data: {
        judgement: input.judgement,
        judgementDate: date,
        judgementSource: input.letterUrl,
        judgementInspectionId: input.inspectionId || null,
        version: { increment: 1 },
      },
      select: { id: true, ref: true, judgement: true, judgementDate: true, judgementSource: true, judgementInspectionId: true },
    });
    await recordAudit(tx, ctx, {
      action: "finding.judge",
      entityType: "Finding",
      entityId: finding.id,
      localAreaId: finding.localAreaId,
      before: judgementOf(finding),
      after: judgementOf(updated),
    });
    return { id: updated.id, ref: updated.ref, judgement: updated.judgement };
  });
}

/**
 * The LEAD starts an APP from the area's current WSOA: a DRAFT plan pointing at the WSOA, with a
 * copy of each finding judged insufficient (pointing at its original), and the WSOA closed. One
 * APP per WSOA: a second attempt is a CONFLICT.
 */
export async function startAppFromWsoa(ctx: ServiceContext, input: { slug: string }) {
  const area = await areaBySlug(ctx, input.slug, "plan.edit");
  return inTransaction(ctx, async (tx) => {
    const plan = await currentPlan(tx, area.id);
    if (!plan) throw new AppError("INVALID", `${area.name} has no current plan to follow on from.`);
    if (plan.type !== "WSOA" && plan.predecessor?.type === "WSOA") {
      throw new AppError("CONFLICT", `An accelerated progress plan has already been started from ${plan.predecessor.title}.`);
    }
    const eligibility = appEligibility({ ...plan, successors: plan._count.successors });
    if (!eligibility.eligible) throw new AppError(plan._count.successors > 0 ? "CONFLICT" : "INVALID", eligibility.reason);

    // Closing the WSOA claims it: of two LEADs starting an APP at once, the second finds it changed.
    const { count } = await tx.plan.updateMany({ where: { id: plan.id, version: plan.version }, data: { status: "CLOSED", version: { increment: 1 } } });
    if (count === 0) throw new AppError("CONFLICT", "Someone changed the written statement of action just now. Check it, then start the plan again.");

    const carried = eligibility.carriedForward;
    // The APP answers the inspection that judged the findings; without one recorded, the WSOA's follow-up.
    const sourceInspectionId = carried.find((f) => f.judgementInspectionId)?.judgementInspectionId ?? plan.followUpInspectionId;
    const app = await tx.plan.create({
      data: {
        localAreaId: area.id,
        type: "APP",
        title: `${area.name} ${PLAN_TYPE.APP}`,
        status: "DRAFT",
        predecessorId: plan.id,
        sourceInspectionId,
        updateCadenceDays: plan.updateCadenceDays,
        ragGreenThreshold: plan.ragGreenThreshold,
        ragAmberThreshold: plan.ragAmberThreshold,
      },
      select: { id: true, type: true, title: true, status: true, predecessorId: true, sourceInspectionId: true },
    });
    const findings = await tx.finding.createManyAndReturn({
      data: carried.map((f, i) => ({
        localAreaId: area.id,
        planId: app.id,
        ref: f.ref,
        kind: f.kind,
        inspectorsWording: f.inspectorsWording,
        summary: f.summary,
        sortOrder: i + 1,
        predecessorId: f.id,
      })),
      select: { id: true, ref: true, kind: true, summary: true, predecessorId: true },
    });
    await recordAudit(tx, ctx, {
      action: "plan.update",
      entityType: "Plan",
      entityId: plan.id,
      localAreaId: area.id,
      before: { status: plan.status },
      after: { status: "CLOSED", successorId: app.id },
    });
    await recordAudit(tx, ctx, { action: "plan.startApp", entityType: "Plan", entityId: app.id, localAreaId: area.id, after: app });
    await recordAudits(
      tx,
      ctx,
      findings.map((f) => ({ action: "finding.create", entityType: "Finding", entityId: f.id, localAreaId: area.id, after: f })),
    );
    return { id: app.id, title: app.title, carriedForward: findings.map((f) => ({ id: f.id, ref: f.ref, predecessorId: f.predecessorId })) };
  });
}
