/**
 * Measure values pasted as text: one period and one value per line, as people copy them from a
 * spreadsheet column pair or type them. Pure, so the browser can preview a paste with exactly
 * the rules the server applies before it writes anything.
 *
 * A line is "period<separator>value". A tab separates first (two spreadsheet cells), then the
 * first comma ("31/03/2026, 41.5"), then the last run of spaces ("Mar 2026 41.5"). A period
 * naming only a month ("Mar 2026", "March 2026", "Mar-26", "2026-03") means its last day.
 * A first line that is neither a period nor a value is taken as a heading and skipped.
 */
import { endOfMonth, isValid, parse } from "date-fns";
import { formatDate } from "@/lib/format/dates";
import { MAX_FIGURE } from "@/server/domain/figures";
import { valueRangeReason, type ValueRule } from "@/server/domain/measure-value-range";

export type PastedRow = {
  /** The line of the text it came from, counting from 1. */
  line: number;
  /** "yyyy-mm-dd". */
  periodEnd: string;
  value: number;
};

export type PasteResult = { rows: PastedRow[]; errors: string[] };

// Sixteen years of monthly figures; keeps one paste within one short transaction.
export const MAX_PASTED_LINES = 200;

// Whole dates, day first as England writes them; ISO for systems' exports.
const DAY_FORMATS = ["yyyy-MM-dd", "d/M/yyyy", "d/M/yy", "d-M-yyyy", "d.M.yyyy", "d MMM yyyy", "d MMMM yyyy", "d MMM yy"];
// Months: the period ends on the month's last day.
const MONTH_FORMATS = ["MMM yyyy", "MMMM yyyy", "MMM-yy", "MMM-yyyy", "MMM yy", "yyyy-MM", "M/yyyy"];

// Any year a plan could cover; catches "31/03/26" read as the year 26.
const EARLIEST_YEAR = 1990;
const LATEST_YEAR = 2100;
// A fixed reference date: two-digit years and parsing do not depend on the clock.
const REFERENCE = new Date(2000, 0, 1);

/** A decimal number as people type it: "41.5", "-3", ".5", "41.5%". Anything else is NaN. */
export function parseDecimal(text: string): number {
  const s = text.trim().replace(/%$/, "").trim();
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}

function isoDay(year: number, monthIndex: number, date: number): string {
  return new Date(Date.UTC(year, monthIndex, date)).toISOString().slice(0, 10);
}

/** A period as "yyyy-mm-dd" (month periods give the month's last day), or null when not a date. */
export function parsePeriod(text: string): string | null {
  // "Sept" is how many people abbreviate September; date-fns knows only "Sep".
  const s = text.trim().replace(/\s+/g, " ").replace(/\bsept\b/i, "Sep");
  if (!s) return null;
  for (const [formats, monthOnly] of [
    [DAY_FORMATS, false],
    [MONTH_FORMATS, true],
  ] as const) {
    for (const format of formats) {
      const parsed = parse(s, format, REFERENCE);
      if (!isValid(parsed)) continue;
      const d = monthOnly ? endOfMonth(parsed) : parsed;
      if (d.getFullYear() < EARLIEST_YEAR || d.getFullYear() > LATEST_YEAR) continue;
      return isoDay(d.getFullYear(), d.getMonth(), d.getDate());
    }
  }
  return null;
}

/** Splits a line into its period and value text, or null when it has no separator. */
function splitLine(line: string): [string, string] | null {
  if (line.includes("\t")) {
    const cells = line.split("\t").map((c) => c.trim());
    while (cells.length > 0 && cells.at(-1) === "") cells.pop();
    if (cells.length !== 2) return null;
    return [cells[0]!, cells[1]!];
  }
  const comma = line.indexOf(",");
  if (comma >= 0) return [line.slice(0, comma).trim(), line.slice(comma + 1).trim()];
  const match = /^(.*\S)\s+(\S+)$/.exec(line.trim());
  return match ? [match[1]!, match[2]!] : null;
}

/**
 * Reads pasted text. Every line is either a row or an error sentence naming its line; the
 * caller writes nothing unless `errors` is empty. `latest` ("yyyy-mm-dd"), when given, refuses
 * periods ending after it (a value cannot be reported for a period not yet over); `rule`, the
 * measure's unit and plausible range, values it cannot take (measure-value-range.ts).
 */
export function parsePastedValues(text: string, { latest, rule }: { latest?: string; rule?: ValueRule } = {}): PasteResult {
  const rows: PastedRow[] = [];
  const errors: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const firstLine = lines.findIndex((l) => l.trim() !== "");
  if (firstLine < 0) return { rows, errors: ["Paste at least one line with a period and a value"] };
  const seen = new Map<string, number>();

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const parts = splitLine(raw);
    const periodEnd = parts ? parsePeriod(parts[0]) : null;
    const value = parts ? parseDecimal(parts[1]) : Number.NaN;
    const isHeading =
      index === firstLine && Number.isNaN(value) && (parts ? periodEnd === null : parsePeriod(raw.split(/[\t,]/)[0]!) === null);
    if (isHeading) return;
    // A line that reads as a period and a value is not also a period alone (no format takes a
    // trailing value), so the whole line is tried as a period only when the split reading fails.
    const readsAsRow = periodEnd !== null && !Number.isNaN(value);
    if (!readsAsRow && parsePeriod(raw) !== null) {
      errors.push(`Line ${line}: add a value after '${raw.trim()}'`);
      return;
    }
    if (!parts) {
      errors.push(`Line ${line}: put a period and a value, like 2026-03-31, 41.5`);
      return;
    }
    const problems: string[] = [];
    if (periodEnd === null) problems.push(`'${parts[0]}' is not a date or a month`);
    if (Number.isNaN(value)) problems.push(`'${parts[1]}' is not a number`);
    else if (Math.abs(value) > MAX_FIGURE) problems.push(`'${parts[1]}' is too large`);
    else {
      const outOfRange = rule ? valueRangeReason(value, rule) : null;
      if (outOfRange) problems.push(`'${parts[1]}' is out of range: ${outOfRange}`);
    }
    if (periodEnd !== null && latest !== undefined && periodEnd > latest) {
      problems.push(`${formatDate(periodEnd)} has not ended yet`);
    }
    if (periodEnd !== null && seen.has(periodEnd)) {
      problems.push(`${formatDate(periodEnd)} is also on line ${seen.get(periodEnd)}`);
    }
    if (problems.length > 0) {
      errors.push(`Line ${line}: ${problems.join("; ")}`);
      return;
    }
    seen.set(periodEnd!, line);
    rows.push({ line, periodEnd: periodEnd!, value });
  });

  if (rows.length + errors.length > MAX_PASTED_LINES) {
    return { rows: [], errors: [`Paste no more than ${MAX_PASTED_LINES} lines at once`] };
  }
  if (rows.length === 0 && errors.length === 0) errors.push("Paste at least one line with a period and a value");
  return { rows, errors };
}
