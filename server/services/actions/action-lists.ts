/**
 * Lists of actions: an area's action list with the filters and order a lead shares as a link, and
 * "My work", an owner's actions in the order they need attention.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import type { Prisma } from "@/server/generated/prisma/client";
import { areaScope } from "@/server/auth/permissions";
import { ACTION_HEALTH_FIELDS, actionHealth, PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import type { DeliveryRag } from "@/server/domain/delivery-rag";
import { dayNumber, daysBetween } from "@/lib/calendar";
import type { ActionFilter, ActionSort } from "@/server/schemas/plan";
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

/** The latest check-in on an action, read with it (one statement, relationJoins): when, and who posted it. */
const LAST_UPDATE = {
  orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  take: 1,
  select: {
    createdAt: true,
    author: { select: { name: true } },
    updateRequest: { select: { organisation: { select: { name: true } } } },
  },
} as const satisfies Prisma.Action$updatesArgs;

type LastUpdateRow = Prisma.ActionUpdateGetPayload<{ select: typeof LAST_UPDATE.select }>;

/**
 * When and by whom, as everyone who reads the list may see it: a partner who posted through an
 * update link is named by the organisation the lead gave (never their address), else "a partner".
 */
function lastUpdateOf(u: LastUpdateRow | undefined): { at: Date; by: string } | null {
  if (!u) return null;
  if (u.author?.name) return { at: u.createdAt, by: u.author.name };
  if (u.updateRequest) return { at: u.createdAt, by: `${u.updateRequest.organisation?.name ?? "A partner"}, by update link` };
  return { at: u.createdAt, by: "Someone without a name in Headway" };
}

/** Worst first: what needs attention, then what is on course, then what is finished or set aside. */
const RAG_ORDER: Record<DeliveryRag, number> = { RED: 0, AMBER: 1, UNSCHEDULED: 2, GREEN: 3, DEFERRED: 4, COMPLETE: 5, CANCELLED: 6 };

type Sortable = { rag: { shown: DeliveryRag }; dueDate: Date | null; lastUpdate: { at: Date } | null };

/**
 * The list in the order asked for, from the plan's order (by finding), which breaks every tie:
 * `due` soonest first, no due date last; `rag` worst first; `updated` the longest without an
 * update first, never updated before all.
 */
export function orderActions<A extends Sortable>(actions: readonly A[], sort: ActionSort): A[] {
  const key: Record<ActionSort, (a: A) => number> = {
    finding: () => 0,
    due: (a) => (a.dueDate ? dayNumber(a.dueDate) : Number.MAX_SAFE_INTEGER),
    rag: (a) => RAG_ORDER[a.rag.shown],
    updated: (a) => (a.lastUpdate ? a.lastUpdate.at.getTime() : Number.MIN_SAFE_INTEGER),
  };
  // Array.prototype.sort is stable: equal keys keep the plan's order.
  return [...actions].sort((x, y) => key[sort](x) - key[sort](y));
}

/**
 * An area's actions, filtered and ordered: three queries whatever the plan's size. The first reads the area
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
    ctx.db.action.findMany({
      where,
      orderBy: [{ finding: { sortOrder: "asc" } }, { sortOrder: "asc" }, { ref: "asc" }],
      select: { ...LIST_SELECT, updates: LAST_UPDATE },
    }),
    ctx.db.user.findMany({
      where: { ownedActions: { some: { localAreaId: area.id, finding: { planId: plan.id } } } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  const now = today();
  // RAG and "update overdue" are worked out by the rules, not stored, so they filter here.
  const actions = rows
    .map(({ updates, ...a }) => ({ ...a, ...actionHealth(a, plan, now), lastUpdate: lastUpdateOf(updates[0]) }))
    .filter((a) => (filter.rag ? a.rag.shown === filter.rag : true))
    .filter((a) => (filter.overdue ? a.update.overdue : true));
  return {
    area,
    plan: { id: plan.id },
    actions: orderActions(actions, filter.sort ?? "finding"),
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
