/**
 * Import of a plan workbook into an area's current plan (README "Plan workbooks").
 *
 * Three steps: reading (the files' cells, read-workbook.ts, or plan.json made into the same
 * sheets, plan-json.ts; then their rows, parse-sheets.ts);
 * analysis (import/analyse.ts: one analyser per sheet compares the rows field by field with the
 * plan as it is, read once by import/import-state.ts, and returns the report and the writes that
 * would make the plan match, as plain data); writing (import/write-plan.ts). `previewPlanImport`
 * returns the report and writes nothing. `applyPlanImport` reads the cells first, then reads the
 * plan and analyses again inside one transaction and writes only when there is no error, so a file
 * is imported whole or not at all. What it writes follows the editors' rules (owners, measures'
 * trajectories, values for periods that have ended), so every record can be saved in its editor
 * again. A file that matches the plan produces no change and writes nothing, not even an audit
 * event. Keys: finding ref, action ref, measure ref; (measure ref, date) for milestones and
 * (measure ref, period end) for values. An import never deletes anything.
 *
 * Permission checks are the caller's (plan-transfer.ts for the web, the command line has the
 * database itself): these functions trust `localAreaId`.
 */
import { createHash } from "node:crypto";
import { AppError } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Db } from "@/server/services/core/audit";
import { analyseWorkbook } from "@/server/services/plan-transfer/import/analyse";
import { loadImportState } from "@/server/services/plan-transfer/import/import-state";
import type { ImportReport } from "@/server/services/plan-transfer/import/report";
import { concurrentChange, writePlan, type ImportActor } from "@/server/services/plan-transfer/import/write-plan";
import { importNewArea, type NewAreaResult } from "@/server/services/plan-transfer/new-area";
import { parseSheets, type ParsedWorkbook } from "@/server/services/plan-transfer/parse-sheets";
import { readUpload, type RawSheet, type RawWorkbook, type UploadedFile } from "@/server/services/plan-transfer/read-workbook";
import { isPlanJson, jsonIssue, readPlanJson } from "@/server/services/plan-transfer/plan-json";
import { LIMITS } from "@/server/schemas/plan-workbook";

export { summarise, type Change, type ChangeEntity, type ImportReport, type Issue } from "@/server/services/plan-transfer/import/report";
export type { ImportActor };

/** `json`: the sheets were made from plan.json (plan-json.ts): its text is taken as it is, and problems are named in its words. */
export type ImportInput = { localAreaId: string; sheets: readonly RawSheet[]; date1904?: boolean; json?: boolean };

export type ImportResult = {
  /** refused: the file has errors, nothing was written; unchanged: it matches the plan. */
  status: "applied" | "unchanged" | "refused";
  report: ImportReport;
  planId: string | null;
};

function parse(input: ImportInput): ParsedWorkbook {
  return parseSheets(input.sheets, { date1904: input.date1904, literalText: input.json });
}

/** The report in the words of the file it came from: plan.json's names for its parts, or the workbook's. */
function inFileWords(report: ImportReport, input: { json?: boolean }): ImportReport {
  if (!input.json) return report;
  return { ...report, errors: report.errors.map(jsonIssue), warnings: report.warnings.map(jsonIssue) };
}

/** The dry run: what the file would create and update, and every problem in it. Writes nothing. */
export async function previewPlanImport(db: Db, input: ImportInput): Promise<ImportReport> {
  const parsed = parse(input);
  return inFileWords(analyseWorkbook(parsed, await loadImportState(db, input.localAreaId)).report, input);
}

const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 };

/**
 * Checks the file again and, when it has no errors, makes every change in one transaction with
 * an audit event for each record and one for the import as a whole. The cells are read before the
 * transaction starts: they do not depend on the plan, and a large file should not hold it open.
 */
