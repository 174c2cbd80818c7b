/**
 * A measure's values: entered one at a time or pasted as a column, provisional or validated. The
 * plan lead may enter values on any measure of their area, a contributor on the measures they
 * own. Every value must be one the measure can take (its unit and plausible range:
 * server/domain/measure-value-range.ts). A different figure for a period already entered
 * replaces it only when the person confirms the replacement and says why; the audit event keeps
 * the value before and after, and the reason.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { findInArea } from "@/server/services/core/find-in-area";
import { fromDay, toDay, utcDay } from "@/lib/calendar";
import { formatDate } from "@/lib/format/dates";
import { formatMeasureValue } from "@/lib/format/measure-value";
import { parsePastedValues } from "@/server/domain/measure-paste";
import { valueRangeProblem } from "@/server/domain/measure-value-range";
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { MeasureUnit } from "@/server/generated/prisma/enums";
import type { PasteValuesInput, RecordValueInput, SetValueStatusInput } from "@/server/schemas/measure";
import { fieldError, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, recordAudits, type AuditEntry } from "@/server/services/core/audit";
import { today } from "@/server/services/core/today";
import { PLAN_ENDING, requireOpenPlan } from "@/server/services/core/ended-plan";

/** Finds a measure the viewer may enter values on: NOT_FOUND outside their areas, FORBIDDEN if not theirs. */
async function measureForValues(ctx: ServiceContext, measureId: string) {
  const measure = await findInArea(ctx, "measure", {
    where: { id: measureId },
    select: { id: true, localAreaId: true, ownerId: true, unit: true, plausibleMin: true, plausibleMax: true, plan: PLAN_ENDING },
  });
  requireCan(ctx, "measure.enterValues", measure, "Only the plan lead or the measure's owner can enter its values.");
  requireOpenPlan(measure.plan);
  return measure;
}

const valueSelect = { id: true, periodEnd: true, value: true, status: true, note: true, enteredById: true } satisfies Prisma.MeasureValueSelect;
type ValueRow = Prisma.MeasureValueGetPayload<{ select: typeof valueSelect }>;

/** The latest period end a value may have: a period that has not ended has no figure yet. */
const latestPeriodEnd = () => fromDay(utcDay(today()));

/** A figure already recorded for a period, and the one that would replace it: what the person confirms. */
export type Replacement = { periodEnd: string; before: number; after: number };

/**
 * Refuses replacing recorded figures unless the input confirms it and gives a reason, naming
 * each figure before and after (`details.replacements`) so the form can ask. The refusal sits
 * on the reason field: an old form that knows nothing of this shows it there.
 */
function requireConfirmedReplacement(
  input: { confirmReplace?: boolean; replaceReason?: string },
  replacements: Replacement[],
  unit: MeasureUnit,
): string {
  const reason = input.replaceReason?.trim() ?? "";
  if (input.confirmReplace === true && reason) return reason;
  const shown = (n: number) => formatMeasureValue(n, unit);
  const message =
    input.confirmReplace !== true
      ? replacements.length === 1
        ? `A value is already recorded for the period ending ${formatDate(replacements[0]!.periodEnd)} (${shown(replacements[0]!.before)}). Confirm you are replacing it with ${shown(replacements[0]!.after)}, and say why.`
        : `Values are already recorded for ${replacements.length} of these periods. Confirm you are replacing them, and say why.`
      : `Enter why you are replacing the ${replacements.length === 1 ? "value" : "values"} already recorded`;
  throw new AppError("INVALID", message, { fieldErrors: { replaceReason: message }, replacements });
}

/**
 * Enters one value. A different figure for a period already entered replaces it only with
 * `confirmReplace` and a reason; the audit event keeps the value before and after, and the reason.
 */
