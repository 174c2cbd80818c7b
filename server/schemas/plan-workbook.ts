/**
 * The plan workbook: its sheets and columns, in order, as data. Import, export, the import page
 * and the README test all read this one list. Also the parsers for what people type into cells:
 * the words the UI shows for a code (or the code itself, in any case), dates as ISO text, UK
 * day/month/year text or Excel dates, and numbers.
 *
 * No database, no React: the browser may import this module too.
 */
import {
  ACTION_STATUS,
  COPRODUCTION_LEVEL,
  FINDING_KIND,
  INSPECTION_FRAMEWORK,
  JUDGEMENT,
  MEASURE_DIRECTION,
  MEASURE_UNIT,
  MEASURE_VALUE_STATUS,
  PLAN_TYPE,
  REGION,
} from "@/lib/labels";
import { addDays, fromDay, toDay, utcDay } from "@/lib/calendar";
import { isRealDay, textInput } from "@/server/schemas/common";
import { MAX_FIGURE } from "@/server/domain/figures";
import { MAX_UPLOAD_BYTES } from "@/server/schemas/plan-transfer";

/** Every enumeration a workbook cell may hold, with the words written on export. */
export const ENUMS = {
  region: REGION,
  planType: PLAN_TYPE,
  framework: INSPECTION_FRAMEWORK,
  findingKind: FINDING_KIND,
  judgement: JUDGEMENT,
  actionStatus: ACTION_STATUS,
  coproductionLevel: COPRODUCTION_LEVEL,
  measureUnit: MEASURE_UNIT,
  measureDirection: MEASURE_DIRECTION,
  valueStatus: MEASURE_VALUE_STATUS,
} as const;
export type EnumName = keyof typeof ENUMS;
export type EnumCode<E extends EnumName> = keyof (typeof ENUMS)[E] & string;

/** Shorter words people write for a few codes. */
const ALIASES: Partial<Record<EnumName, Record<string, string>>> = {
  framework: { "2016": "FRAMEWORK_2016", "2016 framework": "FRAMEWORK_2016", "2023": "FRAMEWORK_2023", "2023 framework": "FRAMEWORK_2023" },
  measureUnit: { percent: "PERCENT", "%": "PERCENT" },
};

// ---------------------------------------------------------------------------------------------
// Sheets and columns
// ---------------------------------------------------------------------------------------------

export type ColumnKind = "text" | "longText" | "ref" | "date" | "number" | "integer" | "enum" | "list" | "email";

export type Column = {
  key: string;
  header: string;
  kind: ColumnKind;
  /** A workbook without this column is refused; a row without a value in it is refused. */
  required?: boolean;
  enumOf?: EnumName;
  /** What goes in the column, for the README and the import page. */
  note: string;
};

