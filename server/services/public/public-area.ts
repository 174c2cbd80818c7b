/**
 * The public page for families (/areas/<slug>) and its index. Anyone may read it, so everything
 * here is chosen field by field: organisations, never people; only evidence that is PUBLIC and
 * accepted; only forum verdicts the forum made public and has not since replaced; only published
 * "you said, we did"; never comments, review notes, update narratives or anything about an
 * account. An area whose lead has not published its page is simply not found.
 */
import type { Prisma } from "@/server/generated/prisma/client";
import { PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { FOLLOW_UP_FIELDS } from "@/server/domain/inspections";
import { JOURNEY_PLAN_FIELDS, journeyOf, JUDGEMENT_FIELDS } from "@/server/domain/plan-journey";
import { MEASURE_CHART_FIELDS, measureChartData } from "@/server/domain/measure-chart";
import { MEASURE_RULE_FIELDS, measureStatus } from "@/server/domain/measure-status";
import { updateOverdue } from "@/server/domain/update-overdue";
import { notFound } from "@/server/errors";
import type { ServiceContext } from "@/server/services/core/context";
import type { SetPublicPageInput } from "@/server/schemas/area";
import { areaBySlug, CURRENT_PLAN } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Db } from "@/server/services/core/audit";
import { APPROVED_TRAJECTORY_CHANGES, supersededOf } from "@/server/services/plans/change-requests";
import { today } from "@/server/services/core/today";

const PUBLISHED = { publicPagePublished: true } satisfies Prisma.LocalAreaWhereInput;

// What the page shows of a plan: its findings, their actions, and the measures that evidence a
// finding. The page and the index both read through these, so their "last updated" agree. Each
// kind of dated record is read through the relation it hangs on, in the plan's own query, and rows
// of another area are passed over (`inArea`), as the tenant condition in a query would.
const SHOWN_MEASURE = { findings: { some: {} } } satisfies Prisma.MeasureWhereInput;

/** Evidence the public may see: marked PUBLIC by its author and accepted by the lead. */
// Withdrawn evidence is not shown to the public: the lead took it back.
const PUBLIC_EVIDENCE = { visibility: "PUBLIC", reviewStatus: "ACCEPTED", withdrawnAt: null } as const satisfies Prisma.EvidenceWhereInput;

/** The forum's current public view: a verdict it made public and has not replaced with a newer one. */
const PUBLIC_VERDICT = { isPublic: true, supersededBy: { is: null } } as const satisfies Prisma.ForumVerdictWhereInput;

/** Published entries; the area-wide ones are those about no finding. */
const PUBLISHED_ENTRY = { published: true } as const satisfies Prisma.YouSaidWeDidWhereInput;

const inArea = (localAreaId: string) => (row: { localAreaId: string }) => row.localAreaId === localAreaId;

/** Only web links leave the server: stored files are served to signed-in people only. */
const webLink = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

const latest = (dates: ReadonlyArray<Date | null | undefined>): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

// "When was this last updated" for each kind of item, one rule each, shared by the page and the index.
const actionUpdated = (a: { lastUpdateAt: Date | null; updatedAt: Date }) => a.lastUpdateAt ?? a.updatedAt;
const measureUpdated = (m: { updatedAt: Date; values: ReadonlyArray<{ createdAt: Date }> }) =>
  latest(m.values.map((v) => v.createdAt)) ?? m.updatedAt;
const evidenceUpdated = (e: { reviewedAt: Date | null; updatedAt: Date }) => e.reviewedAt ?? e.updatedAt;
const youSaidWeDidUpdated = (y: { publishedAt: Date | null; updatedAt: Date }) => y.publishedAt ?? y.updatedAt;

const DATED_EVIDENCE = { where: PUBLIC_EVIDENCE, select: { localAreaId: true, reviewedAt: true, updatedAt: true } } as const;
const DATED_VERDICTS = { where: PUBLIC_VERDICT, select: { localAreaId: true, createdAt: true } } as const;
const DATED_ENTRIES = { select: { localAreaId: true, publishedAt: true, updatedAt: true } } as const;

