/**
 * Finding one record inside the areas the viewer may read, or NOT_FOUND: a record of another
 * area answers exactly as one that does not exist, so its existence is never revealed. The
 * capability for what the caller then does is checked afterwards, on what was found
 * (requireCan), so that someone who may read the area is told FORBIDDEN rather than NOT_FOUND.
 */
import { areaScope, type AreaFilter, type Viewer } from "@/server/auth/permissions";
import { notFound } from "@/server/errors";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import type { Db } from "@/server/services/core/audit";

const ownArea = (scope: AreaFilter | undefined) => ({ localAreaId: scope });

/**
 * Each model the services look up this way: where its area is (the condition that goes into the
 * `where`) and what it is called when it cannot be found.
 */
const IN_AREA = {
  localArea: { noun: "That local area", where: (scope: AreaFilter | undefined) => ({ id: scope }) },
  plan: { noun: "That plan", where: ownArea },
  finding: { noun: "That finding", where: ownArea },
  action: { noun: "That action", where: ownArea },
  measure: { noun: "That measure", where: ownArea },
  evidence: { noun: "That evidence", where: ownArea },
  snapshot: { noun: "That snapshot", where: ownArea },
  changeRequest: { noun: "That change request", where: ownArea },
  youSaidWeDid: { noun: "That entry", where: ownArea },
  updateRequest: { noun: "That update request", where: ownArea },
  apiToken: { noun: "That API token", where: ownArea },
  // The area's own organisations. A national body has no area: whoever looks one up asks for `localAreaId: { not: null }`,
  // since a national viewer's scope (every area) would otherwise match it too.
  organisation: { noun: "That organisation", where: ownArea },
  // A value and an update carry no area of their own: theirs is their measure's or action's.
  measureValue: { noun: "That value", where: (scope: AreaFilter | undefined) => ({ measure: { localAreaId: scope } }) },
  actionUpdate: { noun: "That update", where: (scope: AreaFilter | undefined) => ({ action: { localAreaId: scope } }) },
} as const;

export type AreaModel = keyof typeof IN_AREA;

type FindFirstArgs<M extends AreaModel> = Prisma.Args<PrismaClient[M], "findFirst">;

/** Who asks and through which client (a transaction's, when inside one). */
export type AreaReader = { db: Db; viewer: Viewer };

/**
 * The `model` record matching `args.where` inside the viewer's areas (those where they hold
 * plan.read), with the caller's `select`/`include`; NOT_FOUND, in the model's own words, if there
 * is none.
 */
export async function findInArea<M extends AreaModel, A extends FindFirstArgs<M>>(
  { db, viewer }: AreaReader,
  model: M,
  args: Prisma.Exact<A, FindFirstArgs<M>>,
): Promise<NonNullable<Prisma.Result<PrismaClient[M], A, "findFirst">>> {
  const { noun, where } = IN_AREA[model];
  const { where: callerWhere, ...rest } = args as { where?: object };
  // Both conditions, side by side: the caller's own never replaces the area's.
  const scoped = { ...rest, where: { AND: [callerWhere ?? {}, where(areaScope(viewer, "plan.read"))] } };
  // One call for every model: TypeScript cannot call a union of delegates, the types above hold.
  const delegate = db[model] as unknown as { findFirst(args: object): Promise<unknown> };
  const found = await delegate.findFirst(scoped);
  if (!found) throw notFound(noun);
  return found as NonNullable<Prisma.Result<PrismaClient[M], A, "findFirst">>;
}
