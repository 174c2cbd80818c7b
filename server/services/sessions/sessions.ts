/**
 * Ending sessions on the server. A session is a JWT the browser holds, so ending it means
 * recording what the session check (server/auth/session-user.ts) refuses: one session's id when
 * its person signs out, or "every session begun until now" for "sign out everywhere".
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { inTransaction, recordAudit } from "@/server/services/core/audit";
import type { ServiceContext } from "@/server/services/core/context";

/**
 * Signing out: this session's id is refused until `endsAt` (its lifetime's end, after which the
 * token is refused anyway). Revocations already past their end are swept away here, so the
 * table holds only live ones without a job of its own.
 */
export async function revokeSession(db: PrismaClient, session: { userId: string; sid: string; endsAt: Date }, now = new Date()) {
  await inTransaction({ db }, async (tx) => {
    await tx.revokedSession.createMany({ data: [{ jti: session.sid, userId: session.userId, expiresAt: session.endsAt }], skipDuplicates: true });
    await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
    // next-auth's sign-out has no request id of its own to tie this to.
    await recordAudit(tx, { viewer: { userId: session.userId }, requestId: randomUUID() }, { action: "session.signOut", entityType: "User", entityId: session.userId });
  });
}

/** Ends every session the viewer has, this one included: each must sign in again. */
export async function signOutEverywhere(ctx: ServiceContext, now = new Date()): Promise<{ sessionsValidAfter: Date }> {
  const userId = ctx.viewer.userId;
  return inTransaction(ctx, async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionsValidAfter: true } });
    const after = await tx.user.update({ where: { id: userId }, data: { sessionsValidAfter: now }, select: { sessionsValidAfter: true } });
    await recordAudit(tx, ctx, { action: "session.signOutEverywhere", entityType: "User", entityId: userId, before, after });
    return { sessionsValidAfter: now };
  });
}
