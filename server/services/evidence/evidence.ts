/**
 * Evidence on actions, findings and measures: links and uploaded files, who may see them, and
 * the lead's review (accept or reject with a note; accepted items may be marked ready for
 * inspectors, which puts them in the revisit evidence pack).
 *
 * Who may add: to an action, whoever may update it (its owner, the lead); to a finding, whoever
 * may edit the plan; to a measure, whoever may enter its values. The parent carer forum adds its
 * own evidence (a survey's results) to actions and findings by a path of its own ("forum.write"),
 * shared with partners or the public, never internal (the forum could not read it back). INTERNAL evidence is for those
 * who read internal material; everyone else who reads the area sees PARTNERS and PUBLIC items.
 * Anonymous visitors may download only accepted PUBLIC files of a published area.
 *
 * The lead may withdraw an item (a file that should never have been shared, say): its file is
 * deleted from storage and its link cleared, while the record stays, saying who withdrew it,
 * when and why, for everyone who could see it.
 */
import { createHash } from "node:crypto";
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { actorIn, areaScope, can, grantOf, type AreaCapability, type Viewer } from "@/server/auth/permissions";
import { AppError, forbidden } from "@/server/errors";
import { checkEvidenceFile } from "@/server/services/evidence/file-check";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import type { Visibility } from "@/server/generated/prisma/enums";
import {
  REJECT_NOTE_MESSAGE,
  type AddEvidenceLinkInput,
  type EvidenceTarget,
  type ReviewEvidenceInput,
  type SetReadyForInspectorsInput,
  type UploadEvidenceFields,
  type WithdrawEvidenceInput,
} from "@/server/schemas/evidence";
import { fieldError } from "@/server/services/core/access";
import { isOpenPlan, PLAN_ENDING, planEnding, requireNotEnded, requireOpenPlan } from "@/server/services/core/ended-plan";
import { ENDED_PLAN_STATUSES, type PlanEndingFacts } from "@/server/domain/plan-journey";
import { inTransaction, recordAudit, type Tx } from "@/server/services/core/audit";
import { newStorageKey } from "@/server/storage/keys";
import { getStorage } from "@/server/storage/storage";
import { routes } from "@/lib/routes";
import { findingTitle } from "@/lib/format/finding-title";

type Reader = Pick<ServiceContext, "db" | "viewer">;

// Targets -----------------------------------------------------------------------------------

type TargetKind = "action" | "finding" | "measure";

type ResolvedTarget = {
  kind: TargetKind;
  id: string;
  localAreaId: string;
  ownerId: string | null;
  /** "Action 2.3 Publish the local offer", for lists and audit. */
  label: string;
  /** The plan it belongs to: nothing is added to the records of an ended plan. */
  plan: PlanEndingFacts;
};

/** What adding evidence to each kind of record takes (docs/design.md section 2). */
const ADD_CAPABILITY: Record<TargetKind, AreaCapability> = {
  action: "action.update",
  finding: "plan.edit",
  measure: "measure.enterValues",
};

/** The record the evidence belongs to, if the viewer may read its area; else NOT_FOUND. */
async function findTarget(db: PrismaClient | Tx, viewer: Viewer, target: EvidenceTarget): Promise<ResolvedTarget> {
  const reader = { db, viewer };
  if (target.actionId) {
    const a = await findInArea(reader, "action", {
      where: { id: target.actionId },
      select: { id: true, localAreaId: true, ownerId: true, ref: true, title: true, finding: { select: { plan: PLAN_ENDING } } },
    });
    return { kind: "action", id: a.id, localAreaId: a.localAreaId, ownerId: a.ownerId, label: `Action ${a.ref} ${a.title}`, plan: a.finding.plan };
  }
  if (target.findingId) {
    const f = await findInArea(reader, "finding", {
      where: { id: target.findingId },
      select: { id: true, localAreaId: true, ref: true, summary: true, inspectorsWording: true, plan: PLAN_ENDING },
    });
    return { kind: "finding", id: f.id, localAreaId: f.localAreaId, ownerId: null, label: `Finding ${f.ref} ${findingTitle(f)}`, plan: f.plan };
  }
  if (target.measureId) {
    const m = await findInArea(reader, "measure", {
      where: { id: target.measureId },
      select: { id: true, localAreaId: true, ownerId: true, ref: true, name: true, plan: PLAN_ENDING },
    });
    return { kind: "measure", id: m.id, localAreaId: m.localAreaId, ownerId: m.ownerId, label: `Measure ${m.ref} ${m.name}`, plan: m.plan };
  }
  throw new AppError("INVALID", "Evidence must belong to exactly one action, finding or measure.");
}

