/**
 * Files in, rows out: an .xlsx workbook, or CSV files named after the sheets (Plan.csv,
 * Findings.csv, ...), become sheets of cells with the row numbers a person sees in Excel (the
 * header is row 1). Anything else is refused with a sentence saying what to do instead.
 *
 * Only reading happens here; what the cells mean is plan-import.ts's business.
 */
import { CsvError, parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError } from "@/server/errors";
import { LIMITS, type Cell } from "@/server/schemas/plan-workbook";
import { checkWorkbookZip } from "@/server/services/plan-transfer/workbook-zip";

export type RawRow = { row: number; cells: Cell[] };
/** `header[i]` names the column whose value is `cells[i]` in each row. */
export type RawSheet = { name: string; header: Cell[]; rows: RawRow[] };
export type RawWorkbook = { sheets: RawSheet[]; date1904: boolean };
export type UploadedFile = { name: string; bytes: Uint8Array };

const refuse = (message: string) => new AppError("INVALID", message);

const MB = 1024 * 1024;

export async function readUpload(files: readonly UploadedFile[]): Promise<RawWorkbook> {
  if (files.length === 0) throw refuse("Choose a workbook (.xlsx) or CSV files to import.");
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > LIMITS.fileBytes) throw refuse(`The file must be smaller than ${LIMITS.fileBytes / MB} MB.`);
  const workbooks = files.filter((f) => /\.xlsx$/i.test(f.name));
  const csvs = files.filter((f) => /\.csv$/i.test(f.name));
  const other = files.find((f) => !/\.(xlsx|csv)$/i.test(f.name));
  if (other) {
    if (/\.(xls|xlsm|xlsb|ods|numbers)$/i.test(other.name)) {
      throw refuse(`${other.name} is not an Excel workbook in the .xlsx format. Save it as an “Excel Workbook (.xlsx)” and try again.`);
    }
    throw refuse(`${other.name} is not a workbook (.xlsx) or a CSV file.`);
  }
  if (workbooks.length > 1 || (workbooks.length === 1 && csvs.length > 0)) {
    throw refuse("Choose one workbook (.xlsx), or CSV files, not both.");
  }
  if (workbooks.length === 1) return readXlsx(workbooks[0]!.bytes, workbooks[0]!.name);
  return readCsvFiles(csvs);
}

// ---------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------

/** A percentage format ("0%", "0.0%") but not a literal "%" inside quotes. */
const isPercentFormat = (numFmt: string | undefined) => !!numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ""));

/** An exceljs cell value reduced to what the importer reads. */
function cellOf(value: ExcelJS.CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    // 45% in Excel is the number 0.45 shown as a percentage: the person meant 45.
    return isPercentFormat(numFmt) ? Math.round(value * 100 * 1e9) / 1e9 : value;
  }
  if (typeof value === "string" || typeof value === "boolean" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return { error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && !(result instanceof Date) && "error" in result) return { error: String(result.error) };
    return cellOf(result as ExcelJS.CellValue, numFmt);
  }
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellOf(value.text as ExcelJS.CellValue, numFmt);
  return null;
}

export async function readXlsx(bytes: Uint8Array, name = "The file"): Promise<RawWorkbook> {
  // Before exceljs unpacks anything: a small file may claim, or hold, far more than it looks.
  await checkWorkbookZip(bytes, name);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw refuse(`${name} could not be read as an Excel workbook. Open it in Excel, save it as an “Excel Workbook (.xlsx)” and try again.`);
  }
  const sheets: RawSheet[] = [];
  for (const ws of workbook.worksheets) {
    let header: Cell[] = [];
    const rows: RawRow[] = [];
    let tooMany = false;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (tooMany) return;
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellOf(cell.value, cell.numFmt);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      if (rowNumber === 1) header = cells;
      else if (rows.length >= LIMITS.rows) tooMany = true;
      else rows.push({ row: rowNumber, cells });
    });
    if (tooMany) throw refuse(`The ${ws.name} sheet has more than ${LIMITS.rows} rows. Split the plan into smaller imports.`);
    sheets.push({ name: ws.name, header, rows });
  }
  return { sheets, date1904: Boolean(workbook.properties.date1904) };
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** UTF-8 (with or without a byte-order mark); Excel's "CSV (Comma delimited)" on Windows is Windows-1252. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * RFC 4180: commas, quoted fields with "" for a quote, CRLF, LF or CR line ends (mixed, as files
 * edited on two systems have them), newlines inside quotes. Rows may differ in length (a
 * spreadsheet drops trailing empty cells), a blank line is a row of one empty cell (so row
 * numbers stay those the spreadsheet showed), and a stray quote inside an unquoted value is kept
 * as written.
 */
export function parseCsv(text: string): string[][] {
  return parse(text, {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    skip_empty_lines: false,
  }) as string[][];
}

function parseCsvFile(file: UploadedFile): string[][] {
  try {
    return parseCsv(decodeText(file.bytes));
  } catch (error) {
    if (error instanceof CsvError && error.code === "CSV_QUOTE_NOT_CLOSED") {
      throw refuse(`${file.name} has a quoted value that is never closed. Save it again from the spreadsheet and try again.`);
    }
    if (error instanceof CsvError) throw refuse(`${file.name} cannot be read as a CSV file (line ${error.lines}). Save it again from the spreadsheet and try again.`);
    throw error;
  }
}

export function readCsvFiles(files: readonly UploadedFile[]): RawWorkbook {
  const sheets: RawSheet[] = [];
  for (const file of files) {
    const lines = parseCsvFile(file);
    if (lines.length - 1 > LIMITS.rows) throw refuse(`${file.name} has more than ${LIMITS.rows} rows. Split the plan into smaller imports.`);
    const cellsOf = (line: string[]): Cell[] => line.map((v) => (v.trim() === "" ? null : v));
    sheets.push({
      name: file.name,
      header: cellsOf(lines[0] ?? []),
      rows: lines.slice(1).map((line, i) => ({ row: i + 2, cells: cellsOf(line) })),
    });
  }
  return { sheets, date1904: false };
}