const LAST_UPDATED_FIELDS = {
  findings: {
    select: {
      updatedAt: true,
      evidence: DATED_EVIDENCE,
      forumVerdicts: DATED_VERDICTS,
      youSaidWeDid: { ...DATED_ENTRIES, where: PUBLISHED_ENTRY },
      actions: { select: { lastUpdateAt: true, updatedAt: true, evidence: DATED_EVIDENCE, forumVerdicts: DATED_VERDICTS } },
    },
  },
  measures: {
    where: SHOWN_MEASURE,
    select: { updatedAt: true, values: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 }, evidence: DATED_EVIDENCE },
  },
} as const satisfies Prisma.PlanSelect;

/** The areas whose lead has published a page, for the index at /areas. One query, however many areas. */
export async function publishedAreas(db: Db) {
  const areas = await db.localArea.findMany({
    where: PUBLISHED,
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      region: true,
      publicPagePublishedAt: true,
      plans: { ...CURRENT_PLAN, select: { id: true, type: true, ...LAST_UPDATED_FIELDS } },
      youSaidWeDid: { ...DATED_ENTRIES, where: { ...PUBLISHED_ENTRY, findingId: null } },
    },
  });
  return areas.map((area) => {
    const plan = area.plans[0] ?? null;
    return {
      name: area.name,
      slug: area.slug,
      region: area.region,
      planType: plan?.type ?? null,
      lastUpdated: plan ? planLastUpdated(area.id, plan, area.youSaidWeDid) : area.publicPagePublishedAt,
    };
  });
}

/** The latest date any item on the plan's public page was updated. */
function planLastUpdated(
  localAreaId: string,
  plan: Prisma.PlanGetPayload<{ select: typeof LAST_UPDATED_FIELDS }>,
  areaWide: ReadonlyArray<{ localAreaId: string; publishedAt: Date | null; updatedAt: Date }>,
) {
  const mine = inArea(localAreaId);
  const actions = plan.findings.flatMap((f) => f.actions);
  const evidence = [...plan.findings, ...actions, ...plan.measures].flatMap((r) => r.evidence).filter(mine);
  const verdicts = [...plan.findings, ...actions].flatMap((r) => r.forumVerdicts).filter(mine);
  const youSaid = [...plan.findings.flatMap((f) => f.youSaidWeDid), ...areaWide].filter(mine);
  const items = latest([
    ...actions.map(actionUpdated),
    ...plan.measures.map(measureUpdated),
    ...evidence.map(evidenceUpdated),
    latest(verdicts.map((v) => v.createdAt)),
    ...youSaid.map(youSaidWeDidUpdated),
  ]);
  return items ?? latest(plan.findings.map((f) => f.updatedAt));
}

const PAGE_EVIDENCE = {
  where: PUBLIC_EVIDENCE,
  select: { localAreaId: true, title: true, url: true, reviewedAt: true, updatedAt: true, createdAt: true },
} as const;
const PAGE_VERDICTS = {
  where: PUBLIC_VERDICT,
  select: { localAreaId: true, verdict: true, levelRecognised: true, text: true, createdAt: true },
} as const;
// The forum's own comment on an entry goes out as written, with no member named.
const PAGE_ENTRIES = {
  orderBy: { date: "desc" },
  select: { localAreaId: true, youSaid: true, weDid: true, date: true, publishedAt: true, updatedAt: true, forumComment: true, forumCommentAt: true },
} as const;

