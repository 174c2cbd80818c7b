/**
 * The public pages for families: the summary (/areas/<slug>), each finding's own page
 * (/areas/<slug>/findings/<ref>) and the index (/areas). Anyone may read them, so everything
 * here is chosen field by field: organisations, never people; only evidence that is PUBLIC and
 * accepted; only forum verdicts the forum made public and has not since replaced; only published
 * "you said, we did"; never comments, review notes, update narratives or anything about an
 * account. An area whose lead has not published its page is simply not found. The council's SEND
 * contact, when the lead has set one, heads every page of the area.
 */
import type { Prisma } from "@/server/generated/prisma/client";
import { ACTION_HEALTH_FIELDS, actionHealth, PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import { findingDelivery, findingImpact } from "@/server/domain/finding-summary";
import { FOLLOW_UP_FIELDS, followUpCountdown } from "@/server/domain/inspections";
import { isFollowedUp, JOURNEY_PLAN_FIELDS, journeyOf, JUDGEMENT_FIELDS } from "@/server/domain/plan-journey";
import { MEASURE_CHART_FIELDS, measureChartData } from "@/server/domain/measure-chart";
import { MEASURE_RULE_FIELDS, measureStatus } from "@/server/domain/measure-status";
import { notFound } from "@/server/errors";
import type { ServiceContext } from "@/server/services/core/context";
import type { SetPublicContactInput, SetPublicPageInput } from "@/server/schemas/area";
import { areaBySlug, CURRENT_PLAN } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Db } from "@/server/services/core/audit";
import { APPROVED_TRAJECTORY_CHANGES, supersededOf } from "@/server/services/plans/change-requests";
import { checkDatabase } from "@/server/services/core/health";
import { today } from "@/server/services/core/today";
import { actionProgress, areaContact, forumTally, isItWorkingLine, youSaidWeDidPlaces } from "@/server/services/public/summary";

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

const PAGE_FINDING_SELECT = {
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
      // What the delivery rule reads (a lead's override counts; its reason is never sent).
      ...ACTION_HEALTH_FIELDS,
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
} as const satisfies Prisma.FindingSelect;

const PAGE_PLAN_SELECT = {
  id: true,
  type: true,
  title: true,
  status: true,
  acceptedDate: true,
  ...PLAN_RULE_FIELDS,
  ...FOLLOW_UP_FIELDS,
  ...JOURNEY_PLAN_FIELDS,
  findings: { orderBy: [{ sortOrder: "asc" }, { ref: "asc" }], select: PAGE_FINDING_SELECT },
} as const satisfies Prisma.PlanSelect;

/** The area as both public pages head it, with its council's SEND contact when the lead has set one. */
const PAGE_AREA_FIELDS = {
  id: true,
  name: true,
  slug: true,
  region: true,
  publicPagePublishedAt: true,
  publicContactEmail: true,
  publicContactUrl: true,
  // The council the contact is named after: the area's own, the first recorded.
  organisations: { where: { kind: "COUNCIL" }, orderBy: { createdAt: "asc" }, take: 1, select: { name: true } },
  // Families see a trajectory that was changed, as well as the one that replaced it.
  changeRequests: APPROVED_TRAJECTORY_CHANGES,
} as const satisfies Prisma.LocalAreaSelect;

type PagePlan = Prisma.PlanGetPayload<{ select: typeof PAGE_PLAN_SELECT }>;
type PageFinding = PagePlan["findings"][number];

/** Newest first, or oldest first, by `at`; equal dates keep their order. */
const byDate = <T>(at: (item: T) => Date, order: "asc" | "desc") => (a: T, b: T) =>
  (at(a).getTime() - at(b).getTime()) * (order === "asc" ? 1 : -1);

// Dated records (evidence, verdicts, you said / we did) say what was true on their date; they do
// not fall due, so they are never stale. Actions and measures are, by the plan's own rules.
const youSaidItem = ({ localAreaId: _a, publishedAt, updatedAt, ...y }: Prisma.YouSaidWeDidGetPayload<{ select: typeof PAGE_ENTRIES.select }>) => ({
  ...y,
  lastUpdated: latest([youSaidWeDidUpdated({ publishedAt, updatedAt }), y.forumCommentAt]) ?? updatedAt,
  stale: false,
});

type Shown = {
  plan: PagePlan;
  localAreaId: string;
  now: Date;
  superseded: ReturnType<typeof supersededOf>;
};

/**
 * One finding as the public pages show it, every item dated: what is being done (actions, the
 * lead organisation, never the owner; public, accepted evidence), whether it is working (the
 * measures and their charts), what parents say (the forum's current public views) and "you said,
 * we did" about it; with its delivery and impact worked out by the same rules as the area home.
 */
