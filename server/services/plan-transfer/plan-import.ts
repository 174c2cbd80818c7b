/**
 * Import of a plan workbook into an area's current plan (README "Plan workbooks").
 *
 * Three steps: reading (the files' cells, read-workbook.ts, then their rows, parse-sheets.ts);
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

export { summarise, type Change, type ChangeEntity, type ImportReport, type Issue } from "@/server/services/plan-transfer/import/report";
export type { ImportActor };

export type ImportInput = { localAreaId: string; sheets: readonly RawSheet[]; date1904?: boolean };

export type ImportResult = {
  /** refused: the file has errors, nothing was written; unchanged: it matches the plan. */
  status: "applied" | "unchanged" | "refused";
  report: ImportReport;
  planId: string | null;
};

function parse(input: ImportInput): ParsedWorkbook {
  return parseSheets(input.sheets, { date1904: input.date1904 });
}

/** The dry run: what the file would create and update, and every problem in it. Writes nothing. */
export async function previewPlanImport(db: Db, input: ImportInput): Promise<ImportReport> {
  const parsed = parse(input);
  return analyseWorkbook(parsed, await loadImportState(db, input.localAreaId)).report;
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
    return await db.$transaction(async (tx) => {
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

/** Reads the files; a file that is not a workbook becomes the report's one error. */
async function readFiles(files: readonly UploadedFile[]): Promise<RawWorkbook | ImportReport> {
  try {
    return await readUpload(files);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID") {
      return { errors: [{ sheet: "", row: 0, column: "", message: error.message }], warnings: [], changes: [] };
    }
    throw error;
  }
}

const isReport = (r: RawWorkbook | ImportReport): r is ImportReport => "changes" in r;

/** The dry run, from the uploaded files. */
export async function previewImportFiles(db: Db, localAreaId: string, files: readonly UploadedFile[]): Promise<ImportReport> {
  const read = await readFiles(files);
  if (isReport(read)) return read;
  return previewPlanImport(db, { localAreaId, sheets: read.sheets, date1904: read.date1904 });
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
  return applyPlanImport(db, actor, { localAreaId, sheets: read.sheets, date1904: read.date1904 });
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
  return importNewArea(db, actor, { sheets: read.sheets, date1904: read.date1904 }, options);
}
