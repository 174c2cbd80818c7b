/**
 * What the cells of a plan workbook say, row by row, before anything is compared with the
 * database: the right sheets and columns, values of the right kind, keys unique within a sheet.
 * Every problem is reported with its sheet, row and column; a row with a problem is left out of
 * the result (nothing is imported while any problem remains).
 *
 * A value is `undefined` when its column is not in the sheet (the field is left alone) and `null`
 * when the cell is empty (an optional field is cleared).
 */
import type { z } from "zod";
import type {
  ActionStatus,
  CoproductionLevel,
  FindingKind,
  InspectionFramework,
  Judgement,
  MeasureDirection,
  MeasureUnit,
  MeasureValueStatus,
  PlanType,
  Region,
} from "@/server/generated/prisma/enums";
import type { RawRow, RawSheet } from "@/server/services/plan-transfer/read-workbook";
import {
  cellText,
  columnOf,
  headerKey,
  isEmpty,
  LIMITS,
  parseDate,
  parseEnum,
  parseInteger,
  parseList,
  parseNumber,
  SHEET_NAMES,
  sheetNamed,
  SHEETS,
  unescapeFormula,
  type Cell,
  type Column,
  type ColumnKey,
  type EnumCode,
  type EnumName,
  type SheetName,
} from "@/server/schemas/plan-workbook";
import { createAreaSchema } from "@/server/schemas/admin";
import { email as emailSchema } from "@/server/schemas/common";
import { fromDay } from "@/lib/calendar";
import { measureFields } from "@/server/schemas/measure";
import { actionFields, findingFields, organisationFields } from "@/server/schemas/plan";
import { letterUrl } from "@/server/schemas/adviser";

/** A problem in the file. `row` 0 is the whole sheet or file; `column` "" is the whole row. */
export type Issue = { sheet: string; row: number; column: string; message: string };

export type PlanSheetRow = {
  row: number;
  localArea: string;
  laCode: string;
  region?: Region | null;
  planType?: PlanType | null;
  framework?: InspectionFramework | null;
  inspectionDate?: Date | null;
  acceptedDate?: Date | null;
  nextInspectionDate?: Date | null;
  /** The follow-up inspection's days, once it has happened. */
  followUpStartDate?: Date | null;
  followUpEndDate?: Date | null;
};

export type FindingRow = {
  row: number;
  ref: string;
  kind: FindingKind;
  inspectorsWording: string;
  /** Null: none written yet (an empty cell); undefined: no Summary column. */
  summary?: string | null;
  judgement?: Judgement | null;
  judgementDate?: Date | null;
  letterUrl?: string | null;
};

export type ActionRow = {
  row: number;
  findingRef: string;
  ref: string;
  title: string;
  description?: string;
  ownerEmail?: string | null;
  leadOrganisation?: string | null;
  partnerOrganisations?: string[];
  startDate?: Date | null;
  dueDate?: Date | null;
  status?: ActionStatus | null;
  progress?: number | null;
  coproductionLevel?: CoproductionLevel | null;
};

export type MeasureRow = {
  row: number;
  ref: string;
  name: string;
  definition?: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  source?: string;
  baseline?: number | null;
  baselineDate?: Date | null;
  benchmark?: number | null;
  benchmarkLabel?: string | null;
  target?: number | null;
  targetDate?: Date | null;
  findingRefs?: string[];
  plausibleMin?: number | null;
  plausibleMax?: number | null;
};

export type MilestoneRow = { row: number; measureRef: string; date: Date; target: number };
export type ValueRow = { row: number; measureRef: string; periodEnd: Date; value: number; status?: MeasureValueStatus | null };

export type ParsedWorkbook = {
  /** Sheets found with every required column (their rows were read). */
  present: Set<SheetName>;
  /** The Plan sheet's details; null when the sheet is missing, empty or has a problem. */
  plan: PlanSheetRow | null;
  /** Whether the Plan sheet has a row of details at all (valid or not). */
  planRowGiven: boolean;
  findings: FindingRow[];
  actions: ActionRow[];
  measures: MeasureRow[];
  milestones: MilestoneRow[];
  values: ValueRow[];
  /** Refs named in the Findings and Measures sheets, including rows with problems elsewhere. */
  findingRefs: Set<string>;
  measureRefs: Set<string>;
  errors: Issue[];
  warnings: Issue[];
};

