/**
 * A measure's values: entered one at a time or pasted as a column, provisional or validated. The
 * plan lead may enter values on any measure of their area, a contributor on the measures they
 * own. A value for a period already entered replaces it; the audit keeps both.
 */
import type { AuthedContext } from "@/server/api/trpc";
import { areaScope, can } from "@/server/auth/permissions";
import { utcDay } from "@/server/domain/calendar";
import { parsePastedValues } from "@/server/domain/measure-paste";
import { AppError, forbidden, notFound } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { PasteValuesInput, RecordValueInput, SetValueStatusInput } from "@/server/schemas/measure";
import { inTransaction, recordAudit } from "@/server/services/audit";
import { fromDay, toDay } from "@/server/schemas/common";
import { today } from "@/server/services/today";

/** Finds a measure the viewer may enter values on: NOT_FOUND outside their areas, FORBIDDEN if not theirs. */
async function measureForValues(ctx: AuthedContext, measureId: string) {
  const measure = await ctx.db.measure.findFirst({
    where: { id: measureId, localAreaId: areaScope(ctx.viewer, "plan.read") },
    select: { id: true, localAreaId: true, ownerId: true },
  });
  if (!measure) throw notFound("That measure");
  if (!can(ctx.viewer, "measure.enterValues", measure)) {
    throw forbidden("Only the plan lead or the measure's owner can enter its values.");
  }
  return measure;
}

const valueSelect = { id: true, periodEnd: true, value: true, status: true, note: true, enteredById: true } satisfies Prisma.MeasureValueSelect;

/** The latest period end a value may have: a period that has not ended has no figure yet. */
const latestPeriodEnd = () => fromDay(utcDay(today()));

/** Enters one value; a value for a period already entered replaces it, and the audit keeps both. */
export async function recordValue(ctx: AuthedContext, input: RecordValueInput) {
  const measure = await measureForValues(ctx, input.measureId);
  if (input.periodEnd > latestPeriodEnd()) throw new AppError("INVALID", "The period end must be today or earlier: the period must have ended.");
  const periodEnd = toDay(input.periodEnd)!;
  return inTransaction(ctx, async (tx) => {
    const key = { measureId_periodEnd: { measureId: measure.id, periodEnd } };
    const before = await tx.measureValue.findUnique({ where: key, select: valueSelect });
    const fields = { value: input.value, status: input.status, note: input.note || null, enteredById: ctx.viewer.userId };
    const after = await tx.measureValue.upsert({
      where: key,
      create: { measureId: measure.id, periodEnd, ...fields },
      update: fields,
      select: valueSelect,
    });
    await recordAudit(tx, ctx, {
      action: "measure.recordValue",
      entityType: "MeasureValue",
      entityId: after.id,
      localAreaId: measure.localAreaId,
      before,
      after,
    });
    return { id: after.id, replaced: before !== null };
  });
}

/**
 * Enters a pasted column of periods and values, all or nothing: any line that cannot be read
 * refuses the paste with every line's problem in `details.lineErrors`.
 */
export async function pasteValues(ctx: AuthedContext, input: PasteValuesInput) {
  const measure = await measureForValues(ctx, input.measureId);
  const { rows, errors } = parsePastedValues(input.text, { latest: latestPeriodEnd() });
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
    let created = 0;
    for (const row of rows) {
      const before = byDay.get(row.periodEnd) ?? null;
      const periodEnd = toDay(row.periodEnd)!;
      const fields = { value: row.value, status: input.status, enteredById: ctx.viewer.userId };
      const after = await tx.measureValue.upsert({
        where: { measureId_periodEnd: { measureId: measure.id, periodEnd } },
        create: { measureId: measure.id, periodEnd, ...fields },
        update: fields,
        select: valueSelect,
      });
      if (!before) created += 1;
      // One event per value, like a single entry, so each value's history reads the same.
      await recordAudit(tx, ctx, {
        action: "measure.pasteValues",
        entityType: "MeasureValue",
        entityId: after.id,
        localAreaId: measure.localAreaId,
        before,
        after,
      });
    }
    return { created, updated: rows.length - created };
  });
}

/** Marks a value validated (or back to provisional). */
export async function setValueStatus(ctx: AuthedContext, input: SetValueStatusInput) {
  const found = await ctx.db.measureValue.findFirst({
    where: { id: input.id, measure: { localAreaId: areaScope(ctx.viewer, "plan.read") } },
    select: { ...valueSelect, measure: { select: { id: true, localAreaId: true, ownerId: true } } },
  });
  if (!found) throw notFound("That value");
  const { measure, ...before } = found;
  if (!can(ctx.viewer, "measure.enterValues", measure)) {
    throw forbidden("Only the plan lead or the measure's owner can validate its values.");
  }
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
