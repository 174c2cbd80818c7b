/**
 * CSV as spreadsheets read it, for every download: UTF-8 with a byte-order mark (so Excel reads the
 * accents), CRLF line ends, and quotes beyond commas and quotes around any line break (the record
 * delimiter alone is CRLF) and spaces at either end, which a spreadsheet would otherwise trim away.
 * Callers defuse cells that would start a formula (escapeFormula) as their columns require.
 */
import { stringify } from "csv-stringify/sync";

export function spreadsheetCsv(records: readonly (readonly string[])[]): string {
  return stringify(records as string[][], { bom: true, record_delimiter: "\r\n", quoted_match: /[\r\n]|^\s|\s$/ });
}