// The editors' own fields: their lengths and reference patterns are the workbook's, so a row the
// import accepts is one the finding, action and measure forms can save again.
const FINDING = findingFields.shape;
const ACTION = actionFields.shape;
const MEASURE = measureFields.shape;
type TextField = z.ZodString;
const maxOf = (field: TextField) => field.maxLength ?? Number.POSITIVE_INFINITY;
const AREA_NAME = createAreaSchema.shape.name;
const ORGANISATION_NAME = organisationFields.shape.name;

/** "Inspectors' wording" -> "inspectors' wording", but "LA code" stays. */
function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1]!.toUpperCase() && /[A-Z]/.test(text[1]!) ? text : text[0]!.toLowerCase() + text.slice(1);
}

/** Reads one row's cells by column key, recording each problem against its column. */
function rowReader<S extends SheetName>(sheet: S, columns: Map<string, number>, raw: RawRow, errors: Issue[], date1904: boolean, literalText: boolean) {
  // A spreadsheet's text may carry export's formula guard (escapeFormula); JSON's never does.
  const unescape = literalText ? (text: string) => text : unescapeFormula;
  let bad = false;
  const spec = (key: ColumnKey<S>): Column => columnOf(sheet, key);
  const cell = (key: ColumnKey<S>): Cell | undefined => {
    const at = columns.get(key);
    return at === undefined ? undefined : (raw.cells[at] ?? null);
  };
  const problem = (key: ColumnKey<S>, message: string) => {
    bad = true;
    errors.push({ sheet, row: raw.row, column: spec(key).header, message });
  };
  /** An empty cell: a problem in a required column, else null. */
  const empty = (key: ColumnKey<S>): null => {
    const c = spec(key);
    if (c.required) problem(key, `Enter the ${lowerFirst(c.header)}`);
    return null;
  };

  const r = {
    get bad() {
      return bad;
    },
    problem,
    text(key: ColumnKey<S>, field: TextField | number): string | null | undefined {
      const c = cell(key);
      if (c === undefined) return undefined;
      const t = cellText(c);
      if (!t.ok) return (problem(key, t.message), null);
      const value = unescape(t.value);
      if (value === "") return empty(key);
      const max = typeof field === "number" ? field : maxOf(field);
      if (value.length > max) return (problem(key, `${spec(key).header} must be ${max} characters or fewer`), null);
      return value;
    },
    /** A reference, checked by the editor's own field for that kind of record. */
    ref(key: ColumnKey<S>, field: TextField): string | null | undefined {
      const value = r.text(key, field);
      if (!value) return value;
      const checked = field.safeParse(value);
      return checked.success ? value : (problem(key, checked.error.issues[0]!.message), null);
    },
    email(key: ColumnKey<S>): string | null | undefined {
      const value = r.text(key, Number.POSITIVE_INFINITY);
      if (!value) return value;
      const checked = emailSchema.safeParse(value);
      return checked.success ? checked.data : (problem(key, checked.error.issues[0]!.message), null);
    },
    enum<E extends EnumName>(key: ColumnKey<S>, name: E): EnumCode<E> | null | undefined {
      const c = cell(key);
      if (c === undefined) return undefined;
      if (isEmpty(c)) return empty(key);
      const t = cellText(c);
      if (!t.ok) return (problem(key, t.message), null);
      const parsed = parseEnum(name, t.value, spec(key).header);
      return parsed.ok ? parsed.value : (problem(key, parsed.message), null);
    },
    date(key: ColumnKey<S>): Date | null | undefined {
      const c = cell(key);
      if (c === undefined) return undefined;
      if (isEmpty(c)) return empty(key);
      const parsed = parseDate(c, spec(key).header, { date1904 });
      return parsed.ok ? parsed.value : (problem(key, parsed.message), null);
    },
    number(key: ColumnKey<S>): number | null | undefined {
      const c = cell(key);
      if (c === undefined) return undefined;
      if (isEmpty(c)) return empty(key);
      const parsed = parseNumber(c, spec(key).header);
      return parsed.ok ? parsed.value : (problem(key, parsed.message), null);
    },
    integer(key: ColumnKey<S>, min: number, max: number): number | null | undefined {
      const c = cell(key);
      if (c === undefined) return undefined;
      if (isEmpty(c)) return empty(key);
      const parsed = parseInteger(c, spec(key).header, min, max);
      return parsed.ok ? parsed.value : (problem(key, parsed.message), null);
    },
    list(key: ColumnKey<S>, maxItemLength: number): string[] | undefined {
      const c = cell(key);
      if (c === undefined) return undefined;
      const parsed = parseList(c);
      if (!parsed.ok) return (problem(key, parsed.message), []);
      const items = parsed.value.map(unescape);
      if (items.length > LIMITS.listItems) return (problem(key, `${spec(key).header} may list at most ${LIMITS.listItems}`), []);
      const long = items.find((i) => i.length > maxItemLength);
      if (long) return (problem(key, `“${long.slice(0, 40)}…” is longer than ${maxItemLength} characters`), []);
      return items;
    },
  };
  return r;
}

