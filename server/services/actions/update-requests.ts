/**
 * Update requests: a plan lead asks someone without an account (a school SENCO, a partner's
 * manager) for one update on one action. The link carries a random token; the database keeps only
 * its SHA-256, so a copy of the table opens nothing. The link works once, for that action, for 14
 * days, and the update it brings waits for the lead's acknowledgement like any other.
 *
 * Sending is held to "evidence.review" (LEAD only): asking outsiders to report on an action is
 * part of checking updates, which is the lead's job, and "plan.edit" is about the plan's wording.
 * The list of requests is held to "internal.read": it holds partners' email addresses, which the
 * forum has no need to see. A lead may withdraw a link that has not been used (a wrong address, a
 * partner who has left): it then opens nothing, and its page says it was withdrawn.
 */
import { createHash, randomBytes } from "node:crypto";
import { absoluteUrl, routes } from "@/lib/routes";
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import type { Viewer } from "@/server/auth/permissions";
import { sendEmail } from "@/server/email/mailer";
import { updateRequestEmail } from "@/server/email/update-request";
import { env } from "@/server/env.js";
import { AppError } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { PostViaUpdateRequestInput, SendUpdateRequestInput } from "@/server/schemas/update-request";
import { fieldError, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Db } from "@/server/services/core/audit";
import { recordUpdate, UPDATABLE_ACTION } from "@/server/services/actions/check-ins";
import { PLAN_ENDING, planEnding, requireOpenPlan } from "@/server/services/core/ended-plan";
import { today } from "@/server/services/core/today";

export const UPDATE_REQUEST_LIFETIME_DAYS = 14;
const DAY_MS = 86_400_000;

/** 32 random bytes, as they travel in the link. */
export function newUpdateRequestToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token. Looking up by hash also means no timing leak on the token itself. */
export function hashUpdateRequestToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Where the link points: the site's own address (NEXTAUTH_URL), as in sign-in emails. */
function updateRequestUrl(token: string): string {
  const base = env.NEXTAUTH_URL ?? (env.NODE_ENV === "production" ? null : "http://localhost:3000");
  if (!base) throw new Error("Set NEXTAUTH_URL to the site's address: update request emails link to it.");
  return absoluteUrl(base, routes.updateRequest(token));
}

export type UpdateRequestState = "WAITING" | "USED" | "REVOKED" | "EXPIRED";

export function updateRequestState(request: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): UpdateRequestState {
  if (request.usedAt) return "USED";
  if (request.revokedAt) return "REVOKED";
  return request.expiresAt <= now ? "EXPIRED" : "WAITING";
}

export async function sendUpdateRequest(ctx: ServiceContext, input: SendUpdateRequestInput, now = today()) {
  const action = await findInArea(ctx, "action", {
    where: { id: input.actionId },
    select: { id: true, localAreaId: true, ref: true, title: true, localArea: { select: { name: true } }, finding: { select: { plan: PLAN_ENDING } } },
  });
  requireCan(ctx, "evidence.review", action, "Only the plan lead can ask someone for an update.");
  requireOpenPlan(action.finding.plan);
  // The organisation named must be one the area works with (its own, or a national body).
  const organisationId = input.organisationId || null;
  if (organisationId) {
    const known = await ctx.db.organisation.count({ where: { id: organisationId, OR: [{ localAreaId: action.localAreaId }, { localAreaId: null }] } });
    if (!known) throw fieldError("organisationId", "Choose one of the organisations listed");
  }
  const sender = await ctx.db.user.findUnique({ where: { id: ctx.viewer.userId }, select: { name: true, email: true } });
  const token = newUpdateRequestToken();
  const expiresAt = new Date(now.getTime() + UPDATE_REQUEST_LIFETIME_DAYS * DAY_MS);
  // The email goes first, outside the transaction (SMTP may be slow): if it cannot be sent, nothing
  // is saved and the lead tries again. The link exists only in the email, so a request saved without
  // its email could never be used.
  await sendEmail(
    updateRequestEmail({
      to: input.email,
      url: updateRequestUrl(token),
      senderName: sender?.name ?? sender?.email ?? "The plan lead",
      areaName: action.localArea.name,
      action: { ref: action.ref, title: action.title },
      message: input.message,
      expiresAt,
    }),
  );
  return inTransaction(ctx, async (tx) => {
    const request = await tx.updateRequest.create({
      data: {
        localAreaId: action.localAreaId,
        actionId: action.id,
        email: input.email,
        organisationId,
        message: input.message,
        tokenHash: hashUpdateRequestToken(token),
        sentById: ctx.viewer.userId,
        expiresAt,
        createdAt: now,
      },
      select: { id: true, email: true, message: true, expiresAt: true, createdAt: true },
    });
    await recordAudit(tx, ctx, {
      action: "updateRequest.send",
      entityType: "UpdateRequest",
      entityId: request.id,
      localAreaId: action.localAreaId,
      after: { actionId: action.id, email: request.email, organisationId, message: request.message, expiresAt },
    });
    return request;
  });
}