export async function applyPlanImport(db: PrismaClient, actor: ImportActor, input: ImportInput): Promise<ImportResult> {
  const parsed = parse(input);
  try {
    const result: ImportResult = await db.$transaction(async (tx) => {
      // One import at a time per area: a second submission of the same file waits here, then finds
      // the plan already as the file says ("unchanged") instead of adding a second copy of what has
      // no unique key (a new plan, its inspections). NO KEY: the area's other records can still be added.
      await tx.$queryRaw`SELECT 1 FROM "LocalArea" WHERE id = ${input.localAreaId} FOR NO KEY UPDATE`;
      const state = await loadImportState(tx, input.localAreaId);
      const analysis = analyseWorkbook(parsed, state);
      const { report } = analysis;
      if (report.errors.length > 0) return { status: "refused", report, planId: null };
      if (report.changes.length === 0) return { status: "unchanged", report, planId: state.plan?.id ?? null };
      return { status: "applied", report, planId: await writePlan(tx, actor, state, analysis) };
    }, TX_OPTIONS);
    return { ...result, report: inFileWords(result.report, input) };
  } catch (error) {
    // A unique key taken between the check and the write: someone else added the same ref.
    if ((error as { code?: string } | null)?.code === "P2002") throw concurrentChange();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// From files
// ---------------------------------------------------------------------------------------------

/** The files' SHA-256 together, recorded with the import so the exact file can be recognised later. */
export function digestOf(files: readonly UploadedFile[]): string {
  const hash = createHash("sha256");
  for (const f of files) hash.update(f.bytes);
  return hash.digest("hex");
}

/** What the files hold: a workbook's sheets, or those made from plan.json (`json`). */
type ReadFiles = RawWorkbook & { json?: boolean };

/** Reads the files; a file that is not a workbook (or plan.json) becomes the report's one error, a plan.json's problems its errors. */
async function readFiles(files: readonly UploadedFile[]): Promise<ReadFiles | ImportReport> {
  if (files.some(isPlanJson)) {
    if (files.length > 1) return { errors: [{ sheet: "", row: 0, column: "", message: "Choose one plan.json file, or a workbook, not both." }], warnings: [], changes: [] };
    if (files[0]!.bytes.byteLength > LIMITS.fileBytes) {
      return { errors: [{ sheet: "", row: 0, column: "", message: `The file must be smaller than ${LIMITS.fileBytes / 1024 / 1024} MB.` }], warnings: [], changes: [] };
    }
    const read = readPlanJson(files[0]!);
    if (read.errors.length > 0) return { errors: read.errors, warnings: [], changes: [] };
    return { sheets: read.sheets, date1904: false, json: true };
  }
  try {
    return await readUpload(files);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID") {
      return { errors: [{ sheet: "", row: 0, column: "", message: error.message }], warnings: [], changes: [] };
    }
    throw error;
  }
}

const isReport = (r: ReadFiles | ImportReport): r is ImportReport => "changes" in r;

/** The dry run, from the uploaded files. */
export async function previewImportFiles(db: Db, localAreaId: string, files: readonly UploadedFile[]): Promise<ImportReport> {
  const read = await readFiles(files);
  if (isReport(read)) return read;
  return previewPlanImport(db, { localAreaId, sheets: read.sheets, date1904: read.date1904, json: read.json });
}

/** The import, from the uploaded files. */
export async function applyImportFiles(
  db: PrismaClient,
  actor: ImportActor,
  localAreaId: string,
  files: readonly UploadedFile[],
): Promise<ImportResult> {
  const read = await readFiles(files);
  if (isReport(read)) return { status: "refused", report: read, planId: null };
  return applyPlanImport(db, actor, { localAreaId, sheets: read.sheets, date1904: read.date1904, json: read.json });
}

/** A new area and its plan, from the uploaded files (new-area.ts): made (`apply`) or only checked. */
export async function newAreaFromFiles(
  db: PrismaClient,
  actor: ImportActor,
  files: readonly UploadedFile[],
  options: { apply: boolean },
): Promise<NewAreaResult> {
  const read = await readFiles(files);
  if (isReport(read)) return { status: "refused", report: read, area: null };
  const result = await importNewArea(db, actor, { sheets: read.sheets, date1904: read.date1904, literalText: read.json }, options);
  return { ...result, report: inFileWords(result.report, read) };
}