export const SHEETS = {
  Plan: [
    { key: "localArea", header: "Local area", kind: "text", required: true, note: "The local area's name; must be the area you import into (or, when starting a new area from the file, its name)." },
    { key: "laCode", header: "LA code", kind: "text", note: "The DfE local authority code, like 941. Optional when you import into an area (checked against it when given); needed to start a new area from the file." },
    { key: "region", header: "Region", kind: "enum", enumOf: "region", note: "Checked against the area's region (a warning if different); never changed by an import. Needed to start a new area from the file." },
    { key: "planType", header: "Plan type", kind: "enum", enumOf: "planType", note: "Written statement of action, Accelerated progress plan, Priority action plan or Improvement plan. Needed when the area has no current plan." },
    { key: "framework", header: "Framework", kind: "enum", enumOf: "framework", note: "The inspection framework: 2016 framework (revisit) or 2023 framework (monitoring inspection); 2016 or 2023 will do." },
    { key: "inspectionDate", header: "Inspection date", kind: "date", note: "First day of the full inspection the plan answers. With the framework, finds or records that inspection." },
    { key: "acceptedDate", header: "Plan accepted date", kind: "date", note: "When the plan was accepted." },
    { key: "nextInspectionDate", header: "Next inspection date", kind: "date", note: "Expected date of the revisit (2016 framework) or monitoring inspection (2023 framework)." },
    { key: "followUpStartDate", header: "Revisit start date", kind: "date", note: "Once the revisit or monitoring inspection has happened: its first day, from the published letter." },
    { key: "followUpEndDate", header: "Revisit end date", kind: "date", note: "Its last day; on or after the start date." },
  ],
  Findings: [
    { key: "ref", header: "Ref", kind: "ref", required: true, note: "The finding's reference, like 1 or 2. The key: unique in the sheet." },
    { key: "kind", header: "Kind", kind: "enum", enumOf: "findingKind", required: true, note: "Area of significant weakness, Area for priority action or Area for improvement." },
    { key: "inspectorsWording", header: "Inspectors' wording", kind: "longText", required: true, note: "As in the outcome letter." },
    { key: "summary", header: "Summary", kind: "longText", note: "Plain English for families and the public page. Optional: without one, pages show the inspectors' wording and say a summary is still to be written." },
    { key: "judgement", header: "Judgement", kind: "enum", enumOf: "judgement", note: "The revisit's or monitoring inspection's judgement, from the published letter: Sufficient progress, Not sufficient progress, Effective action or Not effective action." },
    { key: "judgementDate", header: "Judgement date", kind: "date", note: "When the judgement was made (the letter's date); needed with a judgement." },
    { key: "letterUrl", header: "Letter link", kind: "text", note: "The web address of the published letter that made the judgement." },
  ],
  Actions: [
    { key: "findingRef", header: "Finding ref", kind: "ref", required: true, note: "The finding the action addresses: in the Findings sheet or already in the plan." },
    { key: "ref", header: "Ref", kind: "ref", required: true, note: "The action's reference, like 2.3. The key: unique in the sheet." },
    { key: "title", header: "Title", kind: "text", required: true, note: "What will be done, in a line." },
    { key: "description", header: "Description", kind: "longText", note: "More detail." },
    { key: "ownerEmail", header: "Owner email", kind: "email", note: "A lead or contributor in the area whose account is not disabled; anyone else leaves the action without an owner (a warning)." },
    { key: "leadOrganisation", header: "Lead organisation", kind: "text", note: "An organisation's name; a new name adds the organisation to the area." },
    { key: "partnerOrganisations", header: "Partner organisations", kind: "list", note: "Names separated by semicolons; new names add organisations." },
    { key: "startDate", header: "Start date", kind: "date", note: "When work on the action starts." },
    { key: "dueDate", header: "Due date", kind: "date", note: "On or after the start date." },
    { key: "status", header: "Status", kind: "enum", enumOf: "actionStatus", note: "Not started, In progress, Complete, Deferred or Cancelled. Empty: Not started for a new action, unchanged otherwise." },
    { key: "progress", header: "Progress", kind: "integer", note: "A whole number from 0 to 100 (a percentage). Empty: 0 for a new action, unchanged otherwise." },
    { key: "coproductionLevel", header: "Co-production level", kind: "enum", enumOf: "coproductionLevel", note: "The level claimed: Informing, Consulting, Engaging, Co-designing or Co-producing." },
  ],
  Measures: [
    { key: "ref", header: "Ref", kind: "ref", required: true, note: "The measure's reference, like M1. The key: unique in the sheet." },
    { key: "name", header: "Name", kind: "text", required: true, note: "What is measured, in a line." },
    { key: "definition", header: "Definition", kind: "longText", note: "How it is counted. Needed: a measure without one is refused." },
    { key: "unit", header: "Unit", kind: "enum", enumOf: "measureUnit", required: true, note: "Percentage, Count, Days, Weeks or Rate." },
    { key: "direction", header: "Direction", kind: "enum", enumOf: "measureDirection", required: true, note: "Higher is better or Lower is better." },
    { key: "source", header: "Source", kind: "text", note: "Where the figures come from. Needed: a measure without one is refused." },
    { key: "baseline", header: "Baseline", kind: "number", note: "The value before the plan started." },
    { key: "baselineDate", header: "Baseline date", kind: "date", note: "When the baseline was measured; needed with a baseline, and only with one." },
    { key: "benchmark", header: "Benchmark", kind: "number", note: "An England or statistical-neighbour figure." },
    { key: "benchmarkLabel", header: "Benchmark label", kind: "text", note: "What the benchmark is, like England average 2023; needed with a benchmark, and only with one." },
    { key: "target", header: "Target", kind: "number", note: "The value to reach by the target date." },
    { key: "targetDate", header: "Target date", kind: "date", note: "When the target should be reached; needed with a target, and after the baseline date." },
    { key: "findingRefs", header: "Finding refs", kind: "list", note: "The findings the measure evidences, separated by semicolons: at least one." },
    { key: "plausibleMin", header: "Plausible minimum", kind: "number", note: "The lowest value the measure can plausibly take; empty: no lower limit but the unit's. Values below it are refused." },
    { key: "plausibleMax", header: "Plausible maximum", kind: "number", note: "The highest value it can plausibly take, at least the minimum; empty: no upper limit but the unit's. Values above it are refused." },
  ],
  Milestones: [
    { key: "measureRef", header: "Measure ref", kind: "ref", required: true, note: "A measure in the Measures sheet or already in the plan." },
    { key: "date", header: "Date", kind: "date", required: true, note: "With the measure ref, the key. After the measure's baseline date and before its target date." },
    { key: "target", header: "Target", kind: "number", required: true, note: "The value expected by that date." },
  ],
  Values: [
    { key: "measureRef", header: "Measure ref", kind: "ref", required: true, note: "A measure in the Measures sheet or already in the plan." },
    { key: "periodEnd", header: "Period end", kind: "date", required: true, note: "The last day of the period the value is for: today or earlier. With the measure ref, the key." },
    { key: "value", header: "Value", kind: "number", required: true, note: "The figure for the period: one the measure can take (a percentage 0 to 100, a count a whole number 0 or more, days, weeks and rates 0 or more, and within the measure's plausible range)." },
    { key: "status", header: "Status", kind: "enum", enumOf: "valueStatus", note: "Provisional or Validated. Empty: Provisional for a new value, unchanged otherwise." },
  ],
} as const satisfies Record<string, readonly Column[]>;

