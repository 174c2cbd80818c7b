/**
 * An area's plans over time: every plan, newest first, with the inspection it answers, its
 * follow-up and what that judged, the plans before and after it, and its snapshots; and any one
 * plan as it stands, read-only. A closed or superseded plan is history: it stays readable here
 * after its successor has become the area's current plan.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can } from "@/server/auth/permissions";
import type { Prisma } from "@/server/generated/prisma/client";
import { isEnded, planJourney } from "@/server/domain/plan-journey";
import { areaBySlug, CURRENT_PLAN } from "@/server/services/core/access";
import { today } from "@/server/services/core/today";

const INSPECTION_SELECT = {
  id: true,
  framework: true,
  kind: true,
  startDate: true,
  endDate: true,
  expectedDate: true,
  dateIsEstimate: true,
  publishedDate: true,
  reportUrl: true,
} as const satisfies Prisma.InspectionSelect;

const PLAN_LINK = { id: true, type: true, title: true, status: true } as const satisfies Prisma.PlanSelect;

/** What the journey reads of a finding's judgement. */
const JUDGED = {
  judgement: true,
  judgementDate: true,
  judgementSource: true,
  judgementInspection: { select: { id: true, kind: true, startDate: true, endDate: true, reportUrl: true } },
} as const satisfies Prisma.FindingSelect;

/** One plan's place in the area's history: everything the history page shows of it. */
const PLAN_SUMMARY = {
  ...PLAN_LINK,
  createdAt: true,
  submittedDate: true,
  acceptedDate: true,
  sourceInspection: { select: INSPECTION_SELECT },
  followUpInspection: { select: INSPECTION_SELECT },
  predecessor: { select: PLAN_LINK },
  successors: { orderBy: { createdAt: "asc" }, select: PLAN_LINK },
  snapshots: { orderBy: { takenAt: "desc" }, select: { id: true, label: true, takenAt: true, takenBy: { select: { name: true } } } },
} as const satisfies Prisma.PlanSelect;

type SummaryRow = Prisma.PlanGetPayload<{ select: typeof PLAN_SUMMARY }> & {
  findings: ReadonlyArray<Prisma.FindingGetPayload<{ select: typeof JUDGED }>>;
};

/** A plan as the history lists it, with its journey worked out by the same rule as the area home. */
function summaryOf(p: SummaryRow, currentId: string | null, now: Date) {
  const journey = planJourney({
    status: p.status,
    type: p.type,
    framework: p.sourceInspection?.framework ?? null,
    followUp: p.followUpInspection,
    findings: p.findings,
    now,
  });
  return {
    id: p.id,
    type: p.type,
    title: p.title,
    status: p.status,
    createdAt: p.createdAt,
    submittedDate: p.submittedDate,
    acceptedDate: p.acceptedDate,
    isCurrent: p.id === currentId,
    ended: isEnded(p.status),
    sourceInspection: p.sourceInspection,
    followUpInspection: p.followUpInspection,
    findings: p.findings.length,
    stageLabel: journey.stageLabel,
    /** "4 of 5 sufficient", once the follow-up has judged a finding. */
    outcome: journey.outcome && { short: journey.outcome.short, sentence: journey.outcome.sentence, letterUrl: journey.outcome.letterUrl },
    predecessor: p.predecessor,
    successors: p.successors,
    snapshots: p.snapshots.map((s) => ({ id: s.id, label: s.label, takenAt: s.takenAt, takenBy: s.takenBy?.name ?? null })),
  };
}

