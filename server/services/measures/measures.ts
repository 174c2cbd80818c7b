/**
 * Measures: the impact side of a plan. A lead defines each measure and its trajectory (baseline,
 * milestones, target); its values are entered through server/services/measures/measure-values.ts. Status
 * against the trajectory comes from the pure rule in server/domain/measure-status.ts. The tenant
 * condition is in every query.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can } from "@/server/auth/permissions";
import { isPlanAccepted } from "@/server/domain/change-control";
import { MEASURE_RULE_FIELDS, measureStatus } from "@/server/domain/measure-status";
import { measureChartData } from "@/server/domain/measure-chart";
import { measureTrend } from "@/server/domain/measure-trend";
import { notFound } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import { toDay } from "@/lib/calendar";
import type { CreateMeasureInput, MeasureFields, UpdateMeasureInput } from "@/server/schemas/measure";
import { PLAN_ENDING, planEnding, requireOpenPlan } from "@/server/services/core/ended-plan";
import { areaBySlug, CURRENT_PLAN, fieldError, isOwnerChoice, ownerChoices, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Tx } from "@/server/services/core/audit";
import { supersededFor } from "@/server/services/plans/change-requests";
import { MEASURE_FORM_FIELDS, measureFormValues } from "@/server/services/measures/measure-form";
import { refuseControlledChanges } from "@/server/services/core/controlled-fields";
import { today } from "@/server/services/core/today";
import { catalogueChoices, checkCatalogueLink } from "@/server/services/statistics/catalogue";
import { refreshComparisons } from "@/server/services/statistics/comparisons";
import { MEASURE_COMPARISON_FIELDS } from "@/server/domain/measure-chart";
import { staleSave } from "@/server/services/core/versioned";

type Db = ServiceContext["db"] | Tx;


async function loadForm(db: Db, id: string) {
  const m = await db.measure.findUnique({ where: { id }, select: MEASURE_FORM_FIELDS });
  return m && measureFormValues(m);
}

function columns(input: MeasureFields) {
  return {
    ref: input.ref,
    name: input.name,
    definition: input.definition,
    unit: input.unit,
    direction: input.direction,
    source: input.source,
    baselineValue: input.baselineValue,
    baselineDate: toDay(input.baselineDate),
    benchmarkValue: input.benchmarkValue,
    benchmarkLabel: input.benchmarkLabel || null,
    benchmarkDate: toDay(input.benchmarkDate),
    targetValue: input.targetValue,
    targetDate: toDay(input.targetDate),
    // Undefined (a caller that does not send them) leaves the range as it is.
    plausibleMin: input.plausibleMin,
    plausibleMax: input.plausibleMax,
    ownerId: input.ownerId || null,
    // Undefined (a caller that does not send it, like a plan workbook) leaves the link as it is.
    catalogueMeasureId: input.catalogueMeasureId === undefined ? undefined : input.catalogueMeasureId || null,
  };
}

const milestoneRows = (input: MeasureFields) =>
  input.milestones.map((m) => ({ date: toDay(m.date)!, targetValue: m.targetValue }));

/** Findings, owner and reference must fit the plan; each refusal says what to change. */
async function checkReferences(
  tx: Tx,
  input: MeasureFields,
  plan: { planId: string; localAreaId: string },
  measureId: string | null,
) {
  const findingIds = [...new Set(input.findingIds)];
  const found = await tx.finding.count({ where: { id: { in: findingIds }, planId: plan.planId } });
  if (found !== findingIds.length) throw fieldError("findingIds", "Choose findings from this plan only.");
  if (input.ownerId && !(await isOwnerChoice(tx, plan.localAreaId, input.ownerId))) {
    throw fieldError("ownerId", "Choose an owner who is a plan lead or action owner in this local area.");
  }
  const clash = await tx.measure.findFirst({
    where: { planId: plan.planId, ref: { equals: input.ref, mode: "insensitive" }, ...(measureId ? { NOT: { id: measureId } } : {}) },
    select: { ref: true },
  });
  if (clash) throw fieldError("ref", `This plan already has a measure ${clash.ref}. Choose another reference.`);
  // Its line and England's are drawn on one scale: a link to a measure counted otherwise is refused.
  const linkedTo = input.catalogueMeasureId === undefined ? await currentLink(tx, measureId) : input.catalogueMeasureId;
  if (linkedTo) await checkCatalogueLink(tx, linkedTo, input.unit);
  return findingIds;
}

/** The published measure a saved measure links to (none for a new one). */
async function currentLink(tx: Tx, measureId: string | null) {
  if (!measureId) return null;
  return (await tx.measure.findUnique({ where: { id: measureId }, select: { catalogueMeasureId: true } }))?.catalogueMeasureId ?? null;
}

/**
 * People who may own a measure in the area, for the lead's form. `current`, the measure's owner,
 * is listed even after leaving the area or losing their account, so the form shows who owns it;
 * a save that keeps them is refused beside the field until the lead chooses another.
 */