/** "plan": the council's people, by ADD_CAPABILITY. "forum": the forum's own evidence. */
export type EvidencePath = "plan" | "forum";

function mayAddTo(viewer: Viewer, target: ResolvedTarget, path: EvidencePath = "plan"): boolean {
  if (path === "forum") return target.kind !== "measure" && can(viewer, "forum.write", target);
  return can(viewer, ADD_CAPABILITY[target.kind], target);
}

function assertMayAdd(viewer: Viewer, target: ResolvedTarget, path: EvidencePath = "plan", visibility?: Visibility) {
  if (path === "forum") {
    if (target.kind === "measure") throw new AppError("INVALID", "The forum adds its evidence to an action or a finding.");
    if (!mayAddTo(viewer, target, path)) throw forbidden("Only members of the parent carer forum can add the forum's evidence.");
    requireOpenPlan(target.plan);
    if (visibility === "INTERNAL") throw fieldError("visibility", "Share the forum's evidence with partners or the public");
    return;
  }
  if (mayAddTo(viewer, target)) return requireOpenPlan(target.plan);
  const actor = actorIn(viewer, target.localAreaId);
  const ownsSome = actor !== null && grantOf(ADD_CAPABILITY[target.kind], actor) === "own";
  throw forbidden(ownsSome ? `You can add evidence only to ${target.kind}s you own.` : `You do not have permission to add evidence to this ${target.kind}.`);
}

/** The evidence columns for a target, exactly one set. */
function targetColumns(target: ResolvedTarget) {
  return {
    actionId: target.kind === "action" ? target.id : null,
    findingId: target.kind === "finding" ? target.id : null,
    measureId: target.kind === "measure" ? target.id : null,
  };
}

// Visibility --------------------------------------------------------------------------------

const ALL_VISIBILITIES: Visibility[] = ["INTERNAL", "PARTNERS", "PUBLIC"];
const SHARED_VISIBILITIES: Visibility[] = ["PARTNERS", "PUBLIC"];

function visibilitiesFor(viewer: Viewer, localAreaId: string): Visibility[] {
  return can(viewer, "internal.read", { localAreaId }) ? ALL_VISIBILITIES : SHARED_VISIBILITIES;
}

/**
 * Evidence rows the viewer may see, as a `where`: any of the areas where they read internal
 * material, or shared evidence of the areas they read. Another area's rows are not there.
 */
function readableBy(viewer: Viewer): Prisma.EvidenceWhereInput {
  // "Every area" (NATIONAL) said as a condition: inside OR, Prisma takes an empty one to match nothing.
  const everyArea = { notIn: [] };
  return {
    OR: [
      { localAreaId: areaScope(viewer, "internal.read") ?? everyArea },
      { localAreaId: areaScope(viewer, "plan.read") ?? everyArea, visibility: { in: SHARED_VISIBILITIES } },
    ],
  };
}

/** What anyone may download: accepted public evidence of an area whose public page is published. */
const PUBLISHED: Prisma.EvidenceWhereInput = {
  visibility: "PUBLIC",
  reviewStatus: "ACCEPTED",
  localArea: { publicPagePublished: true },
};

// Reading -----------------------------------------------------------------------------------

/** What an evidence list shows of each item (also read by the finding page's evidence, findings.ts). */
export const ITEM_SELECT = {
  id: true,
  title: true,
  description: true,
  kind: true,
  url: true,
  fileName: true,
  fileSize: true,
  mimeType: true,
  storageKey: true,
  visibility: true,
  reviewStatus: true,
  reviewedAt: true,
  reviewNote: true,
  readyForInspectors: true,
  createdAt: true,
  withdrawnAt: true,
  withdrawalReason: true,
  uploadedBy: { select: { name: true } },
  reviewedBy: { select: { name: true } },
  withdrawnBy: { select: { name: true } },
} as const satisfies Prisma.EvidenceSelect;

export type EvidenceItemRow = Prisma.EvidenceGetPayload<{ select: typeof ITEM_SELECT }>;

/** The address a file is downloaded from; the route checks permission on every request. */
export const downloadPath = (id: string) => routes.evidenceFile(id);

export function toItem({ storageKey, uploadedBy, reviewedBy, withdrawnBy, withdrawnAt, withdrawalReason, ...row }: EvidenceItemRow) {
  return {
    ...row,
    file: storageKey ? { name: row.fileName ?? "evidence", size: row.fileSize ?? 0, href: downloadPath(row.id) } : null,
    uploadedBy: uploadedBy?.name ?? null,
    reviewedBy: reviewedBy?.name ?? null,
    withdrawn: withdrawnAt ? { at: withdrawnAt, by: withdrawnBy?.name ?? null, reason: withdrawalReason ?? "" } : null,
  };
}

