/**
 * Building the plan's actions: owner, lead and partner organisations, dates, dependencies and the
 * co-production level claimed. LEAD only; saves are versioned so no edit is lost.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import type { Prisma } from "@/server/generated/prisma/client";
import { isPlanAccepted } from "@/server/domain/change-control";
import { notFound } from "@/server/errors";
import { fromDay, toDay } from "@/lib/calendar";
import type { ActionFields } from "@/server/schemas/plan";
import { PLAN_ENDING, planEnding, requireOpenPlan } from "@/server/services/core/ended-plan";
import { areaBySlug, CURRENT_PLAN, fieldError, isOwnerChoice, ownerChoices, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Tx } from "@/server/services/core/audit";
import { refuseControlledChanges } from "@/server/services/core/controlled-fields";
import { staleSave } from "@/server/services/core/versioned";

const ACTION_FORM_SELECT = {
  id: true,
  version: true,
  findingId: true,
  ref: true,
  title: true,
  description: true,
  ownerId: true,
  leadOrganisationId: true,
  partnerOrganisations: { select: { id: true }, orderBy: { name: "asc" } },
  startDate: true,
  dueDate: true,
  dependsOn: { select: { id: true }, orderBy: { ref: "asc" } },
  coproductionLevel: true,
} satisfies Prisma.ActionSelect;

type ActionFormRow = Prisma.ActionGetPayload<{ select: typeof ACTION_FORM_SELECT }>;

/** The action as its form edits it (and as a stale save reports it). */
function actionForm(a: ActionFormRow): ActionFields & { id: string; version: number } {
  return {
    id: a.id,
    version: a.version,
    findingId: a.findingId,
    ref: a.ref,
    title: a.title,
    description: a.description,
    ownerId: a.ownerId ?? "",
    leadOrganisationId: a.leadOrganisationId ?? "",
    partnerOrganisationIds: a.partnerOrganisations.map((o) => o.id),
    startDate: fromDay(a.startDate),
    dueDate: fromDay(a.dueDate),
    dependsOnIds: a.dependsOn.map((d) => d.id),
    coproductionLevel: a.coproductionLevel ?? "",
  };
}

