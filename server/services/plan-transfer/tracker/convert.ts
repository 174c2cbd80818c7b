/**
 * A council's tracker, through its mapping, becomes the template's sheets (Findings, Actions and,
 * for an area with no plan yet, Plan) as RawSheets, so that the import that follows is the
 * template's own: parseSheets, the analysers, the writer, the same report. Row numbers are the
 * tracker's; `translate` puts the tracker's sheet and column names back into the report.
 *
 * What cannot be read is not guessed: a date like "Spring 2021", an owner no one in the area is
 * called, a RAG rating that is not a colour become warnings, and the field is left empty (on an
 * action already in the plan, left as it is). Pure: the plan as it is comes in as `context`.
 */
import { fromDay } from "@/lib/calendar";
import { readTextDate, type PeriodEnd } from "@/lib/format/text-date";
import type { ActionStatus, FindingKind, InspectionFramework, PlanType } from "@/server/generated/prisma/enums";
import {
  cellText,
  isEmpty,
  parseDate,
  parseEnum,
  parseInteger,
  wordFor,
  type Cell,
} from "@/server/schemas/plan-workbook";
import { email as emailSchema } from "@/server/schemas/common";
import { TRACKER_FIELDS, type TrackerField, type TrackerMapping } from "@/server/schemas/tracker-mapping";
import type { Issue } from "@/server/services/plan-transfer/parse-sheets";
import type { RawRow, RawSheet, RawWorkbook } from "@/server/services/plan-transfer/read-workbook";
import { isRagWord, splitFinding } from "@/server/services/plan-transfer/tracker/suggest";
import { dataRows, trackerSheet, type TrackerSheet } from "@/server/services/plan-transfer/tracker/sheets";

/** The plan as the tracker is compared with it, and whom an owner's name may match. */
export type TrackerContext = {
  area: { name: string; laCode: string };
  plan: {
    type: PlanType;
    framework: InspectionFramework | null;
    findings: {
      ref: string;
      kind: FindingKind;
      inspectorsWording: string;
      summary: string;
      actions: { ref: string; startDate: Date | null; dueDate: Date | null }[];
    }[];
  } | null;
  /** The people the action editor offers as owner. */
  owners: { name: string | null; email: string | null }[];
};

export type ConvertedTracker = {
  sheets: RawSheet[];
  date1904: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** A report issue about the converted sheets, in the tracker's own sheet and column names. */
  translate: (issue: Issue) => Issue;
};

/** The plan type's framework when the plan does not say (as the template's Plan sheet decides). */
export function frameworkOf(type: PlanType | null | undefined, framework: InspectionFramework | null | undefined): InspectionFramework {
  if (framework) return framework;
  return type === "PRIORITY_ACTION_PLAN" || type === "IMPROVEMENT_PLAN" ? "FRAMEWORK_2023" : "FRAMEWORK_2016";
}

/** What a finding is under each framework: a WSOA answers areas of significant weakness, a priority action plan areas for priority action. */
export function findingKindFor(framework: InspectionFramework): FindingKind {
  return framework === "FRAMEWORK_2016" ? "SIGNIFICANT_WEAKNESS" : "PRIORITY_ACTION";
}

const key = (ref: string) => ref.toLowerCase();
const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
const REF = /^[A-Za-z0-9][A-Za-z0-9.\-]*$/;

/** Text of a cell, as the template reads it; a cell it cannot read stays as it is, for parseSheets to report. */
function textOf(cell: Cell | undefined): string {
  const t = cellText(cell ?? null);
  return t.ok ? t.value : "";
}

/** A ref as a finding or action may have one: "1." is 1, "AOSW 2" is 2. */
function refOf(cell: Cell | undefined): string {
  const t = textOf(cell).replace(/\.$/, "").trim();
  if (t === "" || REF.test(t)) return t;
  const number = /(\d{1,3}(?:\.\d{1,3})*)\s*$/.exec(t) ?? /^\s*(\d{1,3}(?:\.\d{1,3})*)\b/.exec(t);
  return number ? number[1]! : t;
}