export type EvidenceItem = ReturnType<typeof toItem>;

/** The evidence on one action, finding or measure that the viewer may see, newest first. */
export async function evidenceFor(ctx: Reader, input: EvidenceTarget) {
  const target = await findTarget(ctx.db, ctx.viewer, input);
  const rows = await ctx.db.evidence.findMany({
    where: {
      localAreaId: target.localAreaId,
      ...targetColumns(target),
      visibility: { in: visibilitiesFor(ctx.viewer, target.localAreaId) },
    },
    orderBy: { createdAt: "desc" },
    select: ITEM_SELECT,
  });
  const open = isOpenPlan(target.plan);
  const mayReview = can(ctx.viewer, "evidence.review", target);
  return {
    items: rows.map(toItem),
    viewerCanAdd: open && mayAddTo(ctx.viewer, target),
    viewerCanReview: open && mayReview,
    // Withdrawal stays open on an ended plan's records: a file that should never have been shared must still go.
    viewerCanWithdraw: mayReview,
  };
}

/** Evidence on a record of an ended plan: kept as it was, no longer reviewed. */
const ON_ENDED_PLAN: Prisma.EvidenceWhereInput = {
  OR: [
    { action: { finding: { plan: { status: { in: [...ENDED_PLAN_STATUSES] } } } } },
    { finding: { plan: { status: { in: [...ENDED_PLAN_STATUSES] } } } },
    { measure: { plan: { status: { in: [...ENDED_PLAN_STATUSES] } } } },
  ],
};

/** The lead's queue for an area: evidence nobody has reviewed yet, oldest first, with what it is for (an ended plan's is not). */
export async function evidenceAwaitingReview(ctx: Reader, slug: string) {
  const area = await findInArea(ctx, "localArea", {
    where: { slug },
    select: { id: true, name: true, slug: true },
  });
  if (!can(ctx.viewer, "evidence.review", { localAreaId: area.id })) throw forbidden();
  const rows = await ctx.db.evidence.findMany({
    where: { localAreaId: area.id, reviewStatus: "PENDING", withdrawnAt: null, NOT: ON_ENDED_PLAN },
    orderBy: { createdAt: "asc" },
    select: {
      ...ITEM_SELECT,
      action: { select: { id: true, ref: true, title: true } },
      finding: { select: { id: true, ref: true, summary: true, inspectorsWording: true } },
      measure: { select: { id: true, ref: true, name: true } },
    },
  });
  return {
    area,
    items: rows.map(({ action, finding, measure, ...row }) => ({
      ...toItem(row),
      target: action
        ? { kind: "action" as const, label: `Action ${action.ref} ${action.title}`, href: routes.action(area.slug, action.id) }
        : finding
          ? { kind: "finding" as const, label: `Finding ${finding.ref} ${findingTitle(finding)}`, href: routes.finding(area.slug, finding.id) }
          : {
              kind: "measure" as const,
              label: `Measure ${measure?.ref ?? ""} ${measure?.name ?? ""}`.trim(),
              href: measure ? routes.measure(area.slug, measure.id) : null,
            },
    })),
  };
}

// Adding ------------------------------------------------------------------------------------

const fieldsOf = (input: UploadEvidenceFields) => ({
  title: input.title,
  description: input.description ?? "",
  kind: input.kind,
  visibility: input.visibility,
});

export function addEvidenceLink(ctx: ServiceContext, input: AddEvidenceLinkInput) {
  return addLinkBy(ctx, input, "plan");
}

/** The forum's own link (a survey's results) on an action or a finding of its area. */
export function addForumEvidenceLink(ctx: ServiceContext, input: AddEvidenceLinkInput) {
  return addLinkBy(ctx, input, "forum");
}

async function addLinkBy(ctx: ServiceContext, input: AddEvidenceLinkInput, path: EvidencePath) {
  return inTransaction(ctx, async (tx) => {
    const target = await findTarget(tx, ctx.viewer, input);
    assertMayAdd(ctx.viewer, target, path, input.visibility);
    const evidence = await tx.evidence.create({
      data: { localAreaId: target.localAreaId, ...targetColumns(target), ...fieldsOf(input), url: input.url, uploadedById: ctx.viewer.userId },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: path === "forum" ? "forum.addEvidenceLink" : "evidence.addLink",
      entityType: "Evidence",
      entityId: evidence.id,
      localAreaId: target.localAreaId,
      after: { target: target.label, ...fieldsOf(input), url: input.url },
    });
    return evidence;
  });
}

