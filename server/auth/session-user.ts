/**
 * What the session carries about the signed-in person: id, global role and memberships. Read
 * fresh from the database on every request, so a revoked membership or a disabled account takes
 * effect at once rather than when a token expires. The same statement (relationJoins) asks
 * whether this session was ended on the server: signed out (RevokedSession) or begun before
 * "sign out everywhere" (User.sessionsValidAfter), so ending sessions costs no query of its own.
 */
import type { AreaRole, GlobalRole } from "@/server/generated/prisma/enums";
import type { PrismaClient } from "@/server/generated/prisma/client";

export type SessionMembership = { localAreaId: string; slug: string; name: string; role: AreaRole };

export type SessionUser = {
  id: string;
  email: string | null;
  name: string | null;
  globalRole: GlobalRole | null;
  memberships: SessionMembership[];
};

/** The session being checked: its id and when it began (session-clock.ts). */
export type SessionRef = { sid: string; signedInAt: number };

/**
 * The person behind a session, or null when they may not have one: disabled, deleted, or (with
 * `session`) this session ended on the server. Without `session` (tests and the walk acting as
 * someone) only the account is checked.
 */
export async function loadSessionUser(db: PrismaClient, userId: string, session?: SessionRef): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      globalRole: true,
      disabledAt: true,
      sessionsValidAfter: true,
      revokedSessions: { where: { jti: session?.sid ?? "" }, select: { jti: true }, take: 1 },
      memberships: {
        select: { role: true, localArea: { select: { id: true, slug: true, name: true } } },
        orderBy: { localArea: { name: "asc" } },
      },
    },
  });
  if (!user || user.disabledAt) return null;
  if (session && (user.revokedSessions.length > 0 || (user.sessionsValidAfter && session.signedInAt <= user.sessionsValidAfter.getTime()))) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    globalRole: user.globalRole,
    memberships: user.memberships.map((m) => ({
      localAreaId: m.localArea.id,
      slug: m.localArea.slug,
      name: m.localArea.name,
      role: m.role,
    })),
  };
}
