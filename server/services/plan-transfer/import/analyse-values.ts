/**
 * The Values sheet: each measure's figures, by (measure ref, period end), as when entered by hand:
 * a period that has ended, and a value the measure can take (its unit and plausible range, as the
 * file leaves the measure). A changed figure is listed with what it was and what it becomes.
 */
import { fromDay } from "@/lib/calendar";
import { formatFigure } from "@/lib/format/measure-value";
import { valueRangeReason, type ValueRule } from "@/server/domain/measure-value-range";
import type { Issue, ParsedWorkbook, ValueRow } from "@/server/services/plan-transfer/parse-sheets";
import { dayKey, FieldChanges, key } from "@/server/services/plan-transfer/import/compare";
import { measureNamed, type MeasuresAnalysis } from "@/server/services/plan-transfer/import/analyse-measures";
import type { ImportState } from "@/server/services/plan-transfer/import/import-state";
import { sheetAnalysis, type PlannedWrite, type SheetAnalysis } from "@/server/services/plan-transfer/import/report";

export function analyseValues(parsed: ParsedWorkbook, state: ImportState, measures: Pick<MeasuresAnalysis, "rows">): SheetAnalysis {
  const errors: Issue[] = [];
  const writes: PlannedWrite[] = [];
  const plan = state.plan;
  const currentMeasures = new Map(plan?.measures.map((m) => [key(m.ref), m]));
  const currentValues = new Map(plan?.measures.flatMap((m) => m.values.map((v) => [dayKey(m.ref, v.periodEnd), v] as const)));

  // As when a value is entered by hand: a period that has not ended has no figure yet.
  const notEnded = (row: { row: number }): Issue => ({
    sheet: "Values",
    row: row.row,
    column: "Period end",
    message: "The period end must be today or earlier: the period must have ended",
  });

  /**
   * The unit and range a value is checked against: the file's Measures row over the plan's
   * measure. A measure whose row has problems of its own is reported there, and its values wait.
   */
  const ruleFor = (measureRef: string): ValueRule | null => {
    const fromFile = measures.rows.get(key(measureRef));
    const current = currentMeasures.get(key(measureRef));
    const unit = fromFile?.unit ?? current?.unit;
    if (!unit) return null;
    const pick = (fromRow: number | null | undefined, fromPlan: number | null | undefined) => (fromRow === undefined ? (fromPlan ?? null) : fromRow);
    return { unit, plausibleMin: pick(fromFile?.plausibleMin, current?.plausibleMin), plausibleMax: pick(fromFile?.plausibleMax, current?.plausibleMax) };
  };
  const outOfRange = (row: ValueRow): Issue | null => {
    const rule = ruleFor(row.measureRef);
    const reason = rule && valueRangeReason(row.value, rule);
    return reason ? { sheet: "Values", row: row.row, column: "Value", message: `${formatFigure(row.value)} is out of range: ${reason}` } : null;
  };

  for (const row of parsed.values) {
    if (!measureNamed(parsed, state, row.measureRef)) {
      errors.push({ sheet: "Values", row: row.row, column: "Measure ref", message: `There is no measure ${row.measureRef} in the Measures sheet or in the plan` });
      continue;
    }
    const label = `${currentMeasures.get(key(row.measureRef))?.ref ?? row.measureRef}, ${fromDay(row.periodEnd)}`;
    const current = currentValues.get(dayKey(row.measureRef, row.periodEnd));
    if (!current) {
      if (row.periodEnd > state.lastPeriodEnd) {
        errors.push(notEnded(row));
        continue;
      }
      const refused = outOfRange(row);
      if (refused) {
        errors.push(refused);
        continue;
      }
      writes.push({
        entity: "Value",
        kind: "create",
        key: label,
        measureKey: key(row.measureRef),
        data: { periodEnd: row.periodEnd, value: row.value, status: row.status ?? "PROVISIONAL" },
      });
      continue;
    }
    const c = new FieldChanges();
    c.compare("Value", "value", row.value, current.value);
    c.compare("Status", "status", row.status ?? undefined, current.status);
    if (!c.any) continue;
    if (row.periodEnd > state.lastPeriodEnd) {
      errors.push(notEnded(row));
      continue;
    }
    // A figure the file leaves as it is was checked when it was recorded; a new one is checked now.
    const refused = c.fields.includes("Value") ? outOfRange(row) : null;
    if (refused) {
      errors.push(refused);
      continue;
    }
    writes.push({ entity: "Value", kind: "update", key: label, id: current.id, ...c.diff() });
  }

  return sheetAnalysis(errors, [], writes);
}