export type UploadedFile = { name: string; type: string; bytes: Buffer };

/**
 * Checks the file (size, type, content), stores it under a generated key and records it. The
 * file is stored before the row is written, so a row never points at nothing; if the row cannot
 * be written, the stored file is removed again.
 */
export async function uploadEvidence(ctx: ServiceContext, input: UploadEvidenceFields, file: UploadedFile, path: EvidencePath = "plan") {
  // Permission first: someone who may not add here learns nothing about their file.
  const target = await findTarget(ctx.db, ctx.viewer, input);
  assertMayAdd(ctx.viewer, target, path, input.visibility);

  const checked = await checkEvidenceFile(file);
  if (!checked.ok) throw fieldError("file", checked.message);

  const sha256 = createHash("sha256").update(file.bytes).digest("hex");
  const storageKey = newStorageKey(sha256);
  const storage = getStorage();
  await storage.put(storageKey, file.bytes, checked.mimeType);

  const stored = { fileName: checked.displayName, fileSize: file.bytes.length, mimeType: checked.mimeType, sha256 };
  try {
    return await inTransaction(ctx, async (tx) => {
      const evidence = await tx.evidence.create({
        data: {
          localAreaId: target.localAreaId,
          ...targetColumns(target),
          ...fieldsOf(input),
          ...stored,
          storageKey,
          uploadedById: ctx.viewer.userId,
        },
        select: { id: true },
      });
      await recordAudit(tx, ctx, {
        action: path === "forum" ? "forum.uploadEvidence" : "evidence.upload",
        entityType: "Evidence",
        entityId: evidence.id,
        localAreaId: target.localAreaId,
        after: { target: target.label, ...fieldsOf(input), ...stored },
      });
      return evidence;
    });
  } catch (error) {
    await storage.delete(storageKey).catch((cleanup: unknown) => {
      console.error(`[evidence] could not remove ${storageKey} after a failed save:`, cleanup);
    });
    throw error;
  }
}

// Review ------------------------------------------------------------------------------------

const REVIEW_STATE = { reviewStatus: true, reviewNote: true, readyForInspectors: true } as const;

/**
 * The evidence, for someone who may review it (the lead of its area, who reads all of it), with
 * how the plan of the record it hangs on ended, when it has (`ended`).
 */
async function findForReview(tx: Tx, viewer: Viewer, id: string) {
  const { action, finding, measure, ...evidence } = await findInArea({ db: tx, viewer }, "evidence", {
    where: { id },
    select: {
      id: true,
      localAreaId: true,
      ...REVIEW_STATE,
      action: { select: { finding: { select: { plan: PLAN_ENDING } } } },
      finding: { select: { plan: PLAN_ENDING } },
      measure: { select: { plan: PLAN_ENDING } },
    },
  });
  if (!can(viewer, "evidence.review", evidence)) throw forbidden();
  const plan = action?.finding.plan ?? finding?.plan ?? measure?.plan;
  return { evidence, ended: plan ? planEnding(plan) : null };
}

export async function reviewEvidence(ctx: ServiceContext, input: ReviewEvidenceInput) {
  const note = input.note?.trim() || null;
  if (input.decision === "REJECTED" && !note) throw fieldError("note", REJECT_NOTE_MESSAGE);
  return inTransaction(ctx, async (tx) => {
    const { evidence, ended } = await findForReview(tx, ctx.viewer, input.id);
    requireNotEnded(ended);
    const { id, localAreaId, ...before } = evidence;
    const after = await tx.evidence.update({
      where: { id },
      data: {
        reviewStatus: input.decision,
        reviewNote: note,
        reviewedById: ctx.viewer.userId,
        reviewedAt: new Date(),
        // Rejected evidence cannot stay in the inspectors' pack.
        ...(input.decision === "REJECTED" ? { readyForInspectors: false } : {}),
      },
      select: REVIEW_STATE,
    });
    await recordAudit(tx, ctx, { action: "evidence.review", entityType: "Evidence", entityId: id, localAreaId, before, after });
    return { id, ...after };
  });
}

