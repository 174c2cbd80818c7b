/**
 * Import of a council's own plan tracker (one .xlsx or .csv with its own column names) through a
 * mapping of its columns onto Headway's fields (README "Plan workbooks": "Your own tracker").
 *
 * The tracker is converted into the template's sheets (convert.ts) and then imported exactly as a
 * workbook is: parseSheets, the analysers and the writer, so the report, the all-or-nothing apply,
 * idempotence (a file that matches the plan changes nothing) and the audit trail are the
 * template's. The conversion reads the plan (to leave an action's date as it is when the tracker's
 * cannot be read, to match owners by name), so on apply it runs inside the import's transaction,
 * against the plan it is compared with. The mapping is saved for the area in that same transaction
 * (audited "trackerMapping.save") when it differs from the one saved.
 *
 * Permission checks are the caller's, as for plan-import.ts.
 */
import { isDeepStrictEqual } from "node:util";
import { AppError } from "@/server/errors";
import type { Prisma, PrismaClient } from "@/server/generated/prisma/client";
import { ownerChoices } from "@/server/services/core/access";
import { recordAudit, type Db, type Tx } from "@/server/services/core/audit";
import { analyseWorkbook } from "@/server/services/plan-transfer/import/analyse";
import { loadImportState, type ImportState } from "@/server/services/plan-transfer/import/import-state";
import { sortIssues, type ImportReport } from "@/server/services/plan-transfer/import/report";
import { concurrentChange, writePlan, type ImportActor } from "@/server/services/plan-transfer/import/write-plan";
import { parseSheets } from "@/server/services/plan-transfer/parse-sheets";
import type { ImportResult } from "@/server/services/plan-transfer/plan-import";
import { readUpload, type RawWorkbook, type UploadedFile } from "@/server/services/plan-transfer/read-workbook";
import { trackerMappingSchema, type TrackerColumns, type TrackerMapping } from "@/server/schemas/tracker-mapping";
import { convertTracker, findingKindFor, frameworkOf, type TrackerContext } from "@/server/services/plan-transfer/tracker/convert";
import { sheetView, trackerSheet } from "@/server/services/plan-transfer/tracker/sheets";
import { guessColumns, guessFindingsColumns, suggestMapping } from "@/server/services/plan-transfer/tracker/suggest";

const refuse = (message: string) => new AppError("INVALID", message);

/** One tracker: a workbook (.xlsx, any sheets) or one CSV file, read within the template's limits. */
export async function readTracker(files: readonly UploadedFile[]): Promise<RawWorkbook> {
  if (files.length > 1) throw refuse("Choose one file: your tracker as an Excel workbook (.xlsx) or a CSV file.");
  return readUpload(files);
}

/** The area's saved mapping; one that no longer reads (an older shape) is as good as none. */
export async function savedMapping(db: Db, localAreaId: string): Promise<TrackerMapping | null> {
  const row = await db.trackerMapping.findUnique({ where: { localAreaId }, select: { mapping: true } });
  const parsed = trackerMappingSchema.safeParse(row?.mapping);
  return parsed.success ? parsed.data : null;
}

/** The file's sheets and columns, and the mapping to start from. */
export async function trackerColumns(db: Db, localAreaId: string, file: UploadedFile, workbook: RawWorkbook): Promise<TrackerColumns> {
  const state = await loadImportState(db, localAreaId);
  const { mapping, remembered } = suggestMapping(workbook.sheets, await savedMapping(db, localAreaId));
  const viewOf = (name: string, headerRow?: number) => {
    const raw = workbook.sheets.find((s) => s.name === name)!;
    const sheet = trackerSheet(raw, headerRow);
    return { ...sheetView(sheet), guess: guessColumns(sheet), findingsGuess: guessFindingsColumns(sheet) };
  };
  // Each sheet as the mapping reads it: the saved or guessed header row for the sheets it names.
  const sheets = workbook.sheets.map((s) =>
    s.name === mapping.sheet ? viewOf(s.name, mapping.headerRow) : s.name === mapping.findings?.sheet ? viewOf(s.name, mapping.findings.headerRow) : viewOf(s.name),
  );
  const framework = frameworkOf(state.plan?.type, state.plan?.sourceInspection?.framework);
  return { file: file.name, sheets, suggestion: mapping, remembered, defaultFindingKind: findingKindFor(framework), needsPlan: state.plan === null };
}

