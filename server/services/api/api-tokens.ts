/**
 * API tokens: how the area's own systems (a SEN2 return, a data warehouse) reach Headway's HTTP
 * API (/api/v1) without a browser session. A plan lead makes one for their area, an administrator
 * for any area; it has a name, scopes and a last day, and its secret ("hw_" and 32 random bytes)
 * is shown once: the database keeps only its SHA-256, so a copy of the table opens nothing (the
 * secret has 256 bits of its own: a fast hash is enough, nobody can guess their way to one).
 *
 * A token acts in its one area as the plan lead would, within its scopes, and as the person who
 * made it: values it sends are entered by them, and every audit event of its requests names them
 * and the token. It stops working when revoked, after its last day, and as soon as the person who
 * made it is no longer the area's plan lead or an administrator (or their account is disabled).
 */
import { createHash, randomBytes } from "node:crypto";
import { addDays, fromDay, toDay, utcDay } from "@/lib/calendar";
import { formatDate } from "@/lib/format/dates";
import { can, canGlobally, noteCapabilityCheck, type Viewer } from "@/server/auth/permissions";
import { forbidden, notFound } from "@/server/errors";
import type { ApiTokenScope } from "@/server/generated/prisma/enums";
import { API_SCOPES, MAX_TOKEN_DAYS, scopeName, TOKEN_PREFIX, type ApiScopeName, type CreateApiTokenInput } from "@/server/schemas/api-token";
import { fieldError } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Db } from "@/server/services/core/audit";
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { today } from "@/server/services/core/today";

/** "hw_" and 32 random bytes as base64url: 46 characters. */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** What the database keeps of a token. Looking it up by its hash also means no timing leak on the token itself. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** How much of the secret is kept in the clear, so a person can tell their tokens apart: "hw_" and 4 characters. */
const SHOWN_CHARACTERS = TOKEN_PREFIX.length + 4;

/** What the form suggests: long enough not to be a chore, short enough to be reviewed each quarter. */
const SUGGESTED_DAYS = 90;

export type ApiTokenState = "ACTIVE" | "REVOKED" | "EXPIRED" | "INACTIVE";

/** Whether the person who made a token may still lend it their permission: the area's plan lead, or an administrator. */
type Maker = { disabledAt: Date | null; globalRole: string | null; memberships: { role: string }[] } | null;
const makerMayAct = (maker: Maker) => !!maker && !maker.disabledAt && (maker.globalRole === "ADMIN" || maker.memberships.some((m) => m.role === "LEAD"));

export function apiTokenState(token: { revokedAt: Date | null; expiresAt: Date }, maker: Maker, now: Date): ApiTokenState {
  if (token.revokedAt) return "REVOKED";
  if (token.expiresAt <= now) return "EXPIRED";
  return makerMayAct(maker) ? "ACTIVE" : "INACTIVE";
}

/** The maker's standing in the token's area, read with the token. */
const makerIn = (localAreaId: string) =>
  ({ select: { id: true, name: true, disabledAt: true, globalRole: true, memberships: { where: { localAreaId }, select: { role: true } } } }) as const;

/**
 * Who may manage an area's tokens: its plan lead (apiToken.manage in the table), or an
 * administrator, for any area. An administrator finds every area; anyone else only areas they may
 * read, another's being "not found".
 */
async function areaForTokens(ctx: ServiceContext, where: { slug: string } | { id: string }) {
  const admin = canGlobally(ctx.viewer, "admin.manage");
  const select = { id: true, name: true, slug: true } as const;
  const area = admin ? await ctx.db.localArea.findFirst({ where, select }) : await findInArea(ctx, "localArea", { where, select });
  if (!area) throw notFound("That local area");
  requireTokenManager(ctx.viewer, area.id, admin);
  return area;
}

function requireTokenManager(viewer: Viewer, localAreaId: string, admin: boolean) {
  // An administrator holds it everywhere; the check is still the table's capability, so the
  // procedure walk sees it enforced whoever calls.
  const granted = admin || can(viewer, "apiToken.manage", { localAreaId });
  noteCapabilityCheck({ how: "require", capability: "apiToken.manage", granted });
  if (!granted) throw forbidden("Only the plan lead or an administrator can manage the area's API tokens.");
}

/** The area's tokens, newest first, with where each stands: for the tokens page. */
export async function listApiTokens(ctx: ServiceContext, slug: string, now = today()) {
  const area = await areaForTokens(ctx, { slug });
  const tokens = await ctx.db.apiToken.findMany({
    where: { localAreaId: area.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      scopes: true,
      prefix: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: makerIn(area.id),
      revokedBy: { select: { name: true } },
    },
  });
  const first = addDays(utcDay(now), 1);
  return {
    area,
    tokens: tokens.map(({ createdBy, revokedBy, scopes, ...t }) => ({
      ...t,
      scopes: scopes.map(scopeName),
      createdBy: createdBy ? { name: createdBy.name } : null,
      revokedBy: revokedBy ? { name: revokedBy.name } : null,
      /** The last day it works: it stops at the end of that day (UTC). */
      lastDay: addDays(t.expiresAt, -1),
      state: apiTokenState(t, createdBy, now),
    })),
    /** The last days the form offers: from tomorrow to a year ahead, "yyyy-mm-dd"; it suggests three months. */
    lastDayRange: {
      min: fromDay(first),
      max: fromDay(addDays(utcDay(now), MAX_TOKEN_DAYS)),
      suggested: fromDay(addDays(utcDay(now), SUGGESTED_DAYS)),
    },
  };
}