async function measureOwnerChoices(db: Db, localAreaId: string, current?: { id: string; name: string | null } | null) {
  const owners = (await ownerChoices(db, localAreaId)).map((u) => ({ id: u.id, name: u.name ?? u.email ?? u.id }));
  if (current && !owners.some((o) => o.id === current.id)) owners.push({ id: current.id, name: current.name ?? "The current owner" });
  return owners;
}

function statusOf(m: Prisma.MeasureGetPayload<{ select: typeof MEASURE_RULE_FIELDS }>, cadenceDays: number, now: Date) {
  return measureStatus({ ...m, cadenceDays, today: now });
}

/** The area's current plan (the latest not closed), its measures with their status, for the list page. */
export async function listMeasures(ctx: ServiceContext, slug: string) {
  const area = await findInArea(ctx, "localArea", {
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      plans: {
        ...CURRENT_PLAN,
        select: {
          id: true,
          type: true,
          title: true,
          updateCadenceDays: true,
          measures: {
            orderBy: { ref: "asc" },
            select: {
              ...MEASURE_RULE_FIELDS,
              id: true,
              ref: true,
              name: true,
              unit: true,
              ownerId: true,
              owner: { select: { name: true } },
              findings: { select: { ref: true }, orderBy: { ref: "asc" } },
            },
          },
        },
      },
    },
  });
  const plan = area.plans[0] ?? null;
  const canEdit = can(ctx.viewer, "plan.edit", { localAreaId: area.id });
  const now = today();
  return {
    area: { id: area.id, name: area.name, slug: area.slug },
    plan: plan && { id: plan.id, type: plan.type, title: plan.title },
    measures: (plan?.measures ?? []).map((m) => {
      const status = statusOf(m, plan!.updateCadenceDays, now);
      return {
        id: m.id,
        ref: m.ref,
        name: m.name,
        unit: m.unit,
        direction: m.direction,
        targetValue: m.targetValue,
        targetDate: m.targetDate,
        ownerName: m.owner?.name ?? null,
        findingRefs: m.findings.map((f) => f.ref),
        latest: status.latest,
        status: { status: status.status, expected: status.expected, explanation: status.explanation },
        // The latest value against the one before, in the measure's direction.
        trend: measureTrend(m),
      };
    }),
    viewerCan: { create: plan !== null && canEdit },
  };
}

/** What the new-measure form offers: the current plan's findings and the people who may own a measure. */
export async function measureFormChoices(ctx: ServiceContext, slug: string) {
  const area = await areaBySlug(ctx, slug, "plan.edit");
  const plan = await ctx.db.plan.findFirst({
    ...CURRENT_PLAN,
    where: { ...CURRENT_PLAN.where, localAreaId: area.id },
    select: { id: true, findings: { orderBy: [{ sortOrder: "asc" }, { ref: "asc" }], select: { id: true, ref: true, summary: true, inspectorsWording: true } } },
  });
  if (!plan) return { area, planId: null, findings: [], owners: [], catalogue: [] };
  return { area, planId: plan.id, findings: plan.findings, owners: await measureOwnerChoices(ctx.db, area.id), catalogue: await catalogueChoices(ctx.db) };
}

/** One measure: details, trajectory, values newest first and its status, with what the viewer may do. */
export async function measureById(ctx: ServiceContext, id: string) {
  const m = await findInArea(ctx, "measure", {
    where: { id },
    select: {
      ...MEASURE_FORM_FIELDS,
      ...MEASURE_COMPARISON_FIELDS,
      localAreaId: true,
      owner: { select: { id: true, name: true } },
      localArea: { select: { name: true, slug: true } },
      plan: {
        select: {
          ...PLAN_ENDING.select,
          acceptedDate: true,
          updateCadenceDays: true,
          // The chart marks where this plan took the measure over from the one before it.
          createdAt: true,
          predecessorId: true,
          findings: { orderBy: [{ sortOrder: "asc" }, { ref: "asc" }], select: { id: true, ref: true, summary: true, inspectorsWording: true } },
        },
      },
      findings: { select: { id: true, planId: true, ref: true, summary: true, inspectorsWording: true }, orderBy: { ref: "asc" } },
      values: {
        orderBy: { periodEnd: "desc" },
        select: {
          id: true,
          periodEnd: true,
          value: true,
          status: true,
          note: true,
          updatedAt: true,
          enteredBy: { select: { name: true } },
        },
      },
    },
  });
  const status = measureStatus({
    direction: m.direction,
    baselineValue: m.baselineValue,
    baselineDate: m.baselineDate,
    targetValue: m.targetValue,
    targetDate: m.targetDate,
    milestones: m.milestones,
    values: m.values,
    cadenceDays: m.plan.updateCadenceDays,
    today: today(),
  });
  const { values, localAreaId, ownerId, ...measure } = m;
  // A measure of an ended plan (one not carried into the next) is kept as it was.
  const ended = planEnding(m.plan);
  const canEdit = !ended && can(ctx.viewer, "plan.edit", { localAreaId });
  const superseded = await supersededFor(ctx.db, localAreaId, [m.id]);
  return {
    ...measure,
    localAreaId,
    ownerId,
    values: values.map((v) => ({
      ...v,
      // Kept and shown, but history: the status does not judge values before the baseline.
      beforeBaseline: m.baselineDate !== null && v.periodEnd < m.baselineDate,
    })),
    status,
    chart: measureChartData(m, status.trajectory, superseded.get(m.id)),
    /** The edit form's starting values, and its choices of owner (for the lead only). */
    form: measureFormValues(m),
    owners: canEdit ? await measureOwnerChoices(ctx.db, localAreaId, m.owner) : [],
    /** The published measures the lead may link it to. */
    catalogue: canEdit ? await catalogueChoices(ctx.db) : [],
    /** Accepted: the target and milestones change only through a change request. */
    planAccepted: isPlanAccepted(m.plan),
    /** How its plan ended, when it has: the page says so and offers no changes. */
    ended,
    viewerCan: {
      edit: canEdit,
      enterValues: !ended && can(ctx.viewer, "measure.enterValues", { localAreaId, ownerId }),
      reviewEvidence: !ended && can(ctx.viewer, "evidence.review", { localAreaId }),
    },
  };
}

