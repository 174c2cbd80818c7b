/**
 * Change requests. Once a plan is accepted, the LEAD asks for a change to an action's title,
 * description or due date, or a measure's target or milestones, with a reason; an ADVISER of that
 * area approves or rejects it. Approval applies the new value in the same transaction (version
 * bumped, both the decision and the record's change audited); the request keeps the old value, so
 * the history shows both and the chart can still draw the superseded trajectory. The rule of what
 * is controlled lives in server/domain/change-control.ts.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { areaScope, can } from "@/server/auth/permissions";
import {
  CONTROLLED_FIELDS,
  isPlanAccepted,
  normaliseValue,
  sameValue,
  type ControlledField,
  type ControlledValue,
  type MilestoneValue,
} from "@/server/domain/change-control";
import { CONTROLLED_FIELD } from "@/lib/labels";
import { supersededTrajectories, type ApprovedTrajectoryChange } from "@/server/domain/measure-chart";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import { AppError, notFound } from "@/server/errors";
import type { ChangeRequestStatus } from "@/server/generated/prisma/enums";
import type { Prisma } from "@/server/generated/prisma/client";
import { fromDay, toDay } from "@/lib/calendar";
import type { DecideChangeInput, RequestChangeInput } from "@/server/schemas/change-request";
import { measureFields } from "@/server/schemas/measure";
import { areaBySlug, fieldError, requireCan } from "@/server/services/core/access";
import { isOpenPlan, PLAN_ENDING, requireOpenPlan } from "@/server/services/core/ended-plan";
import { inTransaction, recordAudit, type Db, type Tx } from "@/server/services/core/audit";
import { MEASURE_FORM_FIELDS, measureFormValues } from "@/server/services/measures/measure-form";
import { notifyChangeRequestDecided } from "@/server/services/notifications/notifications-hooks";

/** Whether the plan is accepted (changes go through a request) and whether it has ended (nothing changes). */
const PLAN_STATE = { select: { ...PLAN_ENDING.select, acceptedDate: true } } as const;

const ACTION_SELECT = {
  id: true,
  ref: true,
  title: true,
  description: true,
  startDate: true,
  dueDate: true,
  version: true,
  localAreaId: true,
  finding: { select: { plan: PLAN_STATE } },
} as const;

const MEASURE_SELECT = { ...MEASURE_FORM_FIELDS, localAreaId: true, plan: PLAN_STATE } as const;

type ActionRow = Prisma.ActionGetPayload<{ select: typeof ACTION_SELECT }>;
type MeasureRow = Prisma.MeasureGetPayload<{ select: typeof MEASURE_SELECT }>;

/** The record a controlled field belongs to, inside the areas the viewer may read. */
type Target = { kind: "Action"; row: ActionRow; plan: ActionRow["finding"]["plan"] } | { kind: "Measure"; row: MeasureRow; plan: MeasureRow["plan"] };

async function findTarget(db: Db, field: ControlledField, entityId: string, localAreaId: Prisma.StringFilter | string | undefined): Promise<Target | null> {
  if (CONTROLLED_FIELDS[field].entity === "Action") {
    const row = await db.action.findFirst({ where: { id: entityId, localAreaId }, select: ACTION_SELECT });
    return row && { kind: "Action", row, plan: row.finding.plan };
  }
  const row = await db.measure.findFirst({ where: { id: entityId, localAreaId }, select: MEASURE_SELECT });
  return row && { kind: "Measure", row, plan: row.plan };
}

const milestonesOf = (m: MeasureRow): MilestoneValue[] => m.milestones.map((s) => ({ date: fromDay(s.date), targetValue: s.targetValue }));

/** The field's value on the record now, in the form a change request stores. */
function currentValue(target: Target, field: ControlledField): ControlledValue {
  if (target.kind === "Action") {
    const a = target.row;
    if (field === "action.title") return normaliseValue(field, a.title);
    if (field === "action.description") return normaliseValue(field, a.description);
    return normaliseValue(field, fromDay(a.dueDate));
  }
  const m = target.row;
  if (field === "measure.targetValue") return normaliseValue(field, m.targetValue);
  if (field === "measure.targetDate") return normaliseValue(field, fromDay(m.targetDate));
  return normaliseValue(field, milestonesOf(m));
}

/**
 * Whether the record would still be valid with `value`: the same rules as the editors (a due date
 * on or after the start; a measure's trajectory as measureFields checks it). Refused beside the
 * request form's new-value field.
 */