export async function recordValue(ctx: ServiceContext, input: RecordValueInput) {
  const measure = await measureForValues(ctx, input.measureId);
  if (input.periodEnd > latestPeriodEnd()) throw fieldError("periodEnd", "The period end must be today or earlier: the period must have ended.");
  const outOfRange = valueRangeProblem(input.value, measure);
  if (outOfRange) throw fieldError("value", outOfRange);
  const periodEnd = toDay(input.periodEnd)!;
  return inTransaction(ctx, async (tx) => {
    const key = { measureId_periodEnd: { measureId: measure.id, periodEnd } };
    const before = await tx.measureValue.findUnique({ where: key, select: valueSelect });
    // Only a different figure is a replacement: the same one again may change its status or note.
    const reason =
      before && before.value !== input.value
        ? requireConfirmedReplacement(input, [{ periodEnd: input.periodEnd, before: before.value, after: input.value }], measure.unit)
        : null;
    const fields = { value: input.value, status: input.status, note: input.note || null, enteredById: ctx.viewer.userId };
    // Written only over the figure read (and, for a replacement, confirmed): a value someone else
    // enters or changes at the same moment stops this one rather than being overwritten unseen.
    let after: ValueRow;
    if (!before) {
      after = await sameMomentRefused(tx.measureValue.create({ data: { measureId: measure.id, periodEnd, ...fields }, select: valueSelect }));
    } else {
      const { count } = await tx.measureValue.updateMany({ where: { id: before.id, value: before.value }, data: fields });
      if (count === 0) throw enteredMeanwhile();
      after = await tx.measureValue.findUniqueOrThrow({ where: { id: before.id }, select: valueSelect });
    }
    await recordAudit(tx, ctx, {
      action: "measure.recordValue",
      entityType: "MeasureValue",
      entityId: after.id,
      localAreaId: measure.localAreaId,
      before,
      after: reason ? { ...after, reason } : after,
    });
    return { id: after.id, replaced: before !== null };
  });
}

/**
 * Enters a pasted column of periods and values, all or nothing: any line that cannot be read, or
 * whose value the measure cannot take, refuses the paste with every line's problem in
 * `details.lineErrors`. Different figures for periods already entered are replaced only with
 * `confirmReplace` and one reason for them all; otherwise the paste is refused listing each
 * (`details.replacements`).
 */