const PAGE_PLAN_SELECT = {
  id: true,
  type: true,
  title: true,
  status: true,
  acceptedDate: true,
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
      ...JUDGEMENT_FIELDS,
      updatedAt: true,
      evidence: PAGE_EVIDENCE,
      forumVerdicts: PAGE_VERDICTS,
      youSaidWeDid: { ...PAGE_ENTRIES, where: PUBLISHED_ENTRY },
      actions: {
        orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
        select: {
          id: true,
          ref: true,
          title: true,
          status: true,
          startDate: true,
          dueDate: true,
          lastUpdateAt: true,
          createdAt: true,
          updatedAt: true,
          leadOrganisation: { select: { name: true } },
          evidence: PAGE_EVIDENCE,
          forumVerdicts: PAGE_VERDICTS,
        },
      },
      measures: {
        orderBy: { ref: "asc" },
        select: {
          id: true,
          planId: true,
          definition: true,
          updatedAt: true,
          evidence: PAGE_EVIDENCE,
          ...MEASURE_RULE_FIELDS,
          ...MEASURE_CHART_FIELDS,
          values: { select: { periodEnd: true, value: true, status: true, createdAt: true }, orderBy: { periodEnd: "asc" } },
        },
      },
    },
  },
} as const satisfies Prisma.PlanSelect;

/** Newest first, or oldest first, by `at`; equal dates keep their order. */
const byDate = <T>(at: (item: T) => Date, order: "asc" | "desc") => (a: T, b: T) =>
  (at(a).getTime() - at(b).getTime()) * (order === "asc" ? 1 : -1);

/**
 * Everything the public page shows for a published area; NOT_FOUND for any other slug. One query,
 * however large the plan: the area, its current plan, and each dated record through the finding,
 * action or measure it hangs on.
 */
