/** The Values sheet: each measure's figures, by (measure ref, period end), as when entered by hand. */
import { fromDay } from "@/lib/calendar";
import type { Issue, ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import { dayKey, FieldChanges, key } from "@/server/services/plan-transfer/import/compare";
import { measureNamed } from "@/server/services/plan-transfer/import/analyse-measures";
import type { ImportState } from "@/server/services/plan-transfer/import/import-state";
import { sheetAnalysis, type PlannedWrite, type SheetAnalysis } from "@/server/services/plan-transfer/import/report";

export function analyseValues(parsed: ParsedWorkbook, state: ImportState): SheetAnalysis {
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
    writes.push({ entity: "Value", kind: "update", key: label, id: current.id, ...c.diff() });
  }

  return sheetAnalysis(errors, [], writes);
}
