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
import { valueRangeProblem, type ValueRule } from "@/server/domain/measure-value-range";
import { AppError } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { MeasureUnit, MeasureValueStatus } from "@/server/generated/prisma/enums";
import type { PasteValuesInput, RecordValueInput, SetValueStatusInput } from "@/server/schemas/measure";
import { fieldError, requireCan } from "@/server/services/core/access";
import { inTransaction, recordAudit, recordAudits, type AuditEntry, type Db, type Tx } from "@/server/services/core/audit";
import { today } from "@/server/services/core/today";
import { PLAN_ENDING, requireOpenPlan } from "@/server/services/core/ended-plan";

/** What entering values reads of a measure: its area and owner (permission), its rule, its plan (ended or not). */
export const MEASURE_FOR_VALUES = {
  id: true,
  localAreaId: true,
  ownerId: true,
  unit: true,
  plausibleMin: true,
  plausibleMax: true,
  plan: PLAN_ENDING,
} satisfies Prisma.MeasureSelect;
export type MeasureForValues = Prisma.MeasureGetPayload<{ select: typeof MEASURE_FOR_VALUES }>;

/** Refuses entering values on a measure the viewer may not (FORBIDDEN), or whose plan has ended. */
export function requireMayEnterValues(ctx: ServiceContext, measure: MeasureForValues) {
  requireCan(ctx, "measure.enterValues", measure, "Only the plan lead or the measure's owner can enter its values.");
  requireOpenPlan(measure.plan);
}

/** Finds a measure the viewer may enter values on: NOT_FOUND outside their areas, FORBIDDEN if not theirs. */
async function measureForValues(ctx: ServiceContext, measureId: string) {
  const measure = await findInArea(ctx, "measure", { where: { id: measureId }, select: MEASURE_FOR_VALUES });
  requireMayEnterValues(ctx, measure);
  return measure;
}

const valueSelect = { id: true, periodEnd: true, value: true, status: true, note: true, enteredById: true } satisfies Prisma.MeasureValueSelect;
type ValueRow = Prisma.MeasureValueGetPayload<{ select: typeof valueSelect }>;

/** The latest period end a value may have: a period that has not ended has no figure yet. */
const latestPeriodEnd = () => fromDay(utcDay(today()));

const PERIOD_NOT_ENDED = "The period end must be today or earlier: the period must have ended.";

/**
 * What is wrong with one value for this measure before anything is read: a period that has not
 * ended, or a figure its unit or plausible range rules out. The value form's rule, for every
 * caller that enters values one by one (the form, the API).
 */
export function valueEntryProblems(entry: { periodEnd: string; value: number }, rule: ValueRule): Array<{ field: "periodEnd" | "value"; message: string }> {
  const problems: Array<{ field: "periodEnd" | "value"; message: string }> = [];
  if (entry.periodEnd > latestPeriodEnd()) problems.push({ field: "periodEnd", message: PERIOD_NOT_ENDED });
  const outOfRange = valueRangeProblem(entry.value, rule);
  if (outOfRange) problems.push({ field: "value", message: outOfRange });
  return problems;
}

/** A figure already recorded for a period, and the one that would replace it: what the person confirms. */
export type Replacement = { periodEnd: string; before: number; after: number };

/** The reason a replacement is confirmed with; null unless it is confirmed and a reason given. */
export function confirmedReason(input: { confirmReplace?: boolean; replaceReason?: string }): string | null {
  const reason = input.replaceReason?.trim() ?? "";
  return input.confirmReplace === true && reason ? reason : null;
}

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
  const reason = confirmedReason(input);
  if (reason) return reason;
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
  const problem = valueEntryProblems(input, measure)[0];
  if (problem) throw fieldError(problem.field, problem.message);
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
    const changes = await valueChanges(tx, measure.id, rows.map((row) => ({ periodEnd: row.periodEnd, value: row.value, status: input.status })));
    const replacing = replacementsIn(changes);
    const reason = replacing.length > 0 ? requireConfirmedReplacement(input, replacing, measure.unit) : null;
    const written = await writeValueChanges(tx, ctx, measure, changes, { action: "measure.pasteValues", reason });
    return { created: written.created, updated: written.replaced + written.updated };
  });
}

/** One value to enter for a period. A status or note left out leaves the recorded one as it is (a new value is provisional). */
export type ValueEntry = { periodEnd: string; value: number; status?: MeasureValueStatus; note?: string };

/**
 * What entering a value would do to its period: add a value (created), replace the figure
 * recorded (replaced: only with a confirmed reason), change only its status or note (updated), or
 * nothing (unchanged: the same value sent again).
 */
export type ValueChange = { entry: ValueEntry; kind: "created"; before: null } | { entry: ValueEntry; kind: "replaced" | "updated" | "unchanged"; before: ValueRow };

