/** The Measures sheet: the plan's measures, created or updated by ref, with the findings each one evidences. */
import type { Issue, MeasureRow, ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import { controlledChange, FieldChanges, key, sameSet } from "@/server/services/plan-transfer/import/compare";
import { findingNamed } from "@/server/services/plan-transfer/import/analyse-findings";
import type { ImportState } from "@/server/services/plan-transfer/import/import-state";
import { sheetAnalysis, type PlannedWrite, type SheetAnalysis } from "@/server/services/plan-transfer/import/report";

export type MeasuresAnalysis = SheetAnalysis & {
  /** The rows that may be written, by measure key: the trajectory check reads them. */
  rows: Map<string, MeasureRow>;
  /** The measures whose record the file creates or changes. */
  changed: Set<string>;
};

/** Whether a measure ref is in the plan or in the file's Measures sheet (rows with problems included). */
export function measureNamed(parsed: ParsedWorkbook, state: ImportState, ref: string): boolean {
  return state.measureIds.has(key(ref)) || parsed.measureRefs.has(key(ref));
}

export function analyseMeasures(parsed: ParsedWorkbook, state: ImportState): MeasuresAnalysis {
  const errors: Issue[] = [];
  const writes: PlannedWrite[] = [];
  const rows = new Map<string, MeasureRow>();
  const changed = new Set<string>();
  const currentMeasures = new Map(state.plan?.measures.map((m) => [key(m.ref), m]));

  for (const row of parsed.measures) {
    const missing = (row.findingRefs ?? []).filter((ref) => !findingNamed(parsed, state, ref));
    if (missing.length > 0) {
      errors.push({
        sheet: "Measures",
        row: row.row,
        column: "Finding refs",
        message: `There is no finding ${missing.join(", ")} in the Findings sheet or in the plan`,
      });
      continue;
    }
    rows.set(key(row.ref), row);
    const current = currentMeasures.get(key(row.ref));
    if (!current) {
      changed.add(key(row.ref));
      writes.push({
        entity: "Measure",
        kind: "create",
        key: row.ref,
        measureKey: key(row.ref),
        findingKeys: (row.findingRefs ?? []).map(key),
        findingRefs: row.findingRefs ?? [],
        data: {
          ref: row.ref,
          name: row.name,
          definition: row.definition ?? "",
          unit: row.unit,
          direction: row.direction,
          source: row.source ?? "",
          baselineValue: row.baseline ?? null,
          baselineDate: row.baselineDate ?? null,
          benchmarkValue: row.benchmark ?? null,
          benchmarkLabel: row.benchmarkLabel ?? null,
          targetValue: row.target ?? null,
          targetDate: row.targetDate ?? null,
          plausibleMin: row.plausibleMin ?? null,
          plausibleMax: row.plausibleMax ?? null,
        },
      });
      continue;
    }
    const c = new FieldChanges();
    c.compare("Name", "name", row.name, current.name);
    c.compare("Definition", "definition", row.definition, current.definition);
    c.compare("Unit", "unit", row.unit, current.unit);
    c.compare("Direction", "direction", row.direction, current.direction);
    c.compare("Source", "source", row.source, current.source);
    c.compare("Baseline", "baselineValue", row.baseline, current.baselineValue);
    c.compare("Baseline date", "baselineDate", row.baselineDate, current.baselineDate);
    c.compare("Benchmark", "benchmarkValue", row.benchmark, current.benchmarkValue);
    c.compare("Benchmark label", "benchmarkLabel", row.benchmarkLabel, current.benchmarkLabel);
    c.compare("Target", "targetValue", row.target, current.targetValue);
    c.compare("Target date", "targetDate", row.targetDate, current.targetDate);
    c.compare("Plausible minimum", "plausibleMin", row.plausibleMin, current.plausibleMin);
    c.compare("Plausible maximum", "plausibleMax", row.plausibleMax, current.plausibleMax);
    const findingsChange = row.findingRefs !== undefined && !sameSet(row.findingRefs.map(key), current.findings.map((f) => key(f.ref)));
    if (findingsChange) c.note("Finding refs", current.findings.map((f) => f.ref), row.findingRefs);
    if (!c.any) continue;
    const at = { sheet: "Measures", row: row.row };
    errors.push(
      ...controlledChange(state.planAccepted, { ...at, column: "Target" }, "measure.targetValue", row.target, current.targetValue),
      ...controlledChange(state.planAccepted, { ...at, column: "Target date" }, "measure.targetDate", row.targetDate, current.targetDate),
    );
    changed.add(key(row.ref));
    writes.push({
      entity: "Measure",
      kind: "update",
      key: current.ref,
      id: current.id,
      version: current.version,
      ...c.diff(),
      ...(findingsChange ? { findingKeys: row.findingRefs!.map(key) } : {}),
    });
  }

  return { ...sheetAnalysis(errors, [], writes), rows, changed };
}
