/**
 * Local areas as a signed-in person sees them: the list of their areas and an area's home
 * (findings, their actions and delivery RAG). The tenant condition is in every query.
 */
import type { AuthedContext } from "@/server/api/trpc";
import { areaScope, can } from "@/server/auth/permissions";
import { PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { FOLLOW_UP_FIELDS, followUpCountdown } from "@/server/domain/inspections";
import { notFound } from "@/server/errors";
import { acceptedImpactEvidence, FINDING_READINESS_FIELDS, findingReadiness } from "@/server/services/finding-readiness";
import { CURRENT_PLAN } from "@/server/services/access";
import { findingVoices } from "@/server/services/finding-voices";
import { today } from "@/server/services/today";

export async function listMyAreas(ctx: AuthedContext) {
  const scope = areaScope(ctx.viewer, "plan.read");
  const areas = await ctx.db.localArea.findMany({
    where: { id: scope },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      region: true,
      plans: {
        ...CURRENT_PLAN,
        select: { id: true, type: true, title: true, status: true },
      },
    },
  });
  const roles = new Map(ctx.viewer.memberships.map((m) => [m.localAreaId, m.role]));
  return areas.map(({ plans, ...area }) => ({
    ...area,
    currentPlan: plans[0] ?? null,
    role: roles.get(area.id) ?? (ctx.viewer.globalRole === "NATIONAL" ? ("NATIONAL" as const) : null),
  }));
}

export async function areaHome(ctx: AuthedContext, slug: string) {
  const area = await ctx.db.localArea.findFirst({
    where: { slug, id: areaScope(ctx.viewer, "plan.read") },
    select: {
      id: true,
      name: true,
      slug: true,
      region: true,
      laCode: true,
      publicPagePublished: true,
      plans: {
        ...CURRENT_PLAN,
        select: {
          id: true,
          type: true,
          title: true,
          status: true,
          ...PLAN_RULE_FIELDS,
          ...FOLLOW_UP_FIELDS,
          findings: {
            orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
            select: {
              id: true,
              ref: true,
              kind: true,
              summary: true,
              ...FINDING_READINESS_FIELDS,
            },
          },
        },
      },
    },
  });
  if (!area) throw notFound("That local area");
  const plan = area.plans[0] ?? null;
  const now = today();
  const seesAdviserViews = can(ctx.viewer, "adviserNote.read", { localAreaId: area.id });
  const [awaitingReview, impactByFinding, voices] = await Promise.all([
    ctx.db.evidence.count({ where: { localAreaId: area.id, reviewStatus: "PENDING" } }),
    acceptedImpactEvidence(ctx.db, area.id),
    findingVoices(ctx.db, area.id, plan?.findings.map((f) => f.id) ?? [], seesAdviserViews),
  ]);

  return {
    area: { id: area.id, name: area.name, slug: area.slug, region: area.region, laCode: area.laCode, publicPagePublished: area.publicPagePublished },
    plan: plan && {
      id: plan.id,
      type: plan.type,
      title: plan.title,
      status: plan.status,
      rules: { green: plan.ragGreenThreshold, amber: plan.ragAmberThreshold, cadenceDays: plan.updateCadenceDays },
      followUp: followUpCountdown(plan.followUpInspection, now),
      findings: plan.findings.map((f) => ({
        id: f.id,
        ref: f.ref,
        kind: f.kind,
        summary: f.summary,
        ...findingReadiness(f, plan, impactByFinding.get(f.id) ?? 0, now),
        voices: voices.get(f.id)!,
      })),
    },
    evidenceAwaitingReview: awaitingReview,
    viewerCan: {
      edit: can(ctx.viewer, "plan.edit", { localAreaId: area.id }),
      review: can(ctx.viewer, "evidence.review", { localAreaId: area.id }),
      seeAdviserViews: seesAdviserViews,
      publish: can(ctx.viewer, "area.publish", { localAreaId: area.id }),
    },
  };
}