/** The requests sent on one action, newest first, with where each stands. */
export async function listUpdateRequests(ctx: ServiceContext, actionId: string, now = today()) {
  const action = await findInArea(ctx, "action", {
    where: { id: actionId },
    select: { id: true, localAreaId: true },
  });
  requireCan(ctx, "internal.read", action, "Your role does not include the people asked for updates.");
  const requests = await ctx.db.updateRequest.findMany({
    where: { actionId: action.id, localAreaId: action.localAreaId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      message: true,
      createdAt: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      sentBy: { select: { name: true } },
    },
  });
  return requests.map((r) => ({ ...r, state: updateRequestState(r, now) }));
}

const NOT_WAITING: Record<Exclude<UpdateRequestState, "WAITING">, string> = {
  USED: "This link has already been used to send an update, so there is nothing to withdraw.",
  REVOKED: "This link has already been withdrawn.",
  EXPIRED: "This link has expired, so there is nothing to withdraw.",
};

/**
 * Withdraws an unused link: the lead's, as sending is. The write is conditional (unused, not
 * withdrawn), so a partner posting at the same moment either gets in first (and the link is used)
 * or is refused: never both.
 */
export async function revokeUpdateRequest(ctx: ServiceContext, id: string, now = today()) {
  const request = await findInArea(ctx, "updateRequest", {
    where: { id },
    select: { id: true, localAreaId: true, actionId: true, email: true },
  });
  requireCan(ctx, "evidence.review", request, "Only the plan lead can withdraw an update request.");
  return inTransaction(ctx, async (tx) => {
    const { count } = await tx.updateRequest.updateMany({
      where: { id: request.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    if (count !== 1) {
      const current = await tx.updateRequest.findUniqueOrThrow({ where: { id: request.id }, select: { usedAt: true, revokedAt: true, expiresAt: true } });
      const state = updateRequestState(current, now);
      throw new AppError("CONFLICT", state === "WAITING" ? NOT_WAITING.REVOKED : NOT_WAITING[state]);
    }
    await recordAudit(tx, ctx, {
      action: "updateRequest.revoke",
      entityType: "UpdateRequest",
      entityId: request.id,
      localAreaId: request.localAreaId,
      before: { state: "WAITING" },
      after: { actionId: request.actionId, email: request.email, revokedAt: now },
    });
    return { id: request.id, state: "REVOKED" as const };
  });
}

/**
 * What the link's page shows. Only what the person asked needs: the action, its finding in plain
 * English, the lead's message and where the action stands; no owner, no internal evidence.
 */
export async function updateRequestByToken(db: Db, token: string, now = today()) {
  const request = await db.updateRequest.findUnique({
    where: { tokenHash: hashUpdateRequestToken(token) },
    select: {
      message: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      localArea: { select: { name: true } },
      action: {
        select: {
          ref: true,
          title: true,
          status: true,
          progress: true,
          finding: { select: { ref: true, summary: true, inspectorsWording: true, plan: PLAN_ENDING } },
        },
      },
    },
  });
  if (!request) return { state: "INVALID" as const };
  const state = updateRequestState(request, now);
  const { plan, ...finding } = request.action.finding;
  const action = { ...request.action, finding };
  const sentFrom = { areaName: request.localArea.name, actionRef: action.ref };
  if (state === "USED") return { state: "USED" as const, ...sentFrom, expiresAt: request.expiresAt };
  if (state === "REVOKED") return { state: "REVOKED" as const, ...sentFrom, expiresAt: request.expiresAt };
  if (state === "EXPIRED") return { state: "EXPIRED" as const, ...sentFrom, expiresAt: request.expiresAt };
  // The plan the action belongs to has ended since the link was sent: nothing more is taken on it.
  if (planEnding(plan)) return { state: "ENDED" as const, ...sentFrom, expiresAt: request.expiresAt };
  return {
    state: "WAITING" as const,
    ...sentFrom,
    expiresAt: request.expiresAt,
    message: request.message,
    action,
  };
}

/** Why a link to an action of an ended plan is refused: the partner cannot go to the current plan themselves. */
const PLAN_ENDED_FOR_LINK = "The plan this action belonged to has ended, so it takes no more updates. Nothing was sent. Ask the person who sent the link what to do next.";

/** Why a link that is no longer usable is refused, in words for the page. */
async function refusalFor(db: Db, tokenHash: string, now: Date): Promise<AppError> {
  const request = await db.updateRequest.findUnique({ where: { tokenHash }, select: { usedAt: true, revokedAt: true, expiresAt: true } });
  if (!request) return new AppError("NOT_FOUND", "This link is not valid. Ask the person who sent it for a new link.");
  const state = updateRequestState(request, now);
  if (state === "USED") return new AppError("CONFLICT", "This link has already been used to send an update. Ask the person who sent it for a new link.");
  if (state === "REVOKED") return new AppError("CONFLICT", "This link has been withdrawn by the person who sent it. Nothing was sent.");
  return new AppError("CONFLICT", "This link has expired. Ask the person who sent it for a new link.");
}

/**
 * Posts the update the link was sent for. The request is claimed first with a conditional write
 * (unused, unexpired), so two submissions at once post one update. The update has no author: the
 * timeline names the address the request went to. The audit event's actor is whoever is signed in
 * on that browser, usually nobody.
 */
export async function postViaUpdateRequest(
  ctx: { db: PrismaClient; requestId: string; viewer: Viewer | null },
  input: PostViaUpdateRequestInput,
  now = today(),
) {
  const tokenHash = hashUpdateRequestToken(input.token);
  return inTransaction(ctx, async (tx) => {
    const { count } = await tx.updateRequest.updateMany({
      where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) throw await refusalFor(tx, tokenHash, now);
    const request = await tx.updateRequest.findUniqueOrThrow({
      where: { tokenHash },
      select: { id: true, email: true, localArea: { select: { name: true } }, action: { select: UPDATABLE_ACTION } },
    });
    // Thrown inside the transaction, so the link stays unused: its claim above is undone.
    if (planEnding(request.action.finding.plan)) throw new AppError("CONFLICT", PLAN_ENDED_FOR_LINK);
    const update = await recordUpdate(
      tx,
      ctx,
      request.action,
      { narrative: input.narrative, progress: input.progress, status: input.status },
      { authorId: null, audit: { via: "updateRequest", updateRequestId: request.id, email: request.email } },
    );
    await tx.updateRequest.update({ where: { id: request.id }, data: { updateId: update.id } });
    return { areaName: request.localArea.name };
  });
}
