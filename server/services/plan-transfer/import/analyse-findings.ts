/** The Findings sheet: the inspection's findings, created or updated by ref. */
import type { Issue, ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import { FieldChanges, key, same } from "@/server/services/plan-transfer/import/compare";
import type { ImportState } from "@/server/services/plan-transfer/import/import-state";
import { sheetAnalysis, type PlannedWrite, type SheetAnalysis } from "@/server/services/plan-transfer/import/report";
import type { WorkbookFindingState } from "@/server/services/plan-transfer/workbook-state";

/** Whether a finding ref is in the plan or in the file's Findings sheet (rows with problems included). */
export function findingNamed(parsed: ParsedWorkbook, state: ImportState, ref: string): boolean {
  return state.findingIds.has(key(ref)) || parsed.findingRefs.has(key(ref));
}

export function analyseFindings(parsed: ParsedWorkbook, state: ImportState): SheetAnalysis {
  const errors: Issue[] = [];
  const writes: PlannedWrite[] = [];
  const { plan } = state;
  const currentFindings = new Map<string, WorkbookFindingState>(plan?.findings.map((f) => [key(f.ref), f]));
  let nextFindingSort = Math.max(0, ...(plan?.findings.map((f) => f.sortOrder) ?? [])) + 1;

  for (const row of parsed.findings) {
    const current = currentFindings.get(key(row.ref));
    // Judgements are the adviser's to record (the Judgements page), not the lead's workbook's: on a
    // plan already here the columns are for reading, and a file that changes them is refused. A
    // file that starts the plan (moving an existing plan out of Excel) brings its history with it.
    const judgementChanged = (desired: unknown, now: unknown) => plan !== null && desired !== undefined && !same(desired ?? null, now ?? null);
    for (const [column, desired, now] of [
      ["Judgement", row.judgement, current?.judgement ?? null],
      ["Judgement date", row.judgementDate, current?.judgementDate ?? null],
    ] as const) {
      if (judgementChanged(desired, now)) {
        errors.push({ sheet: "Findings", row: row.row, column, message: "Judgements are recorded by the area's adviser on the Judgements page, not by importing a workbook" });
      }
    }
    if (!current) {
      writes.push({
        entity: "Finding",
        kind: "create",
        key: row.ref,
        data: {
          ref: row.ref,
          kind: row.kind,
          inspectorsWording: row.inspectorsWording,
          summary: row.summary,
          judgement: row.judgement ?? null,
          judgementDate: row.judgementDate ?? null,
          sortOrder: nextFindingSort++,
        },
      });
      continue;
    }
    const c = new FieldChanges();
    c.compare("Kind", "kind", row.kind, current.kind);
    c.compare("Inspectors' wording", "inspectorsWording", row.inspectorsWording, current.inspectorsWording);
    c.compare("Summary", "summary", row.summary, current.summary);
    if (!c.any) continue;
    writes.push({ entity: "Finding", kind: "update", key: current.ref, id: current.id, version: current.version, ...c.diff() });
  }

  return sheetAnalysis(errors, [], writes);
}
