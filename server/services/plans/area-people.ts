/**
 * "People and roles": who holds a role in an area, and the recent changes to those roles, for the
 * area's leads. Roles are given and taken away by administrators (server/services/admin/admin.ts),
 * who are not members of the area; showing every change to the leads keeps those duties apart
 * and in view: nobody changes who may act in an area without the area seeing it.
 *
 * The changes are read from the audit trail, which every membership change writes in its own
 * transaction, so this list cannot miss one that happened.
 */
import type { ServiceContext } from "@/server/services/core/context";
import type { AreaRole } from "@/server/generated/prisma/enums";
import { areaBySlug } from "@/server/services/core/access";

/** How many changes the section shows: the recent ones, not the whole history. */
export const RECENT_MEMBERSHIP_CHANGES = 20;

export const MEMBERSHIP_ACTIONS = ["membership.grant", "membership.revoke"] as const;

/** What a membership audit event holds, as admin.ts writes it. */
type MembershipSide = { userId?: string; role?: AreaRole } | null;

function sideOf(value: unknown): MembershipSide {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  return { userId: typeof v.userId === "string" ? v.userId : undefined, role: typeof v.role === "string" ? (v.role as AreaRole) : undefined };
}

export async function areaPeople(ctx: ServiceContext, slug: string) {
  const area = await areaBySlug(ctx, slug, "area.manageMembers");
  const [members, events] = await Promise.all([
    ctx.db.membership.findMany({
      where: { localAreaId: area.id },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      select: {
        id: true,
        role: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true, disabledAt: true, organisation: { select: { name: true } } } },
      },
    }),
    ctx.db.auditEvent.findMany({
      where: { localAreaId: area.id, action: { in: [...MEMBERSHIP_ACTIONS] } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: RECENT_MEMBERSHIP_CHANGES,
      select: { id: true, at: true, action: true, before: true, after: true, actor: { select: { name: true, email: true } } },
    }),
  ]);
  const changes = events.map((e) => {
    const before = sideOf(e.before);
    const after = e.action === "membership.revoke" ? null : sideOf(e.after);
    return { id: e.id, at: e.at, userId: after?.userId ?? before?.userId ?? null, from: before?.role ?? null, to: after?.role ?? null, by: e.actor };
  });
  // The people the changes name, in one query: some may hold no role here any more.
  const ids = [...new Set(changes.map((c) => c.userId).filter((id): id is string => id !== null))];
  const people = ids.length ? await ctx.db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const nameOf = (p: { name: string | null; email: string | null } | null | undefined) => p?.name ?? p?.email ?? null;
  return {
    area,
    members: members.map((m) => ({
      id: m.id,
      role: m.role,
      since: m.createdAt,
      name: nameOf(m.user) ?? "A person without a name",
      organisation: m.user.organisation?.name ?? null,
      disabled: m.user.disabledAt !== null,
    })),
    changes: changes.map(({ userId, by, ...c }) => ({
      ...c,
      kind: c.to === null ? ("REMOVED" as const) : c.from === null ? ("GIVEN" as const) : ("CHANGED" as const),
      person: nameOf(people.find((p) => p.id === userId)) ?? "A person no longer in Headway",
      by: nameOf(by) ?? "Headway's command line",
    })),
  };
}