/** Every plan of the area, newest first. */
export async function planHistory(ctx: ServiceContext, slug: string) {
  const area = await areaBySlug(ctx, slug, "plan.read");
  const plans = await ctx.db.plan.findMany({
    where: { localAreaId: area.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { ...PLAN_SUMMARY, findings: { select: JUDGED } },
  });
  // The current plan as CURRENT_PLAN picks it: the latest not ended (the list is newest first).
  const currentId = plans.find((p) => !isEnded(p.status))?.id ?? null;
  const now = today();
  return {
    area,
    plans: plans.map((p) => summaryOf(p, currentId, now)),
    viewerCan: { exportPack: can(ctx.viewer, "boardPack.export", { localAreaId: area.id }) },
  };
}

/**
 * One plan as it stands, for reading: its findings with their judgements, their actions and the
 * measures that evidence them, each with where it went on (a finding or action carried into the
 * next plan, a measure moved to it) and where it came from. Nothing here is editable.
 */
export async function planRecord(ctx: ServiceContext, planId: string) {
  const plan = await findInArea(ctx, "plan", {
    where: { id: planId },
    select: {
      ...PLAN_SUMMARY,
      localAreaId: true,
      localArea: { select: { name: true, slug: true } },
      findings: {
        orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
        select: {
          id: true,
          ref: true,
          kind: true,
          summary: true,
          inspectorsWording: true,
          ...JUDGED,
          predecessor: { select: { id: true, ref: true, plan: { select: PLAN_LINK } } },
          successors: { orderBy: { createdAt: "asc" }, select: { id: true, ref: true, plan: { select: PLAN_LINK } } },
          actions: {
            orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
            select: {
              id: true,
              ref: true,
              title: true,
              status: true,
              progress: true,
              startDate: true,
              dueDate: true,
              owner: { select: { name: true } },
              leadOrganisation: { select: { name: true } },
              predecessor: { select: { id: true, ref: true } },
              successors: { orderBy: { createdAt: "asc" }, select: { id: true, ref: true, finding: { select: { plan: { select: PLAN_LINK } } } } },
            },
          },
          measures: {
            orderBy: { ref: "asc" },
            select: {
              id: true,
              ref: true,
              name: true,
              unit: true,
              targetValue: true,
              targetDate: true,
              plan: { select: PLAN_LINK },
              values: { orderBy: { periodEnd: "desc" }, take: 1, select: { periodEnd: true, value: true, status: true } },
            },
          },
        },
      },
    },
  });
  const current = await ctx.db.plan.findFirst({ ...CURRENT_PLAN, where: { ...CURRENT_PLAN.where, localAreaId: plan.localAreaId }, select: { id: true } });
  const summary = summaryOf(plan, current?.id ?? null, today());
  // A measure evidencing several findings is listed once, under the first.
  const measures = new Map<string, (typeof plan.findings)[number]["measures"][number]>();
  for (const f of plan.findings) for (const m of f.measures) if (!measures.has(m.id)) measures.set(m.id, m);
  return {
    ...summary,
    localArea: plan.localArea,
    findingList: plan.findings.map((f) => ({
      id: f.id,
      ref: f.ref,
      kind: f.kind,
      summary: f.summary,
      inspectorsWording: f.inspectorsWording,
      judgement: f.judgement,
      judgementDate: f.judgementDate,
      judgementSource: f.judgementSource ?? f.judgementInspection?.reportUrl ?? null,
      predecessor: f.predecessor,
      successors: f.successors,
      actions: f.actions.map(({ owner, leadOrganisation, successors, ...a }) => ({
        ...a,
        ownerName: owner?.name ?? null,
        leadOrganisation: leadOrganisation?.name ?? null,
        successors: successors.map((s) => ({ id: s.id, ref: s.ref, plan: s.finding.plan })),
      })),
      measureIds: f.measures.map((m) => m.id),
    })),
    measures: [...measures.values()].map(({ values, plan: belongsTo, ...m }) => ({
      ...m,
      latest: values[0] ?? null,
      /** Carried into a later plan, where its values go on. */
      movedTo: belongsTo.id === plan.id ? null : belongsTo,
    })),
    viewerCan: { exportPack: can(ctx.viewer, "boardPack.export", { localAreaId: plan.localAreaId }) },
  };
}
