/**
 * Factories for the seed and for integration tests. Each takes a Prisma client or a transaction
 * client and a partial overrides object, fills sensible defaults (unique values from a counter
 * plus a random suffix, so a test may call them many times against one database), creates the
 * row and returns it. DATE columns take UTC-midnight dates: see `day()`.
 *
 * Relative imports only: this file runs under tsx (the seed) as well as vitest.
 */
import type { Prisma, PrismaClient } from "../server/generated/prisma/client";
import { hashPassword } from "../server/auth/password";

export type Db = PrismaClient | Prisma.TransactionClient;

const DAY_MS = 86_400_000;
let counter = 0;

/** A short value unique within this process and very likely across processes. */
export function uniq(): string {
  counter += 1;
  return `${counter}${Math.random().toString(36).slice(2, 7)}`;
}

/** UTC midnight of the day `offsetDays` from `from` (default: today). For @db.Date columns. */
export function day(offsetDays = 0, from: Date = new Date()): Date {
  return new Date((Math.floor(from.getTime() / DAY_MS) + offsetDays) * DAY_MS);
}

/** Run `fn` atomically: in a new transaction on a full client, directly on a transaction client. */
async function atomically<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if ("$transaction" in db) return (db as PrismaClient).$transaction((tx) => fn(tx));
  return fn(db);
}

export function createLocalArea(db: Db, o: Partial<Prisma.LocalAreaUncheckedCreateInput> = {}) {
  const u = uniq();
  return db.localArea.create({
    data: { name: `Test Area ${u}`, slug: `test-area-${u}`, laCode: `T${u}`, region: "NORTH_WEST", ...o },
  });
}

export function createOrganisation(db: Db, o: Partial<Prisma.OrganisationUncheckedCreateInput> = {}) {
  return db.organisation.create({ data: { name: `Test Organisation ${uniq()}`, kind: "COUNCIL", ...o } });
}

export async function createUser(
  db: Db,
  { password, ...o }: Partial<Prisma.UserUncheckedCreateInput> & { password?: string } = {},
) {
  const u = uniq();
  const email = (o.email ?? `user-${u}@test.example`).toLowerCase();
  const passwordHash = password !== undefined ? await hashPassword(password) : (o.passwordHash ?? null);
  return db.user.create({ data: { name: `Test User ${u}`, ...o, email, passwordHash } });
}

export function createMembership(
  db: Db,
  o: Pick<Prisma.MembershipUncheckedCreateInput, "userId" | "localAreaId"> & Partial<Prisma.MembershipUncheckedCreateInput>,
) {
  return db.membership.create({ data: { role: "CONTRIBUTOR", ...o } });
}

export function createInspection(
  db: Db,
  o: Pick<Prisma.InspectionUncheckedCreateInput, "localAreaId"> & Partial<Prisma.InspectionUncheckedCreateInput>,
) {
  return db.inspection.create({
    data: {
      framework: "FRAMEWORK_2016",
      kind: "FULL",
      startDate: day(-425),
      endDate: day(-421),
      publishedDate: day(-395),
      outcome: "WSOA_REQUIRED",
      reportUrl: `https://reports.example/inspection/${uniq()}`,
      ...o,
    },
  });
}

export function createPlan(
  db: Db,
  o: Pick<Prisma.PlanUncheckedCreateInput, "localAreaId"> & Partial<Prisma.PlanUncheckedCreateInput>,
) {
  return db.plan.create({
    data: {
      type: "WSOA",
      title: `Written statement of action ${uniq()}`,
      status: "ACTIVE",
      submittedDate: day(-320),
      acceptedDate: day(-300),
      ...o,
    },
  });
}

