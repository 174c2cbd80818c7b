/**
 * Judgements and follow-on plans. An ADVISER records the judgement a revisit or monitoring
 * inspection made on each finding, with its date and the published letter. When a revisit finds
 * not sufficient progress, the LEAD starts an Accelerated Progress Plan from the WSOA: a new plan
 * linked to the old one, carrying forward only the findings judged insufficient, each linked to
 * the finding it continues.
 *
 * Starting the APP supersedes the WSOA. The revisit that judged it has happened, so the WSOA has
 * reached its end; the area's current plan (CURRENT_PLAN: the latest not ended) becomes the APP
 * without two open plans competing. The APP carries the work on (open actions, the same measures)
 * and its pages read the WSOA's evidence, verdicts and notes through the predecessor links; the
 * WSOA itself stays readable, read-only, on the area's plan history.
 */
import { PLAN_ENDING, requireOpenPlan } from "@/server/services/core/ended-plan";
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can } from "@/server/auth/permissions";
import { fromDay, toDay, utcDay } from "@/lib/calendar";
import { followUpKind } from "@/server/domain/inspections";
import type { ActionStatus } from "@/server/generated/prisma/enums";
import { appEligibility, JUDGEMENTS_FOR } from "@/server/domain/follow-on-plan";
import { planFramework, statusAfterJudgements } from "@/server/domain/plan-journey";
import { JUDGEMENT, PLAN_TYPE } from "@/lib/labels";
import { AppError } from "@/server/errors";
import type { JudgementFields } from "@/server/schemas/adviser";
import { areaBySlug, CURRENT_PLAN, fieldError, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, recordAudits, type Db, type Tx } from "@/server/services/core/audit";
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
      findings: plan.findings.map(({ sortOrder: _s, ...f }) => ({ ...f, judgementsAllowed: JUDGEMENTS_FOR[f.kind] })),
    },
    inspections,
    app: eligibility && {
      eligible: eligibility.eligible,
      reason: eligibility.eligible ? null : eligibility.reason,
      carriedForward: eligibility.carriedForward.map((f) => ({ id: f.id, ref: f.ref, summary: f.summary, inspectorsWording: f.inspectorsWording, judgement: f.judgement })),
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
    select: {
      id: true,
      ref: true,
      kind: true,
      localAreaId: true,
      planId: true,
      judgement: true,
      judgementDate: true,
      judgementSource: true,
      judgementInspectionId: true,
      plan: PLAN_ENDING,
    },
  });
  requireCan(ctx, "adviser.write", finding);
  // An ended plan's judgements are its history: the next plan's findings are judged instead.
  requireOpenPlan(finding.plan);
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
    const planStatus = await statusFollowsJudgements(tx, ctx, finding.planId);
    return { id: updated.id, ref: updated.ref, judgement: updated.judgement, planStatus };
  });
}

/**
 * The plan's status follows its journey as judgements are recorded: once every finding is judged,
 * revisited (2016 framework) or monitored (2023), by the framework of the inspection the plan
 * answers, else its follow-up's kind (plan-journey.ts). Audited as a change to the plan, in the
 * judgement's transaction. Answers the plan's status after.
 */
async function statusFollowsJudgements(tx: Db, ctx: ServiceContext, planId: string) {
  const plan = await tx.plan.findUniqueOrThrow({
    where: { id: planId },
    select: {
      id: true,
      localAreaId: true,
      type: true,
      status: true,
      sourceInspection: { select: { framework: true } },
      followUpInspection: { select: { kind: true } },
      findings: { select: { judgement: true } },
    },
  });
  const framework = planFramework({ framework: plan.sourceInspection?.framework, followUpKind: plan.followUpInspection?.kind, type: plan.type });
  const status = statusAfterJudgements(plan.status, framework, plan.findings);
  if (status === plan.status) return status;
  await tx.plan.update({ where: { id: plan.id }, data: { status, version: { increment: 1 } } });
  await recordAudit(tx, ctx, {
    action: "plan.update",
    entityType: "Plan",
    entityId: plan.id,
    localAreaId: plan.localAreaId,
    before: { status: plan.status },
    after: { status },
  });
  return status;
}

