/**
 * Export: an area's current plan as the workbook the importer reads (README "Plan workbooks"),
 * so that exporting and importing again changes nothing. Enumerations are written as the words
 * the UI shows; dates as real Excel dates in the .xlsx and as yyyy-mm-dd in CSV.
 */
import ExcelJS from "exceljs";
import { notFound } from "@/server/errors";
import { loadAreaState, type AreaState } from "@/server/services/plan-transfer/workbook-state";
import {
  ENUMS,
  escapeFormula,
  joinList,
  SHEET_NAMES,
  SHEETS,
  wordFor,
  type Column,
  type ColumnKey,
  type SheetName,
} from "@/server/schemas/plan-workbook";
import { fromDay } from "@/lib/calendar";
import { spreadsheetCsv } from "@/server/services/core/csv";
import type { Db } from "@/server/services/core/audit";

/** A value as export writes it: text, a number, a calendar date or nothing. */
export type OutValue = string | number | Date | null;
export type SheetRows = { [S in SheetName]: Partial<Record<ColumnKey<S>, OutValue>>[] };

/** The rows of every sheet for the area's current plan (only the Plan row when there is none). */
export function planRows({ area, plan }: AreaState): SheetRows {
  const rows: SheetRows = { Plan: [], Findings: [], Actions: [], Measures: [], Milestones: [], Values: [] };
  rows.Plan.push({
    localArea: area.name,
    laCode: area.laCode,
    region: wordFor("region", area.region),
    planType: plan ? wordFor("planType", plan.type) : null,
    framework: plan?.sourceInspection ? wordFor("framework", plan.sourceInspection.framework) : null,
    inspectionDate: plan?.sourceInspection?.startDate ?? null,
    acceptedDate: plan?.acceptedDate ?? null,
    nextInspectionDate: plan?.followUpInspection ? (plan.followUpInspection.startDate ?? plan.followUpInspection.expectedDate) : null,
    followUpStartDate: plan?.followUpInspection?.startDate ?? null,
    followUpEndDate: plan?.followUpInspection?.endDate ?? null,
  });
  if (!plan) return rows;
  for (const f of plan.findings) {
    rows.Findings.push({
      ref: f.ref,
      kind: wordFor("findingKind", f.kind),
      inspectorsWording: f.inspectorsWording,
      summary: f.summary,
      judgement: wordFor("judgement", f.judgement),
      judgementDate: f.judgementDate,
      letterUrl: f.judgementSource,
    });
  }
  for (const f of plan.findings) {
    for (const a of f.actions) {
      rows.Actions.push({
        findingRef: f.ref,
        ref: a.ref,
        title: a.title,
        description: a.description,
        ownerEmail: a.owner?.email ?? null,
        leadOrganisation: a.leadOrganisation?.name ?? null,
        partnerOrganisations: joinList(a.partnerOrganisations.map((o) => o.name)),
        startDate: a.startDate,
        dueDate: a.dueDate,
        status: wordFor("actionStatus", a.status),
        progress: a.progress,
        coproductionLevel: wordFor("coproductionLevel", a.coproductionLevel),
      });
    }
  }
  for (const m of plan.measures) {
    rows.Measures.push({
      ref: m.ref,
      name: m.name,
      definition: m.definition,
      unit: wordFor("measureUnit", m.unit),
      direction: wordFor("measureDirection", m.direction),
      source: m.source,
      baseline: m.baselineValue,
      baselineDate: m.baselineDate,
      benchmark: m.benchmarkValue,
      benchmarkLabel: m.benchmarkLabel,
      target: m.targetValue,
      targetDate: m.targetDate,
      findingRefs: joinList(m.findings.map((f) => f.ref)),
      plausibleMin: m.plausibleMin,
      plausibleMax: m.plausibleMax,
    });
    for (const s of m.milestones) rows.Milestones.push({ measureRef: m.ref, date: s.date, target: s.targetValue });
    for (const v of m.values) {
      rows.Values.push({ measureRef: m.ref, periodEnd: v.periodEnd, value: v.value, status: wordFor("valueStatus", v.status) });
    }
  }
  return rows;
}

