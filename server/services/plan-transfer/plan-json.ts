/**
 * The plan as JSON (server/schemas/plan-json.ts), both ways, through the workbook's own code: the
 * export is the workbook's rows (plan-export.ts, planRows) with JSON's values, and the import turns
 * the JSON into the workbook's sheets of cells, so that the same parser (parse-sheets.ts), the
 * same analysers and the same writer take it from there, with the same checks, report, dry run,
 * all-or-nothing apply and audit. A problem is reported by the JSON's own names: the array
 * ("findings"), the item's number in it (from 1) and the key ("inspectorsWording").
 */
import { fromDay } from "@/lib/calendar";
import { notFound } from "@/server/errors";
import { JSON_KEY, PLAN_JSON_FORMAT, PLAN_JSON_VERSION, planJsonSchema, sheetOfJsonKey, type PlanJson, type PlanJsonItem } from "@/server/schemas/plan-json";
import { columnOf, joinList, parseEnum, parseList, SHEET_NAMES, SHEETS, type Cell, type Column, type SheetName } from "@/server/schemas/plan-workbook";
import type { Db } from "@/server/services/core/audit";
import { planRows, type OutValue } from "@/server/services/plan-transfer/plan-export";
import type { Issue } from "@/server/services/plan-transfer/parse-sheets";
import type { RawSheet, UploadedFile } from "@/server/services/plan-transfer/read-workbook";
import { loadAreaState } from "@/server/services/plan-transfer/workbook-state";

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/** One workbook value as JSON holds it: a code for a word, "yyyy-mm-dd" for a date, an array for a list. */
function jsonValue(c: Column, value: OutValue | undefined): string | number | string[] | null {
  if (c.kind === "list") return typeof value === "string" ? (parseList(value) as { ok: true; value: string[] }).value : [];
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return fromDay(value);
  if (c.kind === "enum" && typeof value === "string") {
    const parsed = parseEnum(c.enumOf!, value, c.header);
    return parsed.ok ? parsed.value : value;
  }
  return value;
}

function jsonItem(sheet: SheetName, row: Partial<Record<string, OutValue>>): PlanJsonItem {
  return Object.fromEntries((SHEETS[sheet] as readonly Column[]).map((c) => [c.key, jsonValue(c, row[c.key])]));
}

/** The area's current plan as plan.json: every sheet, every column (only the Plan object when there is no plan). */
export async function exportPlanJson(db: Db, localAreaId: string, now = new Date()): Promise<PlanJson> {
  const state = await loadAreaState(db, localAreaId);
  if (!state) throw notFound("That local area");
  const rows = planRows(state);
  const json: Record<string, unknown> = { format: PLAN_JSON_FORMAT, version: PLAN_JSON_VERSION, exportedAt: now.toISOString() };
  for (const sheet of SHEET_NAMES) {
    const items = rows[sheet].map((row) => jsonItem(sheet, row as Partial<Record<string, OutValue>>));
    json[JSON_KEY[sheet]] = sheet === "Plan" ? items[0] : items;
  }
  return json as PlanJson;
}

/** "northbridge-plan-2026-11-22.json" */
export const planJsonFileName = (slug: string, on: Date) => `${slug}-plan-${fromDay(on)}.json`;

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

/** A report issue about the sheets made from the JSON, in the JSON's names (the sheet's key, the column's key). */
export function jsonIssue(issue: Issue): Issue {
  const sheet = SHEET_NAMES.find((s) => s === issue.sheet);
  if (!sheet) return issue;
  const column = (SHEETS[sheet] as readonly Column[]).find((c) => c.header === issue.column);
  return { ...issue, sheet: JSON_KEY[sheet], column: column?.key ?? issue.column };
}

const fileProblem = (message: string, at: Partial<Issue> = {}): Issue => ({ sheet: "", row: 0, column: "", message, ...at });

function cellOf(c: Column, value: PlanJsonItem[string]): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return joinList(value);
  return value;
}

/** The JSON's sheet as the workbook's: the keys given are its columns; item N is row N. */
function sheetOf(sheet: SheetName, items: readonly PlanJsonItem[], errors: Issue[]): RawSheet {
  // An empty array is the sheet with its header and no rows: every column there, nothing to read.
  const keys = items.length === 0 ? (SHEETS[sheet] as readonly Column[]).map((c) => c.key) : [...new Set(items.flatMap((item) => Object.keys(item)))];
  items.forEach((item, i) => {
    for (const key of keys.filter((k) => !(k in item))) {
      // In a workbook a column is there for every row; an item without a key its neighbours have
      // would otherwise clear that field, which nobody meant.
      errors.push({ sheet: JSON_KEY[sheet], row: i + 1, column: key, message: `Give “${key}” in every item of ${JSON_KEY[sheet]}, or in none (to leave it as it is)` });
    }
  });
  const columns = keys.map((key) => columnOf(sheet, key as never));
  return {
    name: sheet,
    header: columns.map((c) => c.header),
    rows: items.map((item, i) => ({ row: i + 1, cells: columns.map((c) => cellOf(c, item[c.key])) })),
  };
}

export type JsonWorkbook = { sheets: RawSheet[]; errors: Issue[] };

/**
 * A plan.json file as the workbook's sheets, or the problems that stop it being read: not JSON,
 * not a plan (its shape, by the schema), or keys given in some items of an array and not others.
 */
export function readPlanJson(file: UploadedFile): JsonWorkbook {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(file.bytes));
  } catch {
    return { sheets: [], errors: [fileProblem(`${file.name} is not a JSON file: export the plan as JSON from Headway and try again.`)] };
  }
  const checked = planJsonSchema.safeParse(parsed);
  if (!checked.success) {
    const errors = checked.error.issues.slice(0, 500).map((issue) => {
      const [key, index, column] = issue.path;
      if (typeof key !== "string" || !sheetOfJsonKey(key)) return fileProblem(issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message);
      if (key === "plan") return fileProblem(issue.message, { sheet: "plan", row: 1, column: typeof index === "string" ? index : "" });
      return fileProblem(issue.message, { sheet: key, row: typeof index === "number" ? index + 1 : 0, column: typeof column === "string" ? column : "" });
    });
    return { sheets: [], errors };
  }
  const json = checked.data as Record<string, unknown>;
  const errors: Issue[] = [];
  const sheets: RawSheet[] = [];
  for (const sheet of SHEET_NAMES) {
    const value = json[JSON_KEY[sheet]];
    if (value === undefined) continue;
    sheets.push(sheetOf(sheet, (sheet === "Plan" ? [value] : value) as PlanJsonItem[], errors));
  }
  if (sheets.length === 0) errors.push(fileProblem(`${file.name} holds none of the plan's parts: ${SHEET_NAMES.map((s) => JSON_KEY[s]).join(", ")}`));
  return { sheets, errors };
}

export const isPlanJson = (file: { name: string }) => /\.json$/i.test(file.name);