/**
 * The LEAD starts an APP from the area's current WSOA: a DRAFT plan pointing at the WSOA, which is
 * SUPERSEDED by it. Each finding judged insufficient is carried forward as a new finding pointing at
 * the one it continues; each of that finding's open actions as a new action pointing at the one it
 * continues; and its measures move onto the APP as the same measures, linked to both findings, so
 * their values, milestones and trajectories go on as one history. The APP gets its own follow-up
 * inspection, its date an estimate. One transaction, every record audited. One APP per WSOA: a
 * second attempt is a CONFLICT.
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

    // Superseding the WSOA claims it: of two LEADs starting an APP at once, the second finds it changed.
    const { count } = await tx.plan.updateMany({ where: { id: plan.id, version: plan.version }, data: { status: "SUPERSEDED", version: { increment: 1 } } });
    if (count === 0) throw new AppError("CONFLICT", "Someone changed the written statement of action just now. Check it, then start the plan again.");

    const carried = eligibility.carriedForward;
    // The APP answers the inspection that judged the findings; without one recorded, the WSOA's follow-up.
    const sourceInspectionId = carried.find((f) => f.judgementInspectionId)?.judgementInspectionId ?? plan.followUpInspectionId;
    const followUp = await estimatedFollowUp(tx, area.id, sourceInspectionId, carried);
    const app = await tx.plan.create({
      data: {
        localAreaId: area.id,
        type: "APP",
        title: `${area.name} ${PLAN_TYPE.APP}`,
        status: "DRAFT",
        predecessorId: plan.id,
        sourceInspectionId,
        followUpInspectionId: followUp.id,
        updateCadenceDays: plan.updateCadenceDays,
        ragGreenThreshold: plan.ragGreenThreshold,
        ragAmberThreshold: plan.ragAmberThreshold,
      },
      select: { id: true, type: true, title: true, status: true, predecessorId: true, sourceInspectionId: true, followUpInspectionId: true },
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
      select: { id: true, ref: true, kind: true, summary: true, inspectorsWording: true, predecessorId: true },
    });
    const successorOf = new Map(findings.map((f) => [f.predecessorId!, f.id]));
    const actions = await carryOpenActions(tx, successorOf);
    const measures = await moveMeasures(tx, app.id, successorOf);

    await recordAudit(tx, ctx, {
      action: "plan.update",
      entityType: "Plan",
      entityId: plan.id,
      localAreaId: area.id,
      before: { status: plan.status },
      after: { status: "SUPERSEDED", successorId: app.id },
    });
    await recordAudit(tx, ctx, { action: "plan.startApp", entityType: "Plan", entityId: app.id, localAreaId: area.id, after: app });
    await recordAudits(tx, ctx, [
      { action: "inspection.create", entityType: "Inspection", entityId: followUp.id, localAreaId: area.id, after: followUp },
      ...findings.map((f) => ({ action: "finding.create", entityType: "Finding", entityId: f.id, localAreaId: area.id, after: f })),
      ...actions.map((a) => ({ action: "action.create", entityType: "Action", entityId: a.id, localAreaId: area.id, after: a })),
      ...measures.map((m) => ({ action: "measure.update", entityType: "Measure", entityId: m.id, localAreaId: area.id, before: m.before, after: m.after })),
    ]);
    return {
      id: app.id,
      title: app.title,
      carriedForward: findings.map((f) => ({ id: f.id, ref: f.ref, predecessorId: f.predecessorId })),
      actionsCarried: actions.length,
      measuresMoved: measures.length,
    };
  });
}

/**
 * An APP is not followed by a revisit on a published timetable: the DfE and NHS England monitor it
 * and decide when to review it formally. A year from the revisit that judged the findings is the
 * horizon the APP is written to, so the countdown starts from that, marked as an estimate for the
 * lead to correct on the plan page once a date is known.
 */
const APP_FOLLOW_UP_MONTHS = 12;

/** `months` calendar months after a day (UTC), as the plan's dates are kept. */
function monthsAfter(day: Date, months: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, day.getUTCDate()));
}

