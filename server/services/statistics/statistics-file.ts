/**
 * A published statistics file as the import reads it: one CSV (UTF-8, or Windows-1252 as Excel
 * saves it), its first row the column names, the rest rows of cells numbered as a spreadsheet
 * numbers them. And the mapping to start from when nobody has saved one: the DfE's
 * explore-education-statistics column names (time_period, time_identifier, geographic_level,
 * old_la_code, region_name, la_name...) and the LGA's (LA code, period, value) are recognised.
 */
import { CsvError } from "csv-parse/sync";
import { AppError } from "@/server/errors";
import {
  MAX_FILTER_VALUES,
  MAX_STATISTICS_ROWS,
  type NeighboursMapping,
  type StatisticsColumn,
  type StatisticsMapping,
} from "@/server/schemas/statistics";
import { parseCsv } from "@/server/services/plan-transfer/read-workbook";

export type StatisticsFile = { name: string; header: string[]; rows: Array<{ row: number; cells: string[] }> };

const refuse = (message: string) => new AppError("INVALID", message, { fieldErrors: { file: message } });

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The file's column names and rows; refused, with what to do, when it cannot be read. */
export function readStatisticsFile(name: string, bytes: Uint8Array): StatisticsFile {
  if (!/\.csv$/i.test(name)) throw refuse(`${name} is not a CSV file. Download the figures as CSV and choose that file.`);
  let lines: string[][];
  try {
    lines = parseCsv(decodeText(bytes));
  } catch (error) {
    if (error instanceof CsvError) throw refuse(`${name} cannot be read as a CSV file (line ${error.lines}). Download it again and try again.`);
    throw error;
  }
  const header = (lines[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || header.every((h) => h === "")) throw refuse(`${name} is empty: its first row must hold the column names.`);
  const blank = header.findIndex((h) => h === "");
  if (blank >= 0 && header.slice(blank).some((h) => h !== "")) throw refuse(`Column ${blank + 1} of ${name} has no name in the first row. Give every column a name.`);
  const width = blank >= 0 ? blank : header.length;
  const seen = new Set<string>();
  for (const h of header.slice(0, width)) {
    if (seen.has(h)) throw refuse(`${name} has two columns called “${h}”. Rename one and try again.`);
    seen.add(h);
  }
  const rows = lines
    .slice(1)
    .map((cells, i) => ({ row: i + 2, cells }))
    // A spreadsheet's trailing empty lines are not rows of figures.
    .filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (rows.length > MAX_STATISTICS_ROWS) throw refuse(`${name} has more than ${MAX_STATISTICS_ROWS.toLocaleString("en-GB")} rows. Filter it to the figures you need first.`);
  return { name, header: header.slice(0, width), rows };
}

/** A cell by column name ("" when the row is short). */
export function cellOf(file: StatisticsFile, cells: string[], column: string): string {
  const i = file.header.indexOf(column);
  return i < 0 ? "" : (cells[i] ?? "").trim();
}

/** Each column with a few example values, and all its values when there are few (for filters). */
export function columnsOf(file: StatisticsFile): StatisticsColumn[] {
  return file.header.map((header, i) => {
    const distinct = new Set<string>();
    for (const r of file.rows) {
      const v = (r.cells[i] ?? "").trim();
      if (v !== "") distinct.add(v);
      if (distinct.size > MAX_FILTER_VALUES) break;
    }
    const values = [...distinct];
    return { header, examples: values.slice(0, 3), values: values.length <= MAX_FILTER_VALUES ? values.sort() : null };
  });
}

const find = (header: string[], ...names: RegExp[]) => {
  for (const name of names) {
    const hit = header.find((h) => name.test(h.trim()));
    if (hit) return hit;
  }
  return "";
};

const isFigure = (v: string) => /^-?[\d,]*\.?\d+%?$/.test(v.trim());

/**
 * A first guess at the figures' mapping from the column names: the DfE's own names first, then
 * names like the LGA's; the figure is the first column, other than those, whose values are numbers.
 */
export function suggestStatisticsMapping(file: StatisticsFile): StatisticsMapping {
  const h = file.header;
  const laCode = find(h, /^old_la_code$/i, /^la_code$/i, /^la[ _]?code$/i, /local authority code/i, /^area[ _]?code$/i, /code/i);
  const period = find(h, /^time_period$/i, /^period$/i, /^year$/i, /period/i, /year/i);
  const timeIdentifier = find(h, /^time_identifier$/i);
  const geographicLevel = find(h, /^geographic_level$/i, /geographic.?level/i);
  const region = find(h, /^region_name$/i, /^region_code$/i, /^region$/i);
  const areaName = find(h, /^la_name$/i, /^area[ _]?name$/i, /authority name/i, /^la$/i, /^name$/i);
  const taken = new Set([laCode, period, timeIdentifier, geographicLevel, region, areaName, "new_la_code", "country_code", "region_code", "country_name"]);
  const value =
    find(h.filter((c) => !taken.has(c)), /^value$/i) ||
    (h.find((c, i) => !taken.has(c) && file.rows.slice(0, 50).some((r) => isFigure(r.cells[i] ?? "")) && file.rows.slice(0, 50).every((r) => !(r.cells[i] ?? "").trim() || isFigure(r.cells[i]!) || /^[a-z:~]{1,3}$|^low$/i.test(r.cells[i]!.trim()))) ?? "");
  return { value, laCode, period, timeIdentifier, periodType: "CALENDAR_YEAR", geographicLevel, region, areaName, filters: [] };
}

/** A first guess for a neighbours file: wide (one column per neighbour) or long. */
export function suggestNeighboursMapping(file: StatisticsFile): NeighboursMapping {
  const h = file.header;
  const laCode = find(h, /^old_la_code$/i, /^la_code$/i, /^la[ _]?code$/i, /code/i);
  const numbered = h.filter((c) => c !== laCode && /(neighbour|sn)[ _]?\d+|^\d+$/i.test(c)).slice(0, 10);
  if (numbered.length === 10) return { laCode, form: "WIDE", neighbours: numbered, neighbourCode: "", rank: "" };
  const neighbourCode = find(h.filter((c) => c !== laCode), /neighbour.*code/i, /neighbour/i);
  const rank = find(h, /rank/i, /^order$/i, /position/i);
  return { laCode, form: "LONG", neighbours: [], neighbourCode, rank };
}

/** Whether a saved mapping fits this file: every column it names is there. */
export function mappingFits(file: StatisticsFile, mapping: StatisticsMapping | NeighboursMapping): boolean {
  const named = "value" in mapping
    ? [mapping.value, mapping.laCode, mapping.period, mapping.timeIdentifier, mapping.geographicLevel, mapping.region, mapping.areaName, ...mapping.filters.map((f) => f.column)]
    : [mapping.laCode, ...mapping.neighbours, mapping.neighbourCode, mapping.rank];
  return named.every((c) => c === "" || file.header.includes(c));
}
