/**
 * The public page for families (/areas/<slug>) and its index. Anyone may read it, so everything
 * here is chosen field by field: organisations, never people; only evidence that is PUBLIC and
 * accepted; only forum verdicts the forum made public and has not since replaced; only published
 * "you said, we did"; never comments, review notes, update narratives or anything about an
 * account. An area whose lead has not published its page is simply not found.
 */
import type { Prisma } from "@/server/generated/prisma/client";
import { PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { MEASURE_CHART_FIELDS, measureChartData } from "@/server/domain/measure-chart";
import { MEASURE_RULE_FIELDS, measureStatus } from "@/server/domain/measure-status";
import { updateOverdue } from "@/server/domain/update-overdue";
import { notFound } from "@/server/errors";
import type { AuthedContext } from "@/server/api/trpc";
import type { SetPublicPageInput } from "@/server/schemas/area";
import { areaBySlug, CURRENT_PLAN } from "@/server/services/access";
import { inTransaction, recordAudit, type Db } from "@/server/services/audit";
import { supersededFor } from "@/server/services/change-requests";
import { today } from "@/server/services/today";

const PUBLISHED = { publicPagePublished: true } satisfies Prisma.LocalAreaWhereInput;

// What the page shows of a plan: its findings, their actions, and the measures that evidence a
// finding. The page and the index both read through these, so their "last updated" agree.
const onFinding = (planId: string) => ({ finding: { planId } });
const onAction = (planId: string) => ({ action: { finding: { planId } } });
const SHOWN_MEASURE = { findings: { some: {} } } satisfies Prisma.MeasureWhereInput;

/** Evidence the public may see: marked PUBLIC by its author and accepted by the lead. */
const publicEvidence = (localAreaId: string, planId: string) =>
  ({
    localAreaId,
    visibility: "PUBLIC",
    reviewStatus: "ACCEPTED",
    OR: [onFinding(planId), onAction(planId), { measure: { planId, ...SHOWN_MEASURE } }],
  }) satisfies Prisma.EvidenceWhereInput;

/** The forum's current public view: a verdict it made public and has not replaced with a newer one. */
const publicVerdicts = (localAreaId: string, planId: string) =>
  ({ localAreaId, isPublic: true, supersededBy: { is: null }, OR: [onFinding(planId), onAction(planId)] }) satisfies Prisma.ForumVerdictWhereInput;

/** Published entries about the whole area or one of the plan's findings. */
const publishedYouSaidWeDid = (localAreaId: string, planId: string) =>
  ({ localAreaId, published: true, OR: [{ findingId: null }, onFinding(planId)] }) satisfies Prisma.YouSaidWeDidWhereInput;

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

const LAST_UPDATED_FIELDS = {
  findings: { select: { updatedAt: true, actions: { select: { lastUpdateAt: true, updatedAt: true } } } },
  measures: { where: SHOWN_MEASURE, select: { updatedAt: true, values: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 } } },
} as const satisfies Prisma.PlanSelect;

/** The areas whose lead has published a page, for the index at /areas. */
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
    },
  });
  return Promise.all(
    areas.map(async (area) => {
      const plan = area.plans[0] ?? null;
      return {
        name: area.name,
        slug: area.slug,
        region: area.region,
        planType: plan?.type ?? null,
        lastUpdated: plan ? await planLastUpdated(db, area.id, plan) : area.publicPagePublishedAt,
      };
    }),
  );
}

/** The latest date any item on the plan's public page was updated. */
async function planLastUpdated(
  db: Db,
  localAreaId: string,
  plan: Prisma.PlanGetPayload<{ select: typeof LAST_UPDATED_FIELDS & { id: true } }>,
) {
  const [evidence, verdict, youSaid] = await Promise.all([
    db.evidence.findMany({ where: publicEvidence(localAreaId, plan.id), select: { reviewedAt: true, updatedAt: true } }),
    db.forumVerdict.aggregate({ where: publicVerdicts(localAreaId, plan.id), _max: { createdAt: true } }),
    db.youSaidWeDid.findMany({ where: publishedYouSaidWeDid(localAreaId, plan.id), select: { publishedAt: true, updatedAt: true } }),
  ]);
  const items = latest([
    ...plan.findings.flatMap((f) => f.actions.map(actionUpdated)),
    ...plan.measures.map(measureUpdated),
    ...evidence.map(evidenceUpdated),
    verdict._max.createdAt,
    ...youSaid.map(youSaidWeDidUpdated),
  ]);
  return items ?? latest(plan.findings.map((f) => f.updatedAt));
}

