/** Findings of a plan: the inspectors' wording and its plain-English summary. LEAD edits. */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can } from "@/server/auth/permissions";
import type { Prisma } from "@/server/generated/prisma/client";
import { MEASURE_CHART_FIELDS, measureChartData } from "@/server/domain/measure-chart";
import { PLAN_RULE_FIELDS } from "@/server/domain/action-health";
import type { FindingFields } from "@/server/schemas/plan";
import { fieldError, requireCan } from "@/server/services/core/access";
import { ITEM_SELECT, toItem } from "@/server/services/evidence/evidence";
import { inTransaction, recordAudit, type Tx } from "@/server/services/core/audit";
import { APPROVED_TRAJECTORY_CHANGES, supersededOf } from "@/server/services/plans/change-requests";
import { COMMENT_FIELDS, commentList, NEWEST_COMMENTS_FIRST } from "@/server/services/actions/comments";
import { FINDING_READINESS_FIELDS, findingReadiness, isAcceptedImpact } from "@/server/services/plans/finding-readiness";
import { NEWEST_FIRST } from "@/server/services/forum/forum-view";
import { VERDICT_SELECT, verdictsOn } from "@/server/services/forum/verdicts";
import { today } from "@/server/services/core/today";
import { staleSave } from "@/server/services/core/versioned";
import { findingJudgement, JUDGEMENT_FIELDS } from "@/server/domain/plan-journey";
import { findingTitle } from "@/lib/format/finding-title";
import { routes } from "@/lib/routes";
import { PLAN_ENDING, planEnding, requireNotEnded, requireOpenPlan } from "@/server/services/core/ended-plan";

const FINDING_FORM_SELECT = { id: true, version: true, planId: true, ref: true, kind: true, inspectorsWording: true, summary: true } as const;

