/**
 * Reading a file of published figures through its mapping: which rows give a figure Headway
 * keeps (England's, a region's, a local authority's, for a period), which are left out on purpose
 * (other geographies, figures withheld, rows outside the filters), and which are refused, each
 * with a sentence naming its row. Pure over the file: the import decides what to write.
 */
import type { GeographicLevel, MeasureUnit, Region } from "@/server/generated/prisma/enums";
import { readPeriod } from "@/server/domain/statistics-periods";
import { valueRangeReason } from "@/server/domain/measure-value-range";
import type { NeighboursMapping, RefusedRow, StatisticsMapping } from "@/server/schemas/statistics";
import { cellOf, type StatisticsFile } from "@/server/services/statistics/statistics-file";

export const ENGLAND_CODE = "E92000001";

/** England's nine regions by their ONS codes and the names publications use. */
const REGIONS: Array<{ region: Region; code: string; names: string[] }> = [
  { region: "NORTH_EAST", code: "E12000001", names: ["north east"] },
  { region: "NORTH_WEST", code: "E12000002", names: ["north west"] },
  { region: "YORKSHIRE_AND_THE_HUMBER", code: "E12000003", names: ["yorkshire and the humber", "yorkshire and humber"] },
  { region: "EAST_MIDLANDS", code: "E12000004", names: ["east midlands"] },
  { region: "WEST_MIDLANDS", code: "E12000005", names: ["west midlands"] },
  { region: "EAST_OF_ENGLAND", code: "E12000006", names: ["east of england", "east"] },
  { region: "LONDON", code: "E12000007", names: ["london"] },
  { region: "SOUTH_EAST", code: "E12000008", names: ["south east"] },
  { region: "SOUTH_WEST", code: "E12000009", names: ["south west"] },
];
/** Inner and Outer London: regional rows in DfE files, but not regions. */
const LONDON_PARTS = /^(E1300000[12]|inner london|outer london)$/i;

export function regionOf(text: string): (typeof REGIONS)[number] | null {
  const t = text.trim().toLowerCase();
  return REGIONS.find((r) => r.code.toLowerCase() === t || r.names.includes(t)) ?? null;
}

/** The DfE's three-digit LA code. */
export const LA_CODE = /^\d{3}$/;
/** An ONS code for an authority (E06 unitary, E08 metropolitan, E09 London borough, E10 county). */
const ONS_LA_CODE = /^E(0[6-9]|10)\d{6}$/i;

/** Why `code` is not a three-digit LA code, as the end of a sentence. */
export function laCodeProblem(code: string, what = "the LA code"): string | null {
  if (LA_CODE.test(code)) return null;
  if (code === "") return `${what} is empty`;
  if (ONS_LA_CODE.test(code)) return `${what} “${code}” is an ONS code: map the column with the DfE's three-digit LA code (old_la_code)`;
  return `${what} “${code}” is not a three-digit LA code, like 941`;
}

/** Symbols publications write where no figure is given (confidential, not available, not applicable...). */
const NO_FIGURE = new Set(["c", "x", "z", "u", ":", "..", ".", "~", "-", "*", "low", "n/a", "na", "[c]", "[x]", "[z]", "[low]"]);

export type Figure = {
  row: number;
  geographicLevel: GeographicLevel;
  areaCode: string;
  areaName: string;
  region: Region | null;
  periodEnd: string;
  periodLabel: string;
  value: number;
};

export type FiguresRead = {
  figures: Figure[];
  refused: RefusedRow[];
  skipped: Map<string, number>;
};

const LEVEL_WORDS: Record<string, GeographicLevel> = { national: "NATIONAL", regional: "REGIONAL", "local authority": "LOCAL_AUTHORITY" };

const skip = (skipped: Map<string, number>, reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);

/** The figure in a cell: "1,234", "45.2", "45.2%". */
function numberOf(text: string): number | null {
  const t = text.replace(/,/g, "").replace(/%$/, "").trim();
  return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : null;
}

