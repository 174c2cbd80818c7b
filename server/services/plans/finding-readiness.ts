/**
 * A finding's readiness for the revisit, as the area home and the finding page both show it:
 * its actions with their delivery RAG and update status, its measures with their status, and the
 * two summaries (delivery, impact) side by side. One place, so both views agree.
 */
import type { Prisma } from "@/server/generated/prisma/client";
import { ACTION_HEALTH_FIELDS, actionHealth, type PlanRules } from "@/server/domain/action-health";
import { findingDelivery, findingImpact } from "@/server/domain/finding-summary";
import { findingUpdates } from "@/server/domain/finding-updates";
import { MEASURE_RULE_FIELDS, measureStatus } from "@/server/domain/measure-status";
import type { Db } from "@/server/services/core/audit";

/** Spread into a finding's `select`. */
export const FINDING_READINESS_FIELDS = {
  measures: { orderBy: { ref: "asc" }, select: { id: true, ref: true, name: true, ...MEASURE_RULE_FIELDS } },
  actions: {
    orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
    select: {
      id: true,
      ref: true,
      title: true,
      ...ACTION_HEALTH_FIELDS,
      owner: { select: { name: true } },
      leadOrganisation: { select: { name: true } },
    },
  },
} satisfies Prisma.FindingSelect;

type FindingRow = Prisma.FindingGetPayload<{ select: typeof FINDING_READINESS_FIELDS }>;

export function findingReadiness(f: FindingRow, plan: PlanRules, acceptedImpactEvidence: number, now: Date) {
  const actions = f.actions.map(({ owner, leadOrganisation, ...a }) => ({
    id: a.id,
    ref: a.ref,
    title: a.title,
    status: a.status,
    progress: a.progress,
    dueDate: a.dueDate,
    ownerName: owner?.name ?? null,
    leadOrganisation: leadOrganisation?.name ?? null,
    ...actionHealth(a, plan, now),
  }));
  const measures = f.measures.map((m) => ({
    id: m.id,
    ref: m.ref,
    name: m.name,
    ...measureStatus({ ...m, cadenceDays: plan.updateCadenceDays, today: now }),
  }));
  return {
    actions,
    measures,
    delivery: findingDelivery(actions.map((a) => ({ rag: a.rag.shown }))),
    impact: findingImpact(measures, acceptedImpactEvidence),
    /** The latest check-in on its actions and how many are overdue for one: the area home lists it beside each finding. */
    updates: findingUpdates(f.actions.map((a, i) => ({ lastUpdateAt: a.lastUpdateAt, update: actions[i]!.update }))),
  };
}

/** Evidence that counts as impact: accepted by the lead. */
// Withdrawn evidence counts for nothing: the lead took it back.
export const ACCEPTED_IMPACT = { kind: "IMPACT", reviewStatus: "ACCEPTED", withdrawnAt: null } as const satisfies Prisma.EvidenceWhereInput;

/** ACCEPTED_IMPACT for a row already read: the finding page reads all its evidence and counts these. */
export const isAcceptedImpact = (e: { kind: string; reviewStatus: string; withdrawnAt: Date | null }) =>
  e.kind === ACCEPTED_IMPACT.kind && e.reviewStatus === ACCEPTED_IMPACT.reviewStatus && e.withdrawnAt === null;

/** What the count reads of each item: the findings it counts towards. Spread into an evidence `select`. */
export const IMPACT_EVIDENCE_FIELDS = {
  findingId: true,
  action: { select: { findingId: true } },
  measure: { select: { findings: { select: { id: true } } } },
} as const satisfies Prisma.EvidenceSelect;

type ImpactRow = Prisma.EvidenceGetPayload<{ select: typeof IMPACT_EVIDENCE_FIELDS }>;

/** Accepted impact evidence per finding, from an area's accepted impact evidence (each item counts once per finding). */
export function impactByFinding(evidence: ReadonlyArray<ImpactRow>) {
  const byFinding = new Map<string, number>();
  for (const e of evidence) {
    const ids = new Set([e.findingId, e.action?.findingId, ...(e.measure?.findings.map((f) => f.id) ?? [])].filter(Boolean) as string[]);
    for (const id of ids) byFinding.set(id, (byFinding.get(id) ?? 0) + 1);
  }
  return byFinding;
}

/**
 * Accepted impact evidence per finding of an area. It counts towards a finding whether it hangs on
 * the finding, one of its actions or one of its measures.
 */
export async function acceptedImpactEvidence(db: Db, localAreaId: string) {
  return impactByFinding(await db.evidence.findMany({ where: { localAreaId, ...ACCEPTED_IMPACT }, select: IMPACT_EVIDENCE_FIELDS }));
}
