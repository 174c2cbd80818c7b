/**
 * A first mapping of a tracker's columns onto Headway's fields, from their names and from what
 * their cells hold: a column of dates is a due date, a column whose cells repeat with a leading
 * number ("1. The timeliness…") names the finding, a column of reds, ambers and greens is a RAG
 * rating. The person checks and changes it before anything is imported. The area's saved mapping
 * is offered instead when the file has the columns it names.
 */
import { readTextDate } from "@/lib/format/text-date";
import { isEmpty, parseDate, type Cell } from "@/server/schemas/plan-workbook";
import type { FindingsSheetField, TrackerField, TrackerMapping } from "@/server/schemas/tracker-mapping";
import { FINDINGS_SHEET_FIELDS } from "@/server/schemas/tracker-mapping";
import { fieldForHeader } from "@/server/services/plan-transfer/tracker/headers";
import { dataRows, shownCell, trackerSheet, type TrackerSheet } from "@/server/services/plan-transfer/tracker/sheets";
import type { RawSheet } from "@/server/services/plan-transfer/read-workbook";

/**
 * "1. The timeliness…", "Priority 2: …", "AOSW 3 – …": a number, a stop, bracket, colon or dash,
 * then the wording. Without one ("20 weeks is too long", "3.5% of plans") the number is the
 * wording's own.
 */
const NUMBERED = /^(?:[A-Za-z][A-Za-z ]{0,40}?\s)?(\d{1,3}(?:\.\d{1,3})?)\s*(?:[.)]\s+|[):\-\u2013\u2014]\s*)(\S[\s\S]*)$/;

/** A finding cell's number and wording; no number: the whole text is the wording. */
export function splitFinding(text: string): { ref: string | null; wording: string } {
  const t = text.replace(/\r\n?/g, "\n").trim();
  const m = NUMBERED.exec(t);
  if (!m) return { ref: null, wording: t };
  return { ref: m[1]!, wording: m[2]!.trim() };
}

const RAG_WORDS = /^(r|a|g|b|red|amber|green|blue|r\/a|a\/g|ra|ag|red\/amber|amber\/green|red-amber|amber-green|complete|completed|done)\b/i;
export const isRagWord = (text: string) => RAG_WORDS.test(text.trim());

/** What the cells of a column look like. */
type Profile = { filled: number; dates: number; numbered: number; distinct: number; rag: number; percent: number; refs: number; longText: number; emails: number };

function profileOf(sheet: TrackerSheet, column: number): Profile {
  const p: Profile = { filled: 0, dates: 0, numbered: 0, distinct: 0, rag: 0, percent: 0, refs: 0, longText: 0, emails: 0 };
  const seen = new Set<string>();
  for (const r of dataRows(sheet).slice(0, 200)) {
    const cell: Cell | undefined = r.cells[column];
    if (isEmpty(cell)) continue;
    p.filled++;
    const text = shownCell(cell);
    seen.add(text.toLowerCase());
    if (cell instanceof Date || (typeof cell === "number" && cell > 20000 && cell < 80000 && parseDate(cell, "").ok)) p.dates++;
    else if (typeof cell === "string" && readTextDate(cell).kind !== "unreadable") p.dates++;
    if (typeof cell === "string" && splitFinding(cell).ref !== null && cell.length > 15) p.numbered++;
    if (isRagWord(text) && text.length <= 30) p.rag++;
    if ((typeof cell === "number" && cell >= 0 && cell <= 100) || /^\d{1,3}(\.\d+)?\s*%$/.test(text)) p.percent++;
    if (/^[A-Za-z]{0,4}\d{1,3}(\.\d{1,3}){0,3}[a-z]?\.?$/.test(text)) p.refs++;
    if (text.length > 40) p.longText++;
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) p.emails++;
  }
  p.distinct = seen.size;
  return p;
}

const most = (n: number, p: Profile) => p.filled > 0 && n / p.filled >= 0.6;

/** How sure a column's field is: the name and the cells agree, the name alone, or the cells alone. */
type Guess = { column: number; field: TrackerField; strength: number };

function guessFor(header: string, p: Profile, column: number): Guess | null {
  const named = fieldForHeader(header);
  const repeatsNumbered = most(p.numbered, p) && p.distinct < p.filled;
  const guess = (field: TrackerField, strength: number): Guess => ({ column, field, strength });
  if (named === "commentary") return null;
  if (named === "priority") {
    // "Priority" may be the finding, or an action's priority (High, Medium, Low).
    return repeatsNumbered || most(p.longText, p) ? guess("finding", 2) : null;
  }
  if (named === "finding" || named === "findingWording") {
    if (repeatsNumbered) return guess("finding", 3);
    return guess(named === "finding" && most(p.refs, p) ? "findingRef" : named === "finding" && !most(p.numbered, p) ? "findingWording" : named, 2);
  }
  if (named === "status" && most(p.rag, p)) return guess("rag", 3);
  if (named === "dueDate" || named === "startDate") return guess(named, most(p.dates, p) ? 3 : 2);
  if (named === "progress") return most(p.percent, p) ? guess("progress", 3) : null;
  if (named) return guess(named, p.filled === 0 || named !== "actionRef" || most(p.refs, p) ? 2 : 1);
  // Nothing in the name: the cells alone.
  if (repeatsNumbered) return guess("finding", 1);
  if (most(p.dates, p)) return guess("dueDate", 1);
  if (most(p.rag, p)) return guess("rag", 1);
  if (most(p.emails, p)) return guess("owner", 1);
  return null;
}

