/**
 * An area's current plan as the workbook sees it: what export writes and what import compares
 * against, loaded by one query so the two cannot drift apart.
 */
import type { Prisma } from "@/server/generated/prisma/client";
import type { Region } from "@/server/generated/prisma/enums";
import { compareRefs } from "@/server/schemas/plan-workbook";
import { CURRENT_PLAN } from "@/server/services/core/access";
import type { Db } from "@/server/services/core/audit";

const INSPECTION = { select: { id: true, framework: true, kind: true, startDate: true, endDate: true, expectedDate: true, reportUrl: true } } as const;

const PLAN_SELECT = {
  id: true,
  version: true,
  type: true,
  title: true,
  status: true,
  acceptedDate: true,
  sourceInspection: INSPECTION,
  followUpInspection: INSPECTION,
  findings: {
    orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
    select: {
      id: true,
      version: true,
      ref: true,
      kind: true,
      inspectorsWording: true,
      summary: true,
      sortOrder: true,
      judgement: true,
      judgementDate: true,
      judgementSource: true,
      judgementInspectionId: true,
      actions: {
        orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
        select: {
          id: true,
          version: true,
          findingId: true,
          ref: true,
          title: true,
          description: true,
          ownerId: true,
          owner: { select: { email: true } },
          leadOrganisationId: true,
          leadOrganisation: { select: { name: true } },
          partnerOrganisations: { select: { id: true, name: true }, orderBy: { name: "asc" } },
          startDate: true,
          dueDate: true,
          completedAt: true,
          status: true,
          progress: true,
          coproductionLevel: true,
          sortOrder: true,
        },
      },
    },
  },
  measures: {
    select: {
      id: true,
      version: true,
      ref: true,
      name: true,
      definition: true,
      unit: true,
      direction: true,
      source: true,
      baselineValue: true,
      baselineDate: true,
      benchmarkValue: true,
      benchmarkLabel: true,
      // Not in the workbook, but the measure editor's rules read it: a benchmark date needs a value.
      benchmarkDate: true,
      targetValue: true,
      targetDate: true,
      plausibleMin: true,
      plausibleMax: true,
      findings: { select: { id: true, ref: true, sortOrder: true } },
      milestones: { orderBy: { date: "asc" }, select: { id: true, date: true, targetValue: true } },
      values: { orderBy: { periodEnd: "asc" }, select: { id: true, periodEnd: true, value: true, status: true } },
    },
  },
} satisfies Prisma.PlanSelect;

export type WorkbookPlanState = Prisma.PlanGetPayload<{ select: typeof PLAN_SELECT }>;
export type WorkbookFindingState = WorkbookPlanState["findings"][number];
export type WorkbookActionState = WorkbookFindingState["actions"][number];
export type WorkbookMeasureState = WorkbookPlanState["measures"][number];

export type AreaState = {
  area: { id: string; name: string; slug: string; laCode: string; region: Region };
  /** The latest plan that is not closed; null when there is none. */
  plan: WorkbookPlanState | null;
};

export async function loadAreaState(db: Db, localAreaId: string): Promise<AreaState | null> {
  const area = await db.localArea.findUnique({
    where: { id: localAreaId },
    select: {
      id: true,
      name: true,
      slug: true,
      laCode: true,
      region: true,
      plans: { ...CURRENT_PLAN, select: PLAN_SELECT },
    },
  });
  if (!area) return null;
  const { plans, ...rest } = area;
  const plan = plans[0] ?? null;
  if (plan) {
    plan.measures.sort((a, b) => compareRefs(a.ref, b.ref));
    for (const m of plan.measures) m.findings.sort((a, b) => a.sortOrder - b.sortOrder || compareRefs(a.ref, b.ref));
  }
  return { area: rest, plan };
}
