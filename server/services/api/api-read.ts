/**
 * What the API reads, from the services the pages read: the plan as a snapshot freezes it (its
 * findings with delivery and impact, its actions with their RAG: server/services/plans/plan-state.ts),
 * the measure list's statuses (listMeasures), a measure with its values (measureById) and the
 * plan as plan.json (the workbook's export, plan-json.ts). Each takes the token's context, so the
 * same permission checks and area conditions apply as for a person; this file only chooses what
 * the API shows of each (server/schemas/api.ts): no evidence, verdicts or adviser notes.
 */
import { fromDay } from "@/lib/calendar";
import type { MeasureView, PlanView } from "@/server/schemas/api";
import { areaBySlug, CURRENT_PLAN } from "@/server/services/core/access";
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { today } from "@/server/services/core/today";
import { listMeasures, measureById } from "@/server/services/measures/measures";
import { planState } from "@/server/services/plans/plan-state";
import { exportPlanJson } from "@/server/services/plan-transfer/plan-json";

const day = (d: Date | null) => (d ? fromDay(d) : null);

/** GET /areas/<slug>/plan: the current plan with its findings, actions and measures, and how each stands. */
export async function planForApi(ctx: ServiceContext, slug: string, now = today()): Promise<PlanView> {
  const area = await areaBySlug(ctx, slug, "plan.read");
  const [state, measures] = await Promise.all([planState(ctx.db, area.id, now), listMeasures(ctx, slug)]);
  return {
    asAt: now.toISOString(),
    area: { slug: area.slug, name: area.name },
    plan: state && { id: state.plan.id, type: state.plan.type, title: state.plan.title, status: state.plan.status },
    followUp: state?.followUp
      ? {
          kind: state.followUp.kind,
          date: state.followUp.date,
          isEstimate: state.followUp.isEstimate,
          daysToGo: state.followUp.daysToGo,
          happened: state.followUp.happened ?? false,
          overdue: state.followUp.overdue ?? false,
        }
      : null,
    findings: (state?.findings ?? []).map((f) => ({
      id: f.id,
      ref: f.ref,
      kind: f.kind,
      summary: f.summary,
      inspectorsWording: f.inspectorsWording,
      delivery: f.delivery,
      impact: { status: f.impact.status, explanation: f.impact.explanation },
      judgement: f.judgement ? { judgement: f.judgement.judgement, date: f.judgement.date, letterUrl: f.judgement.letterUrl, imported: f.judgement.imported } : null,
      actions: f.actions.map((a) => ({
        id: a.id,
        ref: a.ref,
        title: a.title,
        status: a.status,
        progress: a.progress,
        startDate: a.startDate,
        dueDate: a.dueDate,
        completedAt: a.completedAt,
        rag: a.rag,
        ragCalculated: a.ragCalculated,
        overrideReason: a.overrideReason,
        ownerName: a.ownerName,
        leadOrganisation: a.leadOrganisation,
        updateOverdue: a.updateOverdue,
      })),
      measureRefs: f.measures.map((m) => m.ref),
    })),
    measures: measures.measures.map((m) => ({
      id: m.id,
      ref: m.ref,
      name: m.name,
      unit: m.unit,
      direction: m.direction,
      findingRefs: m.findingRefs,
      ownerName: m.ownerName,
      target: m.targetValue !== null && m.targetDate ? { value: m.targetValue, date: fromDay(m.targetDate) } : null,
      latest: m.latest && { periodEnd: fromDay(m.latest.periodEnd), value: m.latest.value },
      status: m.status,
    })),
  };
}

/**
 * A measure of the area by its id, or by its reference in the current plan (any case): NOT_FOUND
 * when neither names one. An id finds a measure of an ended plan too, as its page does.
 */
export async function measureIdFor(ctx: ServiceContext, areaId: string, key: string): Promise<string> {
  const byId = await ctx.db.measure.findFirst({ where: { id: key, localAreaId: areaId }, select: { id: true } });
  if (byId) return byId.id;
  const found = await findInArea(ctx, "measure", {
    where: { localAreaId: areaId, ref: { equals: key, mode: "insensitive" }, plan: CURRENT_PLAN.where },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return found.id;
}

/** GET /areas/<slug>/measures/<ref or id>: the measure, its trajectory, its status and every value. */
export async function measureForApi(ctx: ServiceContext, slug: string, key: string): Promise<MeasureView> {
  const area = await areaBySlug(ctx, slug, "plan.read");
  const m = await measureById(ctx, await measureIdFor(ctx, area.id, key));
  return {
    id: m.id,
    ref: m.ref,
    name: m.name,
    definition: m.definition,
    unit: m.unit,
    direction: m.direction,
    source: m.source,
    baseline: m.baselineValue !== null && m.baselineDate ? { value: m.baselineValue, date: fromDay(m.baselineDate) } : null,
    benchmark: m.benchmarkValue !== null ? { value: m.benchmarkValue, label: m.benchmarkLabel ?? "", date: day(m.benchmarkDate) } : null,
    target: m.targetValue !== null && m.targetDate ? { value: m.targetValue, date: fromDay(m.targetDate) } : null,
    plausibleMin: m.plausibleMin,
    plausibleMax: m.plausibleMax,
    milestones: m.milestones.map((ms) => ({ date: fromDay(ms.date), targetValue: ms.targetValue })),
    // Its own plan's findings: a measure carried into the next plan keeps its earlier plan's too.
    findingRefs: m.findings.filter((f) => f.planId === m.plan.id).map((f) => f.ref),
    plan: { id: m.plan.id, title: m.plan.title, status: m.plan.status },
    status: { status: m.status.status, expected: m.status.expected, explanation: m.status.explanation },
    values: m.values.map((v) => ({
      periodEnd: fromDay(v.periodEnd),
      value: v.value,
      status: v.status,
      note: v.note,
      updatedAt: v.updatedAt.toISOString(),
      enteredBy: v.enteredBy?.name ?? null,
    })),
  };
}

/** GET /areas/<slug>/plan.json: the whole plan as the workbook holds it (internal.read, as the workbook: it names owners' emails). */
export async function planJsonForApi(ctx: ServiceContext, slug: string, now = new Date()) {
  const area = await areaBySlug(ctx, slug, "internal.read");
  return exportPlanJson(ctx.db, area.id, now);
}