/** localAreaId defaults to the plan's. */
export async function createFinding(
  db: Db,
  o: Pick<Prisma.FindingUncheckedCreateInput, "planId"> & Partial<Prisma.FindingUncheckedCreateInput>,
) {
  const localAreaId =
    o.localAreaId ?? (await db.plan.findUniqueOrThrow({ where: { id: o.planId }, select: { localAreaId: true } })).localAreaId;
  const u = uniq();
  return db.finding.create({
    data: {
      ref: u,
      kind: "SIGNIFICANT_WEAKNESS",
      inspectorsWording: `Inspectors' wording for finding ${u}.`,
      summary: `Plain-English summary of finding ${u}.`,
      ...o,
      localAreaId,
    },
  });
}

type ActionOverrides = Pick<Prisma.ActionUncheckedCreateInput, "findingId"> &
  Partial<Prisma.ActionUncheckedCreateInput> & { partnerOrganisationIds?: string[]; dependsOnIds?: string[] };

/**
 * localAreaId defaults to (and must equal) the finding's. Defaults give an IN_PROGRESS action,
 * started 30 days ago, due in 150 days, 20% done: GREEN under the default thresholds.
 */
export async function createAction(db: Db, { partnerOrganisationIds, dependsOnIds, ...o }: ActionOverrides) {
  const finding = await db.finding.findUniqueOrThrow({ where: { id: o.findingId }, select: { localAreaId: true, ref: true } });
  const localAreaId = o.localAreaId ?? finding.localAreaId;
  if (localAreaId !== finding.localAreaId) throw new Error("createAction: localAreaId must equal the finding's localAreaId");
  const u = uniq();
  return db.action.create({
    data: {
      ref: `${finding.ref}.${u}`,
      title: `Test action ${u}`,
      description: `What test action ${u} will do.`,
      startDate: day(-30),
      dueDate: day(150),
      status: "IN_PROGRESS",
      progress: 20,
      ...o,
      localAreaId,
      ...(partnerOrganisationIds?.length ? { partnerOrganisations: { connect: partnerOrganisationIds.map((id) => ({ id })) } } : {}),
      ...(dependsOnIds?.length ? { dependsOn: { connect: dependsOnIds.map((id) => ({ id })) } } : {}),
    },
  });
}

/**
 * Posts an update and, in the same transaction, makes the action match it (lastUpdateAt,
 * progress, status, completedAt; ragOverride when the update carries one) when it is the action's
 * latest update.
 * Defaults: written by the action's owner now, progress +10 on the action's.
 */
export async function createActionUpdate(
  db: Db,
  o: Pick<Prisma.ActionUpdateUncheckedCreateInput, "actionId"> & Partial<Prisma.ActionUpdateUncheckedCreateInput>,
) {
  return atomically(db, async (tx) => {
    const action = await tx.action.findUniqueOrThrow({
      where: { id: o.actionId },
      select: { ownerId: true, progress: true, lastUpdateAt: true },
    });
    const progress = o.progress ?? Math.min(100, action.progress + 10);
    const status = o.status ?? (progress >= 100 ? "COMPLETE" : progress > 0 ? "IN_PROGRESS" : "NOT_STARTED");
    const createdAt = o.createdAt ? new Date(o.createdAt) : new Date();
    const update = await tx.actionUpdate.create({
      data: {
        authorId: action.ownerId,
        narrative: `Progress update ${uniq()}.`,
        ...o,
        progress,
        status,
        createdAt,
      },
    });
    if (!action.lastUpdateAt || createdAt >= action.lastUpdateAt) {
      await tx.action.update({
        where: { id: o.actionId },
        data: {
          lastUpdateAt: createdAt,
          progress,
          status,
          ...(update.ragOverride ? { ragOverride: update.ragOverride, ragOverrideReason: update.ragOverrideReason } : {}),
          completedAt: status === "COMPLETE" ? createdAt : null,
          version: { increment: 1 },
        },
      });
    }
    return update;
  });
}

type MeasureOverrides = Pick<Prisma.MeasureUncheckedCreateInput, "planId"> &
  Partial<Prisma.MeasureUncheckedCreateInput> & { findingIds?: string[] };

