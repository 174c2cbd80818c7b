/**
 * A plan's state at one moment (its shape: server/domain/plan-state.ts), built from the database
 * by the same rules as the live pages (delivery RAG, measure status, finding readiness), so a
 * snapshot shows what the pages showed when it was taken.
 *
 * The state holds everything the area's readers may see between them; `stateForViewer` takes out
 * what one reader may not (INTERNAL evidence, adviser notes) when it is read, so a snapshot taken
 * by a lead can be shown to the forum.
 */
import { fromDay } from "@/lib/calendar";
import { PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { FOLLOW_UP_FIELDS, followUpCountdown } from "@/server/domain/inspections";
import { MEASURE_CHART_FIELDS, measureChartData } from "@/server/domain/measure-chart";
import { findingJudgement, isFollowedUp, JOURNEY_PLAN_FIELDS, journeyOf, JUDGEMENT_FIELDS } from "@/server/domain/plan-journey";
import { PLAN_STATE_SCHEMA, type PlanState } from "@/server/domain/plan-state";
import { CURRENT_PLAN } from "@/server/services/core/access";
import type { Db } from "@/server/services/core/audit";
import { findingReadiness, FINDING_READINESS_FIELDS, acceptedImpactEvidence } from "@/server/services/plans/finding-readiness";
import { supersededFor } from "@/server/services/plans/change-requests";
import { findingVoices } from "@/server/services/forum/finding-voices";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date | null) => (d ? fromDay(d) : null);

/**
 * A plan's state now: the area's current plan, or the plan `planId` names (a snapshot's plan that
 * has since been followed by another). Null when there is no such plan. Nine queries, whatever
 * the plan's size.
 */