export type SheetName = keyof typeof SHEETS;
export const SHEET_NAMES = Object.keys(SHEETS) as SheetName[];
export type ColumnKey<S extends SheetName> = (typeof SHEETS)[S][number]["key"];

export function columnOf<S extends SheetName>(sheet: S, key: ColumnKey<S>): Column {
  return (SHEETS[sheet] as readonly Column[]).find((c) => c.key === key)!;
}

/** The header a column is found by: case, spacing and curly apostrophes do not matter. */
export function headerKey(text: string): string {
  return text.normalize("NFKC").replace(/[\u2018\u2019`]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The sheet a tab or CSV file name stands for, if any ("findings", "Findings.csv", "northbridge-plan-2026-11-22-Findings.csv"). */
export function sheetNamed(name: string): SheetName | null {
  const base = name
    .replace(/\.csv$/i, "")
    .replace(/\s*\(\d+\)$/, "") // a browser's "Findings (1).csv"
    .trim()
    .toLowerCase();
  for (const sheet of SHEET_NAMES) {
    const s = sheet.toLowerCase();
    if (base === s || base.endsWith(`-${s}`) || base.endsWith(`_${s}`) || base.endsWith(` ${s}`)) return sheet;
  }
  return null;
}

/** Limits on what a workbook may hold. Lengths of text are the editors' (parse-sheets.ts reads them from their schemas). */
export const LIMITS = {
  /** Bytes of one upload (an .xlsx, or all the CSV files together). */
  fileBytes: MAX_UPLOAD_BYTES,
  /**
   * What an .xlsx may unpack to, all its files together: a small file that unpacks to gigabytes
   * is refused, and so is one of many files each of a size real workbooks have (85 sheets of
   * 1 MB in 9.6 MB), which exceljs takes many seconds and much memory to read (55 of them: 7 s).
   * A judgement, not a measurement of a workbook at the row limits: raise it if a real plan is refused.
   */
  unpackedBytes: 50 * 1024 * 1024,
  /**
   * Files inside an .xlsx. Headway's export holds about 15 (five sheets and their parts); a
   * workbook with a few sheets of notes added stays far below. Each file costs exceljs work
   * whatever its size.
   */
  zipEntries: 64,
  /** Data rows in one sheet. */
  rows: 5000,
  /** Names in one list cell: the action form takes at most 30 partner organisations. */
  listItems: 30,
} as const;

// ---------------------------------------------------------------------------------------------
// Parsing what is in a cell
// ---------------------------------------------------------------------------------------------

/** What a cell holds once read: exceljs values are reduced to these; CSV cells are text. */
export type Cell = string | number | boolean | Date | null | { error: string };

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

export function isEmpty(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** What every text field of the editors accepts: a cell may hold nothing they would refuse to store. */
const STORABLE_TEXT = textInput();

/** Text as the cell shows it: trimmed, Windows line ends made plain. */
export function cellText(cell: Cell | undefined): Parsed<string> {
  if (cell === null || cell === undefined) return ok("");
  if (typeof cell === "string") {
    const storable = STORABLE_TEXT.safeParse(cell);
    if (!storable.success) return fail(storable.error.issues[0]!.message);
    return ok(cell.replace(/\r\n?/g, "\n").trim());
  }
  if (typeof cell === "number") return ok(String(cell));
  if (typeof cell === "boolean") return ok(cell ? "TRUE" : "FALSE");
  if (cell instanceof Date) return ok(fromDay(cell));
  return fail(`The cell shows the Excel error ${cell.error}: replace it with a value`);
}

/**
 * A spreadsheet program runs text that starts with = + - or @ as a formula when it opens a CSV.
 * Export writes such text with a leading apostrophe; import takes it off again.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
export function unescapeFormula(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** Letters, digits, spaces and underscores collapse to one form, so "not_started" is "Not started". */
function enumKey(text: string): string {
  return text.normalize("NFKC").replace(/[\u2018\u2019`]/g, "'").toLowerCase().replace(/[\s_\-]+/g, " ").trim();
}

