/**
 * Local areas as a signed-in person sees them: the list of their areas and an area's home
 * (findings, their actions and delivery RAG). The tenant condition is in every query.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { areaScope, can } from "@/server/auth/permissions";
import { PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { FOLLOW_UP_FIELDS, followUpCountdown } from "@/server/domain/inspections";
import { findingJudgement, isFollowedUp, JOURNEY_PLAN_FIELDS, journeyOf, JUDGEMENT_FIELDS } from "@/server/domain/plan-journey";
import { CURRENT_PLAN } from "@/server/services/core/access";
import { ACCEPTED_IMPACT, FINDING_READINESS_FIELDS, findingReadiness, IMPACT_EVIDENCE_FIELDS, impactByFinding } from "@/server/services/plans/finding-readiness";
import { ADVISER_VIEWS, CURRENT_VERDICT, VOICE_VERDICT_FIELDS, voicesOf } from "@/server/services/forum/finding-voices";
import { DISAGREEMENT_FIELDS, disagreementOf, NEWEST_FIRST } from "@/server/services/forum/forum-view";
import { today } from "@/server/services/core/today";

export async function listMyAreas(ctx: ServiceContext) {
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

/**
 * An area's home in one query, whatever the plan's size: the area, its current plan down to every
 * action and measure, and what sits beside them (accepted impact evidence, the forum's current
 * verdicts, the adviser's views, evidence awaiting review).
 */
export async function areaHome(ctx: ServiceContext, slug: string) {
  const area = await findInArea(ctx, "localArea", {
    where: { slug },
    select: {
      id: true,
      name: true,
      slug: true,
      region: true,
      laCode: true,
      publicPagePublished: true,
      publicContactEmail: true,
      publicContactUrl: true,
      plans: {
        ...CURRENT_PLAN,
        select: {
          id: true,
          type: true,
          title: true,
          status: true,
          ...PLAN_RULE_FIELDS,
          ...FOLLOW_UP_FIELDS,
          ...JOURNEY_PLAN_FIELDS,
          findings: {
            orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
            select: {
              id: true,
              ref: true,
              kind: true,
              summary: true, inspectorsWording: true,
              ...FINDING_READINESS_FIELDS,
              ...JUDGEMENT_FIELDS,
            },
          },
        },
      },
      _count: { select: { evidence: { where: { reviewStatus: "PENDING" } } } },
      evidence: { where: ACCEPTED_IMPACT, select: IMPACT_EVIDENCE_FIELDS },
      // The current verdicts serve both the findings' voices and the disagreements panel.
      forumVerdicts: {
        where: CURRENT_VERDICT,
        orderBy: NEWEST_FIRST,
        select: { ...VOICE_VERDICT_FIELDS, ...DISAGREEMENT_FIELDS, action: { select: { ...DISAGREEMENT_FIELDS.action.select, findingId: true } } },
      },
      // Read whoever asks, and left out below for those who may not see them.
      adviserNotes: ADVISER_VIEWS,
    },
  });
  const plan = area.plans[0] ?? null;
  const now = today();
  const seesAdviserViews = can(ctx.viewer, "adviserNote.read", { localAreaId: area.id });
  const impact = impactByFinding(area.evidence);
  const voices = voicesOf(plan?.findings.map((f) => f.id) ?? [], area.forumVerdicts, seesAdviserViews ? area.adviserNotes : null);

  return {
    area: {
      id: area.id,
      name: area.name,
      slug: area.slug,
      region: area.region,
      laCode: area.laCode,
      publicPagePublished: area.publicPagePublished,
      // Shown to families on the public pages when set, so no secret from anyone who reads the area.
      publicContact: { email: area.publicContactEmail, url: area.publicContactUrl },
    },
    plan: plan && {
      id: plan.id,
      type: plan.type,
      title: plan.title,
      status: plan.status,
      rules: { green: plan.ragGreenThreshold, amber: plan.ragAmberThreshold, cadenceDays: plan.updateCadenceDays },
      followUp: followUpCountdown(plan.followUpInspection, now, isFollowedUp(plan)),
      // Where the plan is, and once its follow-up has judged it, the outcome in place of a countdown.
      journey: journeyOf(plan, now),
      findings: plan.findings.map((f) => ({
        id: f.id,
        ref: f.ref,
        kind: f.kind,
        summary: f.summary,
        inspectorsWording: f.inspectorsWording,
        judgement: findingJudgement(f),
        ...findingReadiness(f, plan, impact.get(f.id) ?? 0, now),
        voices: voices.get(f.id)!,
      })),
    },
    evidenceAwaitingReview: area._count.evidence,
    // Where the forum disagrees, above everything else on the plan: its independent view must not be missed.
    disagreements: area.forumVerdicts
      .filter((v) => v.verdict === "DISAGREE")
      .map(({ findingId: _finding, ...v }) => disagreementOf(area.slug, v)),
    viewerCan: {
      edit: can(ctx.viewer, "plan.edit", { localAreaId: area.id }),
      review: can(ctx.viewer, "evidence.review", { localAreaId: area.id }),
      seeAdviserViews: seesAdviserViews,
      publish: can(ctx.viewer, "area.publish", { localAreaId: area.id }),
      seeActivity: can(ctx.viewer, "activity.read", { localAreaId: area.id }),
      seePeople: can(ctx.viewer, "area.manageMembers", { localAreaId: area.id }),
    },
  };
}