export async function publicAreaPage(db: Db, slug: string) {
  const area = await db.localArea.findFirst({
    where: { slug, ...PUBLISHED },
    select: {
      id: true,
      name: true,
      slug: true,
      region: true,
      publicPagePublishedAt: true,
      plans: { ...CURRENT_PLAN, select: PAGE_PLAN_SELECT },
      youSaidWeDid: { ...PAGE_ENTRIES, where: { ...PUBLISHED_ENTRY, findingId: null } },
      // Families see a trajectory that was changed, as well as the one that replaced it.
      changeRequests: APPROVED_TRAJECTORY_CHANGES,
    },
  });
  if (!area) throw notFound("That local area's public page");
  const plan = area.plans[0] ?? null;
  const header = { name: area.name, slug: area.slug, region: area.region };
  if (!plan) return { area: header, plan: null, lastUpdated: area.publicPagePublishedAt, findings: [], youSaidWeDid: [] };

  const now = today();
  const mine = inArea(area.id);
  const superseded = supersededOf(
    plan.findings.flatMap((f) => f.measures),
    area.changeRequests,
  );

  // Dated records (evidence, verdicts, you said / we did) say what was true on their date; they do
  // not fall due, so they are never stale. Actions and measures are, by the plan's own rules.
  type Entry = (typeof area.youSaidWeDid)[number];
  const youSaidItem = ({ localAreaId: _a, publishedAt: _p, updatedAt: _u, ...y }: Entry) => ({
    ...y,
    lastUpdated: latest([youSaidWeDidUpdated({ publishedAt: _p, updatedAt: _u }), y.forumCommentAt]) ?? _u,
    stale: false,
  });

  const findings = plan.findings.map((f) => {
    const actions = f.actions.map((a) => ({
      ref: a.ref,
      title: a.title,
      organisation: a.leadOrganisation?.name ?? null,
      status: a.status,
      dueDate: a.dueDate,
      lastUpdated: actionUpdated(a),
      stale: updateOverdue({ ...a, cadenceDays: plan.updateCadenceDays, today: now }).overdue,
    }));
    const measures = f.measures.map((m) => {
      const judged = measureStatus({ ...m, cadenceDays: plan.updateCadenceDays, today: now });
      return {
        definition: m.definition,
        chart: measureChartData(m, judged.trajectory, superseded.get(m.id)),
        status: judged.status,
        lastUpdated: measureUpdated(m),
        // The measure rule's own word for a measure whose latest value is too old to judge.
        stale: judged.status === "NO_DATA" && m.values.length > 0,
      };
    });
    // On the finding, one of its actions, or one of the plan's measures that evidence it; oldest first.
    const evidenceHere = [
      ...f.evidence,
      ...f.actions.flatMap((a) => a.evidence),
      ...f.measures.filter((m) => m.planId === plan.id).flatMap((m) => m.evidence),
    ]
      .filter(mine)
      .sort(byDate((e) => e.createdAt, "asc"))
      .map((e) => ({ title: e.title, url: webLink(e.url), lastUpdated: evidenceUpdated(e), stale: false }));
    // On the finding or one of its actions; newest first.
    const verdictsHere = [
      ...f.forumVerdicts.map((v) => ({ ...v, action: null })),
      ...f.actions.flatMap((a) => a.forumVerdicts.map((v) => ({ ...v, action: { ref: a.ref, title: a.title } }))),
    ]
      .filter(mine)
      .sort(byDate((v) => v.createdAt, "desc"))
      .map((v) => ({
        verdict: v.verdict,
        levelRecognised: v.levelRecognised,
        text: v.text,
        date: v.createdAt,
        action: v.action,
        lastUpdated: v.createdAt,
        stale: false,
      }));
    const youSaidHere = f.youSaidWeDid.filter(mine).map(youSaidItem);
    return {
      ref: f.ref,
      kind: f.kind,
      summary: f.summary,
      inspectorsWording: f.inspectorsWording,
      judgement: f.judgement,
      judgementDate: f.judgementDate,
      // A finding is as recent as its latest item; with none yet, as its own record.
      lastUpdated: latest([...actions, ...measures, ...evidenceHere, ...verdictsHere, ...youSaidHere].map((i) => i.lastUpdated)) ?? f.updatedAt,
      actions,
      measures,
      evidence: evidenceHere,
      verdicts: verdictsHere,
      youSaidWeDid: youSaidHere,
    };
  });
  const areaWide = area.youSaidWeDid.filter(mine).map(youSaidItem);
  // What the inspectors found when they came back, in plain words, and their published letter.
  const { outcome } = journeyOf(plan, now);

  return {
    area: header,
    plan: {
      type: plan.type,
      title: plan.title,
      acceptedDate: plan.acceptedDate,
      cadenceDays: plan.updateCadenceDays,
      followUpOutcome: outcome && { kind: outcome.kind, plain: outcome.plain, complete: outcome.complete, letterUrl: webLink(outcome.letterUrl) },
    },
    // The same rule as the index (planLastUpdated): the latest item, else the latest finding.
    lastUpdated:
      latest(
        [...findings.flatMap((f) => [...f.actions, ...f.measures, ...f.evidence, ...f.verdicts, ...f.youSaidWeDid]), ...areaWide].map(
          (i) => i.lastUpdated,
        ),
      ) ?? latest(plan.findings.map((f) => f.updatedAt)),
    findings,
    youSaidWeDid: areaWide,
  };
}

export type PublicAreaPage = Awaited<ReturnType<typeof publicAreaPage>>;

/**
 * The LEAD publishes the area's public page, or takes it down. Publishing again keeps the first
 * publication date, so "published since" stays true to what families could see.
 */
export async function setPublicPage(ctx: ServiceContext, { slug, published }: SetPublicPageInput) {
  const area = await areaBySlug(ctx, slug, "area.publish");
  return inTransaction(ctx, async (tx) => {
    const before = await tx.localArea.findUniqueOrThrow({ where: { id: area.id }, select: { publicPagePublished: true, publicPagePublishedAt: true } });
    const after = await tx.localArea.update({
      where: { id: area.id },
      data: { publicPagePublished: published, publicPagePublishedAt: published ? (before.publicPagePublishedAt ?? new Date()) : before.publicPagePublishedAt },
      select: { publicPagePublished: true, publicPagePublishedAt: true },
    });
    await recordAudit(tx, ctx, {
      action: published ? "area.publishPublicPage" : "area.unpublishPublicPage",
      entityType: "LocalArea",
      entityId: area.id,
      localAreaId: area.id,
      before,
      after,
    });
    return { slug: area.slug, name: area.name, ...after };
  });
}
