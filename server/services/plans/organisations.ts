/** The organisations of an area: the leads and partners of its actions. */
import type { ServiceContext } from "@/server/services/core/context";
import type { OrganisationFields } from "@/server/schemas/plan";
import { areaBySlug, fieldError } from "@/server/services/core/access";
import { inTransaction, recordAudit } from "@/server/services/core/audit";

export async function createOrganisation(ctx: ServiceContext, input: OrganisationFields & { slug: string }) {
  const area = await areaBySlug(ctx, input.slug, "plan.edit");
  return inTransaction(ctx, async (tx) => {
    const taken = await tx.organisation.findFirst({
      where: { localAreaId: area.id, name: { equals: likeLiteral(input.name), mode: "insensitive" } },
      select: { id: true },
    });
    if (taken) throw fieldError("name", `${area.name} already has an organisation called ${input.name}`);
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

/**
 * Prisma compares `equals` with `mode: "insensitive"` by ILIKE, where % and _ are wildcards and a
 * trailing backslash is an error: escaped, a name matches only itself.
 */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
