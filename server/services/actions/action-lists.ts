/**
 * Lists of actions: an area's action list with the filters a lead shares as a link, and "My work",
 * an owner's actions in the order they need attention.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import type { Prisma } from "@/server/generated/prisma/client";
import { areaScope } from "@/server/auth/permissions";
import { ACTION_HEALTH_FIELDS, actionHealth, PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { daysBetween } from "@/lib/calendar";
import type { ActionFilter } from "@/server/schemas/plan";
import { CURRENT_PLAN, requireCan } from "@/server/services/core/access";
import { today } from "@/server/services/core/today";

const LIST_SELECT = {
  id: true,
  ref: true,
  title: true,
  ...ACTION_HEALTH_FIELDS,
  owner: { select: { id: true, name: true } },
  leadOrganisation: { select: { id: true, name: true } },
  finding: { select: { id: true, ref: true } },
} satisfies Prisma.ActionSelect;

/**
 * An area's actions, filtered: three queries whatever the plan's size. The first reads the area
 * (within the viewer's scope, as areaBySlug does), its current plan with its findings and their
 * number of actions, and its organisations; then the actions that match and their owners.
 */
export async function listActions(ctx: ServiceContext, filter: ActionFilter) {
  const found = await findInArea(ctx, "localArea", {
    where: { slug: filter.slug },
    select: {
      id: true,
      name: true,
      slug: true,
      plans: {
        ...CURRENT_PLAN,
        select: {
          id: true,
          ...PLAN_RULE_FIELDS,
          findings: {
            orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
            select: { id: true, ref: true, summary: true, inspectorsWording: true, _count: { select: { actions: true } } },
          },
        },
      },
      organisations: { orderBy: { name: "asc" }, select: { id: true, name: true } },
    },
  });
  requireCan(ctx, "plan.read", { localAreaId: found.id });
  const { plans, organisations, ...area } = found;
  const plan = plans[0];
  if (!plan) return { area, plan: null, actions: [], choices: { findings: [], owners: [], organisations: [] }, total: 0 };

  const q = filter.q?.trim();
  const where: Prisma.ActionWhereInput = {
    localAreaId: area.id,
    finding: { planId: plan.id, ...(filter.finding ? { ref: filter.finding } : {}) },
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.owner ? { ownerId: filter.owner } : {}),
    ...(filter.organisation
      ? { OR: [{ leadOrganisationId: filter.organisation }, { partnerOrganisations: { some: { id: filter.organisation } } }] }
      : {}),
    ...(q
      ? {
          AND: [
            {
              OR: [
                { title: { contains: q, mode: "insensitive" } },
                { description: { contains: q, mode: "insensitive" } },
                { ref: { startsWith: q } },
              ],
            },
          ],
        }
      : {}),
  };
  const [rows, owners] = await Promise.all([
    ctx.db.action.findMany({ where, orderBy: [{ finding: { sortOrder: "asc" } }, { sortOrder: "asc" }, { ref: "asc" }], select: LIST_SELECT }),
    ctx.db.user.findMany({
      where: { ownedActions: { some: { localAreaId: area.id, finding: { planId: plan.id } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const now = today();
  // RAG and "update overdue" are worked out by the rules, not stored, so they filter here.
  const actions = rows
    .map((a) => ({ ...a, ...actionHealth(a, plan, now) }))
    .filter((a) => (filter.rag ? a.rag.shown === filter.rag : true))
    .filter((a) => (filter.overdue ? a.update.overdue : true));
  return {
    area,
    plan: { id: plan.id },
    actions,
    total: plan.findings.reduce((sum, f) => sum + f._count.actions, 0),
    choices: { findings: plan.findings.map(({ _count, ...f }) => f), owners, organisations },
  };
}

/** Most urgent first: updates overdue (longest first), then red, then due within 30 days, then the rest. */
function urgency(a: { rag: { shown: string }; update: { overdue: boolean; daysOverdue: number }; dueDate: Date | null }, now: Date) {
  if (a.update.overdue) return [0, -a.update.daysOverdue];
  if (a.rag.shown === "RED") return [1, a.dueDate ? daysBetween(now, a.dueDate) : 0];
  if (a.dueDate && daysBetween(now, a.dueDate) <= 30) return [2, daysBetween(now, a.dueDate)];
  return [3, a.dueDate ? daysBetween(now, a.dueDate) : Number.MAX_SAFE_INTEGER];
}

export async function myWork(ctx: ServiceContext) {
  const rows = await ctx.db.action.findMany({
    where: {
      ownerId: ctx.viewer.userId,
      localAreaId: areaScope(ctx.viewer, "plan.read"),
      status: { notIn: ["COMPLETE", "CANCELLED"] },
      finding: { plan: CURRENT_PLAN.where },
    },
    select: {
      ...LIST_SELECT,
      localArea: { select: { slug: true, name: true } },
      finding: { select: { id: true, ref: true, summary: true, inspectorsWording: true, plan: { select: PLAN_RULE_FIELDS } } },
    },
  });
  const now = today();
  return rows
    .map(({ finding: { plan, ...finding }, ...a }) => ({ ...a, finding, ...actionHealth(a, plan, now) }))
    .map((a) => ({ ...a, urgency: urgency(a, now) }))
    .sort((x, y) => x.urgency[0]! - y.urgency[0]! || x.urgency[1]! - y.urgency[1]! || x.ref.localeCompare(y.ref, "en", { numeric: true }))
    .map(({ urgency: _u, ...a }) => a);
}