/** localAreaId defaults to the plan's; `findingIds` are connected as the findings it evidences. */
export async function createMeasure(db: Db, { findingIds, ...o }: MeasureOverrides) {
  const localAreaId =
    o.localAreaId ?? (await db.plan.findUniqueOrThrow({ where: { id: o.planId }, select: { localAreaId: true } })).localAreaId;
  const u = uniq();
  return db.measure.create({
    data: {
      ref: `M${u}`,
      name: `Test measure ${u}`,
      definition: `How test measure ${u} is counted.`,
      unit: "PERCENT",
      direction: "HIGHER_IS_BETTER",
      source: "Test source",
      baselineValue: 10,
      baselineDate: day(-365),
      targetValue: 60,
      targetDate: day(180),
      ...o,
      localAreaId,
      ...(findingIds?.length ? { findings: { connect: findingIds.map((id) => ({ id })) } } : {}),
    },
  });
}

export function createMeasureMilestone(
  db: Db,
  o: Pick<Prisma.MeasureMilestoneUncheckedCreateInput, "measureId"> & Partial<Prisma.MeasureMilestoneUncheckedCreateInput>,
) {
  // A random day in the coming year: distinct per call for the (measureId, date) key, usually.
  return db.measureMilestone.create({ data: { date: day(1 + Math.floor(Math.random() * 365)), targetValue: 35, ...o } });
}

export function createMeasureValue(
  db: Db,
  o: Pick<Prisma.MeasureValueUncheckedCreateInput, "measureId"> & Partial<Prisma.MeasureValueUncheckedCreateInput>,
) {
  return db.measureValue.create({ data: { periodEnd: day(-1), value: 25, status: "PROVISIONAL", ...o } });
}

/**
 * A link by default (url set, storageKey null). Exactly one of actionId, findingId, measureId;
 * localAreaId defaults to that record's.
 */
export async function createEvidence(db: Db, o: Partial<Prisma.EvidenceUncheckedCreateInput>) {
  const targets = [o.actionId, o.findingId, o.measureId].filter((v) => v != null);
  if (targets.length !== 1) throw new Error("createEvidence: give exactly one of actionId, findingId, measureId");
  const localAreaId =
    o.localAreaId ??
    (o.actionId
      ? await db.action.findUniqueOrThrow({ where: { id: o.actionId }, select: { localAreaId: true } })
      : o.findingId
        ? await db.finding.findUniqueOrThrow({ where: { id: o.findingId }, select: { localAreaId: true } })
        : await db.measure.findUniqueOrThrow({ where: { id: o.measureId! }, select: { localAreaId: true } })
    ).localAreaId;
  const u = uniq();
  return db.evidence.create({
    data: {
      title: `Test evidence ${u}`,
      kind: "ACTIVITY",
      url: `https://evidence.example/${u}`,
      storageKey: null,
      visibility: "INTERNAL",
      ...o,
      localAreaId,
    },
  });
}

export type AreaWithPlanOptions = {
  area?: Partial<Prisma.LocalAreaUncheckedCreateInput>;
  plan?: Partial<Prisma.PlanUncheckedCreateInput>;
  finding?: Partial<Prisma.FindingUncheckedCreateInput>;
  action?: Partial<Prisma.ActionUncheckedCreateInput>;
};

/** An area with its council, an ACTIVE WSOA, one finding and one action (GREEN by default). */
export async function createAreaWithPlan(db: Db, opts: AreaWithPlanOptions = {}) {
  const area = await createLocalArea(db, opts.area);
  const council = await createOrganisation(db, { name: `${area.name} Council`, kind: "COUNCIL", localAreaId: area.id });
  const plan = await createPlan(db, { ...opts.plan, localAreaId: area.id });
  const finding = await createFinding(db, { ref: "1", ...opts.finding, planId: plan.id, localAreaId: area.id });
  const action = await createAction(db, {
    ref: `${finding.ref}.1`,
    leadOrganisationId: council.id,
    ...opts.action,
    findingId: finding.id,
    localAreaId: area.id,
  });
  return {
    localAreaId: area.id,
    slug: area.slug,
    councilId: council.id,
    planId: plan.id,
    findingId: finding.id,
    actionId: action.id,
  };
}
