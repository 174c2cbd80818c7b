/**
 * Administration (global ADMIN): people and their memberships of local areas. Each change is
 * audited in its own transaction. Accounts created here sign in by email link or Entra ID: no
 * password is ever set for them.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { AppError, notFound } from "@/server/errors";
import type { AdminOverviewInput, CreateAreaInput, CreateUserInput, GrantMembershipInput } from "@/server/schemas/admin";
import { inTransaction, recordAudit, recordAudits, type AuditActor, type Tx } from "@/server/services/core/audit";

const membershipSelect = {
  id: true,
  role: true,
  localArea: { select: { id: true, name: true, slug: true } },
} as const;

/** People shown on one page of the administration list: enough to scan, few enough to load at national scale. */
export const PEOPLE_PER_PAGE = 25;

/**
 * The areas, and one page of people (with their roles), those whose name or email contains the
 * search words when there are any. Every account at once would be thousands of rows nationally.
 */
export async function adminOverview(ctx: ServiceContext, input: AdminOverviewInput = {}) {
  const words = input.q?.trim().split(/\s+/).filter(Boolean) ?? [];
  const where = {
    AND: words.map((w) => ({ OR: [{ name: { contains: w, mode: "insensitive" as const } }, { email: { contains: w, mode: "insensitive" as const } }] })),
  };
  const [matching, areas] = await Promise.all([
    ctx.db.user.count({ where }),
    ctx.db.localArea.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true, laCode: true, region: true, _count: { select: { memberships: true } } },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(matching / PEOPLE_PER_PAGE));
  const page = Math.min(input.page ?? 1, pages);
  const users = await ctx.db.user.findMany({
    where,
    orderBy: [{ name: "asc" }, { email: "asc" }, { id: "asc" }],
    skip: (page - 1) * PEOPLE_PER_PAGE,
    take: PEOPLE_PER_PAGE,
    select: {
      id: true,
      name: true,
      email: true,
      jobTitle: true,
      globalRole: true,
      isDemo: true,
      disabledAt: true,
      memberships: { select: membershipSelect, orderBy: { localArea: { name: "asc" } } },
    },
  });
  return { users, areas, people: { search: words.join(" "), page, pages, matching, perPage: PEOPLE_PER_PAGE } };
}

/** One person's roles, and the areas they could be given one in: their page in administration. */
export async function personRoles(ctx: ServiceContext, userId: string) {
  const [person, areas] = await Promise.all([
    ctx.db.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, globalRole: true, erasedAt: true, memberships: { select: membershipSelect, orderBy: { localArea: { name: "asc" } } } },
    }),
    ctx.db.localArea.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  if (!person) throw notFound("That person");
  return { person, areas };
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput) {
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `There is already an account for ${input.email}.`);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, jobTitle: input.jobTitle || null },
      select: { id: true, email: true, name: true, jobTitle: true },
    });
    // No name or email in the audit trail: it is append-only, and erasing the person
    // (personal-data.ts) must be able to remove them. They are on the person's row.
    await recordAudit(tx, ctx, { action: "user.create", entityType: "User", entityId: user.id, after: { id: user.id, jobTitle: user.jobTitle } });
    return user;
  });
}

/**
 * An administrator may not give themselves a role in an area: managing accounts and acting in an
 * area's plan are duties kept apart, so nobody can both grant a role and use it unchecked.
 */
export const SELF_GRANT_REFUSAL =
  "You cannot give yourself a role in a local area. Ask another administrator: whoever manages accounts does not also grant their own access.";

/** Gives a person a role in an area, or changes the role they already hold there. */
export async function grantMembership(ctx: ServiceContext, input: GrantMembershipInput) {
  if (input.userId === ctx.viewer.userId) {
    throw new AppError("FORBIDDEN", SELF_GRANT_REFUSAL, { fieldErrors: { userId: SELF_GRANT_REFUSAL } });
  }
  return inTransaction(ctx, async (tx) => {
    const [user, area] = await Promise.all([
      tx.user.findUnique({ where: { id: input.userId }, select: { id: true } }),
      tx.localArea.findUnique({ where: { id: input.localAreaId }, select: { id: true } }),
    ]);
    if (!user) throw notFound("That person");
    if (!area) throw notFound("That local area");
    const key = { userId_localAreaId: { userId: input.userId, localAreaId: input.localAreaId } };
    const before = await tx.membership.findUnique({ where: key, select: membershipSelect });
    const membership = await tx.membership.upsert({
      where: key,
      create: { userId: input.userId, localAreaId: input.localAreaId, role: input.role },
      update: { role: input.role },
      select: membershipSelect,
    });
    await recordAudit(tx, ctx, {
      action: "membership.grant",
      entityType: "Membership",
      entityId: membership.id,
      localAreaId: input.localAreaId,
      before: before ? { userId: input.userId, role: before.role } : null,
      after: { userId: input.userId, role: membership.role },
    });
    return membership;
  });
}

export async function revokeMembership(ctx: ServiceContext, membershipId: string) {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.membership.findUnique({
      where: { id: membershipId },
      select: { id: true, userId: true, localAreaId: true, role: true },
    });
    if (!before) throw notFound("That membership");
    await tx.membership.delete({ where: { id: membershipId } });
    await recordAudit(tx, ctx, {
      action: "membership.revoke",
      entityType: "Membership",
      entityId: membershipId,
      localAreaId: before.localAreaId,
      before,
    });
    return { id: membershipId };
  });
}

/** The address of an area's pages: its name in lower case with hyphens ("St Helens" -> "st-helens"). */
export function slugFor(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export async function createArea(ctx: ServiceContext, input: CreateAreaInput) {
  return inTransaction(ctx, (tx) => insertArea(tx, ctx, input));
}

/**
 * A new area with the two partners every area has and whose names follow from its own: the
 * council and the parent carer forum (the ICB spans several areas, so its name is left for the
 * lead to add). Also how an area started from a plan workbook is made (plan-transfer/new-area.ts).
 */
export async function insertArea(tx: Tx, actor: AuditActor, input: CreateAreaInput) {
  const slug = slugFor(input.name);
  if (!slug) throw new AppError("INVALID", "Enter a name with letters or numbers in it.");
  const clash = await tx.localArea.findFirst({
    where: { OR: [{ slug }, { laCode: input.laCode }] },
    select: { name: true, laCode: true },
  });
  if (clash) {
    throw new AppError(
      "CONFLICT",
      clash.laCode === input.laCode
        ? `${clash.name} already has the local authority code ${input.laCode}.`
        : `There is already a local area called ${clash.name}.`,
    );
  }
  const area = await tx.localArea.create({
    data: { name: input.name, slug, laCode: input.laCode, region: input.region },
    select: { id: true, name: true, slug: true, laCode: true, region: true },
  });
  await recordAudit(tx, actor, { action: "area.create", entityType: "LocalArea", entityId: area.id, localAreaId: area.id, after: area });
  const partners = await tx.organisation.createManyAndReturn({
    data: [
      { localAreaId: area.id, name: `${input.name} Council`, kind: "COUNCIL" as const },
      { localAreaId: area.id, name: `${input.name} Parent Carer Forum`, kind: "PARENT_CARER_FORUM" as const },
    ],
    select: { id: true, name: true, kind: true },
  });
  await recordAudits(
    tx,
    actor,
    partners.map((o) => ({ action: "organisation.create", entityType: "Organisation", entityId: o.id, localAreaId: area.id, after: o })),
  );
  return area;
}