const periodWords = (f: Pick<Figure, "periodLabel">) => f.periodLabel;
const whereWords = (f: Pick<Figure, "geographicLevel" | "areaName" | "areaCode">) =>
  f.geographicLevel === "NATIONAL" ? "England" : `${f.areaName || f.areaCode}${f.geographicLevel === "LOCAL_AUTHORITY" ? ` (${f.areaCode})` : ""}`;

/** The figures a file gives for a catalogue measure counted in `unit`. */
export function readFigures(file: StatisticsFile, mapping: StatisticsMapping, unit: MeasureUnit): FiguresRead {
  const figures: Figure[] = [];
  const refused: RefusedRow[] = [];
  const skipped = new Map<string, number>();
  const firstRow = new Map<string, number>();
  const cell = (cells: string[], column: string) => (column ? cellOf(file, cells, column) : "");

  rows: for (const { row, cells } of file.rows) {
    const refuse = (message: string) => refused.push({ row, message: `Row ${row}: ${message}.` });
    if (cells.length > file.header.length && cells.slice(file.header.length).some((c) => c.trim() !== "")) {
      refuse(`it has ${cells.length} cells, more than the ${file.header.length} columns named in row 1`);
      continue;
    }
    for (const f of mapping.filters) {
      if (cell(cells, f.column) !== f.value) {
        skip(skipped, "Rows outside the chosen filters");
        continue rows;
      }
    }

    const code = cell(cells, mapping.laCode);
    let level: GeographicLevel;
    if (mapping.geographicLevel) {
      const raw = cell(cells, mapping.geographicLevel);
      if (!raw) {
        refuse(`the geographic level (${mapping.geographicLevel}) is empty`);
        continue;
      }
      const known = LEVEL_WORDS[raw.toLowerCase()];
      if (!known) {
        skip(skipped, `${raw} rows (Headway keeps England, regions and local authorities)`);
        continue;
      }
      level = known;
    } else if (code === ENGLAND_CODE || /^england$/i.test(code)) level = "NATIONAL";
    else if (/^E1[23]\d{6}$/i.test(code)) level = "REGIONAL";
    else level = "LOCAL_AUTHORITY";

    let areaCode: string;
    let areaName = cell(cells, mapping.areaName);
    let region: Region | null = null;
    if (level === "NATIONAL") {
      areaCode = ENGLAND_CODE;
      areaName = "England";
    } else if (level === "REGIONAL") {
      const raw = cell(cells, mapping.region) || code;
      if (LONDON_PARTS.test(raw)) {
        skip(skipped, "Inner London and Outer London rows (not one of the nine regions)");
        continue;
      }
      const found = regionOf(raw);
      if (!found) {
        refuse(raw ? `the region “${raw}” is not one of England's nine regions` : "the row is regional but names no region: map the region column");
        continue;
      }
      areaCode = found.code;
      region = found.region;
      areaName = areaName || cell(cells, mapping.region) || found.names[0]!;
    } else {
      const problem = laCodeProblem(code);
      if (problem) {
        refuse(problem);
        continue;
      }
      areaCode = code;
    }

    const identifier = mapping.timeIdentifier ? cell(cells, mapping.timeIdentifier) : mapping.periodType;
    const period = readPeriod(cell(cells, mapping.period), identifier);
    if (!period.ok) {
      refuse(period.problem);
      continue;
    }

    const raw = cell(cells, mapping.value);
    if (raw === "" || NO_FIGURE.has(raw.toLowerCase())) {
      skip(skipped, raw === "" ? "No figure given (empty)" : `No figure published (“${raw}”)`);
      continue;
    }
    const value = numberOf(raw);
    if (value === null) {
      refuse(`the figure “${raw}” in ${mapping.value} is not a number`);
      continue;
    }
    const range = valueRangeReason(value, { unit });
    if (range) {
      refuse(`the figure ${raw} is out of range: ${range}`);
      continue;
    }

    const figure: Figure = { row, geographicLevel: level, areaCode, areaName, region, periodEnd: period.period.end, periodLabel: period.period.label, value };
    const key = `${level}|${areaCode}|${figure.periodEnd}`;
    const first = firstRow.get(key);
    if (first !== undefined) {
      refuse(`it gives a second figure for ${whereWords(figure)} for ${periodWords(figure)} (row ${first} gave the first): choose a filter so that each place has one figure a period`);
      continue;
    }
    firstRow.set(key, row);
    figures.push(figure);
  }
  return { figures, refused, skipped };
}