type SheetInput = { sheet: SheetName; raw: RawSheet; columns: Map<string, number> };

/** Maps header cells to column keys; a missing required column makes the sheet unreadable. */
function readHeader(sheet: SheetName, raw: RawSheet, errors: Issue[], warnings: Issue[]): Map<string, number> | null {
  const known = new Map((SHEETS[sheet] as readonly Column[]).map((c) => [headerKey(c.header), c]));
  const columns = new Map<string, number>();
  raw.header.forEach((cell, i) => {
    if (isEmpty(cell)) return;
    const text = cellText(cell);
    const label = text.ok ? text.value : String(cell);
    const column = known.get(headerKey(label));
    if (!column) {
      warnings.push({ sheet, row: 1, column: label, message: `Headway does not read a column called “${label}”: it was ignored` });
    } else if (columns.has(column.key)) {
      errors.push({ sheet, row: 1, column: column.header, message: `The ${sheet} sheet has two “${column.header}” columns: keep one` });
    } else {
      columns.set(column.key, i);
    }
  });
  const missing = (SHEETS[sheet] as readonly Column[]).filter((c) => c.required && !columns.has(c.key));
  for (const c of missing) {
    errors.push({ sheet, row: 1, column: c.header, message: `The ${sheet} sheet has no “${c.header}” column: add it to the first row` });
  }
  return missing.length > 0 ? null : columns;
}

/** Rows with at least one value; entirely empty rows are skipped. */
function dataRows(raw: RawSheet): RawRow[] {
  return raw.rows.filter((r) => r.cells.some((c) => !isEmpty(c)));
}

/** Remembers a key per sheet and reports the second row that uses it. */
function uniqueKeys(sheet: SheetName, errors: Issue[], column: string, what: (key: string) => string) {
  const seen = new Map<string, number>();
  return (key: string, row: number): boolean => {
    const k = key.toLowerCase();
    const first = seen.get(k);
    if (first !== undefined) {
      errors.push({ sheet, row, column, message: `${what(key)} is also on row ${first}: each may appear once` });
      return false;
    }
    seen.set(k, row);
    return true;
  };
}