const WIDTH: Record<Column["kind"], number> = {
  ref: 10,
  text: 32,
  longText: 60,
  email: 30,
  list: 40,
  date: 14,
  number: 12,
  integer: 10,
  enum: 26,
};

const TEXT_KINDS = new Set<Column["kind"]>(["ref", "text", "longText", "email", "list"]);

/** The workbook for `rows`. Also used by tests to build workbooks of their own. */
export async function writeXlsx(rows: Partial<SheetRows>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Headway";
  for (const sheet of SHEET_NAMES) {
    const columns = SHEETS[sheet] as readonly Column[];
    const ws = workbook.addWorksheet(sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: WIDTH[c.kind],
      // Text columns stay text when someone types "1.10" or "007" into them in Excel.
      style: TEXT_KINDS.has(c.kind) ? { numFmt: "@" } : c.kind === "date" ? { numFmt: "yyyy-mm-dd" } : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    columns.forEach((c, i) => {
      if (c.note) header.getCell(i + 1).note = c.note;
    });
    for (const row of rows[sheet] ?? []) {
      const values: Record<string, OutValue> = {};
      for (const [key, value] of Object.entries(row)) values[key] = value === "" ? null : (value as OutValue);
      const added = ws.addRow(values);
      columns.forEach((c, i) => {
        if (c.kind === "longText") added.getCell(i + 1).alignment = { wrapText: true, vertical: "top" };
      });
    }
    // A drop-down of the words for each enumeration column; other spellings and codes are allowed.
    const last = Math.max(ws.rowCount, 1) + 500;
    columns.forEach((c, i) => {
      if (c.kind !== "enum" || !c.enumOf) return;
      const letter = ws.getColumn(i + 1).letter;
      const words = Object.values(ENUMS[c.enumOf] as Record<string, string>);
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${letter}2:${letter}${last}`,
        { type: "list", allowBlank: true, formulae: [`"${words.join(",")}"`], showErrorMessage: false },
      );
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: OutValue, kind: Column["kind"]): string {
  if (value === null) return "";
  return value instanceof Date ? fromDay(value) : typeof value === "number" ? String(value) : TEXT_KINDS.has(kind) ? escapeFormula(value) : value;
}

/** One sheet as CSV (server/services/core/csv.ts). */
export function writeCsv<S extends SheetName>(sheet: S, rows: SheetRows[S]): string {
  const columns = SHEETS[sheet] as readonly Column[];
  const records = [
    columns.map((c) => csvField(c.header, "text")),
    ...rows.map((row) => columns.map((c) => csvField((row as Record<string, OutValue>)[c.key] ?? null, c.kind))),
  ];
  return spreadsheetCsv(records);
}

async function stateOf(db: Db, localAreaId: string): Promise<AreaState> {
  const state = await loadAreaState(db, localAreaId);
  if (!state) throw notFound("That local area");
  return state;
}

export async function exportPlanWorkbook(db: Db, localAreaId: string): Promise<Buffer> {
  return writeXlsx(planRows(await stateOf(db, localAreaId)));
}

export async function exportPlanCsv(db: Db, localAreaId: string): Promise<Record<SheetName, string>> {
  const rows = planRows(await stateOf(db, localAreaId));
  return Object.fromEntries(SHEET_NAMES.map((s) => [s, writeCsv(s, rows[s])])) as Record<SheetName, string>;
}

/** One sheet as CSV, for a download that asks for only that sheet. */
export async function exportPlanSheetCsv(db: Db, localAreaId: string, sheet: SheetName): Promise<string> {
  return writeCsv(sheet, planRows(await stateOf(db, localAreaId))[sheet]);
}

/** "northbridge-plan-2026-11-22.xlsx", or "northbridge-plan-2026-11-22-Findings.csv" for one sheet. */
export function exportFileName(slug: string, on: Date, sheet?: SheetName): string {
  return sheet ? `${slug}-plan-${fromDay(on)}-${sheet}.csv` : `${slug}-plan-${fromDay(on)}.xlsx`;
}