const enumLookups = new Map<EnumName, Map<string, string>>();
function lookupFor(name: EnumName): Map<string, string> {
  let map = enumLookups.get(name);
  if (!map) {
    map = new Map();
    for (const [code, word] of Object.entries(ENUMS[name] as Record<string, string>)) {
      map.set(enumKey(code), code);
      map.set(enumKey(word), code);
    }
    for (const [alias, code] of Object.entries(ALIASES[name] ?? {})) map.set(enumKey(alias), code);
    enumLookups.set(name, map);
  }
  return map;
}

/** "A, B or C": the allowed words, for messages. */
export function allowedWords(name: EnumName): string {
  const words = Object.values(ENUMS[name] as Record<string, string>);
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** A UI word or a code, in any case; "" is null. */
export function parseEnum<E extends EnumName>(name: E, text: string, header: string): Parsed<EnumCode<E> | null> {
  if (text.trim() === "") return ok(null);
  const code = lookupFor(name).get(enumKey(text));
  if (code) return ok(code as EnumCode<E>);
  return fail(`${header} must be ${allowedWords(name)}, not “${text.trim()}”`);
}

/** The word export writes for a code. */
export function wordFor<E extends EnumName>(name: E, code: EnumCode<E> | null | undefined): string {
  if (code == null) return "";
  return (ENUMS[name] as Record<string, string>)[code] ?? code;
}

/** Day 0 of Excel's 1900 date system (which counts a 29 February 1900 that never was). */
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
// Serial numbers below 1950 are more likely a year or a count typed into a date column.
const MIN_YEAR = 1950;
const MAX_YEAR = 2200;

/** The calendar day year-month-day as UTC midnight; null when there is no such day (31/02). */
function calendarDay(year: string, month: string, dayOfMonth: string): Date | null {
  const text = `${year}-${month.padStart(2, "0")}-${dayOfMonth.padStart(2, "0")}`;
  return isRealDay(text) ? toDay(text) : null;
}

function inRange(d: Date): boolean {
  const y = d.getUTCFullYear();
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

/**
 * A calendar date, as UTC midnight (how DATE columns are stored):
 * - a Date from an Excel date cell (exceljs reads them as UTC), time of day dropped;
 * - an Excel serial number (a date cell that lost its format);
 * - text "2026-11-22" (ISO) or "22/11/2026" (UK order, as Excel saves a CSV in the UK; never US order).
 */
export function parseDate(cell: Cell | undefined, header: string, options: { date1904?: boolean } = {}): Parsed<Date | null> {
  if (isEmpty(cell)) return ok(null);
  const wrong = fail(`${header} must be a real date, like 2026-11-22 or 22/11/2026`);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return wrong;
    // exceljs rounds to the millisecond; a cell a hair before midnight is still that day.
    const d = utcDay(new Date(cell.getTime() + 1000));
    return inRange(d) ? ok(d) : wrong;
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell) || cell < 1) return wrong;
    const epoch = options.date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900;
    const d = addDays(new Date(epoch), Math.floor(cell + 1e-9));
    return inRange(d) ? ok(d) : wrong;
  }
  const text = cellText(cell);
  if (!text.ok) return text;
  const t = text.value;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (m) {
    const d = calendarDay(m[1]!, m[2]!, m[3]!);
    return d && inRange(d) ? ok(d) : wrong;
  }
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) {
    const d = calendarDay(m[3]!, m[2]!, m[1]!);
    return d && inRange(d) ? ok(d) : wrong;
  }
  // A serial number typed as text (a CSV saved from a sheet whose dates lost their format).
  if (/^\d{1,6}$/.test(t)) return parseDate(Number(t), header, options);
  return wrong;
}