const PAGE_PLAN_SELECT = {
  id: true,
  type: true,
  title: true,
  acceptedDate: true,
  ...PLAN_RULE_FIELDS,
  findings: {
    orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
    select: {
      id: true,
      ref: true,
      kind: true,
      summary: true,
      inspectorsWording: true,
      judgement: true,
      judgementDate: true,
      updatedAt: true,
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
        },
      },
      measures: {
        orderBy: { ref: "asc" },
        select: {
          id: true,
          definition: true,
          updatedAt: true,
          ...MEASURE_RULE_FIELDS,
          ...MEASURE_CHART_FIELDS,
          values: { select: { periodEnd: true, value: true, status: true, createdAt: true }, orderBy: { periodEnd: "asc" } },
        },
      },
    },
  },
} as const satisfies Prisma.PlanSelect;

/** Everything the public page shows for a published area; NOT_FOUND for any other slug. */
export async function publicAreaPage(db: Db, slug: string) {
  const area = await db.localArea.findFirst({
    where: { slug, ...PUBLISHED },
    select: { id: true, name: true, slug: true, region: true, publicPagePublishedAt: true, plans: { ...CURRENT_PLAN, select: PAGE_PLAN_SELECT } },
  });
  if (!area) throw notFound("That local area's public page");
  const plan = area.plans[0] ?? null;
  const header = { name: area.name, slug: area.slug, region: area.region };
  if (!plan) return { area: header, plan: null, lastUpdated: area.publicPagePublishedAt, findings: [], youSaidWeDid: [] };

  const now = today();
  const measureIds = [...new Set(plan.findings.flatMap((f) => f.measures.map((m) => m.id)))];
  const [evidence, verdicts, youSaid, superseded] = await Promise.all([
    db.evidence.findMany({
      where: publicEvidence(area.id, plan.id),
      orderBy: { createdAt: "asc" },
      select: {
        title: true,
        url: true,
        reviewedAt: true,
        updatedAt: true,
        findingId: true,
        action: { select: { findingId: true } },
        measure: { select: { findings: { select: { id: true } } } },
      },
    }),
    db.forumVerdict.findMany({
      where: publicVerdicts(area.id, plan.id),
      orderBy: { createdAt: "desc" },
      select: {
        verdict: true,
        levelRecognised: true,
        text: true,
        createdAt: true,
        findingId: true,
        action: { select: { ref: true, title: true, findingId: true } },
      },
    }),
    db.youSaidWeDid.findMany({
      where: publishedYouSaidWeDid(area.id, plan.id),
      orderBy: { date: "desc" },
      // The forum's own comment on an entry goes out as written, with no member named.
      select: { youSaid: true, weDid: true, date: true, publishedAt: true, updatedAt: true, findingId: true, forumComment: true, forumCommentAt: true },
    }),
    // Families see a trajectory that was changed, as well as the one that replaced it.
    supersededFor(db, area.id, measureIds),
  ]);

  // Dated records (evidence, verdicts, you said / we did) say what was true on their date; they do
  // not fall due, so they are never stale. Actions and measures are, by the plan's own rules.
  const youSaidItem = ({ findingId: _f, publishedAt: _p, updatedAt: _u, ...y }: (typeof youSaid)[number]) => ({
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
    const evidenceHere = evidence
      .filter((e) => e.findingId === f.id || e.action?.findingId === f.id || e.measure?.findings.some((mf) => mf.id === f.id))
      .map((e) => ({ title: e.title, url: webLink(e.url), lastUpdated: evidenceUpdated(e), stale: false }));
    const verdictsHere = verdicts
      .filter((v) => v.findingId === f.id || v.action?.findingId === f.id)
      .map((v) => ({
        verdict: v.verdict,
        levelRecognised: v.levelRecognised,
        text: v.text,
        date: v.createdAt,
        action: v.action ? { ref: v.action.ref, title: v.action.title } : null,
        lastUpdated: v.createdAt,
        stale: false,
      }));
    const youSaidHere = youSaid.filter((y) => y.findingId === f.id).map(youSaidItem);
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
  const areaWide = youSaid.filter((y) => y.findingId === null).map(youSaidItem);

  return {
    area: header,
    plan: { type: plan.type, title: plan.title, acceptedDate: plan.acceptedDate, cadenceDays: plan.updateCadenceDays },
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
export async function setPublicPage(ctx: AuthedContext, { slug, published }: SetPublicPageInput) {
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
