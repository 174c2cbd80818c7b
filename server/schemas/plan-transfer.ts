/**
 * Limits of a plan workbook upload (POST /api/local-areas/<slug>/plan-import, multipart/form-data).
 * Browser-safe: the import form checks the same limits before sending.
 */
import { z } from "zod";
import { textInput } from "@/server/schemas/common";

/** One upload: an .xlsx workbook, or every CSV file together. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** One CSV file per sheet at most. */
export const MAX_UPLOAD_FILES = 6;

export const UPLOAD_MESSAGES = {
  none: "Choose a workbook (.xlsx) or CSV files",
  tooMany: `Choose at most ${MAX_UPLOAD_FILES} CSV files, one for each sheet`,
  tooLarge: `The file must be smaller than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
};

/** The chosen files as the form gives them: names (recorded in the audit trail) and sizes. */
export const planImportFilesSchema = z.object({
  files: z
    .array(
      z.object({
        name: textInput().trim().min(1, "The file has no name").max(200, "The file name must be 200 characters or fewer"),
        size: z.number().int().min(0),
      }),
    )
    .min(1, UPLOAD_MESSAGES.none)
    .max(MAX_UPLOAD_FILES, UPLOAD_MESSAGES.tooMany),
});

/** Checking a file changes nothing; applying it imports it. */
export const planImportModeSchema = z.enum(["preview", "apply"]);
export type PlanImportMode = z.infer<typeof planImportModeSchema>;

// What the route answers: the import page's contract, declared here because a file route has no
// router to derive it from.

/** A problem in the file, by sheet, row (0: the whole sheet or file) and column ("": the whole row). */
export type ImportIssue = { sheet: string; row: number; column: string; message: string };
export type ImportChangeEntity = "LocalArea" | "Plan" | "Finding" | "Action" | "Measure" | "Milestone" | "Value" | "Organisation" | "Inspection";
/**
 * One record the file creates or updates; an update names the columns that change. A measure
 * value whose figure changes says what it was and what it becomes (`replaces`): replacing a
 * recorded figure is never silent.
 */
export type ImportChange = {
  entity: ImportChangeEntity;
  key: string;
  kind: "create" | "update";
  fields?: string[];
  replaces?: { before: number; after: number };
};
export type ImportSummary = { created: number; updated: number; byEntity: Record<string, { created: number; updated: number }> };

/** A checked file: long lists cut short (the counts stay exact). */
export type ImportCheck = {
  errors: ImportIssue[];
  warnings: ImportIssue[];
  changes: ImportChange[];
  errorCount: number;
  warningCount: number;
  changeCount: number;
  summary: ImportSummary;
};

/** An applied file. refused: it has errors, nothing was written; unchanged: it matches the plan. */
export type ImportOutcome = ImportCheck & { status: "applied" | "unchanged" | "refused" };

/** A file that starts a new area: checked (what would be made) or applied; the area once there is one. */
export type NewAreaOutcome = ImportCheck & { status: "checked" | "applied" | "refused"; area: { name: string; slug: string } | null };