export async function createMeasure(ctx: ServiceContext, input: CreateMeasureInput) {
  const plan = await findInArea(ctx, "plan", {
    where: { id: input.planId },
    select: { ...PLAN_ENDING.select, localAreaId: true },
  });
  requireCan(ctx, "plan.edit", plan);
  requireOpenPlan(plan);
  return inTransaction(ctx, async (tx) => {
    const findingIds = await checkReferences(tx, input, { planId: plan.id, localAreaId: plan.localAreaId }, null);
    const created = await tx.measure.create({
      data: {
        ...columns(input),
        localAreaId: plan.localAreaId,
        planId: plan.id,
        findings: { connect: findingIds.map((id) => ({ id })) },
        milestones: { create: milestoneRows(input) },
      },
      select: { id: true },
    });
    if (input.catalogueMeasureId) await refreshComparisons(tx, { measureIds: [created.id] });
    const after = await loadForm(tx, created.id);
    await recordAudit(tx, ctx, {
      action: "measure.create",
      entityType: "Measure",
      entityId: created.id,
      localAreaId: plan.localAreaId,
      after,
    });
    return { id: created.id, ref: input.ref };
  });
}

/**
 * Saves the measure if nobody has saved it since the editor loaded `input.version`; otherwise
 * refuses with the measure as it is now (staleSave), and nothing is written.
 */
export async function updateMeasure(ctx: ServiceContext, input: UpdateMeasureInput) {
  const found = await findInArea(ctx, "measure", {
    where: { id: input.id },
    select: { id: true, planId: true, localAreaId: true, plan: { select: { ...PLAN_ENDING.select, acceptedDate: true } } },
  });
  requireCan(ctx, "plan.edit", found);
  // A measure carried into the next plan belongs to that plan now (its planId moved): it stays open.
  requireOpenPlan(found.plan);
  return inTransaction(ctx, async (tx) => {
    const stale = () => staleSave(tx, { what: "measure", entityId: input.id, current: () => loadForm(tx, input.id) });
    const before = await loadForm(tx, input.id);
    if (!before) throw notFound("That measure");
    if (before.version !== input.version) throw await stale();
    // Once the plan is accepted, the target and milestones change through a change request.
    refuseControlledChanges("Measure", found.plan, before, input);
    const findingIds = await checkReferences(tx, input, { planId: found.planId, localAreaId: found.localAreaId }, input.id);
    const { count } = await tx.measure.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...columns(input), version: { increment: 1 } },
    });
    if (count === 0) throw await stale();
    // The findings of an earlier plan that it evidenced before it was carried forward stay linked.
    const earlier = await tx.finding.findMany({ where: { measures: { some: { id: input.id } }, planId: { not: found.planId } }, select: { id: true } });
    await tx.measure.update({ where: { id: input.id }, data: { findings: { set: [...findingIds.map((id) => ({ id })), ...earlier] } } });
    await tx.measureMilestone.deleteMany({ where: { measureId: input.id } });
    await tx.measureMilestone.createMany({ data: milestoneRows(input).map((m) => ({ ...m, measureId: input.id })) });
    const after = await loadForm(tx, input.id);
    // Linked, relinked or unlinked: its comparison lines follow in the same transaction.
    if (after!.catalogueMeasureId !== before.catalogueMeasureId) await refreshComparisons(tx, { measureIds: [input.id] });
    await recordAudit(tx, ctx, {
      action: "measure.update",
      entityType: "Measure",
      entityId: input.id,
      localAreaId: found.localAreaId,
      before,
      after,
    });
    return { id: input.id, version: after!.version };
  });
}
