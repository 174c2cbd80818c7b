/**
 * A council's own plan tracker, mapped onto Headway's fields: which sheet holds the actions, which
 * row holds its column names, and which column is which field; optionally a second sheet of
 * findings. Saved per area (TrackerMapping.mapping) when an import is applied, and offered again
 * when the next file has the same columns. Also the route's answers
 * (POST /api/local-areas/<slug>/tracker-import), declared here as plan-transfer.ts declares the
 * workbook's. Browser-safe.
 */
import { z } from "zod";
import { FindingKind, InspectionFramework, PlanType } from "@/server/generated/prisma/enums";
import { textInput } from "@/server/schemas/common";

/** The fields a tracker's column may fill, with the words the mapping page shows. */
export const TRACKER_FIELDS = {
  finding: "Finding: number and wording together (like “1. The timeliness…”)",
  findingRef: "Finding ref",
  findingWording: "Finding: inspectors' wording",
  findingSummary: "Finding: summary in plain English",
  actionRef: "Action ref",
  title: "Action title",
  description: "Action description",
  owner: "Owner (email or name)",
  leadOrganisation: "Lead organisation",
  startDate: "Start date",
  dueDate: "Due date",
  status: "Status",
  progress: "Progress (%)",
  rag: "RAG rating",
} as const;
export type TrackerField = keyof typeof TRACKER_FIELDS;
export const TRACKER_FIELD_KEYS = Object.keys(TRACKER_FIELDS) as [TrackerField, ...TrackerField[]];

/** What a separate findings sheet's columns may fill. */
export const FINDINGS_SHEET_FIELDS = ["finding", "findingRef", "findingWording", "findingSummary"] as const satisfies readonly TrackerField[];
export type FindingsSheetField = (typeof FINDINGS_SHEET_FIELDS)[number];

/** Rows above the column names a tracker may have (a title, a date, a key to the colours). */
export const MAX_HEADER_ROW = 20;
/** Columns of a sheet that are offered for mapping; anything further right is not read. */
export const MAX_TRACKER_COLUMNS = 100;

const sheetName = textInput().trim().min(1, "Choose the sheet").max(200, "The sheet name must be 200 characters or fewer");
const headerRow = z.number().int().min(1).max(MAX_HEADER_ROW, `The column names must be in the first ${MAX_HEADER_ROW} rows`);
const header = textInput().min(1).max(300);

/** Each field from one column at most: two columns for the same field would leave one unread. */
function onceEach(columns: Record<string, string>, ctx: z.RefinementCtx) {
  if (Object.keys(columns).length > MAX_TRACKER_COLUMNS) ctx.addIssue({ code: "custom", message: `Map at most ${MAX_TRACKER_COLUMNS} columns` });
  const seen = new Map<string, string>();
  for (const [column, field] of Object.entries(columns)) {
    const other = seen.get(field);
    if (other !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: [column],
        message: `“${other}” and “${column}” are both mapped to ${TRACKER_FIELDS[field as TrackerField]}: choose one`,
      });
    }
    seen.set(field, column);
  }
}

export const trackerFindingsSheetSchema = z.object({
  sheet: sheetName,
  headerRow,
  columns: z.record(header, z.enum(FINDINGS_SHEET_FIELDS)).superRefine(onceEach),
});

export const trackerMappingSchema = z
  .object({
    /** The sheet whose rows are actions. */
    sheet: sheetName,
    headerRow,
    /** Column name (as in the header row) to field; a column not named is not imported. */
    columns: z.record(header, z.enum(TRACKER_FIELD_KEYS)).superRefine(onceEach),
    /** The findings on a sheet of their own; the actions' finding column then names them. */
    findings: trackerFindingsSheetSchema.nullish(),
    /** Kind of every finding; unset: new findings take the framework's (existing ones keep theirs). */
    findingKind: z.enum(FindingKind).nullish(),
    /** For an area with no current plan: the plan the import starts. */
    planType: z.enum(PlanType).nullish(),
    framework: z.enum(InspectionFramework).nullish(),
  })
  .superRefine((m, ctx) => {
    const fields = new Set(Object.values(m.columns));
    if (!fields.has("title")) {
      ctx.addIssue({ code: "custom", path: ["columns"], message: "Choose the column that holds each action's title (like “What we will do” or “Action”)" });
    }
    const findingsFields = new Set(Object.values(m.findings?.columns ?? {}));
    if (m.findings) {
      if (!fields.has("finding") && !fields.has("findingRef")) {
        ctx.addIssue({ code: "custom", path: ["columns"], message: "Choose the column of the actions sheet that names each action's finding (its number)" });
      }
      if (!findingsFields.has("finding") && !findingsFields.has("findingRef")) {
        ctx.addIssue({ code: "custom", path: ["findings", "columns"], message: "Choose the column of the findings sheet that holds each finding's number" });
      }
    } else if (!fields.has("finding") && !fields.has("findingRef") && !fields.has("findingWording")) {
      ctx.addIssue({
        code: "custom",
        path: ["columns"],
        message: "Choose the column that says which finding each action is for (like “Area of weakness” or “Priority”)",
      });
    }
  });

export type TrackerMapping = z.infer<typeof trackerMappingSchema>;

/** The mapping as the route receives it: JSON text in the form's "mapping" field. */
export function parseTrackerMapping(text: string): { ok: true; mapping: TrackerMapping } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "The column mapping could not be read. Choose the columns again." };
  }
  const parsed = trackerMappingSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "The column mapping could not be read" };
  return { ok: true, mapping: parsed.data };
}

/** Whether the import should run at all: tracker-import?mode=columns reads the file's columns only. */
export const trackerImportModeSchema = z.enum(["columns", "preview", "apply"]);

// What the route answers for mode=columns.

export type TrackerColumnView = { header: string; samples: string[] };
export type TrackerSheetView = {
  name: string;
  headerRow: number;
  rowCount: number;
  columns: TrackerColumnView[];
  /** The mapping guessed for the sheet as the actions sheet, and as a sheet of findings. */
  guess: Record<string, TrackerField>;
  findingsGuess: Record<string, FindingsSheetField>;
};
export type TrackerColumns = {
  file: string;
  sheets: TrackerSheetView[];
  /** The mapping to start from: the area's saved one when this file has its columns, else a guess. */
  suggestion: TrackerMapping;
  remembered: boolean;
  /** What new findings are when no kind is chosen: from the plan's framework. */
  defaultFindingKind: FindingKind;
  /** The area has no current plan: the mapping must say which plan to start. */
  needsPlan: boolean;
};
