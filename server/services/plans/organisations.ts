/** The organisations of an area: the leads and partners of its actions. */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { notFound } from "@/server/errors";
import type { OrganisationFields } from "@/server/schemas/plan";
import { areaBySlug, fieldError, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, type Tx } from "@/server/services/core/audit";

/** A name is the area's once, whatever its case: "Northgate NHS Trust" and "northgate nhs trust" are one organisation. */
async function nameIsFree(tx: Tx, area: { id: string; name: string }, name: string, exceptId?: string) {
  const taken = await tx.organisation.findFirst({
    where: { localAreaId: area.id, name: { equals: likeLiteral(name), mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw fieldError("name", `${area.name} already has an organisation called ${name}`);
}

export async function createOrganisation(ctx: ServiceContext, input: OrganisationFields & { slug: string }) {
  const area = await areaBySlug(ctx, input.slug, "plan.edit");
  return inTransaction(ctx, async (tx) => {
    await nameIsFree(tx, area, input.name);
    const organisation = await tx.organisation.create({ data: { localAreaId: area.id, name: input.name, kind: input.kind } });
    await recordAudit(tx, ctx, {
      action: "organisation.create",
      entityType: "Organisation",
      entityId: organisation.id,
      localAreaId: area.id,
      after: organisation,
    });
    return organisation;
  });
}

const ORGANISATION_FIELDS = { name: true, kind: true } as const;

/**
 * The LEAD corrects one of the area's own organisations: its name, and its kind (which an import
 * guesses from the name). A national body (DfE, NHS England) belongs to no area and is not the
 * area's to change: it is not found.
 */
export async function updateOrganisation(ctx: ServiceContext, input: OrganisationFields & { id: string }) {
  const found = await findInArea(ctx, "organisation", {
    where: { id: input.id, localAreaId: { not: null } },
    select: { id: true, localAreaId: true, localArea: { select: { id: true, name: true } } },
  });
  if (!found.localAreaId || !found.localArea) throw notFound("That organisation");
  requireCan(ctx, "plan.edit", { localAreaId: found.localAreaId });
  const area = found.localArea;
  return inTransaction(ctx, async (tx) => {
    const before = await tx.organisation.findUniqueOrThrow({ where: { id: found.id }, select: ORGANISATION_FIELDS });
    await nameIsFree(tx, area, input.name, found.id);
    const after = await tx.organisation.update({ where: { id: found.id }, data: { name: input.name, kind: input.kind }, select: ORGANISATION_FIELDS });
    await recordAudit(tx, ctx, {
      action: "organisation.update",
      entityType: "Organisation",
      entityId: found.id,
      localAreaId: area.id,
      before,
      after,
    });
    return { id: found.id, ...after };
  });
}

/**
 * Prisma compares `equals` with `mode: "insensitive"` by ILIKE, where % and _ are wildcards and a
 * trailing backslash is an error: escaped, a name matches only itself.
 */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