function publicFinding(f: PageFinding, { plan, localAreaId, now, superseded }: Shown) {
  const mine = inArea(localAreaId);
  const actions = f.actions.map((a) => {
    const health = actionHealth(a, plan, now);
    return {
      ref: a.ref,
      title: a.title,
      organisation: a.leadOrganisation?.name ?? null,
      status: a.status,
      dueDate: a.dueDate,
      lastUpdated: actionUpdated(a),
      stale: health.update.overdue,
      rag: health.rag.shown,
    };
  });
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
  const evidence = [...f.evidence, ...f.actions.flatMap((a) => a.evidence), ...f.measures.filter((m) => m.planId === plan.id).flatMap((m) => m.evidence)]
    .filter(mine)
    .sort(byDate((e) => e.createdAt, "asc"))
    .map((e) => ({ title: e.title, url: webLink(e.url), lastUpdated: evidenceUpdated(e), stale: false }));
  // On the finding or one of its actions; newest first.
  const verdicts = [
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
  const youSaidWeDid = f.youSaidWeDid.filter(mine).map(youSaidItem);
  return {
    ref: f.ref,
    kind: f.kind,
    summary: f.summary,
    inspectorsWording: f.inspectorsWording,
    judgement: f.judgement,
    judgementDate: f.judgementDate,
    delivery: findingDelivery(actions.map((a) => ({ rag: a.rag }))).status,
    impact: findingImpact(measures, 0).status,
    isItWorking: isItWorkingLine(measures.map((m) => m.status)),
    // A finding is as recent as its latest item; with none yet, as its own record.
    lastUpdated: latest([...actions, ...measures, ...evidence, ...verdicts, ...youSaidWeDid].map((i) => i.lastUpdated)) ?? f.updatedAt,
    actions: actions.map(({ rag: _rag, ...a }) => a),
    measures,
    evidence,
    verdicts,
    youSaidWeDid,
  };
}

type PublicFindingDetail = ReturnType<typeof publicFinding>;

/** The published area with its current plan, read for a public page; NOT_FOUND for any other slug. */
async function publishedArea(db: Db, slug: string, findings: Prisma.FindingWhereInput) {
  const area = await db.localArea.findFirst({
    where: { slug, ...PUBLISHED },
    select: {
      ...PAGE_AREA_FIELDS,
      plans: { ...CURRENT_PLAN, select: { ...PAGE_PLAN_SELECT, findings: { ...PAGE_PLAN_SELECT.findings, where: findings } } },
      youSaidWeDid: { ...PAGE_ENTRIES, where: { ...PUBLISHED_ENTRY, findingId: null } },
    },
  });
  if (!area) throw notFound("That local area's public page");
  const header = { name: area.name, slug: area.slug, region: area.region, contact: areaContact(area) };
  return { area, header, plan: area.plans[0] ?? null };
}

/**
 * The summary page for families (/areas/<slug>): the plan, how far it has got, the days to the
 * revisit (or what it found), the forum's view, and one card per finding that links to the
 * finding's own page. NOT_FOUND for any slug but a published area's. One query, however large the
 * plan: the area, its current plan, and each dated record through what it hangs on.
 */
export async function publicAreaPage(db: Db, slug: string) {
  const { area, header, plan } = await publishedArea(db, slug, {});
  const mine = inArea(area.id);
  const areaWide = area.youSaidWeDid.filter(mine).map(youSaidItem);
  if (!plan) {
    return { area: header, plan: null, lastUpdated: area.publicPagePublishedAt, findings: [], youSaidWeDid: youSaidWeDidPlaces(areaWide, []) };
  }

  const now = today();
  const shown: Shown = { plan, localAreaId: area.id, now, superseded: supersededOf(plan.findings.flatMap((f) => f.measures), area.changeRequests) };
  const details = plan.findings.map((f) => publicFinding(f, shown));
  const findings = details.map((f) => ({
    ref: f.ref,
    kind: f.kind,
    summary: f.summary,
    inspectorsWording: f.inspectorsWording,
    judgement: f.judgement,
    delivery: f.delivery,
    impact: f.impact,
    isItWorking: f.isItWorking,
    lastUpdated: f.lastUpdated,
    /** Its actions and measures that have fallen behind the plan's own update rule. */
    notUpdated: { actions: f.actions.filter((a) => a.stale).length, measures: f.measures.filter((m) => m.stale).length },
    youSaidWeDid: f.youSaidWeDid.length,
  }));
  const journey = journeyOf(plan, now);
  const { outcome } = journey;
  const countdown = followUpCountdown(plan.followUpInspection, now, isFollowedUp(plan));
  const measures = details.flatMap((f) => f.measures);

  return {
    area: header,
    plan: {
      type: plan.type,
      title: plan.title,
      acceptedDate: plan.acceptedDate,
      cadenceDays: plan.updateCadenceDays,
      // Until the inspectors come back: when they are expected. After: what they found.
      followUp: countdown && {
        kind: journey.followUpKind,
        date: countdown.date,
        isEstimate: countdown.isEstimate,
        daysToGo: countdown.daysToGo,
        happened: countdown.happened,
      },
      followUpOutcome: outcome && { kind: outcome.kind, plain: outcome.plain, complete: outcome.complete, letterUrl: webLink(outcome.letterUrl) },
      progress: {
        actions: actionProgress(details.flatMap((f) => f.actions)),
        // A measure evidencing two findings is one measure.
        measures: new Set(measures.map((m) => m.chart.ref)).size,
        measuresOnTrack: new Set(measures.filter((m) => m.status === "ON_TRACK").map((m) => m.chart.ref)).size,
      },
      forum: forumTally(details.flatMap((f) => f.verdicts)),
    },
    // The same rule as the index (planLastUpdated): the latest item, else the latest finding.
    lastUpdated:
      latest(
        [...details.flatMap((f) => [...f.actions, ...f.measures, ...f.evidence, ...f.verdicts, ...f.youSaidWeDid]), ...areaWide].map((i) => i.lastUpdated),
      ) ?? latest(plan.findings.map((f) => f.updatedAt)),
    findings,
    youSaidWeDid: youSaidWeDidPlaces(areaWide, findings),
  };
}

export type PublicAreaPage = Awaited<ReturnType<typeof publicAreaPage>>;

/**
 * One finding's own public page (/areas/<slug>/findings/<ref>): what the inspectors found, what is
 * being done, whether it is working (with the charts), what parents say and "you said, we did"
 * about it, and where it sits among the plan's findings. NOT_FOUND for an unpublished area, an
 * area without a current plan, or a ref the current plan does not have.
 */
export async function publicFindingPage(db: Db, slug: string, ref: string) {
  const { area, header, plan } = await publishedArea(db, slug, { ref });
  const row = plan?.findings[0];
  if (!plan || !row) throw notFound("That finding");
  const now = today();
  const finding: PublicFindingDetail = publicFinding(row, {
    plan,
    localAreaId: area.id,
    now,
    superseded: supersededOf(row.measures, area.changeRequests),
  });
  // The plan's other findings, for "previous" and "next": their titles only.
  const all = await db.finding.findMany({
    where: { planId: plan.id, localAreaId: area.id },
    orderBy: [{ sortOrder: "asc" }, { ref: "asc" }],
    select: { ref: true, summary: true, inspectorsWording: true },
  });
  const at = all.findIndex((f) => f.ref === row.ref);
  const titled = (f: (typeof all)[number] | undefined) => (f ? { ref: f.ref, summary: f.summary, inspectorsWording: f.inspectorsWording } : null);
  return {
    area: header,
    plan: { type: plan.type, cadenceDays: plan.updateCadenceDays },
    finding,
    position: { number: at + 1, of: all.length, previous: titled(all[at - 1]), next: titled(all[at + 1]) },
  };
}

export type PublicFindingPage = Awaited<ReturnType<typeof publicFindingPage>>;

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

/**
 * The LEAD sets how families reach the council about the area's plan: an email address, a web
 * page, both or neither (empty clears it). The public pages show "Contact <council>" only when one
 * is set.
 */
export async function setPublicContact(ctx: ServiceContext, { slug, email, url }: SetPublicContactInput) {
  const area = await areaBySlug(ctx, slug, "area.publish");
  return inTransaction(ctx, async (tx) => {
    const fields = { publicContactEmail: true, publicContactUrl: true } as const;
    const before = await tx.localArea.findUniqueOrThrow({ where: { id: area.id }, select: fields });
    const after = await tx.localArea.update({
      where: { id: area.id },
      data: { publicContactEmail: email || null, publicContactUrl: url || null },
      select: fields,
    });
    await recordAudit(tx, ctx, { action: "area.setPublicContact", entityType: "LocalArea", entityId: area.id, localAreaId: area.id, before, after });
    return { slug: area.slug, email: after.publicContactEmail, url: after.publicContactUrl };
  });
}

/**
 * The service's status for people (/status), beside /api/health for machines: the page is being
 * served, so the service is up; whether the database answers, how quickly, and when this was checked.
 * No error text: that stays in the server's log and /api/health.
 */
export async function serviceStatus(db: Db) {
  const database = await checkDatabase(db);
  return { databaseReachable: database.ok, responseMs: database.latencyMs, checkedAt: new Date() };
}
