/**
 * The two steps every area service takes: find the record inside the areas the viewer may read
 * (so another area's record is simply not found), then check the capability on what was found.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { can, noteCapabilityCheck, type AreaCapability } from "@/server/auth/permissions";
import { AppError, forbidden } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { Db } from "@/server/services/core/audit";
import { ENDED_PLAN_STATUSES } from "@/server/domain/plan-journey";

/** The area at `slug`, if the viewer may read it and holds `capability` there. */
export async function areaBySlug(ctx: ServiceContext, slug: string, capability: AreaCapability) {
  const area = await findInArea(ctx, "localArea", {
    where: { slug },
    select: { id: true, name: true, slug: true },
  });
  requireCan(ctx, capability, { localAreaId: area.id });
  return area;
}

export function requireCan(
  ctx: ServiceContext,
  capability: AreaCapability,
  record: { localAreaId: string; ownerId?: string | null },
  message?: string,
) {
  const granted = can(ctx.viewer, capability, record);
  noteCapabilityCheck({ how: "require", capability, granted });
  if (!granted) throw forbidden(message);
}

/** A refusal tied to one form field, shown beside it and in the error summary. */
export function fieldError(field: string, message: string) {
  return new AppError("INVALID", message, { fieldErrors: { [field]: message } });
}

/** The area's current plan: the latest that has not ended (closed or superseded). */
export const CURRENT_PLAN = { where: { status: { notIn: [...ENDED_PLAN_STATUSES] } }, orderBy: { createdAt: "desc" as const }, take: 1 };

/** Who may own an action or a measure in the area: a lead or contributor there whose account is in use. */
const ownerChoice = (localAreaId: string) =>
  ({ memberships: { some: { localAreaId, role: { in: ["LEAD", "CONTRIBUTOR"] } } }, disabledAt: null }) satisfies Prisma.UserWhereInput;

/** The people the area's forms offer as owners, by name. */
export function ownerChoices(db: Db, localAreaId: string) {
  return db.user.findMany({
    where: ownerChoice(localAreaId),
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true, organisation: { select: { name: true } } },
  });
}

/** Whether a save may name `userId` as owner: the same rule as the choices offered. */
export async function isOwnerChoice(db: Db, localAreaId: string, userId: string) {
  return (await db.user.count({ where: { id: userId, ...ownerChoice(localAreaId) } })) > 0;
}
