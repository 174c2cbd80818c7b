/**
 * The whole file compared with the plan: each sheet's analyser in turn, their findings joined
 * into one report and one list of writes in the order they can run. Pure: the same rows and the
 * same state give the same answer, whether checking a file or applying it.
 */
import type { ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import { analyseActions } from "@/server/services/plan-transfer/import/analyse-actions";
import { analyseFindings } from "@/server/services/plan-transfer/import/analyse-findings";
import { analyseMeasures } from "@/server/services/plan-transfer/import/analyse-measures";
import { analyseMilestones } from "@/server/services/plan-transfer/import/analyse-milestones";
import { analysePlan } from "@/server/services/plan-transfer/import/analyse-plan";
import { analyseValues } from "@/server/services/plan-transfer/import/analyse-values";
import type { ImportState } from "@/server/services/plan-transfer/import/import-state";
import { changeOf, inWritingOrder, sortIssues, type ImportReport, type PlannedWrite, type SheetAnalysis } from "@/server/services/plan-transfer/import/report";

export type Analysis = { report: ImportReport; writes: PlannedWrite[] };

export function analyseWorkbook(parsed: ParsedWorkbook, state: ImportState): Analysis {
  const measures = analyseMeasures(parsed, state);
  // In the order the sheets come in the workbook; problems found on the same cell keep this order.
  const sheets: SheetAnalysis[] = [
    analysePlan(parsed, state),
    analyseFindings(parsed, state),
    analyseActions(parsed, state),
    measures,
    analyseMilestones(parsed, state, measures),
    analyseValues(parsed, state, measures),
  ];
  const writes = inWritingOrder(sheets.flatMap((s) => s.writes));
  return {
    report: {
      errors: sortIssues([...parsed.errors, ...sheets.flatMap((s) => s.errors)]),
      warnings: sortIssues([...parsed.warnings, ...sheets.flatMap((s) => s.warnings)]),
      changes: writes.map(changeOf),
    },
    writes,
  };
}