function checkResult(target: Target, field: ControlledField, value: ControlledValue) {
  if (target.kind === "Action") {
    if (field === "action.dueDate" && target.row.startDate && typeof value === "string" && value < fromDay(target.row.startDate)) {
      throw fieldError("newValue", `The due date must be on or after the start date (${fromDay(target.row.startDate)})`);
    }
    return;
  }
  const m = target.row;
  const column = CONTROLLED_FIELDS[field].column;
  // The measure as its editor would save it, with the requested value in place.
  const fields = { ...measureFormValues(m), [column]: value ?? (field === "measure.targetDate" ? "" : null) };
  const checked = measureFields.safeParse(fields);
  if (checked.success) return;
  // Only the trajectory's rules concern this change; a measure's other gaps are the editor's business.
  const issue = checked.error.issues.find((i) => ["targetValue", "targetDate", "milestones"].includes(String(i.path[0])));
  if (issue) throw fieldError("newValue", issue.message);
}

/** The LEAD asks for a change to a controlled field of an accepted plan's action or measure. */
export async function requestChange(ctx: ServiceContext, input: RequestChangeInput) {
  const field = input.field;
  const target = await findTarget(ctx.db, field, input.entityId, areaScope(ctx.viewer, "plan.read"));
  if (!target) throw notFound(CONTROLLED_FIELDS[field].entity === "Action" ? "That action" : "That measure");
  requireCan(ctx, "plan.edit", target.row);
  requireOpenPlan(target.plan);
  if (!isPlanAccepted(target.plan)) {
    throw new AppError("INVALID", `This plan has not been accepted yet: change ${CONTROLLED_FIELDS[field].words} in the editor.`);
  }
  const newValue = normaliseValue(field, input.newValue);
  return inTransaction(ctx, async (tx) => {
    const now = (await findTarget(tx, field, input.entityId, target.row.localAreaId))!;
    const oldValue = currentValue(now, field);
    if (sameValue(field, oldValue, newValue)) throw fieldError("newValue", `That is ${CONTROLLED_FIELDS[field].words} already: enter a different value`);
    checkResult(now, field, newValue);
    const waiting = await tx.changeRequest.count({ where: { entityId: input.entityId, field, status: "PENDING" } });
    if (waiting) throw new AppError("CONFLICT", `A change to ${CONTROLLED_FIELDS[field].words} is already awaiting the adviser's decision.`);
    const created = await tx.changeRequest.create({
      data: {
        localAreaId: now.row.localAreaId,
        planId: now.plan.id,
        entityType: now.kind,
        entityId: input.entityId,
        field,
        oldValue: oldValue as Prisma.InputJsonValue,
        newValue: newValue as Prisma.InputJsonValue,
        reason: input.reason,
        requestedById: ctx.viewer.userId,
      },
      select: { id: true, entityType: true, entityId: true, field: true, oldValue: true, newValue: true, reason: true, status: true },
    });
    await recordAudit(tx, ctx, {
      action: "changeRequest.create",
      entityType: "ChangeRequest",
      entityId: created.id,
      localAreaId: now.row.localAreaId,
      after: created,
    });
    return created;
  });
}