/**
 * A number: from a number cell, or text like "1,234.5", "45%" (the percentage points, 45).
 * A cell formatted as a percentage in Excel arrives already scaled (see read-workbook.ts).
 */
export function parseNumber(cell: Cell | undefined, header: string): Parsed<number | null> {
  if (isEmpty(cell)) return ok(null);
  if (typeof cell === "number") return Number.isFinite(cell) ? withinFigure(cell, header) : fail(`${header} must be a number`);
  const text = cellText(cell);
  if (!text.ok) return text;
  let t = text.value.replace(/\s+/g, "");
  if (t.endsWith("%")) t = t.slice(0, -1);
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return fail(`${header} must be a number, like 42 or 17.5`);
  const n = Number(t);
  return Number.isFinite(n) ? withinFigure(n, header) : fail(`${header} must be a number`);
}

/** The editors' bound on a measure's figures, for every number a cell holds. */
function withinFigure(n: number, header: string): Parsed<number | null> {
  const max = MAX_FIGURE.toLocaleString("en-GB");
  return Math.abs(n) <= MAX_FIGURE ? ok(n) : fail(`${header} must be between -${max} and ${max}`);
}

/** A whole number from `min` to `max`. */
export function parseInteger(cell: Cell | undefined, header: string, min: number, max: number): Parsed<number | null> {
  const n = parseNumber(cell, header);
  if (!n.ok || n.value === null) return n;
  if (!Number.isInteger(n.value) || n.value < min || n.value > max) return fail(`${header} must be a whole number from ${min} to ${max}`);
  return n;
}

/** Semicolon-separated items, trimmed, empty ones dropped, duplicates (ignoring case) once. */
export function parseList(cell: Cell | undefined): Parsed<string[]> {
  const text = cellText(cell);
  if (!text.ok) return text;
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of text.value.split(";")) {
    const item = raw.replace(/\s+/g, " ").trim();
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      items.push(item);
    }
  }
  return ok(items);
}

export function joinList(items: readonly string[]): string {
  return items.join("; ");
}

/** Natural order for refs: "2" before "10", "1.2" before "1.10". */
export function compareRefs(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}