/** The APP's follow-up inspection, of the kind its framework follows up with, on an estimated date. */
async function estimatedFollowUp(tx: Tx, localAreaId: string, sourceInspectionId: string | null, carried: ReadonlyArray<{ judgementDate: Date | null }>) {
  const source = sourceInspectionId
    ? await tx.inspection.findFirst({ where: { id: sourceInspectionId, localAreaId }, select: { framework: true, startDate: true, expectedDate: true } })
    : null;
  // An APP follows a WSOA, a plan of the 2016 framework.
  const framework = source?.framework ?? "FRAMEWORK_2016";
  const judgedOn =
    source?.startDate ??
    carried.map((f) => f.judgementDate).reduce<Date | null>((latest, d) => (d && (!latest || d > latest) ? d : latest), null) ??
    source?.expectedDate ??
    utcDay(today());
  return tx.inspection.create({
    data: { localAreaId, framework, kind: followUpKind(framework), expectedDate: monthsAfter(utcDay(judgedOn), APP_FOLLOW_UP_MONTHS), dateIsEstimate: true },
    select: { id: true, framework: true, kind: true, expectedDate: true, dateIsEstimate: true },
  });
}

/** Actions that are finished with: not carried into the next plan. */
const FINISHED_ACTION_STATUSES = ["COMPLETE", "CANCELLED"] as const satisfies readonly ActionStatus[];

/**
 * Each open action of a carried finding continues as a new action of its successor finding, as it
 * stands (owner, organisations, dates, status, progress, co-production level claimed), pointing at
 * the action it continues. Its updates, evidence and the forum's verdicts stay on the original,
 * which the new action's page reads through `predecessorId`.
 */
async function carryOpenActions(tx: Tx, successorOf: ReadonlyMap<string, string>) {
  const open = await tx.action.findMany({
    where: { findingId: { in: [...successorOf.keys()] }, status: { notIn: [...FINISHED_ACTION_STATUSES] } },
    orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
    select: {
      id: true,
      localAreaId: true,
      findingId: true,
      ref: true,
      title: true,
      description: true,
      ownerId: true,
      leadOrganisationId: true,
      partnerOrganisations: { select: { id: true } },
      startDate: true,
      dueDate: true,
      status: true,
      progress: true,
      coproductionLevel: true,
      sortOrder: true,
    },
  });
  const created = [];
  for (const { id, findingId, partnerOrganisations, ...fields } of open) {
    const action = await tx.action.create({
      data: {
        ...fields,
        findingId: successorOf.get(findingId)!,
        predecessorId: id,
        partnerOrganisations: { connect: partnerOrganisations },
      },
      select: {
        id: true,
        findingId: true,
        ref: true,
        title: true,
        ownerId: true,
        leadOrganisationId: true,
        startDate: true,
        dueDate: true,
        status: true,
        progress: true,
        coproductionLevel: true,
        predecessorId: true,
      },
    });
    created.push({ ...action, startDate: fromDay(action.startDate) || null, dueDate: fromDay(action.dueDate) || null, partnerOrganisationIds: partnerOrganisations.map((o) => o.id) });
  }
  return created;
}

/**
 * The measures of the carried findings move onto the APP as they are, values and all, and are
 * linked to each successor finding as well: the original finding keeps its link, so the WSOA's
 * finding still shows the measure it was judged on.
 */
async function moveMeasures(tx: Tx, planId: string, successorOf: ReadonlyMap<string, string>) {
  const measures = await tx.measure.findMany({
    where: { findings: { some: { id: { in: [...successorOf.keys()] } } } },
    orderBy: { ref: "asc" },
    select: { id: true, planId: true, findings: { select: { id: true }, orderBy: { id: "asc" } } },
  });
  const moved = [];
  for (const m of measures) {
    const added = m.findings.flatMap((f) => (successorOf.has(f.id) ? [{ id: successorOf.get(f.id)! }] : []));
    const after = await tx.measure.update({
      where: { id: m.id },
      // The version moves on, so an edit form opened on the WSOA's measure is refused as stale.
      data: { planId, findings: { connect: added }, version: { increment: 1 } },
      select: { planId: true, findings: { select: { id: true }, orderBy: { id: "asc" } } },
    });
    moved.push({
      id: m.id,
      before: { planId: m.planId, findingIds: m.findings.map((f) => f.id) },
      after: { planId: after.planId, findingIds: after.findings.map((f) => f.id) },
    });
  }
  return moved;
}