export async function planState(db: Db, localAreaId: string, now: Date, planId?: string): Promise<PlanState | null> {
  const area = await db.localArea.findUnique({
    where: { id: localAreaId },
    select: {
      id: true,
      name: true,
      slug: true,
      plans: {
        ...(planId ? { where: { id: planId } } : CURRENT_PLAN),
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
              summary: true,
              inspectorsWording: true,
              ...FINDING_READINESS_FIELDS,
              ...JUDGEMENT_FIELDS,
              actions: { ...FINDING_READINESS_FIELDS.actions, select: { ...FINDING_READINESS_FIELDS.actions.select, completedAt: true } },
              measures: { orderBy: { ref: "asc" }, select: { id: true, ...MEASURE_CHART_FIELDS } },
            },
          },
        },
      },
    },
  });
  const plan = area?.plans[0];
  if (!area || !plan) return null;
  const findingIds = plan.findings.map((f) => f.id);
  const actionIds = plan.findings.flatMap((f) => f.actions.map((a) => a.id));

  const measureIds = [...new Set(plan.findings.flatMap((f) => f.measures.map((m) => m.id)))];
  const [impactByFinding, voices, latestUpdates, evidence, verdicts, notes, superseded] = await Promise.all([
    acceptedImpactEvidence(db, area.id),
    findingVoices(db, area.id, findingIds, true),
    // The latest update per action, in one query.
    db.actionUpdate.findMany({
      where: { actionId: { in: actionIds } },
      distinct: ["actionId"],
      orderBy: [{ actionId: "asc" }, { createdAt: "desc" }],
      select: { actionId: true, createdAt: true, narrative: true, author: { select: { name: true } } },
    }),
    db.evidence.findMany({
      where: { localAreaId: area.id, OR: [{ findingId: { in: findingIds } }, { actionId: { in: actionIds } }, { measure: { planId: plan.id } }] },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        kind: true,
        visibility: true,
        reviewStatus: true,
        createdAt: true,
        finding: { select: { ref: true } },
        action: { select: { ref: true } },
        measure: { select: { ref: true } },
      },
    }),
    db.forumVerdict.findMany({
      where: { localAreaId: area.id, OR: [{ findingId: { in: findingIds } }, { actionId: { in: actionIds } }] },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        verdict: true,
        levelRecognised: true,
        cornerstonesMet: true,
        text: true,
        isPublic: true,
        createdAt: true,
        supersededBy: { select: { id: true } },
        author: { select: { name: true } },
        finding: { select: { ref: true } },
        action: { select: { ref: true, finding: { select: { ref: true } } } },
      },
    }),
    db.adviserNote.findMany({
      where: { localAreaId: area.id, OR: [{ findingId: null }, { findingId: { in: findingIds } }] },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }],
      select: { id: true, view: true, date: true, note: true, createdAt: true, author: { select: { name: true } }, finding: { select: { ref: true } } },
    }),
    supersededFor(db, area.id, measureIds),
  ]);
  const updateByAction = new Map(latestUpdates.map((u) => [u.actionId, u]));
  const followUp = followUpCountdown(plan.followUpInspection, now, isFollowedUp(plan));

  return {
    schema: PLAN_STATE_SCHEMA,
    asAt: now.toISOString(),
    area: { id: area.id, name: area.name, slug: area.slug },
    plan: { id: plan.id, type: plan.type, title: plan.title, status: plan.status, cadenceDays: plan.updateCadenceDays },
    followUp: followUp && { ...followUp, date: day(followUp.date) },
    journey: journeyOf(plan, now),
    findings: plan.findings.map((f) => {
      const readiness = findingReadiness(f, plan, impactByFinding.get(f.id) ?? 0, now);
      const voice = voices.get(f.id)!;
      const source = new Map(f.actions.map((a) => [a.id, a]));
      const charts = new Map(f.measures.map((m) => [m.id, m]));
      return {
        id: f.id,
        ref: f.ref,
        kind: f.kind,
        summary: f.summary,
        inspectorsWording: f.inspectorsWording,
        delivery: { status: readiness.delivery.status, explanation: readiness.delivery.explanation },
        impact: {
          status: readiness.impact.status,
          explanation: readiness.impact.explanation,
          acceptedImpactEvidence: readiness.impact.acceptedImpactEvidence,
        },
        forum: voice.verdict && { verdict: voice.verdict.verdict, levelRecognised: voice.verdict.levelRecognised, at: voice.verdict.at.toISOString() },
        disagreements: voice.disagreements,
        adviserView: voice.adviserView ? { view: voice.adviserView.view, date: fromDay(voice.adviserView.date) } : null,
        judgement: findingJudgement(f),
        actions: readiness.actions.map((a) => {
          const row = source.get(a.id)!;
          const latest = updateByAction.get(a.id);
          return {
            id: a.id,
            ref: a.ref,
            title: a.title,
            status: a.status,
            progress: a.progress,
            startDate: day(row.startDate),
            dueDate: day(a.dueDate),
            completedAt: iso(row.completedAt),
            rag: a.rag.shown,
            ragCalculated: a.rag.calculated,
            overrideReason: a.rag.override?.reason ?? null,
            ownerName: a.ownerName,
            leadOrganisation: a.leadOrganisation,
            updateOverdue: a.update.overdue,
            latestUpdate: latest ? { at: latest.createdAt.toISOString(), narrative: latest.narrative, authorName: latest.author?.name ?? null } : null,
          };
        }),
        measures: readiness.measures.map((m) => ({
          id: m.id,
          ref: m.ref,
          name: m.name,
          status: m.status,
          explanation: m.explanation,
          chart: measureChartData(charts.get(m.id)!, m.trajectory, superseded.get(m.id)),
        })),
      };
    }),
    evidence: evidence.map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind,
      visibility: e.visibility,
      reviewStatus: e.reviewStatus,
      createdAt: e.createdAt.toISOString(),
      on: e.action ? `Action ${e.action.ref}` : e.finding ? `Finding ${e.finding.ref}` : e.measure ? `Measure ${e.measure.ref}` : "The plan",
    })),
    verdicts: verdicts.map((v) => ({
      id: v.id,
      on: v.action ? `Action ${v.action.ref}` : `Finding ${v.finding?.ref ?? ""}`,
      findingRef: v.finding?.ref ?? v.action?.finding.ref ?? null,
      verdict: v.verdict,
      levelRecognised: v.levelRecognised,
      cornerstonesMet: v.cornerstonesMet,
      text: v.text,
      isPublic: v.isPublic,
      createdAt: v.createdAt.toISOString(),
      current: v.supersededBy === null,
      authorName: v.author.name,
    })),
    adviserNotes: notes.map((n) => ({
      id: n.id,
      findingRef: n.finding?.ref ?? null,
      view: n.view,
      date: fromDay(n.date),
      note: n.note,
      authorName: n.author?.name ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

/** What one reader may see of a state: INTERNAL evidence and adviser notes need their own permission. */
export function stateForViewer(state: PlanState, may: { readInternal: boolean; readAdviserNotes: boolean }): PlanState {
  return {
    ...state,
    evidence: may.readInternal ? state.evidence : state.evidence.filter((e) => e.visibility !== "INTERNAL"),
    adviserNotes: may.readAdviserNotes ? state.adviserNotes : [],
    findings: may.readAdviserNotes ? state.findings : state.findings.map((f) => ({ ...f, adviserView: null })),
  };
}

/** A stored snapshot's state, refusing shapes this code does not understand. */
export function parsePlanState(json: unknown): PlanState {
  const state = json as PlanState | null;
  if (!state || typeof state !== "object" || state.schema !== PLAN_STATE_SCHEMA) {
    throw new Error(`Snapshot state has schema ${String((state as { schema?: unknown } | null)?.schema)}, expected ${PLAN_STATE_SCHEMA}`);
  }
  return state;
}