export type NeighbourGroup = { row: number; laCode: string; neighbours: string[] };
export type NeighboursRead = { groups: NeighbourGroup[]; refused: RefusedRow[]; skipped: Map<string, number> };

/** The neighbour groups a file gives: ten distinct neighbours per authority, closest first. */
export function readNeighbours(file: StatisticsFile, mapping: NeighboursMapping): NeighboursRead {
  const refused: RefusedRow[] = [];
  const skipped = new Map<string, number>();
  const cell = (cells: string[], column: string) => (column ? cellOf(file, cells, column) : "");
  const byLa = new Map<string, { row: number; entries: Array<{ row: number; code: string; rank: number | null }> }>();

  for (const { row, cells } of file.rows) {
    const refuse = (message: string) => refused.push({ row, message: `Row ${row}: ${message}.` });
    const laCode = cell(cells, mapping.laCode);
    const problem = laCodeProblem(laCode);
    if (problem) {
      refuse(problem);
      continue;
    }
    if (mapping.form === "WIDE") {
      if (byLa.has(laCode)) {
        refuse(`it gives the neighbours of ${laCode} again (row ${byLa.get(laCode)!.row} gave them first)`);
        continue;
      }
      const codes = mapping.neighbours.map((c) => cell(cells, c));
      const bad = codes.map((c, i) => laCodeProblem(c, `neighbour ${i + 1} (${mapping.neighbours[i]})`)).find((p) => p !== null);
      if (bad) {
        refuse(bad);
        continue;
      }
      byLa.set(laCode, { row, entries: codes.map((code, i) => ({ row, code, rank: i + 1 })) });
    } else {
      const code = cell(cells, mapping.neighbourCode);
      const bad = laCodeProblem(code, `the neighbour's LA code (${mapping.neighbourCode})`);
      if (bad) {
        refuse(bad);
        continue;
      }
      let rank: number | null = null;
      if (mapping.rank) {
        const text = cell(cells, mapping.rank);
        rank = /^\d+$/.test(text) ? Number(text) : NaN;
        if (!Number.isInteger(rank) || rank < 1 || rank > 10) {
          refuse(`the rank “${text}” is not a whole number from 1 to 10`);
          continue;
        }
      }
      const group = byLa.get(laCode) ?? { row, entries: [] };
      group.entries.push({ row, code, rank });
      byLa.set(laCode, group);
    }
  }

  const groups: NeighbourGroup[] = [];
  for (const [laCode, group] of byLa) {
    const first = group.row;
    const refuse = (message: string) => refused.push({ row: first, message: `Row ${first}: ${message}.` });
    const ordered = mapping.form === "LONG" && mapping.rank ? [...group.entries].sort((a, b) => a.rank! - b.rank!) : group.entries;
    const codes = ordered.map((e) => e.code);
    if (codes.length !== 10) {
      refuse(`${laCode} has ${codes.length} ${codes.length === 1 ? "neighbour" : "neighbours"}: the DfE's statistical neighbours are ten`);
      continue;
    }
    if (mapping.form === "LONG" && mapping.rank && new Set(ordered.map((e) => e.rank)).size !== 10) {
      refuse(`the neighbours of ${laCode} do not have the ranks 1 to 10 once each`);
      continue;
    }
    if (codes.includes(laCode)) {
      refuse(`${laCode} is given as its own neighbour`);
      continue;
    }
    const twice = codes.find((c, i) => codes.indexOf(c) !== i);
    if (twice) {
      refuse(`${twice} is given twice among the neighbours of ${laCode}`);
      continue;
    }
    groups.push({ row: first, laCode, neighbours: codes });
  }
  refused.sort((a, b) => a.row - b.row);
  return { groups, refused, skipped };
}