async function contextOf(db: Db, state: ImportState): Promise<TrackerContext> {
  const owners = await ownerChoices(db, state.area.id);
  const { plan } = state;
  return {
    area: state.area,
    plan: plan && {
      type: plan.type,
      framework: plan.sourceInspection?.framework ?? null,
      findings: plan.findings.map((f) => ({
        ref: f.ref,
        kind: f.kind,
        inspectorsWording: f.inspectorsWording,
        summary: f.summary,
        actions: f.actions.map((a) => ({ ref: a.ref, startDate: a.startDate, dueDate: a.dueDate })),
      })),
    },
    owners: owners.map((o) => ({ name: o.name, email: o.email })),
  };
}

/** The tracker converted and analysed against `state`: the template's report, in the tracker's words. */
async function analyseTracker(db: Db, state: ImportState, workbook: RawWorkbook, mapping: TrackerMapping) {
  const converted = convertTracker(workbook, mapping, await contextOf(db, state));
  if (converted.errors.length > 0 && converted.sheets.length === 0) {
    return { report: { errors: converted.errors, warnings: converted.warnings, changes: [] } satisfies ImportReport, writes: [] };
  }
  const analysis = analyseWorkbook(parseSheets(converted.sheets, { date1904: converted.date1904 }), state);
  const { report } = analysis;
  return {
    report: {
      // The conversion's own findings (rows are the tracker's) first within each row, then the template's.
      errors: sortIssues([...converted.errors, ...report.errors.map(converted.translate)]),
      warnings: sortIssues([...converted.warnings, ...report.warnings.map(converted.translate)]),
      changes: report.changes,
    },
    writes: analysis.writes,
  };
}

/** The dry run: what the tracker would create and update through this mapping, and every problem. Writes nothing. */
export async function previewTrackerImport(db: Db, localAreaId: string, workbook: RawWorkbook, mapping: TrackerMapping): Promise<ImportReport> {
  return (await analyseTracker(db, await loadImportState(db, localAreaId), workbook, mapping)).report;
}

const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 };

/**
 * The import, all of it or nothing, as applyPlanImport; and the mapping remembered for the area
 * (in the same transaction) when the import is not refused and the mapping is not the saved one.
 */
export async function applyTrackerImport(
  db: PrismaClient,
  actor: ImportActor,
  localAreaId: string,
  workbook: RawWorkbook,
  mapping: TrackerMapping,
): Promise<ImportResult & { mappingSaved: boolean }> {
  try {
    return await db.$transaction(async (tx) => {
      // One import at a time per area, as for a workbook.
      await tx.$queryRaw`SELECT 1 FROM "LocalArea" WHERE id = ${localAreaId} FOR NO KEY UPDATE`;
      const state = await loadImportState(tx, localAreaId);
      const analysis = await analyseTracker(tx, state, workbook, mapping);
      const { report } = analysis;
      if (report.errors.length > 0) return { status: "refused", report, planId: null, mappingSaved: false };
      const planId = report.changes.length > 0 ? await writePlan(tx, actor, state, analysis) : (state.plan?.id ?? null);
      const mappingSaved = await saveMapping(tx, actor, localAreaId, mapping);
      return { status: report.changes.length > 0 ? "applied" : "unchanged", report, planId, mappingSaved };
    }, TX_OPTIONS);
  } catch (error) {
    if ((error as { code?: string } | null)?.code === "P2002") throw concurrentChange();
    throw error;
  }
}

/** Remembers the mapping for the area's next upload; an unchanged mapping writes nothing. */
async function saveMapping(tx: Tx, actor: ImportActor, localAreaId: string, mapping: TrackerMapping): Promise<boolean> {
  const before = await tx.trackerMapping.findUnique({ where: { localAreaId }, select: { mapping: true } });
  const after = JSON.parse(JSON.stringify(mapping)) as Prisma.InputJsonValue;
  if (before && isDeepStrictEqual(before.mapping, after)) return false;
  const saved = await tx.trackerMapping.upsert({
    where: { localAreaId },
    create: { localAreaId, mapping: after },
    update: { mapping: after },
    select: { id: true },
  });
  await recordAudit(
    tx,
    { viewer: actor.viewer, requestId: actor.requestId },
    { action: "trackerMapping.save", entityType: "TrackerMapping", entityId: saved.id, localAreaId, before: before?.mapping ?? undefined, after: mapping },
  );
  return true;
}