/** Writes `value` into the record, if nobody saved it since `version`. */
async function apply(tx: Tx, target: Target, field: ControlledField, value: ControlledValue) {
  const version = target.row.version;
  const stale = () => new AppError("CONFLICT", "Someone saved this record while the change was being decided. Nothing was changed: decide it again.");
  if (target.kind === "Action") {
    const column = CONTROLLED_FIELDS[field].column;
    const data = column === "dueDate" ? { dueDate: toDay(value as string | null) } : { [column]: (value as string | null) ?? "" };
    const { count } = await tx.action.updateMany({ where: { id: target.row.id, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw stale();
    return;
  }
  const id = target.row.id;
  const data =
    field === "measure.targetValue"
      ? { targetValue: value as number | null }
      : field === "measure.targetDate"
        ? { targetDate: toDay(value as string | null) }
        : {};
  const { count } = await tx.measure.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw stale();
  if (field === "measure.milestones") {
    await tx.measureMilestone.deleteMany({ where: { measureId: id } });
    await tx.measureMilestone.createMany({ data: (value as MilestoneValue[]).map((m) => ({ measureId: id, date: toDay(m.date), targetValue: m.targetValue })) });
  }
}

/**
 * An ADVISER of the change's area approves or rejects it. Anyone else who may read the plan is
 * FORBIDDEN; another area's request is NOT_FOUND. Approval refuses (CONFLICT) when the record no
 * longer holds the value the request was made against.
 */
export async function decideChange(ctx: ServiceContext, input: DecideChangeInput) {
  const request = await findInArea(ctx, "changeRequest", {
    where: { id: input.id },
    select: { id: true, localAreaId: true, field: true, entityId: true, oldValue: true, newValue: true, status: true },
  });
  requireCan(ctx, "adviser.write", request, "Only an adviser of this area can approve or reject a change.");
  const field = request.field as ControlledField;
  const status: ChangeRequestStatus = input.decision === "APPROVE" ? "APPROVED" : "REJECTED";
  return inTransaction(ctx, async (tx) => {
    // Claiming the request first: of two decisions at once, the second finds it decided.
    const { count } = await tx.changeRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status, decidedById: ctx.viewer.userId, decidedAt: new Date(), decisionNote: input.note || null },
    });
    if (count === 0) throw new AppError("CONFLICT", "This change has already been decided.");
    if (status === "APPROVED") {
      const target = await findTarget(tx, field, request.entityId, request.localAreaId);
      if (!target) throw notFound("The record this change is for");
      // Rejecting changes nothing and stays open; approving would change an ended plan's record.
      requireOpenPlan(target.plan);
      const now = currentValue(target, field);
      if (!sameValue(field, now, request.oldValue)) {
        throw new AppError(
          "CONFLICT",
          `${CONTROLLED_FIELD[field]} has changed since this request was made, so it no longer replaces what it was asked against. Reject it and ask the plan lead for a new request.`,
        );
      }
      const value = normaliseValue(field, request.newValue);
      checkResult(target, field, value);
      await apply(tx, target, field, value);
      const column = CONTROLLED_FIELDS[field].column;
      await recordAudit(tx, ctx, {
        action: target.kind === "Action" ? "action.update" : "measure.update",
        entityType: target.kind,
        entityId: target.row.id,
        localAreaId: request.localAreaId,
        before: { [column]: now, changeRequestId: request.id },
        after: { [column]: value, changeRequestId: request.id },
      });
    }
    await recordAudit(tx, ctx, {
      action: status === "APPROVED" ? "changeRequest.approve" : "changeRequest.reject",
      entityType: "ChangeRequest",
      entityId: request.id,
      localAreaId: request.localAreaId,
      before: { status: "PENDING" },
      after: { status, decisionNote: input.note || null },
    });
    await notifyChangeRequestDecided(tx, request.id);
    return { id: request.id, status };
  });
}

const REQUEST_SELECT = {
  id: true,
  planId: true,
  entityType: true,
  entityId: true,
  field: true,
  oldValue: true,
  newValue: true,
  reason: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  decisionNote: true,
  requestedBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
} as const;

type RequestRow = Prisma.ChangeRequestGetPayload<{ select: typeof REQUEST_SELECT }>;

/** Requests as the pages show them: what they are for, by whom, values in their stored form. */
async function described(db: Db, rows: RequestRow[]) {
  const ids = (type: string) => rows.filter((r) => r.entityType === type).map((r) => r.entityId);
  const [actions, measures] = await Promise.all([
    db.action.findMany({ where: { id: { in: ids("Action") } }, select: { id: true, ref: true, title: true } }),
    db.measure.findMany({ where: { id: { in: ids("Measure") } }, select: { id: true, ref: true, name: true, unit: true } }),
  ]);
  const actionById = new Map(actions.map((a) => [a.id, a]));
  const measureById = new Map(measures.map((m) => [m.id, m]));
  return rows.map(({ requestedBy, decidedBy, ...r }) => {
    const field = r.field as ControlledField;
    const action = actionById.get(r.entityId);
    const measure = measureById.get(r.entityId);
    return {
      ...r,
      field,
      oldValue: normaliseValue(field, r.oldValue),
      newValue: normaliseValue(field, r.newValue),
      requestedByName: requestedBy?.name ?? null,
      decidedByName: decidedBy?.name ?? null,
      record: action
        ? { kind: "Action" as const, id: action.id, name: `${action.ref} ${action.title}`, unit: null }
        : measure
          ? { kind: "Measure" as const, id: measure.id, name: `${measure.ref} ${measure.name}`, unit: measure.unit }
          : null,
    };
  });
}

/** The area's change requests, awaiting a decision first then newest first, and whether the viewer decides them. */
export async function listChangeRequests(ctx: ServiceContext, input: { slug: string; status?: ChangeRequestStatus }) {
  const area = await areaBySlug(ctx, input.slug, "plan.read");
  const rows = await ctx.db.changeRequest.findMany({
    where: { localAreaId: area.id, ...(input.status ? { status: input.status } : {}) },
    orderBy: { createdAt: "desc" },
    select: REQUEST_SELECT,
  });
  const requests = await described(ctx.db, rows);
  return {
    area,
    pending: requests.filter((r) => r.status === "PENDING"),
    decided: requests.filter((r) => r.status !== "PENDING"),
    viewerCan: { decide: can(ctx.viewer, "adviser.write", { localAreaId: area.id }) },
  };
}

