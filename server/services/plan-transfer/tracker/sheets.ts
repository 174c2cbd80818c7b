/**
 * A tracker's sheets as columns with names: which row holds the column names (a tracker often has
 * a title or a colour key above them), each column named by its header (an empty header by its
 * letter, a repeated one numbered), and the rows below. What the mapping page shows and what the
 * mapping's column names refer to.
 */
import { fromDay } from "@/lib/calendar";
import { cellText, isEmpty, type Cell } from "@/server/schemas/plan-workbook";
import { MAX_HEADER_ROW, MAX_TRACKER_COLUMNS, type TrackerSheetView } from "@/server/schemas/tracker-mapping";
import type { RawRow, RawSheet } from "@/server/services/plan-transfer/read-workbook";
import { fieldForHeader } from "@/server/services/plan-transfer/tracker/headers";

export type TrackerSheet = {
  name: string;
  headerRow: number;
  /** `headers[i]` names column i; unique within the sheet. */
  headers: string[];
  /** The rows below the header row, with the row numbers the spreadsheet shows. */
  rows: RawRow[];
};

/** A, B, ... Z, AA: how a spreadsheet names column i (from 0). */
export function columnLetter(i: number): string {
  let n = i + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell as the mapping page shows it. */
export function shownCell(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return fromDay(cell);
  if (typeof cell === "object") return cell.error;
  const text = cellText(cell);
  return (text.ok ? text.value : "").replace(/\s+/g, " ").trim();
}

/** Every row of a sheet, the header row included (read-workbook.ts takes row 1 as the header). */
function allRows(raw: RawSheet): RawRow[] {
  return raw.header.length > 0 ? [{ row: 1, cells: raw.header }, ...raw.rows] : raw.rows;
}

/**
 * The row most likely to hold the column names: of the first rows, the one with the most cells
 * that are names Headway knows, else the first with two or more cells of text.
 */
function likelyHeaderRow(rows: RawRow[]): number {
  let best: { row: number; score: number } | null = null;
  let firstText: number | null = null;
  for (const r of rows) {
    if (r.row > MAX_HEADER_ROW) break;
    const texts = r.cells.filter((c) => typeof c === "string" && c.trim() !== "") as string[];
    if (firstText === null && texts.length >= 2) firstText = r.row;
    const score = texts.filter((t) => t.length <= 80 && fieldForHeader(t) !== null).length;
    if (score > 0 && (!best || score > best.score)) best = { row: r.row, score };
  }
  return best && best.score >= 2 ? best.row : (firstText ?? best?.row ?? 1);
}

/** The sheet with its column names taken from `headerRow`, or the likely row when not given. */
export function trackerSheet(raw: RawSheet, headerRow?: number): TrackerSheet {
  const rows = allRows(raw);
  const at = headerRow ?? likelyHeaderRow(rows);
  const headerCells = rows.find((r) => r.row === at)?.cells ?? [];
  const below = rows.filter((r) => r.row > at);
  const width = Math.min(MAX_TRACKER_COLUMNS, Math.max(headerCells.length, ...below.map((r) => r.cells.length)));
  const used = new Map<string, number>();
  const headers: string[] = [];
  for (let i = 0; i < width; i++) {
    const shown = shownCell(headerCells[i]).slice(0, 200);
    const base = shown === "" ? `Column ${columnLetter(i)}` : shown;
    const n = (used.get(base.toLowerCase()) ?? 0) + 1;
    used.set(base.toLowerCase(), n);
    headers.push(n === 1 ? base : `${base} (${n})`);
  }
  return { name: raw.name, headerRow: at, headers, rows: below };
}

/** Rows with something in them. */
export const dataRows = (sheet: TrackerSheet) => sheet.rows.filter((r) => r.cells.some((c, i) => i < sheet.headers.length && !isEmpty(c)));

/** For the mapping page: each column with a few of its values. */
export function sheetView(sheet: TrackerSheet): Omit<TrackerSheetView, "guess" | "findingsGuess"> {
  const rows = dataRows(sheet);
  return {
    name: sheet.name,
    headerRow: sheet.headerRow,
    rowCount: rows.length,
    columns: sheet.headers.map((header, i) => {
      const samples: string[] = [];
      for (const r of rows) {
        const shown = shownCell(r.cells[i]);
        if (shown && !samples.includes(shown.slice(0, 80))) samples.push(shown.slice(0, 80));
        if (samples.length === 3) break;
      }
      return { header, samples };
    }),
  };
}
