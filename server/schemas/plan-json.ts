/**
 * The plan as JSON (plan.json): the plan workbook's sheets as arrays of objects, one key per
 * column, named as the workbook's columns are in code (server/schemas/plan-workbook.ts, which this
 * schema is built from, so a column added there is a key here). GET /api/v1/areas/<slug>/plan.json
 * writes it and the plan import reads it back: exporting and importing again changes nothing.
 *
 * Values are JSON's own: enumerations as codes ("NOT_STARTED"), dates as "yyyy-mm-dd", numbers
 * as numbers, lists as arrays; null clears an optional value. Like a workbook's sheet, an array
 * left out leaves its records alone, and like a column, a key left out (from every item of its
 * array) leaves that field alone: a key must be in every item of its array or in none.
 *
 * No server imports: the OpenAPI document is generated from this schema.
 */
import { z } from "zod";
import { ENUMS, SHEET_NAMES, SHEETS, type Column, type SheetName } from "@/server/schemas/plan-workbook";
import { isRealDay } from "@/server/schemas/common";

export const PLAN_JSON_FORMAT = "headway-plan";
export const PLAN_JSON_VERSION = 1;

/** The key of each sheet in plan.json: the Plan sheet is one object, the others arrays. */
export const JSON_KEY: Record<SheetName, "plan" | "findings" | "actions" | "measures" | "milestones" | "values"> = {
  Plan: "plan",
  Findings: "findings",
  Actions: "actions",
  Measures: "measures",
  Milestones: "milestones",
  Values: "values",
};
export const sheetOfJsonKey = (key: string): SheetName | undefined => SHEET_NAMES.find((s) => JSON_KEY[s] === key);

const day = z
  .string()
  .refine(isRealDay, "Write the date as yyyy-mm-dd, like 2026-11-22")
  .meta({ format: "date", examples: ["2026-11-22"] });

const listItem = z.string().trim().min(1, "A list cannot hold an empty name").refine((t) => !t.includes(";"), "A name in a list cannot hold a semicolon");

/** The JSON type of one column's value. */
function valueSchema(c: Column): z.ZodType {
  switch (c.kind) {
    case "date":
      return day;
    case "number":
      return z.number();
    case "integer":
      return z.number().int();
    case "enum":
      return z.enum(Object.keys(ENUMS[c.enumOf!]) as [string, ...string[]]);
    case "list":
      return z.array(listItem);
    default:
      return z.string();
  }
}

/** One item of a sheet: required columns must be there with a value; others may be null (cleared) or left out. */
function itemSchema(sheet: SheetName) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of SHEETS[sheet] as readonly Column[]) {
    const value = valueSchema(c);
    shape[c.key] = (c.required ? value : c.kind === "list" ? value.optional() : value.nullable().optional()).meta({ description: c.note });
  }
  return z.strictObject(shape);
}

export const planJsonSchema = z
  .strictObject({
    format: z.literal(PLAN_JSON_FORMAT).meta({ description: "Always “headway-plan”." }),
    version: z.literal(PLAN_JSON_VERSION).meta({ description: "The shape's version: 1." }),
    exportedAt: z.string().optional().meta({ description: "When it was exported (ISO 8601). Ignored on import." }),
    plan: itemSchema("Plan").optional().meta({ id: "PlanJsonPlan", description: "The Plan sheet's one row: the area and the plan's details." }),
    findings: z.array(itemSchema("Findings").meta({ id: "PlanJsonFinding" })).max(5000).optional(),
    actions: z.array(itemSchema("Actions").meta({ id: "PlanJsonAction" })).max(5000).optional(),
    measures: z.array(itemSchema("Measures").meta({ id: "PlanJsonMeasure" })).max(5000).optional(),
    milestones: z.array(itemSchema("Milestones").meta({ id: "PlanJsonMilestone" })).max(5000).optional(),
    values: z.array(itemSchema("Values").meta({ id: "PlanJsonValue" })).max(5000).optional(),
  })
  .meta({
    id: "PlanJson",
    description:
      "The whole plan as the plan workbook holds it, one array per sheet and one key per column. Import it on the plan's import page (or POST /api/local-areas/<slug>/plan-import) as a .json file: an export imported again changes nothing.",
  });

export type PlanJson = z.infer<typeof planJsonSchema>;
/** One item of any sheet, by column key. */
export type PlanJsonItem = Record<string, string | number | string[] | null | undefined>;