/** The choices the action form offers, all from the area's current plan. */
async function editorChoices(ctx: ServiceContext, localAreaId: string, planId: string) {
  const [findings, owners, organisations, actions] = await Promise.all([
    ctx.db.finding.findMany({ where: { planId }, orderBy: [{ sortOrder: "asc" }, { ref: "asc" }], select: { id: true, ref: true, summary: true, inspectorsWording: true } }),
    ownerChoices(ctx.db, localAreaId),
    ctx.db.organisation.findMany({ where: { localAreaId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    ctx.db.action.findMany({ where: { finding: { planId } }, orderBy: [{ ref: "asc" }], select: { id: true, ref: true, title: true } }),
  ]);
  return {
    findings,
    owners: owners.map((u) => ({ id: u.id, label: [u.name ?? u.email, u.organisation?.name].filter(Boolean).join(", ") })),
    organisations,
    actions,
  };
}

/** A new action's form: the choices, and the finding it starts under. */
export async function newActionForm(ctx: ServiceContext, slug: string) {
  const area = await areaBySlug(ctx, slug, "plan.edit");
  const plan = await ctx.db.plan.findFirst({ ...CURRENT_PLAN, where: { ...CURRENT_PLAN.where, localAreaId: area.id }, select: { id: true } });
  if (!plan) throw notFound("A current plan");
  return { area, planId: plan.id, choices: await editorChoices(ctx, area.id, plan.id) };
}

export async function actionForEditing(ctx: ServiceContext, id: string) {
  const action = await findInArea(ctx, "action", {
    where: { id },
    select: {
      ...ACTION_FORM_SELECT,
      localAreaId: true,
      localArea: { select: { slug: true, name: true } },
      finding: { select: { planId: true, plan: { select: { ...PLAN_ENDING.select, acceptedDate: true } } } },
    },
  });
  requireCan(ctx, "plan.edit", action);
  return {
    area: action.localArea,
    /** How the action's plan ended, when it has: the page then shows that, not the form. */
    ended: planEnding(action.finding.plan),
    values: actionForm(action),
    choices: await editorChoices(ctx, action.localAreaId, action.finding.planId),
    /** Accepted: title, description and due date change only through a change request. */
    planAccepted: isPlanAccepted(action.finding.plan),
  };
}

/** Checks every id the form sent against the area and plan, and that dependencies make no loop. */
async function checkedRelations(tx: Tx, localAreaId: string, input: ActionFields, actionId?: string) {
  const finding = await tx.finding.findFirst({ where: { id: input.findingId, localAreaId }, select: { id: true, planId: true, plan: PLAN_ENDING } });
  if (!finding) throw fieldError("findingId", "Choose one of this plan's findings");
  // Nor may an action move under a finding of an ended plan.
  requireOpenPlan(finding.plan);
  if (input.ownerId) {
    if (!(await isOwnerChoice(tx, localAreaId, input.ownerId))) throw fieldError("ownerId", "Choose an owner who is a lead or contributor in this area");
  }
  if (input.leadOrganisationId) {
    const lead = await tx.organisation.count({ where: { id: input.leadOrganisationId, localAreaId } });
    if (!lead) throw fieldError("leadOrganisationId", "Choose one of this area's organisations");
  }
  const partnerIds = [...new Set(input.partnerOrganisationIds)];
  if (partnerIds.length) {
    const found = await tx.organisation.count({ where: { id: { in: partnerIds }, localAreaId } });
    if (found !== partnerIds.length) throw fieldError("partnerOrganisationIds", "Choose organisations of this area");
  }
  const dependsOnIds = [...new Set(input.dependsOnIds)];
  if (actionId && dependsOnIds.includes(actionId)) throw fieldError("dependsOnIds", "An action cannot depend on itself");
  if (dependsOnIds.length) {
    const planActions = await tx.action.findMany({
      where: { finding: { planId: finding.planId } },
      select: { id: true, ref: true, dependsOn: { select: { id: true } } },
    });
    const inPlan = new Set(planActions.map((a) => a.id));
    if (!dependsOnIds.every((d) => inPlan.has(d))) throw fieldError("dependsOnIds", "Choose actions of this plan");
    if (actionId) {
      // Would any chosen action (transitively) depend on this one? Then the new edges make a loop.
      const edges = new Map(planActions.map((a) => [a.id, a.dependsOn.map((d) => d.id)]));
      const seen = new Set<string>();
      const stack = [...dependsOnIds];
      while (stack.length) {
        const next = stack.pop()!;
        if (next === actionId) {
          throw fieldError("dependsOnIds", "These dependencies would make a loop: one of the chosen actions already depends on this one");
        }
        if (seen.has(next)) continue;
        seen.add(next);
        stack.push(...(edges.get(next) ?? []));
      }
    }
  }
  return { finding, dependsOnIds };
}

function actionData(input: ActionFields) {
  return {
    findingId: input.findingId,
    ref: input.ref,
    title: input.title,
    description: input.description,
    ownerId: input.ownerId || null,
    leadOrganisationId: input.leadOrganisationId || null,
    startDate: toDay(input.startDate),
    dueDate: toDay(input.dueDate),
    coproductionLevel: input.coproductionLevel || null,
  };
}

async function refIsFree(tx: Tx, findingId: string, ref: string, exceptId?: string) {
  const taken = await tx.action.findFirst({ where: { findingId, ref, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  if (taken) throw fieldError("ref", `This finding already has an action ${ref}`);
}

export async function createAction(ctx: ServiceContext, input: ActionFields) {
  const finding = await findInArea(ctx, "finding", {
    where: { id: input.findingId },
    select: { localAreaId: true, _count: { select: { actions: true } }, plan: PLAN_ENDING },
  });
  requireCan(ctx, "plan.edit", finding);
  requireOpenPlan(finding.plan);
  return inTransaction(ctx, async (tx) => {
    const { dependsOnIds } = await checkedRelations(tx, finding.localAreaId, input);
    await refIsFree(tx, input.findingId, input.ref);
    const action = await tx.action.create({
      data: {
        ...actionData(input),
        localAreaId: finding.localAreaId,
        sortOrder: finding._count.actions + 1,
        partnerOrganisations: { connect: input.partnerOrganisationIds.map((id) => ({ id })) },
        dependsOn: { connect: dependsOnIds.map((id) => ({ id })) },
      },
      select: ACTION_FORM_SELECT,
    });
    const after = actionForm(action);
    await recordAudit(tx, ctx, { action: "action.create", entityType: "Action", entityId: action.id, localAreaId: finding.localAreaId, after });
    return after;
  });
}

export async function updateAction(ctx: ServiceContext, input: ActionFields & { id: string; version: number }) {
  const { id, version, ...fields } = input;
  const found = await findInArea(ctx, "action", {
    where: { id },
    select: { localAreaId: true, finding: { select: { plan: { select: { ...PLAN_ENDING.select, acceptedDate: true } } } } },
  });
  requireCan(ctx, "plan.edit", found);
  requireOpenPlan(found.finding.plan);
  return inTransaction(ctx, async (tx) => {
    const before = actionForm(await tx.action.findUniqueOrThrow({ where: { id }, select: ACTION_FORM_SELECT }));
    // The version decides first: a stale form's other mistakes are moot.
    const { count } = await tx.action.updateMany({ where: { id, version }, data: { version: { increment: 1 } } });
    // Read again: when the other save committed while this one waited, `before` is the record as it was.
    const now = async () => actionForm(await tx.action.findUniqueOrThrow({ where: { id }, select: ACTION_FORM_SELECT }));
    if (count === 0) throw await staleSave(tx, { what: "action", entityId: id, current: now });
    // Once the plan is accepted, title, description and due date change through a change request.
    refuseControlledChanges("Action", found.finding.plan, before, fields);
    const { dependsOnIds } = await checkedRelations(tx, found.localAreaId, fields, id);
    await refIsFree(tx, fields.findingId, fields.ref, id);
    const action = await tx.action.update({
      where: { id },
      data: {
        ...actionData(fields),
        partnerOrganisations: { set: fields.partnerOrganisationIds.map((o) => ({ id: o })) },
        dependsOn: { set: dependsOnIds.map((d) => ({ id: d })) },
      },
      select: ACTION_FORM_SELECT,
    });
    const after = actionForm(action);
    await recordAudit(tx, ctx, { action: "action.update", entityType: "Action", entityId: id, localAreaId: found.localAreaId, before, after });
    return after;
  });
}