/** Words trackers use for an action's status, beyond Headway's own. */
const STATUS_WORDS: [ActionStatus, RegExp][] = [
  ["COMPLETE", /^(complete|completed|done|closed|achieved|finished|met|blue)$/],
  ["IN_PROGRESS", /^(in progress|ongoing|on going|on-going|on track|started|underway|under way|in hand|progressing|in train)$/],
  ["NOT_STARTED", /^(not started|not yet started|to do|planned|not due|not yet due|to start)$/],
  ["DEFERRED", /^(deferred|on hold|paused|postponed)$/],
  ["CANCELLED", /^(cancelled|canceled|withdrawn|no longer required|stopped)$/],
];

function statusOf(text: string): ActionStatus | null {
  const parsed = parseEnum("actionStatus", text, "Status");
  if (parsed.ok && parsed.value) return parsed.value;
  const t = collapse(text).toLowerCase().replace(/[.!]+$/, "");
  return STATUS_WORDS.find(([, pattern]) => pattern.test(t))?.[0] ?? null;
}

/** Blue, complete, done: the action is complete. */
const RAG_COMPLETE = /^(b|blue|complete|completed|done)\b/i;

type Origin = { sheet: string; headerOf: (field: TrackerField) => string | null };

type FindingOut = { ref: string; wording: string; summary: string | null; sheet: string; row: number };
type FindingName = { ref: string } | { wordingKey: string };
type ActionOut = { row: number; findingRef: string; ref: string | null; cells: Partial<Record<TrackerField, Cell>> };

