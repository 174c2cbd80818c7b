/**
 * What the session carries about the signed-in person: id, global role and memberships. Read
 * fresh from the database on every request, so a revoked membership or a disabled account takes
 * effect at once rather than when a token expires.
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

export async function loadSessionUser(db: PrismaClient, userId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      globalRole: true,
      disabledAt: true,
      memberships: {
        select: { role: true, localArea: { select: { id: true, slug: true, name: true } } },
        orderBy: { localArea: { name: "asc" } },
      },
    },
  });
  if (!user || user.disabledAt) return null;
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
