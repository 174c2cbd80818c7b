/**
 * The Milestones sheet: each measure's trajectory, by (measure ref, date). Every measure the file
 * creates or changes, record or trajectory, is then checked whole as the measure editor would save it.
 */
import { fromDay } from "@/lib/calendar";
import type { Issue, MilestoneRow, ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import { controlledChange, dayKey, key, same } from "@/server/services/plan-transfer/import/compare";
import { measureNamed, type MeasuresAnalysis } from "@/server/services/plan-transfer/import/analyse-measures";
import type { ImportState } from "@/server/services/plan-transfer/import/import-state";
import { trajectoryIssues } from "@/server/services/plan-transfer/import/measure-trajectory";
import { sheetAnalysis, type PlannedWrite, type SheetAnalysis } from "@/server/services/plan-transfer/import/report";

export function analyseMilestones(parsed: ParsedWorkbook, state: ImportState, measures: Pick<MeasuresAnalysis, "rows" | "changed">): SheetAnalysis {
  const errors: Issue[] = [];
  const writes: PlannedWrite[] = [];
  const plan = state.plan;
  const currentMeasures = new Map(plan?.measures.map((m) => [key(m.ref), m]));
  const currentMilestones = new Map(plan?.measures.flatMap((m) => m.milestones.map((s) => [dayKey(m.ref, s.date), s] as const)));
  const changedMeasures = new Set(measures.changed);
  /** The sheet's rows by measure key, for checking each measure's trajectory whole. */
  const milestoneRows = new Map<string, MilestoneRow[]>();

  for (const row of parsed.milestones) {
    if (!measureNamed(parsed, state, row.measureRef)) {
      errors.push({ sheet: "Milestones", row: row.row, column: "Measure ref", message: `There is no measure ${row.measureRef} in the Measures sheet or in the plan` });
      continue;
    }
    const measureKey = key(row.measureRef);
    milestoneRows.set(measureKey, [...(milestoneRows.get(measureKey) ?? []), row]);
    const label = `${currentMeasures.get(measureKey)?.ref ?? row.measureRef}, ${fromDay(row.date)}`;
    const current = currentMilestones.get(dayKey(row.measureRef, row.date));
    if (currentMeasures.has(measureKey)) {
      // A milestone added to, or changed on, a measure the accepted plan already has.
      const milestone = { sheet: "Milestones", row: row.row, column: current ? "Target" : "Date" };
      errors.push(...controlledChange(state.planAccepted, milestone, "measure.milestones", row.target, current ? current.targetValue : null));
    }
    if (!current) {
      changedMeasures.add(measureKey);
      writes.push({ entity: "Milestone", kind: "create", key: label, measureKey, data: { date: row.date, targetValue: row.target } });
    } else if (!same(row.target, current.targetValue)) {
      changedMeasures.add(measureKey);
      writes.push({
        entity: "Milestone",
        kind: "update",
        key: label,
        id: current.id,
        fields: ["Target"],
        data: { targetValue: row.target },
        before: { Target: current.targetValue },
        after: { Target: row.target },
      });
    }
  }

  for (const measureKey of changedMeasures) {
    errors.push(...trajectoryIssues(measures.rows.get(measureKey), currentMeasures.get(measureKey), milestoneRows.get(measureKey) ?? [], state.findingIds));
  }

  return sheetAnalysis(errors, [], writes);
}