/** One action's or measure's change requests, newest first: its change history. */
export async function changeHistory(ctx: ServiceContext, input: { entityType: "Action" | "Measure"; entityId: string }) {
  const where = { id: input.entityId };
  const found =
    input.entityType === "Action"
      ? await findInArea(ctx, "action", { where, select: { localAreaId: true, finding: { select: { plan: PLAN_STATE } } } }).then((a) => ({ localAreaId: a.localAreaId, plan: a.finding.plan }))
      : await findInArea(ctx, "measure", { where, select: { localAreaId: true, plan: PLAN_STATE } });
  const rows = await ctx.db.changeRequest.findMany({
    where: { localAreaId: found.localAreaId, entityType: input.entityType, entityId: input.entityId },
    orderBy: { createdAt: "desc" },
    select: REQUEST_SELECT,
  });
  return {
    requests: await described(ctx.db, rows),
    planAccepted: isPlanAccepted(found.plan),
    viewerCan: {
      request: isOpenPlan(found.plan) && can(ctx.viewer, "plan.edit", { localAreaId: found.localAreaId }),
      decide: can(ctx.viewer, "adviser.write", { localAreaId: found.localAreaId }),
    },
  };
}

const TRAJECTORY_FIELDS = ["measure.targetValue", "measure.targetDate", "measure.milestones"] as const;

/** The approved changes to measures' trajectories: an area's `changeRequests` relation, read for the charts. */
export const APPROVED_TRAJECTORY_CHANGES = {
  where: { entityType: "Measure", status: "APPROVED", field: { in: [...TRAJECTORY_FIELDS] } },
  select: { entityId: true, field: true, oldValue: true, decidedAt: true },
} as const satisfies Prisma.LocalArea$changeRequestsArgs;

/** What the replaced trajectories are worked back from: a measure's trajectory today. Spread into a measure `select`. */
export const CURRENT_TRAJECTORY_FIELDS = {
  id: true,
  baselineValue: true,
  baselineDate: true,
  targetValue: true,
  targetDate: true,
  milestones: { select: { date: true, targetValue: true } },
} as const satisfies Prisma.MeasureSelect;

type Approval = Prisma.ChangeRequestGetPayload<{ select: typeof APPROVED_TRAJECTORY_CHANGES.select }>;
type TrajectoryRow = Prisma.MeasureGetPayload<{ select: typeof CURRENT_TRAJECTORY_FIELDS }>;

/**
 * For each of `measures`, the trajectories approved changes replaced (server/domain/measure-chart.ts),
 * for the charts. `approvals` may hold other measures' changes too: they are passed over.
 */
export function supersededOf(
  measures: ReadonlyArray<TrajectoryRow>,
  approvals: ReadonlyArray<Approval>,
): Map<string, NonNullable<MeasureChartData["superseded"]>> {
  const result = new Map<string, NonNullable<MeasureChartData["superseded"]>>();
  for (const m of measures) {
    const mine = approvals.filter((a) => a.entityId === m.id && a.decidedAt);
    if (mine.length === 0) continue;
    const lines = supersededTrajectories(
      {
        baseline: m.baselineValue !== null && m.baselineDate ? { date: fromDay(m.baselineDate), value: m.baselineValue } : null,
        targetValue: m.targetValue,
        targetDate: m.targetDate ? fromDay(m.targetDate) : null,
        milestones: m.milestones.map((s) => ({ date: fromDay(s.date), targetValue: s.targetValue })),
      },
      mine.map((a) => ({ field: a.field as ApprovedTrajectoryChange["field"], oldValue: a.oldValue, decidedAt: a.decidedAt! })),
    );
    if (lines.length) result.set(m.id, lines);
  }
  return result;
}

/**
 * supersededOf for measures of one area, read by id: two queries whatever their number or
 * history. Pages that read the measures and the area already use supersededOf on their rows.
 */
export async function supersededFor(db: Db, localAreaId: string, measureIds: readonly string[]): Promise<Map<string, NonNullable<MeasureChartData["superseded"]>>> {
  // Always the same two reads, so a page's query count does not depend on its data.
  const approvals = await db.changeRequest.findMany({
    where: { ...APPROVED_TRAJECTORY_CHANGES.where, localAreaId, entityId: { in: [...measureIds] } },
    select: APPROVED_TRAJECTORY_CHANGES.select,
  });
  const measures = await db.measure.findMany({
    where: { id: { in: [...new Set(approvals.map((a) => a.entityId))] }, localAreaId },
    select: CURRENT_TRAJECTORY_FIELDS,
  });
  return supersededOf(measures, approvals);
}
