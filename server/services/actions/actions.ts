/** One action: its details and the timeline of updates, for anyone who may read its area. */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can } from "@/server/auth/permissions";
import { ACTION_HEALTH_FIELDS, actionHealth, PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { today } from "@/server/services/core/today";
import { PLAN_ENDING, planEnding } from "@/server/services/core/ended-plan";

export async function actionById(ctx: ServiceContext, id: string) {
  const action = await findInArea(ctx, "action", {
    where: { id },
    select: {
      id: true,
      localAreaId: true,
      ref: true,
      title: true,
      description: true,
      ...ACTION_HEALTH_FIELDS,
      completedAt: true,
      coproductionLevel: true,
      ownerId: true,
      owner: { select: { name: true } },
      leadOrganisation: { select: { id: true, name: true } },
      partnerOrganisations: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      dependsOn: { select: { id: true, ref: true, title: true }, orderBy: { ref: "asc" } },
      localArea: { select: { name: true, slug: true } },
      finding: {
        select: {
          id: true,
          ref: true,
          summary: true, inspectorsWording: true,
          plan: { select: { ...PLAN_ENDING.select, ...PLAN_RULE_FIELDS } },
        },
      },
      // Where it was carried forward to, for the banner of an ended plan's action.
      successors: { orderBy: { createdAt: "asc" }, select: { id: true, ref: true, finding: { select: { plan: { select: { title: true } } } } } },
      updates: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          narrative: true,
          progress: true,
          status: true,
          ragOverride: true,
          ragOverrideReason: true,
          createdAt: true,
          acknowledgedAt: true,
          author: { select: { name: true } },
          acknowledgedBy: { select: { name: true } },
          // Posted through an update request: the address it went to, for those who may see it (below).
          updateRequest: { select: { email: true, organisation: { select: { name: true } } } },
        },
      },
    },
  });
  // Partners' addresses go only to those who may read the update requests themselves
  // (updateRequest.listForAction, internal.read): the forum reads "a partner, by update link".
  const seesAddresses = can(ctx.viewer, "internal.read", action);
  const updates = action.updates.map(({ updateRequest, ...u }) => ({
    ...u,
    updateRequest: updateRequest
      ? { email: seesAddresses ? updateRequest.email : null, organisation: updateRequest.organisation?.name ?? null }
      : null,
  }));
  // An action of an ended plan is kept as it was: read here, changed nowhere.
  const ended = planEnding(action.finding.plan);
  const open = ended === null;
  const { successors, ...rest } = action;
  return {
    ...rest,
    updates,
    ...actionHealth(action, action.finding.plan, today()),
    /** How its plan ended, when it has: the page says so and offers no changes. */
    ended,
    /** The actions of later plans that carry this one forward. */
    successors: successors.map((s) => ({ id: s.id, ref: s.ref, planTitle: s.finding.plan.title })),
    viewerCan: {
      update: open && can(ctx.viewer, "action.update", action),
      edit: open && can(ctx.viewer, "plan.edit", action),
      acknowledge: open && can(ctx.viewer, "evidence.review", action),
      addEvidence: open && can(ctx.viewer, "action.update", action),
      reviewEvidence: open && can(ctx.viewer, "evidence.review", action),
      requestUpdates: open && can(ctx.viewer, "evidence.review", action),
      // Withdrawing a link still waiting is allowed on an ended plan: it only closes a door.
      withdrawUpdateRequests: can(ctx.viewer, "evidence.review", action),
      seeUpdateRequests: seesAddresses,
    },
  };
}
