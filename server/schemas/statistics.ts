/**
 * Published statistics: which catalogue measure (or the statistical neighbours) a file is for,
 * how its columns map onto a figure, and what an import answers. The mapping is saved per
 * catalogue measure when an import is applied (StatisticsMapping) and offered for the next file.
 * Also the route's answers (POST /api/statistics/import). Browser-safe: no server imports.
 */
import { z } from "zod";
import { PERIOD_TYPES } from "@/server/domain/statistics-periods";
import { textInput } from "@/server/schemas/common";

/** The saved mapping of the statistical neighbours' file, beside the catalogue measures' own. */
export const NEIGHBOURS_KEY = "statistical-neighbours";

/** A catalogue measure's id: a readable key such as "ehcp-20-weeks-including-exceptions". */
export const catalogueId = z
  .string()
  .trim()
  .min(1, "Choose a published measure")
  .max(80, "That is not a published measure")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "That is not a published measure");

/** What a file holds: a catalogue measure's figures, or the statistical neighbours. */
export const statisticsTarget = z.union([z.literal(NEIGHBOURS_KEY), catalogueId]);

/** The largest file: a DfE file of every authority over many years with its breakdowns is a few MB. */
export const MAX_STATISTICS_BYTES = 20 * 1024 * 1024;
/** Rows read from one file at most. */
export const MAX_STATISTICS_ROWS = 200_000;
/** Filters a mapping may hold, and values offered for each column. */
export const MAX_FILTERS = 10;
export const MAX_FILTER_VALUES = 30;

const column = textInput().trim().min(1, "Choose a column for each question that needs one").max(200, "A column name must be 200 characters or fewer");
/** A column the mapping may leave out: "" when the file has none. */
const optionalColumn = z.union([z.literal(""), column]);

/** Only rows where `column` holds `value` (a DfE file's breakdowns: sen_status = "EHC plan"). */
export const statisticsFilter = z.object({ column, value: textInput().max(300, "A filter value must be 300 characters or fewer") });

export const statisticsMappingSchema = z
  .object({
    /** The figure. */
    value: column,
    /** The DfE's three-digit LA code (old_la_code), or on the LGA's files the LA code. */
    laCode: column,
    /** time_period, or the LGA's period. */
    period: column,
    /** time_identifier ("Calendar year"...); "" when the file has none and `periodType` says. */
    timeIdentifier: optionalColumn,
    periodType: z.enum(PERIOD_TYPES, "Choose what kind of period the file gives"),
    /** geographic_level ("National", "Regional", "Local authority"); "" to tell by the code. */
    geographicLevel: optionalColumn,
    /** region_code or region_name, for the regional rows. */
    region: optionalColumn,
    /** la_name: kept with each figure, for people reading the table. */
    areaName: optionalColumn,
    filters: z.array(statisticsFilter).max(MAX_FILTERS, `Choose at most ${MAX_FILTERS} filters`),
  })
  .superRefine((m, ctx) => {
    const roles: Array<[keyof typeof m, string]> = [
      ["value", "the figure"],
      ["laCode", "the LA code"],
      ["period", "the period"],
      ["timeIdentifier", "the time identifier"],
      ["geographicLevel", "the geographic level"],
      ["region", "the region"],
    ];
    const seen = new Map<string, string>();
    for (const [field, words] of roles) {
      const name = m[field];
      if (typeof name !== "string" || name === "") continue;
      const other = seen.get(name);
      if (other) ctx.addIssue({ code: "custom", path: [field], message: `“${name}” is already chosen as ${other}: choose another column` });
      else seen.set(name, words);
    }
  });

export const NEIGHBOUR_FORMS = ["WIDE", "LONG"] as const;

export const neighboursMappingSchema = z
  .object({
    /** The authority whose neighbours the row gives. */
    laCode: column,
    /** WIDE: one row per authority with its neighbours in columns; LONG: one row per neighbour. */
    form: z.enum(NEIGHBOUR_FORMS, "Choose how the file lists the neighbours"),
    /** WIDE: the neighbours' columns, closest first. */
    neighbours: z.array(column).max(10, "Choose at most ten neighbour columns"),
    /** LONG: the neighbour's LA code, and its rank (1 = closest; "" to take the file's order). */
    neighbourCode: optionalColumn,
    rank: optionalColumn,
  })
  .superRefine((m, ctx) => {
    if (m.form === "WIDE" && m.neighbours.length !== 10) {
      ctx.addIssue({ code: "custom", path: ["neighbours"], message: "Choose the ten columns that hold the neighbours' LA codes, closest first" });
    }
    if (m.form === "LONG" && !m.neighbourCode) ctx.addIssue({ code: "custom", path: ["neighbourCode"], message: "Choose the column that holds the neighbour's LA code" });
  });

export type StatisticsMapping = z.infer<typeof statisticsMappingSchema>;
export type NeighboursMapping = z.infer<typeof neighboursMappingSchema>;
export type StatisticsFilter = z.infer<typeof statisticsFilter>;

/** What the import route is asked: the file's columns, a check, or the import. */
export const statisticsImportModeSchema = z.enum(["columns", "preview", "apply"]);
export type StatisticsImportMode = z.infer<typeof statisticsImportModeSchema>;

/** A mapping sent as JSON text in the form, for the target the form names. */
export function parseStatisticsMapping(
  target: string,
  text: string,
): { ok: true; mapping: StatisticsMapping | NeighboursMapping } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "Choose which column holds what before checking the file" };
  }
  const parsed = target === NEIGHBOURS_KEY ? neighboursMappingSchema.safeParse(json) : statisticsMappingSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "The column choices could not be read" };
  return { ok: true, mapping: parsed.data };
}

/** A column of the file, with a few of its values: what the mapping page offers. */
export type StatisticsColumn = { header: string; examples: string[]; values: string[] | null };

/** mode=columns: the file's columns and the mapping to start from (the saved one when it fits). */
export type StatisticsColumns = {
  columns: StatisticsColumn[];
  rows: number;
  mapping: StatisticsMapping | NeighboursMapping;
  /** Whether `mapping` is the one saved for this measure, rather than a guess. */
  saved: boolean;
};

/** A row the import refuses, numbered as a spreadsheet numbers it (the column names are row 1). */
export type RefusedRow = { row: number; message: string };

/** mode=preview and mode=apply: what the file holds and what importing it does. */
export type StatisticsImportReport = {
  target: { key: string; name: string };
  file: string;
  rowsRead: number;
  /** Rows that give a figure (or a neighbour group) Headway keeps. */
  loaded: number;
  /** Of those, new figures, changed figures, figures already held. */
  added: number;
  changed: number;
  unchanged: number;
  /** Rows left out on purpose, and why ("Local authority district rows", "figure not published (c)"). */
  skipped: Array<{ reason: string; rows: number }>;
  /** The first refusals; `refusedCount` is all of them. Any refusal stops the import. */
  refused: RefusedRow[];
  refusedCount: number;
  /** National, regional and local authority figures the file gives, and its periods. */
  levels: { national: number; regional: number; localAuthority: number };
  periods: string[];
  /** checked: nothing written; applied; unchanged: the file matches what Headway holds; refused. */
  status: "checked" | "applied" | "unchanged" | "refused";
  mappingSaved: boolean;
  /** Linked measures whose comparison lines were worked out again. */
  measuresUpdated: number;
};

/** The national ranking's input: which catalogue measure. */
export const compareSchema = z.object({ measure: catalogueId.optional() });