/**
 * Makes a token. The secret is in the answer and nowhere else: it cannot be shown again. The
 * token works until the end of its last day (UTC), which is after today and at most a year ahead.
 */
export async function createApiToken(ctx: ServiceContext, input: CreateApiTokenInput, now = today()) {
  const area = await areaForTokens(ctx, { slug: input.slug });
  const lastDay = toDay(input.expiresOn);
  const day = utcDay(now);
  if (lastDay <= day) throw fieldError("expiresOn", "The last day must be after today");
  if (lastDay > addDays(day, MAX_TOKEN_DAYS)) {
    throw fieldError("expiresOn", `The last day must be within a year: ${formatDate(addDays(day, MAX_TOKEN_DAYS))} at the latest`);
  }
  const secret = newApiToken();
  const scopes = [...new Set(input.scopes)].map((s) => API_SCOPES[s].code);
  const expiresAt = addDays(lastDay, 1);
  return inTransaction(ctx, async (tx) => {
    const token = await tx.apiToken.create({
      data: {
        localAreaId: area.id,
        name: input.name,
        scopes,
        tokenHash: hashApiToken(secret),
        prefix: secret.slice(0, SHOWN_CHARACTERS),
        createdById: ctx.viewer.userId,
        expiresAt,
      },
      select: { id: true, name: true, prefix: true, expiresAt: true, createdAt: true },
    });
    // Never the secret or its hash: the audit trail is read by more people than the token's maker.
    await recordAudit(tx, ctx, {
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: token.id,
      localAreaId: area.id,
      after: { name: token.name, scopes: scopes.map(scopeName), prefix: token.prefix, expiresAt: token.expiresAt },
    });
    return { id: token.id, name: token.name, prefix: token.prefix, scopes: scopes.map(scopeName), lastDay, secret };
  });
}

/** Revokes a token: it is refused from the next request on. Revoking one already revoked changes nothing. */
export async function revokeApiToken(ctx: ServiceContext, id: string, now = new Date()) {
  const admin = canGlobally(ctx.viewer, "admin.manage");
  const select = { id: true, localAreaId: true, name: true, revokedAt: true } as const;
  const token = admin ? await ctx.db.apiToken.findUnique({ where: { id }, select }) : await findInArea(ctx, "apiToken", { where: { id }, select });
  if (!token) throw notFound("That API token");
  requireTokenManager(ctx.viewer, token.localAreaId, admin);
  return inTransaction(ctx, async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedById: ctx.viewer.userId } });
    const after = await tx.apiToken.findUniqueOrThrow({ where: { id }, select: { revokedAt: true } });
    await recordAudit(tx, ctx, {
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: id,
      localAreaId: token.localAreaId,
      before: { name: token.name, revokedAt: token.revokedAt },
      after: { name: token.name, revokedAt: after.revokedAt, alreadyRevoked: count === 0 },
    });
    return { id, revokedAt: after.revokedAt! };
  });
}

// ---------------------------------------------------------------------------------------------
// Using a token
// ---------------------------------------------------------------------------------------------

/** A token that may be used: who it acts as, where, and what it may do. */
export type TokenUse = {
  token: { id: string; name: string; scopes: ApiScopeName[]; area: { id: string; slug: string; name: string } };
  /** The token's maker, acting as the area's plan lead in that area only. */
  viewer: Viewer;
};

export type TokenRefusal = { refused: "missing" | "malformed" | "unknown" | "revoked" | "expired" | "inactive" };

/** The bearer token of an Authorization header: "Bearer hw_..." (the scheme in any case), or why there is none. */
export function bearerToken(header: string | null): string | TokenRefusal {
  if (!header?.trim()) return { refused: "missing" };
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match) return { refused: "malformed" };
  const token = match[1]!;
  // The shape a token has, checked before any query: anything else was never one.
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) return { refused: "unknown" };
  return token;
}

/** Only a minute's precision is kept of a token's last use: one write a minute at most, not one per request. */
const LAST_USE_PRECISION_MS = 60_000;

/**
 * The token a request carries, if it may act now: known, not revoked, not past its last day, and
 * its maker still the area's plan lead or an administrator. Notes its use (to the minute).
 */
export async function useApiToken(db: Db, header: string | null, now = new Date()): Promise<TokenUse | TokenRefusal> {
  const bearer = bearerToken(header);
  if (typeof bearer !== "string") return bearer;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(bearer) },
    select: {
      id: true,
      name: true,
      scopes: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      localArea: { select: { id: true, slug: true, name: true } },
      createdBy: { select: { id: true, disabledAt: true, globalRole: true, memberships: { select: { localAreaId: true, role: true } } } },
    },
  });
  if (!found) return { refused: "unknown" };
  const maker = found.createdBy && { ...found.createdBy, memberships: found.createdBy.memberships.filter((m) => m.localAreaId === found.localArea.id) };
  const state = apiTokenState(found, maker, now);
  if (state !== "ACTIVE") return { refused: state === "REVOKED" ? "revoked" : state === "EXPIRED" ? "expired" : "inactive" };
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= LAST_USE_PRECISION_MS) {
    await db.apiToken.updateMany({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return {
    token: { id: found.id, name: found.name, scopes: found.scopes.map(scopeName), area: found.localArea },
    viewer: { userId: maker!.id, globalRole: null, memberships: [{ localAreaId: found.localArea.id, role: "LEAD" }] },
  };
}

export const hasScope = (use: TokenUse, scope: ApiScopeName) => use.token.scopes.includes(scope);

/** The scope codes a test or a script gives a token it makes directly. */
export const scopeCodes = (names: readonly ApiScopeName[]): ApiTokenScope[] => names.map((n) => API_SCOPES[n].code);