async function refIsFree(tx: Tx, planId: string, ref: string, exceptId?: string) {
  const taken = await tx.finding.findFirst({ where: { planId, ref, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  if (taken) throw fieldError("ref", `This plan already has a finding ${ref}`);
}

/** The finding for its edit form; `ended` says how its plan ended, when it has (the form is not offered then). */
export async function findingForEditing(ctx: ServiceContext, id: string) {
  const { plan, ...finding } = await findInArea(ctx, "finding", {
    where: { id },
    select: { ...FINDING_FORM_SELECT, localAreaId: true, localArea: { select: { slug: true, name: true } }, plan: PLAN_ENDING },
  });
  requireCan(ctx, "plan.edit", finding);
  return { ...finding, ended: planEnding(plan) };
}

export async function createFinding(ctx: ServiceContext, { planId, ...fields }: FindingFields & { planId: string }) {
  const plan = await findInArea(ctx, "plan", {
    where: { id: planId },
    select: { ...PLAN_ENDING.select, localAreaId: true, _count: { select: { findings: true } } },
  });
  requireCan(ctx, "plan.edit", plan);
  requireOpenPlan(plan);
  return inTransaction(ctx, async (tx) => {
    await refIsFree(tx, plan.id, fields.ref);
    const finding = await tx.finding.create({
      data: { ...fields, localAreaId: plan.localAreaId, planId: plan.id, sortOrder: plan._count.findings + 1 },
      select: FINDING_FORM_SELECT,
    });
    await recordAudit(tx, ctx, { action: "finding.create", entityType: "Finding", entityId: finding.id, localAreaId: plan.localAreaId, after: finding });
    return finding;
  });
}

export async function updateFinding(ctx: ServiceContext, input: FindingFields & { id: string; version: number }) {
  const { id, version, ...fields } = input;
  const found = await findingForEditing(ctx, id);
  requireNotEnded(found.ended);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.finding.findUniqueOrThrow({ where: { id }, select: FINDING_FORM_SELECT });
    // The version decides first: a stale form's other mistakes are moot.
    const { count } = await tx.finding.updateMany({ where: { id, version }, data: { version: { increment: 1 } } });
    if (count === 0) throw await staleSave(tx, { what: "finding", entityId: id, current: async () => before });
    await refIsFree(tx, found.planId, fields.ref, id);
    await tx.finding.update({ where: { id }, data: fields });
    const after = await tx.finding.findUniqueOrThrow({ where: { id }, select: FINDING_FORM_SELECT });
    await recordAudit(tx, ctx, { action: "finding.update", entityType: "Finding", entityId: id, localAreaId: found.localAreaId, before, after });
    return after;
  });
}

/**
 * Every evidence item on the finding, its actions or its measures, whatever its review: the page
 * lists them once, each with where its review stands, and counts the accepted impact evidence.
 */
const PACK_EVIDENCE = { select: { ...ITEM_SELECT, localAreaId: true } } as const satisfies Prisma.Finding$evidenceArgs;

type PackEvidenceRow = Prisma.EvidenceGetPayload<typeof PACK_EVIDENCE>;

/** Accepted first (what the inspectors will see), then awaiting review, then rejected, then withdrawn. */
const REVIEW_ORDER = { ACCEPTED: 0, PENDING: 1, REJECTED: 2 } as const;
const reviewRank = (e: PackEvidenceRow) => (e.withdrawnAt ? 3 : REVIEW_ORDER[e.reviewStatus]);

/** The finding page's order: by where the review stands, the latest reviewed (or added) first within each. */
function packOrder(a: PackEvidenceRow, b: PackEvidenceRow) {
  return reviewRank(a) - reviewRank(b) || newestFirst(a.reviewedAt, b.reviewedAt) || newestFirst(a.createdAt, b.createdAt) || byIdDesc(a, b);
}

const PACK_VERDICT_SELECT = {
  id: true,
  localAreaId: true,
  verdict: true,
  levelRecognised: true,
  cornerstonesMet: true,
  text: true,
  createdAt: true,
  author: { select: { name: true } },
  supersededBy: { select: { id: true } },
} as const satisfies Prisma.ForumVerdictSelect;

const PACK_ADVISER_NOTE_SELECT = {
  id: true,
  localAreaId: true,
  note: true,
  view: true,
  date: true,
  author: { select: { name: true } },
} as const satisfies Prisma.AdviserNoteSelect;

/** Newest first, as PostgreSQL orders `desc`: a missing date before any date. */
const newestFirst = (a: Date | null, b: Date | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : b.getTime() - a.getTime());
const byIdDesc = (a: { id: string }, b: { id: string }) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * A finding as its page shows it, the revisit evidence pack: the inspectors' wording, its actions
 * and measures with both summaries, each measure's chart, the evidence the viewer may read on the
 * finding, its actions and its measures (each with its review; the accepted impact evidence
 * counted), the forum's verdicts on the finding and its actions, (for those who may read them) the
 * advisers' notes, its comments and the forum's verdict form. One query, however many actions and
 * measures: the finding and everything that hangs on it, read through its relations. Rows of
 * another area are passed over, as the tenant condition in a query of their own would.
 */
export async function findingById(ctx: ServiceContext, id: string) {
  const finding = await findInArea(ctx, "finding", {
    where: { id },
    select: {
      id: true,
      localAreaId: true,
      ref: true,
      kind: true,
      inspectorsWording: true,
      summary: true,
      ...JUDGEMENT_FIELDS,
      // The area's approved changes to trajectories: the charts draw what they replaced.
      localArea: { select: { name: true, slug: true, changeRequests: APPROVED_TRAJECTORY_CHANGES } },
      plan: { select: { ...PLAN_ENDING.select, ...PLAN_RULE_FIELDS } },
      // Where it was carried forward to, for the banner of an ended plan's finding.
      successors: { orderBy: { createdAt: "asc" }, select: { id: true, ref: true, plan: { select: { title: true } } } },
      evidence: PACK_EVIDENCE,
      forumVerdicts: { orderBy: NEWEST_FIRST, select: { ...VERDICT_SELECT, localAreaId: true } },
      adviserNotes: { orderBy: [{ date: "desc" }, { createdAt: "desc" }], select: PACK_ADVISER_NOTE_SELECT },
      comments: { orderBy: NEWEST_COMMENTS_FIRST, select: { ...COMMENT_FIELDS, localAreaId: true } },
      actions: {
        ...FINDING_READINESS_FIELDS.actions,
        select: {
          ...FINDING_READINESS_FIELDS.actions.select,
          evidence: PACK_EVIDENCE,
          forumVerdicts: { orderBy: NEWEST_FIRST, select: PACK_VERDICT_SELECT },
        },
      },
      // The readiness select widened to everything a chart draws, so one read serves both.
      measures: {
        ...FINDING_READINESS_FIELDS.measures,
        select: { ...FINDING_READINESS_FIELDS.measures.select, ...MEASURE_CHART_FIELDS, evidence: PACK_EVIDENCE },
      },
    },
  });
  const { localAreaId } = finding;
  const inArea = (row: { localAreaId: string }) => row.localAreaId === localAreaId;
  const mayReadAdviserNotes = can(ctx.viewer, "adviserNote.read", finding);
  // A finding of an ended plan is kept as it was: read here, changed nowhere.
  const ended = planEnding(finding.plan);

  // Evidence on the finding, its actions and its measures: each item hangs on one, named and linked.
  type AttachedTo = { label: string; href: string | null };
  const attached = (rows: PackEvidenceRow[], attachedTo: AttachedTo) => rows.filter(inArea).map((row) => ({ row, attachedTo }));
  const slug = finding.localArea.slug;
  const all = [
    ...attached(finding.evidence, { label: "This finding", href: null }),
    ...finding.actions.flatMap((a) => attached(a.evidence, { label: `Action ${a.ref}: ${a.title}`, href: routes.action(slug, a.id) })),
    ...finding.measures.flatMap((m) => attached(m.evidence, { label: `Measure ${m.ref}: ${m.name}`, href: routes.measure(slug, m.id) })),
  ];
  // Counted whoever reads it, as the area home counts it: the impact status is the same for everyone.
  const acceptedImpact = new Set(all.filter(({ row }) => isAcceptedImpact(row)).map(({ row }) => row.id)).size;
  const readsInternal = can(ctx.viewer, "internal.read", finding);
  const visible = all.filter(({ row }) => readsInternal || row.visibility !== "INTERNAL").sort((a, b) => packOrder(a.row, b.row));
  const evidenceItems = visible.map(({ row: { localAreaId: _area, ...row }, attachedTo }) => ({ ...toItem(row), attachedTo }));
  const evidenceCounts = {
    accepted: visible.filter(({ row }) => reviewRank(row) === 0).length,
    awaitingReview: visible.filter(({ row }) => reviewRank(row) === 1).length,
    rejected: visible.filter(({ row }) => reviewRank(row) === 2).length,
    withdrawn: visible.filter(({ row }) => reviewRank(row) === 3).length,
  };

  // The forum's verdicts on the finding and on each of its actions, newest first.
  const onFinding = finding.forumVerdicts.filter(inArea);
  const verdicts = [
    ...onFinding.map((v) => ({ ...v, action: null })),
    ...finding.actions.flatMap((a) => a.forumVerdicts.filter(inArea).map((v) => ({ ...v, action: { id: a.id, ref: a.ref, title: a.title } }))),
  ]
    .sort((a, b) => newestFirst(a.createdAt, b.createdAt) || byIdDesc(a, b))
    .map((v) => ({
      id: v.id,
      verdict: v.verdict,
      levelRecognised: v.levelRecognised,
      cornerstonesMet: v.cornerstonesMet,
      text: v.text,
      createdAt: v.createdAt,
      action: v.action,
      authorName: v.author.name,
      current: v.supersededBy === null,
    }));

  const { plan, measures: rows, localArea } = finding;
  const readiness = findingReadiness(finding, plan, acceptedImpact, today());
  const rowById = new Map(rows.map((m) => [m.id, m]));
  // Trajectories replaced through approved change requests, drawn dashed beside today's.
  const superseded = supersededOf(rows, localArea.changeRequests);
  const target = { kind: "finding" as const, id: finding.id, localAreaId, label: `Finding ${finding.ref} ${findingTitle(finding)}`, plan };
  return {
    id: finding.id,
    localAreaId,
    ref: finding.ref,
    kind: finding.kind,
    inspectorsWording: finding.inspectorsWording,
    summary: finding.summary,
    localArea: { name: localArea.name, slug: localArea.slug },
    plan: { id: plan.id, type: plan.type, title: plan.title },
    /** How its plan ended, when it has: the page says so and offers no changes. */
    ended,
    /** The findings of later plans that carry this one forward. */
    successors: finding.successors.map((s) => ({ id: s.id, ref: s.ref, planTitle: s.plan.title })),
    /** What the revisit or monitoring inspection judged, with its date and letter; null before. */
    judgement: findingJudgement(finding),
    ...readiness,
    measures: readiness.measures.map((m) => ({ ...m, chart: measureChartData(rowById.get(m.id)!, m.trajectory, superseded.get(m.id)) })),
    /** Every item the viewer may read, in one list, each with its review; counted by where the review stands. */
    evidence: { items: evidenceItems, counts: evidenceCounts },
    verdicts,
    ...(mayReadAdviserNotes
      ? {
          adviserNotes: finding.adviserNotes
            .filter(inArea)
            .map(({ author, localAreaId: _area, ...n }) => ({ ...n, authorName: author?.name ?? null })),
        }
      : {}),
    /** What the comments section shows (commentsFor, from the rows read here). */
    comments: commentList(ctx.viewer, finding, finding.comments.filter(inArea)),
    /** What the forum's verdict form needs (verdictsFor, from the rows read here). */
    forumVerdict: verdictsOn(
      ctx.viewer,
      target,
      onFinding.map(({ localAreaId: _area, ...v }) => v),
    ),
    viewerCan: {
      edit: !ended && can(ctx.viewer, "plan.edit", finding),
      reviewEvidence: !ended && can(ctx.viewer, "evidence.review", finding),
      // Withdrawing stays open on an ended plan's records, as on every evidence list (evidence.ts).
      withdrawEvidence: can(ctx.viewer, "evidence.review", finding),
      recordAdviserNote: !ended && can(ctx.viewer, "adviser.write", finding),
    },
  };
}