/** What entering `entries` (periods distinct) on the measure would do, each as it stands now. One query. */
export async function valueChanges(db: Db, measureId: string, entries: readonly ValueEntry[]): Promise<ValueChange[]> {
  const existing = await db.measureValue.findMany({
    where: { measureId, periodEnd: { in: entries.map((e) => toDay(e.periodEnd)!) } },
    select: valueSelect,
  });
  const byDay = new Map(existing.map((v) => [fromDay(v.periodEnd), v]));
  return entries.map((entry): ValueChange => {
    const before = byDay.get(entry.periodEnd);
    if (!before) return { entry, kind: "created", before: null };
    if (before.value !== entry.value) return { entry, kind: "replaced", before };
    const differs = (entry.status !== undefined && entry.status !== before.status) || (entry.note !== undefined && (entry.note || null) !== before.note);
    return { entry, kind: differs ? "updated" : "unchanged", before };
  });
}

/** The figures `changes` would replace, before and after: what the person confirms, with a reason. */
export const replacementsIn = (changes: readonly ValueChange[]): Replacement[] =>
  changes.flatMap((c) => (c.kind === "replaced" ? [{ periodEnd: c.entry.periodEnd, before: c.before.value, after: c.entry.value }] : []));

/**
 * Writes `changes` (from valueChanges, in the same transaction) for the measure: new periods in
 * one insert, changed ones only while they still hold the figure read (someone else's change
 * meanwhile refuses the lot), and one audit event per value written, under `action`. `reason`
 * confirms the replacements (the caller has required it) and goes with each figure it replaced.
 * Who entered a value becomes the viewer, as when they enter it by hand.
 */
export async function writeValueChanges(
  tx: Tx,
  ctx: ServiceContext,
  measure: { id: string; localAreaId: string },
  changes: readonly ValueChange[],
  options: { action: string; reason: string | null },
): Promise<{ created: number; replaced: number; updated: number; unchanged: number }> {
  const enteredById = ctx.viewer.userId;
  const fresh = changes.filter((c) => c.kind === "created");
  const created = await insertValues(
    tx.measureValue.createManyAndReturn({
      data: fresh.map(({ entry }) => ({
        measureId: measure.id,
        periodEnd: toDay(entry.periodEnd)!,
        value: entry.value,
        status: entry.status ?? "PROVISIONAL",
        note: entry.note || null,
        enteredById,
      })),
      select: valueSelect,
    }),
  );

  // Only values that change are rewritten: sending a column again leaves the rest, and who
  // entered them, as they were. A status or note not sent stays as it is.
  const changed = changes.flatMap((c) => {
    if (c.kind !== "replaced" && c.kind !== "updated") return [];
    const { entry, before } = c;
    const after: ValueRow = {
      ...before,
      value: entry.value,
      status: entry.status ?? before.status,
      note: entry.note === undefined ? before.note : entry.note || null,
      enteredById,
    };
    return [{ kind: c.kind, periodEnd: entry.periodEnd, before, after, noteSent: entry.note !== undefined }];
  });
  // One statement per distinct write (a paste's values share their status and who entered them).
  // Each row is written only while it holds the figure read: one changed meanwhile refuses the lot.
  const byWrite = new Map<string, { data: Partial<Pick<ValueRow, "value" | "status" | "note" | "enteredById">>; rows: ValueRow[] }>();
  for (const { before, after, noteSent } of changed) {
    const data = { value: after.value, status: after.status, ...(noteSent ? { note: after.note } : {}), enteredById };
    const key = JSON.stringify(data);
    byWrite.set(key, { data, rows: [...(byWrite.get(key)?.rows ?? []), before] });
  }
  for (const { data, rows } of byWrite.values()) {
    const { count } = await tx.measureValue.updateMany({ where: { OR: rows.map((b) => ({ id: b.id, value: b.value, status: b.status })) }, data });
    if (count !== rows.length) throw enteredMeanwhile("some of these periods");
  }

  // One event per value, like a single entry, so each value's history reads the same.
  const createdByDay = new Map(created.map((v) => [fromDay(v.periodEnd), v]));
  const changedByDay = new Map(changed.map((c) => [c.periodEnd, c]));
  const audit = (entityId: string, before: ValueRow | null, after: ValueRow): AuditEntry => ({
    action: options.action,
    entityType: "MeasureValue",
    entityId,
    localAreaId: measure.localAreaId,
    before,
    after,
  });
  await recordAudits(
    tx,
    ctx,
    changes.flatMap(({ entry, kind }) => {
      const made = createdByDay.get(entry.periodEnd);
      if (made) return [audit(made.id, null, made)];
      const change = changedByDay.get(entry.periodEnd);
      if (!change) return [];
      // The reason goes with each figure it replaced; a change of status or note alone needs none.
      const after = options.reason && kind === "replaced" ? { ...change.after, reason: options.reason } : change.after;
      return [audit(change.before.id, change.before, after)];
    }),
  );
  const count = (kind: ValueChange["kind"]) => changes.filter((c) => c.kind === kind).length;
  return { created: created.length, replaced: count("replaced"), updated: count("updated"), unchanged: count("unchanged") };
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
