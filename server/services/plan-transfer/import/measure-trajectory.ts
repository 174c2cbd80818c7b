/**
 * A measure as the import would leave it, checked whole by the measure editor's own rules
 * (server/schemas/measure.ts), so every measure an import writes can be saved in its editor again.
 */
import { fromDay } from "@/lib/calendar";
import { columnOf, type ColumnKey } from "@/server/schemas/plan-workbook";
import { measureFields, type MeasureFields } from "@/server/schemas/measure";
import type { Issue, MeasureRow, MilestoneRow } from "@/server/services/plan-transfer/parse-sheets";
import { key } from "@/server/services/plan-transfer/import/compare";
import type { WorkbookMeasureState } from "@/server/services/plan-transfer/workbook-state";

/** The measure form's fields as the Measures sheet's columns, for reporting the editor's refusals. */
const MEASURE_COLUMNS: Partial<Record<keyof MeasureFields, ColumnKey<"Measures">>> = {
  ref: "ref",
  name: "name",
  definition: "definition",
  unit: "unit",
  direction: "direction",
  source: "source",
  baselineValue: "baseline",
  baselineDate: "baselineDate",
  benchmarkValue: "benchmark",
  benchmarkLabel: "benchmarkLabel",
  // Not a column: a benchmark date without a value is put right by entering the benchmark.
  benchmarkDate: "benchmark",
  targetValue: "target",
  targetDate: "targetDate",
  findingIds: "findingRefs",
  plausibleMin: "plausibleMin",
  plausibleMax: "plausibleMax",
};

/**
 * The measure editor's refusals of a measure as the import would leave it: the file's row over the
 * plan's record, the plan's milestones with the file's added or changed. Each is reported where
 * it can be put right: the Measures row's column, or the Milestones row of a milestone from the
 * file. A measure the file names only in the Milestones sheet is reported on its first milestone.
 */
export function trajectoryIssues(
  row: MeasureRow | undefined,
  current: WorkbookMeasureState | undefined,
  milestoneRows: readonly MilestoneRow[],
  findingIds: ReadonlyMap<string, string>,
): Issue[] {
  // A measure whose row has problems of its own is reported already.
  if (!row && !current) return [];
  const pick = <T>(fromFile: T | undefined, fromPlan: T) => (fromFile === undefined ? fromPlan : fromFile);
  const milestones = new Map<string, { date: string; targetValue: number; row?: number }>();
  for (const s of current?.milestones ?? []) milestones.set(fromDay(s.date), { date: fromDay(s.date), targetValue: s.targetValue });
  for (const s of milestoneRows) milestones.set(fromDay(s.date), { date: fromDay(s.date), targetValue: s.target, row: s.row });
  const trajectory = [...milestones.values()].sort((a, b) => a.date.localeCompare(b.date));
  const findingRefs = row?.findingRefs ?? current?.findings.map((f) => f.ref) ?? [];
  const baselineDate = fromDay(pick(row?.baselineDate, current?.baselineDate ?? null));
  const ref = row?.ref ?? current!.ref;

  const checked = measureFields.safeParse({
    ref,
    name: row?.name ?? current!.name,
    definition: pick(row?.definition, current?.definition ?? ""),
    unit: row?.unit ?? current!.unit,
    direction: row?.direction ?? current!.direction,
    source: pick(row?.source, current?.source ?? ""),
    baselineValue: pick(row?.baseline, current?.baselineValue ?? null),
    baselineDate,
    benchmarkValue: pick(row?.benchmark, current?.benchmarkValue ?? null),
    benchmarkLabel: pick(row?.benchmarkLabel, current?.benchmarkLabel ?? null) ?? "",
    benchmarkDate: fromDay(current?.benchmarkDate),
    targetValue: pick(row?.target, current?.targetValue ?? null),
    targetDate: fromDay(pick(row?.targetDate, current?.targetDate ?? null)),
    plausibleMin: pick(row?.plausibleMin, current?.plausibleMin ?? null),
    plausibleMax: pick(row?.plausibleMax, current?.plausibleMax ?? null),
    // The refs were found above; a finding the file adds has no id yet, so it stands in with one of its own.
    findingIds: findingRefs.map((f, i) => findingIds.get(key(f)) ?? `new${i}`),
    milestones: trajectory.map(({ date, targetValue }) => ({ date, targetValue })),
  } satisfies MeasureFields);
  if (checked.success) return [];

  const firstMilestone = milestoneRows[0]?.row ?? 0;
  const onMeasure = (column: string, message: string): Issue =>
    row
      ? { sheet: "Measures", row: row.row, column, message }
      : { sheet: "Milestones", row: firstMilestone, column: "", message: `Measure ${ref} in the plan: ${message}` };
  return checked.error.issues.map((issue) => {
    const [field, index] = issue.path;
    if (field === "milestones" && typeof index === "number") {
      const milestone = trajectory[index]!;
      // The editor numbers milestones as its form lists them; a workbook names them by date.
      const message = issue.message.replace(/^Milestone \d+/, `The milestone on ${milestone.date}`);
      if (milestone.row) return { sheet: "Milestones", row: milestone.row, column: "Date", message };
      return onMeasure(baselineDate && milestone.date <= baselineDate ? "Baseline date" : "Target date", message);
    }
    const column = MEASURE_COLUMNS[field as keyof MeasureFields];
    return onMeasure(column ? columnOf("Measures", column).header : "", issue.message);
  });
}