export function convertTracker(workbook: RawWorkbook, mapping: TrackerMapping, context: TrackerContext): ConvertedTracker {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const date1904 = workbook.date1904;
  const empty = (): ConvertedTracker => ({ sheets: [], date1904, errors, warnings, translate: (i) => i });

  // The sheets and columns the mapping names must be in the file.
  const sheetFor = (name: string, headerRow: number, columns: Record<string, string>): TrackerSheet | null => {
    // A CSV file's sheet is its file name, which changes from month to month ("tracker June.csv"): a file of one sheet is that sheet.
    const raw = workbook.sheets.find((s) => s.name === name) ?? (workbook.sheets.length === 1 && !mapping.findings ? workbook.sheets[0] : undefined);
    if (!raw) {
      errors.push({ sheet: name, row: 0, column: "", message: `The file has no sheet called “${name}”: choose the sheet again` });
      return null;
    }
    const sheet = trackerSheet(raw, headerRow);
    for (const header of Object.keys(columns)) {
      if (!sheet.headers.includes(header)) {
        errors.push({ sheet: raw.name, row: headerRow, column: header, message: `Row ${headerRow} of the ${raw.name} sheet has no column “${header}”: check the mapping` });
      }
    }
    return sheet;
  };
  const actionsSheet = sheetFor(mapping.sheet, mapping.headerRow, mapping.columns);
  const findingsSheet = mapping.findings ? sheetFor(mapping.findings.sheet, mapping.findings.headerRow, mapping.findings.columns) : null;
  if (!actionsSheet || (mapping.findings && !findingsSheet) || errors.length > 0) return empty();

  const columnOf = (sheet: TrackerSheet, columns: Record<string, string>) => {
    const at = new Map<string, number>();
    for (const [header, field] of Object.entries(columns)) at.set(field, sheet.headers.indexOf(header));
    return at;
  };
  const headerOf = (columns: Record<string, string>) => (field: TrackerField) => Object.entries(columns).find(([, f]) => f === field)?.[0] ?? null;
  const actionOrigin: Origin = { sheet: actionsSheet.name, headerOf: headerOf(mapping.columns) };
  const findingOrigin: Origin = findingsSheet ? { sheet: findingsSheet.name, headerOf: headerOf(mapping.findings!.columns) } : actionOrigin;

  const plan = context.plan;
  const framework = frameworkOf(plan?.type ?? mapping.planType, plan?.framework ?? mapping.framework);
  const planFindings = new Map(plan?.findings.map((f) => [key(f.ref), f]));
  const planActions = new Map(plan?.findings.flatMap((f) => f.actions.map((a) => [key(a.ref), a] as const)));

  // ---- Findings -----------------------------------------------------------------------------
  const findings = new Map<string, FindingOut>();
  /** Findings named by their wording alone, numbered once every numbered finding is known. */
  const unnumbered = new Map<string, Omit<FindingOut, "ref">>();
  const wordingKey = (wording: string) => collapse(wording).toLowerCase();

  /** Records the finding a row names (by ref, or by wording when it has no number). */
  const noteFinding = (origin: Origin, row: number, refCell: Cell | undefined, combined: Cell | undefined, wordingCell: Cell | undefined, summaryCell: Cell | undefined): FindingName | null => {
    let ref = refCell !== undefined ? refOf(refCell) : "";
    let wording = wordingCell !== undefined ? textOf(wordingCell) : "";
    if (combined !== undefined && !isEmpty(combined)) {
      const split = splitFinding(textOf(combined));
      if (!ref && split.ref) ref = split.ref;
      if (!wording) wording = split.ref ? split.wording : textOf(combined);
    }
    const summary = summaryCell !== undefined ? textOf(summaryCell) : null;
    if (!ref && !wording) return null;
    if (!ref) {
      const k = wordingKey(wording);
      if (!unnumbered.has(k)) unnumbered.set(k, { wording, summary, sheet: origin.sheet, row });
      return { wordingKey: k };
    }
    const existing = findings.get(key(ref));
    if (!existing) findings.set(key(ref), { ref, wording, summary, sheet: origin.sheet, row });
    else {
      if (!existing.wording && wording) existing.wording = wording;
      else if (wording && wordingKey(wording) !== wordingKey(existing.wording) && existing.sheet === origin.sheet) {
        warnings.push({
          sheet: origin.sheet,
          row,
          column: origin.headerOf("finding") ?? origin.headerOf("findingWording") ?? "",
          message: `Finding ${ref} is worded differently on row ${existing.row}: the wording on row ${existing.row} is imported`,
        });
      }
      if (existing.summary === null && summary !== null) existing.summary = summary;
    }
    return { ref };
  };

  if (findingsSheet) {
    const at = columnOf(findingsSheet, mapping.findings!.columns);
    const cellAt = (r: RawRow, field: TrackerField) => (at.has(field) ? (r.cells[at.get(field)!] ?? null) : undefined);
    for (const r of dataRows(findingsSheet)) {
      noteFinding(findingOrigin, r.row, cellAt(r, "findingRef"), cellAt(r, "finding"), cellAt(r, "findingWording"), cellAt(r, "findingSummary"));
    }
  }

  // ---- Actions ------------------------------------------------------------------------------
  const at = columnOf(actionsSheet, mapping.columns);
  const cellAt = (r: RawRow, field: TrackerField) => (at.has(field) ? (r.cells[at.get(field)!] ?? null) : undefined);
  const actionFields: TrackerField[] = ["actionRef", "title", "description", "owner", "leadOrganisation", "startDate", "dueDate", "status", "progress", "rag"];
  /** With findings on their own sheet, an action's finding cell only names one: by its number, or its wording. */
  const findingNamedBy = (r: RawRow): FindingName | null => {
    const cell = at.has("findingRef") ? cellAt(r, "findingRef") : (cellAt(r, "finding") ?? cellAt(r, "findingWording"));
    if (cell === undefined || isEmpty(cell)) return null;
    const text = textOf(cell);
    const ref = at.has("findingRef") ? refOf(cell) : (splitFinding(text).ref ?? (REF.test(text.replace(/\.$/, "")) ? refOf(cell) : ""));
    return ref ? { ref } : { wordingKey: wordingKey(text) };
  };
  const pending: { row: number; finding: FindingName; cells: Partial<Record<TrackerField, Cell>> }[] = [];
  let current: FindingName | null = null;
  for (const r of dataRows(actionsSheet)) {
    const named = findingsSheet
      ? findingNamedBy(r)
      : noteFinding(actionOrigin, r.row, cellAt(r, "findingRef"), cellAt(r, "finding"), cellAt(r, "findingWording"), cellAt(r, "findingSummary"));
    // An empty finding cell continues the finding above (a merged cell, or a finding written once above its actions).
    if (named) current = named;
    const cells: Partial<Record<TrackerField, Cell>> = {};
    for (const f of actionFields) if (at.has(f)) cells[f] = r.cells[at.get(f)!] ?? null;
    if (!actionFields.some((f) => f !== "actionRef" && !isEmpty(cells[f]))) continue; // a row that only names a finding
    if (!current) {
      errors.push({ sheet: actionsSheet.name, row: r.row, column: actionOrigin.headerOf("finding") ?? actionOrigin.headerOf("findingRef") ?? "", message: "Say which finding this action is for" });
      continue;
    }
    pending.push({ row: r.row, finding: current, cells });
  }

  // Numbers for findings named by their wording alone: the plan's finding with that wording, else after the highest number in use.
  const refByWording = new Map<string, string>();
  for (const f of findings.values()) if (f.wording && !refByWording.has(wordingKey(f.wording))) refByWording.set(wordingKey(f.wording), f.ref);
  const numbers = [...findings.keys(), ...planFindings.keys()].filter((k) => /^\d+$/.test(k)).map(Number);
  let next = Math.max(0, ...numbers) + 1;
  for (const [k, f] of unnumbered) {
    if (refByWording.has(k)) continue;
    const ref = plan?.findings.find((p) => wordingKey(p.inspectorsWording) === k)?.ref ?? String(next++);
    refByWording.set(k, ref);
    findings.set(key(ref), { ...f, ref });
  }
  const actions: ActionOut[] = [];
  for (const p of pending) {
    const findingRef = "ref" in p.finding ? p.finding.ref : refByWording.get(p.finding.wordingKey);
    if (!findingRef) {
      errors.push({ sheet: actionsSheet.name, row: p.row, column: actionOrigin.headerOf("finding") ?? actionOrigin.headerOf("findingWording") ?? "", message: "No finding in the findings sheet has this wording: name the finding by its number" });
      continue;
    }
    actions.push({ row: p.row, findingRef, ref: null, cells: p.cells });
  }

  // Action refs: the tracker's, prefixed with the finding when they only count within it; or by position.
  const given = actions.map((a) => (a.cells.actionRef === undefined ? "" : refOf(a.cells.actionRef)));
  const plainNumbers = given.filter((g) => g !== "").every((g) => /^\d+$/.test(g));
  const repeatsAcrossFindings = new Set(given.filter((g) => g !== "")).size < given.filter((g) => g !== "").length;
  const position = new Map<string, number>();
  actions.forEach((a, i) => {
    const n = (position.get(key(a.findingRef)) ?? 0) + 1;
    position.set(key(a.findingRef), n);
    const g = given[i]!;
    if (g === "") a.ref = `${a.findingRef}.${n}`;
    else if (plainNumbers && repeatsAcrossFindings) a.ref = `${a.findingRef}.${g}`;
    else a.ref = g;
  });

  // ---- Cells, as the template reads them -------------------------------------------------------
  const owners = new Map<string, { email: string | null }[]>();
  for (const o of context.owners) {
    if (!o.name) continue;
    const k = collapse(o.name).toLowerCase();
    owners.set(k, [...(owners.get(k) ?? []), { email: o.email }]);
  }
  const warn = (row: number, field: TrackerField, message: string) =>
    warnings.push({ sheet: actionsSheet.name, row, column: actionOrigin.headerOf(field) ?? TRACKER_FIELDS[field], message });

  const dateCell = (a: ActionOut, field: "dueDate" | "startDate", end: PeriodEnd, now: Date | null | undefined): string | null => {
    const cell = a.cells[field];
    const what = field === "dueDate" ? "due date" : "start date";
    const kept = now !== undefined ? `${a.ref}'s ${what} is left as it is` : `${a.ref}'s ${what} is left empty`;
    const keep = now !== undefined ? fromDay(now) || null : null;
    if (isEmpty(cell)) return null;
    if (cell instanceof Date || typeof cell === "number") {
      const parsed = parseDate(cell ?? null, "", { date1904 });
      if (parsed.ok && parsed.value) return fromDay(parsed.value);
      warn(a.row, field, `${typeof cell === "number" ? `${cell} is not a date` : "The cell is not a date"}: action ${kept}`);
      return keep;
    }
    if (typeof cell !== "string") {
      warn(a.row, field, `The cell shows an error, not a date: action ${kept}`);
      return keep;
    }
    const read = readTextDate(cell, end);
    if (read.kind === "day") return read.day;
    if (read.kind === "empty") return null;
    warn(a.row, field, `${read.reason}: action ${kept}`);
    return keep;
  };

  const actionRows: RawRow[] = [];
  const statusColumn = at.has("status") || at.has("rag");
  for (const a of actions) {
    const existing = planActions.get(key(a.ref!));
    const row: Cell[] = [a.findingRef, a.ref, a.cells.title ?? null];
    if (at.has("description")) row.push(a.cells.description ?? null);
    if (at.has("owner")) {
      const text = collapse(textOf(a.cells.owner));
      let email: string | null = null;
      if (text.includes("@")) {
        const checked = emailSchema.safeParse(text);
        if (checked.success) email = checked.data;
        else warn(a.row, "owner", `“${text}” is not an email address Headway can read: action ${a.ref} is left without an owner`);
      }
      else if (text) {
        const matches = owners.get(text.toLowerCase()) ?? [];
        const withEmail = matches.filter((m) => m.email);
        if (withEmail.length === 1) email = withEmail[0]!.email;
        else if (matches.length > 1) warn(a.row, "owner", `More than one person in ${context.area.name} is called ${text}: action ${a.ref} is left without an owner (write their email address instead)`);
        else warn(a.row, "owner", `No one called ${text} is a lead or contributor in ${context.area.name}: action ${a.ref} is left without an owner`);
      }
      row.push(email);
    }
    if (at.has("leadOrganisation")) row.push(a.cells.leadOrganisation ?? null);
    if (at.has("startDate")) row.push(dateCell(a, "startDate", "first", existing ? existing.startDate : undefined));
    if (at.has("dueDate")) row.push(dateCell(a, "dueDate", "last", existing ? existing.dueDate : undefined));
    if (statusColumn) {
      let status: ActionStatus | null = null;
      const statusText = at.has("status") ? textOf(a.cells.status) : "";
      if (statusText) {
        status = statusOf(statusText);
        if (!status) warn(a.row, "status", `“${statusText}” is not a status Headway has (Not started, In progress, Complete, Deferred or Cancelled): action ${a.ref}'s status is left as it is`);
      }
      const rag = at.has("rag") ? textOf(a.cells.rag) : "";
      if (rag && !isRagWord(rag)) warn(a.row, "rag", `The RAG rating “${rag}” is not red, amber, green or blue (complete): Headway works out its own RAG from the dates and status`);
      else if (!status && RAG_COMPLETE.test(rag.trim())) status = "COMPLETE";
      row.push(status ? wordFor("actionStatus", status) : null);
    }
    if (at.has("progress")) {
      const cell = a.cells.progress;
      const parsed = parseInteger(cell ?? null, "Progress", 0, 100);
      if (parsed.ok) row.push(parsed.value === null ? null : parsed.value);
      else {
        warn(a.row, "progress", `“${textOf(cell)}” is not a percentage from 0 to 100: action ${a.ref}'s progress is left as it is`);
        row.push(null);
      }
    }
    actionRows.push({ row: a.row, cells: row });
  }
  const actionHeader: Cell[] = ["Finding ref", "Ref", "Title"];
  if (at.has("description")) actionHeader.push("Description");
  if (at.has("owner")) actionHeader.push("Owner email");
  if (at.has("leadOrganisation")) actionHeader.push("Lead organisation");
  if (at.has("startDate")) actionHeader.push("Start date");
  if (at.has("dueDate")) actionHeader.push("Due date");
  if (statusColumn) actionHeader.push("Status");
  if (at.has("progress")) actionHeader.push("Progress");

  // ---- Findings sheet: findings the tracker words; one named only by its number must be in the plan already.
  const findingRows: RawRow[] = [];
  for (const f of [...findings.values()].sort((a, b) => a.row - b.row)) {
    const inPlan = planFindings.get(key(f.ref));
    if (!f.wording && inPlan) continue;
    const kind = mapping.findingKind ?? inPlan?.kind ?? findingKindFor(framework);
    // Without a summary column, a finding in the plan keeps its summary; a new one has none yet.
    const summary = f.summary ?? inPlan?.summary ?? "";
    findingRows.push({ row: f.row, cells: [f.ref, wordFor("findingKind", kind), f.wording, summary] });
  }

  const sheets: RawSheet[] = [
    { name: "Findings", header: ["Ref", "Kind", "Inspectors' wording", "Summary"], rows: findingRows },
    { name: "Actions", header: actionHeader, rows: actionRows },
  ];
  if (!plan) {
    const header: Cell[] = ["Local area", "LA code"];
    const cells: Cell[] = [context.area.name, context.area.laCode];
    if (mapping.planType) {
      header.push("Plan type", "Framework");
      cells.push(wordFor("planType", mapping.planType), wordFor("framework", framework));
    }
    sheets.unshift({ name: "Plan", header, rows: [{ row: 2, cells }] });
  }

  // ---- The report in the tracker's words ----------------------------------------------------------
  const ACTION_COLUMNS: Record<string, TrackerField> = {
    "Finding ref": at.has("findingRef") ? "findingRef" : "finding",
    Ref: "actionRef",
    Title: "title",
    Description: "description",
    "Owner email": "owner",
    "Lead organisation": "leadOrganisation",
    "Start date": "startDate",
    "Due date": "dueDate",
    Status: at.has("status") ? "status" : "rag",
    Progress: "progress",
  };
  const findingHeaders = findingsSheet ? mapping.findings!.columns : mapping.columns;
  const findingField = (f: TrackerField) => Object.values(findingHeaders).includes(f);
  const FINDING_COLUMNS: Record<string, TrackerField> = {
    Ref: findingField("findingRef") ? "findingRef" : "finding",
    "Inspectors' wording": findingField("findingWording") ? "findingWording" : "finding",
    Summary: "findingSummary",
  };
  const translate = (issue: Issue): Issue => {
    if (issue.sheet === "Actions") {
      const field = ACTION_COLUMNS[issue.column];
      const column = (field && actionOrigin.headerOf(field)) ?? (issue.column === "Ref" ? "Action ref (numbered by position)" : issue.column);
      return { ...issue, sheet: actionOrigin.sheet, column };
    }
    if (issue.sheet === "Findings") {
      const field = FINDING_COLUMNS[issue.column];
      const column = (field && findingOrigin.headerOf(field)) ?? (issue.column === "Kind" ? "Kind of finding (on the mapping)" : issue.column);
      return { ...issue, sheet: findingOrigin.sheet, column };
    }
    if (issue.sheet === "Plan") return { ...issue, sheet: "The mapping", row: 0 };
    return issue;
  };

  return { sheets, date1904, errors, warnings, translate };
}