export async function pasteValues(ctx: ServiceContext, input: PasteValuesInput) {
  const measure = await measureForValues(ctx, input.measureId);
  const { rows, errors } = parsePastedValues(input.text, { latest: latestPeriodEnd(), rule: measure });
  if (errors.length > 0) {
    throw new AppError(
      "INVALID",
      `Nothing was saved: ${errors.length === 1 ? "1 line needs" : `${errors.length} lines need`} correcting.`,
      { lineErrors: errors },
    );
  }
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.measureValue.findMany({
      where: { measureId: measure.id, periodEnd: { in: rows.map((r) => toDay(r.periodEnd)!) } },
      select: valueSelect,
    });
    const byDay = new Map(existing.map((v) => [fromDay(v.periodEnd), v]));
    const fields = { status: input.status, enteredById: ctx.viewer.userId };
    const replacing = rows.flatMap((row) => {
      const before = byDay.get(row.periodEnd);
      return before && before.value !== row.value ? [{ periodEnd: row.periodEnd, before: before.value, after: row.value }] : [];
    });
    const reason = replacing.length > 0 ? requireConfirmedReplacement(input, replacing, measure.unit) : null;
    const replacedFigure = new Set(replacing.map((r) => r.periodEnd));

    const fresh = rows.filter((row) => !byDay.has(row.periodEnd));
    const created = await insertValues(
      tx.measureValue.createManyAndReturn({
        data: fresh.map((row) => ({ measureId: measure.id, periodEnd: toDay(row.periodEnd)!, value: row.value, ...fields })),
        select: valueSelect,
      }),
    );

    // Only values the paste changes are rewritten: pasting a column again leaves the rest, and
    // who entered them, as they were. A paste gives no notes, so a value's note stays.
    const replaced = new Map<string, { before: ValueRow; after: ValueRow }>();
    for (const row of rows) {
      const before = byDay.get(row.periodEnd);
      if (before && (before.value !== row.value || before.status !== input.status)) {
        replaced.set(row.periodEnd, { before, after: { ...before, value: row.value, ...fields } });
      }
    }
    // One statement per distinct value: status and who entered it are the same for the whole paste.
    // Each row is written only while it holds the figure read: one changed meanwhile refuses the paste.
    const byValue = new Map<number, ValueRow[]>();
    for (const { before, after } of replaced.values()) byValue.set(after.value, [...(byValue.get(after.value) ?? []), before]);
    for (const [value, rows] of byValue) {
      const { count } = await tx.measureValue.updateMany({
        where: { OR: rows.map((b) => ({ id: b.id, value: b.value, status: b.status })) },
        data: { value, ...fields },
      });
      if (count !== rows.length) throw enteredMeanwhile("some of these periods");
    }

    // One event per value, like a single entry, so each value's history reads the same.
    const createdByDay = new Map(created.map((v) => [fromDay(v.periodEnd), v]));
    const audit = (entityId: string, before: ValueRow | null, after: ValueRow): AuditEntry => ({
      action: "measure.pasteValues",
      entityType: "MeasureValue",
      entityId,
      localAreaId: measure.localAreaId,
      before,
      after,
    });
    await recordAudits(
      tx,
      ctx,
      rows.flatMap((row) => {
        const made = createdByDay.get(row.periodEnd);
        if (made) return [audit(made.id, null, made)];
        const change = replaced.get(row.periodEnd);
        if (!change) return [];
        // The reason goes with each figure it replaced; a change of status alone needs none.
        const after = reason && replacedFigure.has(row.periodEnd) ? { ...change.after, reason } : change.after;
        return [audit(change.before.id, change.before, after)];
      }),
    );
    return { created: created.length, updated: replaced.size };
  });
}

/** The insert of a paste's new periods; someone else entering one of them meanwhile refuses the paste. */
async function insertValues(insert: Promise<ValueRow[]>): Promise<ValueRow[]> {
  try {
    return await insert;
  } catch (error) {
    if ((error as { code?: string } | null)?.code === "P2002") {
      throw new AppError("CONFLICT", "Someone else entered values for some of these periods at the same time. Nothing was saved: paste again to replace them.");
    }
    throw error;
  }
}

/** Someone else entered or changed a figure for the same period between the read and the write. */
const enteredMeanwhile = (periods = "this period") =>
  new AppError("CONFLICT", `Someone else entered a value for ${periods} at the same time. Nothing was saved: reload the page to see theirs, then enter yours again.`);

/** The insert of one new period's value; someone else entering it meanwhile refuses this one. */
async function sameMomentRefused(insert: Promise<ValueRow>): Promise<ValueRow> {
  try {
    return await insert;
  } catch (error) {
    if ((error as { code?: string } | null)?.code === "P2002") throw enteredMeanwhile();
    throw error;
  }
}

/** Marks a value validated (or back to provisional). */
export async function setValueStatus(ctx: ServiceContext, input: SetValueStatusInput) {
  const found = await findInArea(ctx, "measureValue", {
    where: { id: input.id },
    select: { ...valueSelect, measure: { select: { id: true, localAreaId: true, ownerId: true, plan: PLAN_ENDING } } },
  });
  const { measure, ...before } = found;
  requireCan(ctx, "measure.enterValues", measure, "Only the plan lead or the measure's owner can validate its values.");
  requireOpenPlan(measure.plan);
  return inTransaction(ctx, async (tx) => {
    const after = await tx.measureValue.update({ where: { id: input.id }, data: { status: input.status }, select: valueSelect });
    await recordAudit(tx, ctx, {
      action: "measure.setValueStatus",
      entityType: "MeasureValue",
      entityId: input.id,
      localAreaId: measure.localAreaId,
      before,
      after,
    });
    return { id: after.id, status: after.status };
  });
}