/** `literalText`: the cells come from plan.json, whose text carries no formula guard to take off. */
export function parseSheets(sheets: readonly RawSheet[], options: { date1904?: boolean; literalText?: boolean } = {}): ParsedWorkbook {
  const date1904 = options.date1904 ?? false;
  const literalText = options.literalText ?? false;
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const out: ParsedWorkbook = {
    present: new Set(),
    plan: null,
    planRowGiven: false,
    findings: [],
    actions: [],
    measures: [],
    milestones: [],
    values: [],
    findingRefs: new Set(),
    measureRefs: new Set(),
    errors,
    warnings,
  };

  // null: the sheet is there but a required column is missing (reported), so its rows are not read.
  const inputs = new Map<SheetName, SheetInput | null>();
  for (const raw of sheets) {
    const sheet = sheetNamed(raw.name);
    if (!sheet) {
      warnings.push({ sheet: raw.name, row: 0, column: "", message: `Headway does not read a sheet called “${raw.name}”: it was ignored` });
      continue;
    }
    if (inputs.has(sheet)) {
      errors.push({ sheet, row: 0, column: "", message: `There are two ${sheet} sheets: keep one (${raw.name})` });
      continue;
    }
    const columns = readHeader(sheet, raw, errors, warnings);
    inputs.set(sheet, columns ? { sheet, raw, columns } : null);
  }
  if (inputs.size === 0) {
    errors.push({ sheet: "", row: 0, column: "", message: `The file has none of the sheets Headway reads: ${SHEET_NAMES.join(", ")}` });
    return out;
  }
  const usable = (sheet: SheetName) => {
    const input = inputs.get(sheet);
    if (!input) return null;
    out.present.add(sheet);
    return input;
  };
  const reader = <S extends SheetName>(sheet: S, input: SheetInput, raw: RawRow) => rowReader(sheet, input.columns, raw, errors, date1904, literalText);

  // Plan: one row of details.
  const planInput = usable("Plan");
  if (planInput) {
    const rows = dataRows(planInput.raw);
    out.planRowGiven = rows.length > 0;
    for (const extra of rows.slice(1)) {
      errors.push({ sheet: "Plan", row: extra.row, column: "", message: "The Plan sheet has one row of details, in row 2: remove this row" });
    }
    const raw = rows[0];
    if (raw) {
      const r = reader("Plan", planInput, raw);
      const row: PlanSheetRow = {
        row: raw.row,
        localArea: r.text("localArea", AREA_NAME) ?? "",
        laCode: r.text("laCode", 20) ?? "",
        region: r.enum("region", "region"),
        planType: r.enum("planType", "planType"),
        framework: r.enum("framework", "framework"),
        inspectionDate: r.date("inspectionDate"),
        acceptedDate: r.date("acceptedDate"),
        nextInspectionDate: r.date("nextInspectionDate"),
        followUpStartDate: r.date("followUpStartDate"),
        followUpEndDate: r.date("followUpEndDate"),
      };
      if (row.followUpEndDate && !row.followUpStartDate) r.problem("followUpStartDate", "Enter the revisit's start date, or leave its end date empty");
      if (row.followUpEndDate && row.followUpStartDate && row.followUpEndDate < row.followUpStartDate) {
        r.problem("followUpEndDate", "The revisit's end date must be on or after its start date");
      }
      if (!r.bad) out.plan = row;
    }
  }

  const findingsInput = usable("Findings");
  if (findingsInput) {
    const once = uniqueKeys("Findings", errors, "Ref", (ref) => `Finding ${ref}`);
    for (const raw of dataRows(findingsInput.raw)) {
      const r = reader("Findings", findingsInput, raw);
      const ref = r.ref("ref", FINDING.ref);
      if (ref) {
        out.findingRefs.add(ref.toLowerCase());
        if (!once(ref, raw.row)) continue;
      }
      const row = {
        row: raw.row,
        ref: ref!,
        kind: r.enum("kind", "findingKind")!,
        inspectorsWording: r.text("inspectorsWording", FINDING.inspectorsWording)!,
        summary: r.text("summary", FINDING.summary),
        judgement: r.enum("judgement", "judgement"),
        judgementDate: r.date("judgementDate"),
        letterUrl: r.ref("letterUrl", letterUrl),
      } satisfies FindingRow;
      if (row.judgementDate && row.judgement === null) r.problem("judgement", "Enter the judgement, or leave the judgement date empty");
      if (row.judgement && !row.judgementDate && !r.bad) r.problem("judgementDate", "Enter the date of the judgement (the letter's date)");
      if (row.letterUrl && !row.judgement) r.problem("judgement", "Enter the judgement the letter made, or leave the letter link empty");
      if (!r.bad) out.findings.push(row);
    }
  }

  const actionsInput = usable("Actions");
  if (actionsInput) {
    const once = uniqueKeys("Actions", errors, "Ref", (ref) => `Action ${ref}`);
    for (const raw of dataRows(actionsInput.raw)) {
      const r = reader("Actions", actionsInput, raw);
      const ref = r.ref("ref", ACTION.ref);
      if (ref && !once(ref, raw.row)) continue;
      const row = {
        row: raw.row,
        findingRef: r.ref("findingRef", FINDING.ref)!,
        ref: ref!,
        title: r.text("title", ACTION.title)!,
        description: r.text("description", ACTION.description) ?? (actionsInput.columns.has("description") ? "" : undefined),
        ownerEmail: r.email("ownerEmail"),
        leadOrganisation: r.text("leadOrganisation", ORGANISATION_NAME),
        partnerOrganisations: r.list("partnerOrganisations", maxOf(ORGANISATION_NAME)),
        startDate: r.date("startDate"),
        dueDate: r.date("dueDate"),
        status: r.enum("status", "actionStatus"),
        progress: r.integer("progress", 0, 100),
        coproductionLevel: r.enum("coproductionLevel", "coproductionLevel"),
      } satisfies ActionRow;
      if (row.startDate && row.dueDate && row.dueDate < row.startDate) {
        r.problem("dueDate", `The due date (${fromDay(row.dueDate)}) must be on or after the start date (${fromDay(row.startDate)})`);
      }
      if (!r.bad) out.actions.push(row);
    }
  }

  const measuresInput = usable("Measures");
  if (measuresInput) {
    const once = uniqueKeys("Measures", errors, "Ref", (ref) => `Measure ${ref}`);
    for (const raw of dataRows(measuresInput.raw)) {
      const r = reader("Measures", measuresInput, raw);
      const ref = r.ref("ref", MEASURE.ref);
      if (ref) {
        out.measureRefs.add(ref.toLowerCase());
        if (!once(ref, raw.row)) continue;
      }
      const has = (key: string) => measuresInput.columns.has(key);
      const row = {
        row: raw.row,
        ref: ref!,
        name: r.text("name", MEASURE.name)!,
        definition: r.text("definition", MEASURE.definition) ?? (has("definition") ? "" : undefined),
        unit: r.enum("unit", "measureUnit")!,
        direction: r.enum("direction", "measureDirection")!,
        source: r.text("source", MEASURE.source) ?? (has("source") ? "" : undefined),
        baseline: r.number("baseline"),
        baselineDate: r.date("baselineDate"),
        benchmark: r.number("benchmark"),
        benchmarkLabel: r.text("benchmarkLabel", MEASURE.benchmarkLabel),
        target: r.number("target"),
        targetDate: r.date("targetDate"),
        findingRefs: r.list("findingRefs", maxOf(FINDING.ref)),
        plausibleMin: r.number("plausibleMin"),
        plausibleMax: r.number("plausibleMax"),
      } satisfies MeasureRow;
      if (!r.bad) out.measures.push(row);
    }
  }

  const milestonesInput = usable("Milestones");
  if (milestonesInput) {
    const once = uniqueKeys("Milestones", errors, "Date", (key) => `The milestone for ${key.replace("|", " on ")}`);
    for (const raw of dataRows(milestonesInput.raw)) {
      const r = reader("Milestones", milestonesInput, raw);
      const row = { row: raw.row, measureRef: r.ref("measureRef", MEASURE.ref)!, date: r.date("date")!, target: r.number("target")! } satisfies MilestoneRow;
      if (r.bad) continue;
      if (once(`${row.measureRef}|${fromDay(row.date)}`, raw.row)) out.milestones.push(row);
    }
  }

  const valuesInput = usable("Values");
  if (valuesInput) {
    const once = uniqueKeys("Values", errors, "Period end", (key) => `The value for ${key.replace("|", " for the period ending ")}`);
    for (const raw of dataRows(valuesInput.raw)) {
      const r = reader("Values", valuesInput, raw);
      const row = {
        row: raw.row,
        measureRef: r.ref("measureRef", MEASURE.ref)!,
        periodEnd: r.date("periodEnd")!,
        value: r.number("value")!,
        status: r.enum("status", "valueStatus"),
      } satisfies ValueRow;
      if (r.bad) continue;
      if (once(`${row.measureRef}|${fromDay(row.periodEnd)}`, raw.row)) out.values.push(row);
    }
  }

  return out;
}
