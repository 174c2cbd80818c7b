/** The Findings sheet: the inspection's findings, created or updated by ref. */
import { FINDING_KIND, JUDGEMENT } from "@/lib/labels";
import { JUDGEMENTS_FOR } from "@/server/domain/follow-on-plan";
import type { FindingRow, Issue, ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import { FieldChanges, key, same } from "@/server/services/plan-transfer/import/compare";
import type { ImportState } from "@/server/services/plan-transfer/import/import-state";
import { sheetAnalysis, type PlannedWrite, type SheetAnalysis } from "@/server/services/plan-transfer/import/report";
import type { WorkbookFindingState } from "@/server/services/plan-transfer/workbook-state";

/** Whether a finding ref is in the plan or in the file's Findings sheet (rows with problems included). */
export function findingNamed(parsed: ParsedWorkbook, state: ImportState, ref: string): boolean {
  return state.findingIds.has(key(ref)) || parsed.findingRefs.has(key(ref));
}

/** A judgement that cannot stand: the wrong kind for the finding, or dated in the future. */
function judgementRefusal(row: FindingRow, state: ImportState): { column: string; message: string } | null {
  if (!row.judgement) return null;
  const allowed = JUDGEMENTS_FOR[row.kind];
  if (!allowed.includes(row.judgement)) {
    return { column: "Judgement", message: `Choose ${allowed.map((j) => JUDGEMENT[j].toLowerCase()).join(" or ")} for ${FINDING_KIND[row.kind].toLowerCase()}` };
  }
  if (row.judgementDate && row.judgementDate > state.lastPeriodEnd) return { column: "Judgement date", message: "The date of the judgement must be today or earlier" };
  return null;
}

export function analyseFindings(parsed: ParsedWorkbook, state: ImportState): SheetAnalysis {
  const errors: Issue[] = [];
  const writes: PlannedWrite[] = [];
  const { plan } = state;
  const currentFindings = new Map<string, WorkbookFindingState>(plan?.findings.map((f) => [key(f.ref), f]));
  let nextFindingSort = Math.max(0, ...(plan?.findings.map((f) => f.sortOrder) ?? [])) + 1;

  for (const row of parsed.findings) {
    const current = currentFindings.get(key(row.ref));
    const judgementProblem = judgementRefusal(row, state);
    if (judgementProblem) errors.push({ sheet: "Findings", row: row.row, ...judgementProblem });
    if (!current) {
      writes.push({
        entity: "Finding",
        kind: "create",
        key: row.ref,
        data: {
          ref: row.ref,
          kind: row.kind,
          inspectorsWording: row.inspectorsWording,
          summary: row.summary ?? "",
          judgement: row.judgement ?? null,
          judgementDate: row.judgementDate ?? null,
          judgementSource: row.judgement ? (row.letterUrl ?? null) : null,
          judgementImported: !!row.judgement,
          sortOrder: nextFindingSort++,
        },
        judgedByFollowUp: !!row.judgement,
      });
      continue;
    }
    const c = new FieldChanges();
    c.compare("Kind", "kind", row.kind, current.kind);
    c.compare("Inspectors' wording", "inspectorsWording", row.inspectorsWording, current.inspectorsWording);
    // An empty Summary cell leaves a summary written in Headway alone: a tracker exported before
    // anyone wrote one must not wipe it out.
    if (row.summary) c.compare("Summary", "summary", row.summary, current.summary);
    // A judgement from the published letter, on a plan already here: recorded as imported (the
    // adviser's Judgements page shows it as such), linked to the plan's follow-up inspection.
    const judged = row.judgement !== undefined && (!same(row.judgement, current.judgement) || !same(row.judgementDate, current.judgementDate) || (row.letterUrl !== undefined && !same(row.letterUrl, current.judgementSource)));
    if (judged) {
      c.compare("Judgement", "judgement", row.judgement, current.judgement);
      c.compare("Judgement date", "judgementDate", row.judgementDate, current.judgementDate);
      c.compare("Letter link", "judgementSource", row.letterUrl, current.judgementSource);
      c.data.judgementImported = row.judgement !== null;
    }
    if (!c.any) continue;
    writes.push({ entity: "Finding", kind: "update", key: current.ref, id: current.id, version: current.version, ...c.diff(), ...(judged && row.judgement ? { judgedByFollowUp: true } : {}) });
  }

  return sheetAnalysis(errors, [], writes);
}