/** Each field to the column most sure of it; on a tie, the leftmost. */
function assign(guesses: Guess[], headers: string[]): Record<string, TrackerField> {
  const columns: Record<string, TrackerField> = {};
  const taken = new Set<TrackerField>();
  const order = [...guesses].sort((a, b) => b.strength - a.strength || a.column - b.column);
  for (const g of order) {
    if (taken.has(g.field)) continue;
    // The finding's number and wording in one column make separate ref and wording columns redundant, and the reverse.
    if (g.field === "finding" && (taken.has("findingRef") || taken.has("findingWording"))) continue;
    if ((g.field === "findingRef" || g.field === "findingWording") && taken.has("finding")) continue;
    taken.add(g.field);
    columns[headers[g.column]!] = g.field;
  }
  // In column order, as the page lists them.
  return Object.fromEntries(headers.filter((h) => columns[h]).map((h) => [h, columns[h]!]));
}

export function guessColumns(sheet: TrackerSheet): Record<string, TrackerField> {
  const guesses = sheet.headers.map((h, i) => guessFor(h, profileOf(sheet, i), i)).filter((g): g is Guess => g !== null);
  return assign(guesses, sheet.headers);
}

const fieldsOf = (columns: Record<string, string>) => new Set(Object.values(columns));

/** The sheet's columns read as a sheet of findings: "Ref" or "No." is then the finding's. */
export function guessFindingsColumns(sheet: TrackerSheet): Record<string, FindingsSheetField> {
  const columns = guessColumns(sheet);
  const ref = Object.entries(columns).find(([, f]) => f === "actionRef")?.[0];
  if (ref && !fieldsOf(columns).has("findingRef") && !fieldsOf(columns).has("finding")) columns[ref] = "findingRef";
  return Object.fromEntries(
    Object.entries(columns).filter(([, f]) => (FINDINGS_SHEET_FIELDS as readonly string[]).includes(f)),
  ) as Record<string, FindingsSheetField>;
}

/** A sheet of findings (a number and long wording, no action title) rather than actions. */
function findingsSheetOf(sheets: TrackerSheet[], actions: TrackerSheet): { sheet: TrackerSheet; columns: Record<string, FindingsSheetField> } | null {
  for (const s of sheets) {
    if (s === actions || fieldsOf(guessColumns(s)).has("title")) continue;
    const columns = guessFindingsColumns(s);
    const fields = fieldsOf(columns);
    if (fields.has("finding") || (fields.has("findingRef") && fields.has("findingWording"))) return { sheet: s, columns };
  }
  return null;
}

/** Whether a saved mapping fits these sheets: its sheets are there with every column it names. */
function fits(saved: TrackerMapping, raws: readonly RawSheet[]): TrackerMapping | null {
  const fitting = (name: string, headerRow: number, columns: Record<string, string>) => {
    const candidates = [...raws.filter((r) => r.name === name), ...raws.filter((r) => r.name !== name)];
    for (const raw of candidates) {
      const sheet = trackerSheet(raw, headerRow);
      if (Object.keys(columns).every((h) => sheet.headers.includes(h))) return sheet.name;
    }
    return null;
  };
  const sheet = fitting(saved.sheet, saved.headerRow, saved.columns);
  if (!sheet) return null;
  if (!saved.findings) return { ...saved, sheet };
  const findingsSheet = fitting(saved.findings.sheet, saved.findings.headerRow, saved.findings.columns);
  return findingsSheet ? { ...saved, sheet, findings: { ...saved.findings, sheet: findingsSheet } } : null;
}

/** The mapping to start from, and whether it is the area's saved one. */
export function suggestMapping(raws: readonly RawSheet[], saved: TrackerMapping | null): { mapping: TrackerMapping; remembered: boolean } {
  const remembered = saved ? fits(saved, raws) : null;
  if (remembered) return { mapping: remembered, remembered: true };

  const sheets = raws.map((r) => trackerSheet(r));
  // The actions sheet: the one whose columns include a title, then the one with most rows.
  const scored = sheets.map((sheet) => ({ sheet, columns: guessColumns(sheet), rows: dataRows(sheet).length }));
  scored.sort((a, b) => Number(fieldsOf(b.columns).has("title")) - Number(fieldsOf(a.columns).has("title")) || b.rows - a.rows);
  const actions = scored[0];
  if (!actions) return { mapping: { sheet: "", headerRow: 1, columns: {} }, remembered: false };
  const fields = fieldsOf(actions.columns);
  const hasFinding = fields.has("finding") || fields.has("findingRef") || fields.has("findingWording");
  const findings = !hasFinding || !fields.has("findingWording") ? findingsSheetOf(sheets, actions.sheet) : null;
  const mapping: TrackerMapping = { sheet: actions.sheet.name, headerRow: actions.sheet.headerRow, columns: actions.columns };
  if (findings && (fields.has("finding") || fields.has("findingRef"))) {
    mapping.findings = { sheet: findings.sheet.name, headerRow: findings.sheet.headerRow, columns: findings.columns };
  }
  return { mapping, remembered: false };
}