export async function setReadyForInspectors(ctx: ServiceContext, input: SetReadyForInspectorsInput) {
  return inTransaction(ctx, async (tx) => {
    const { evidence, ended } = await findForReview(tx, ctx.viewer, input.id);
    requireNotEnded(ended);
    const { id, localAreaId, ...before } = evidence;
    if (input.ready && before.reviewStatus !== "ACCEPTED") {
      throw new AppError("INVALID", "Only accepted evidence can be marked ready for inspectors: accept it first.");
    }
    const after = await tx.evidence.update({ where: { id }, data: { readyForInspectors: input.ready }, select: REVIEW_STATE });
    await recordAudit(tx, ctx, { action: "evidence.setReady", entityType: "Evidence", entityId: id, localAreaId, before, after });
    return { id, ...after };
  });
}

// Withdrawal --------------------------------------------------------------------------------

/**
 * The lead withdraws an item: the record keeps its title and says who withdrew it, when and why;
 * the stored file is deleted, and the file's name and the link are cleared (either may name a
 * child or a family). The record changes first, in one transaction with its audit event, so the
 * file is never offered again once the change commits; then the file is deleted. A failure to
 * delete is logged for the operator and leaves no way to reach the file, since nothing points at it.
 */
export async function withdrawEvidence(ctx: ServiceContext, input: WithdrawEvidenceInput) {
  const reason = input.reason.trim();
  if (!reason) throw fieldError("reason", "Enter why the evidence is withdrawn");
  const now = new Date();
  const { result, storageKey } = await inTransaction(ctx, async (tx) => {
    // An ended plan's evidence may still be withdrawn (see evidenceFor).
    const { id, localAreaId } = (await findForReview(tx, ctx.viewer, input.id)).evidence;
    const before = await tx.evidence.findUniqueOrThrow({
      where: { id },
      select: { title: true, url: true, fileName: true, fileSize: true, sha256: true, storageKey: true, withdrawnAt: true, readyForInspectors: true },
    });
    if (before.withdrawnAt) throw new AppError("CONFLICT", "This evidence has already been withdrawn.");
    const after = await tx.evidence.update({
      where: { id },
      data: {
        withdrawnAt: now,
        withdrawnById: ctx.viewer.userId,
        withdrawalReason: reason,
        url: null,
        fileName: null,
        fileSize: null,
        mimeType: null,
        sha256: null,
        storageKey: null,
        fileDeletedAt: before.storageKey ? now : null,
        // Nothing withdrawn goes to inspectors.
        readyForInspectors: false,
      },
      select: { id: true, withdrawnAt: true, withdrawalReason: true, fileDeletedAt: true, readyForInspectors: true },
    });
    const key = before.storageKey;
    await recordAudit(tx, ctx, {
      action: "evidence.withdraw",
      entityType: "Evidence",
      entityId: id,
      localAreaId,
      // Which file was deleted is known by its hash; the name and link are not kept here either.
      before: { title: before.title, hadFile: key !== null, hadLink: before.url !== null, sha256: before.sha256, readyForInspectors: before.readyForInspectors },
      after: { withdrawnAt: after.withdrawnAt, reason, fileDeleted: key !== null },
    });
    return { result: after, storageKey: key };
  });
  if (storageKey) {
    await getStorage()
      .delete(storageKey)
      .catch((error: unknown) => console.error(`[evidence] ${result.id}: withdrawn, but the stored file ${storageKey} could not be deleted:`, error));
  }
  return result;
}

// Downloads ---------------------------------------------------------------------------------

export type EvidenceFile = { bytes: Buffer; mimeType: string; fileName: string };

/**
 * A stored file, for the download route: null when it does not exist or the viewer (null:
 * anonymous) may not see it, which the route answers alike, so nobody learns which.
 */
export async function evidenceFile(ctx: { db: PrismaClient; viewer: Viewer | null }, id: string): Promise<EvidenceFile | null> {
  const row = await ctx.db.evidence.findFirst({
    where: { id, storageKey: { not: null }, OR: ctx.viewer ? [readableBy(ctx.viewer), PUBLISHED] : [PUBLISHED] },
    select: { storageKey: true, fileName: true, mimeType: true, sha256: true },
  });
  if (!row?.storageKey) return null;
  const bytes = await getStorage().get(row.storageKey);
  if (!bytes) {
    console.error(`[evidence] ${id}: the stored file ${row.storageKey} is missing`);
    return null;
  }
  // Serve exactly what was checked at upload, or nothing.
  if (row.sha256 && createHash("sha256").update(bytes).digest("hex") !== row.sha256) {
    throw new Error(`Evidence ${id}: the stored file does not match its SHA-256`);
  }
  return { bytes, mimeType: row.mimeType ?? "application/octet-stream", fileName: row.fileName ?? "evidence" };
}
