/**
 * The national view as a file: exactly the rows the page shows for the same address (its filters
 * and its order), one row per area, with the page's words where the page shows words and numbers
 * as numbers, so a spreadsheet can sort and sum them. XLSX (exceljs) with a second sheet saying
 * what the export holds; CSV as every Headway download writes it (server/services/core/csv.ts).
 *
 * Every text cell is defused as the plan workbooks' are (escapeFormula): area names, advisers'
 * names and every other word could start with = + - or @, which a spreadsheet would run.
 */
import ExcelJS from "exceljs";
import { fromDay } from "@/lib/calendar";
import { formatDate } from "@/lib/format/dates";
import { pluralise } from "@/lib/format/plurals";
import { ADVISER_VIEW, FINDING_DELIVERY, FINDING_IMPACT, INSPECTION_KIND, PLAN_TYPE, REGION } from "@/lib/labels";
import {
  changeSince,
  filterWords,
  lastFollowUpText,
  NATIONAL_SORT_LABEL,
  type Adviser,
  type NationalRow,
} from "@/server/domain/national-table";
import type { NationalOverviewInput } from "@/server/schemas/national";
import { escapeFormula } from "@/server/schemas/plan-workbook";
import { spreadsheetCsv } from "@/server/services/core/csv";

/** A cell: words, a number, or nothing (an area without a plan has no figures). */
export type ExportCell = string | number | null;

export type ExportTable = { header: string[]; rows: ExportCell[][] };

/** The view as a table: the page's columns, each count with its figure a month ago and the change. */
export function nationalExportTable(rows: readonly NationalRow[], monthAgo: Date): ExportTable {
  const then = formatDate(monthAgo);
  const header = [
    "Local area",
    "Region",
    "Plan type",
    "Findings",
    "Delivery",
    "Impact",
    "Adviser's latest view",
    "Adviser's view dated",
    "Adviser's view is on",
    "Actions",
    "Actions red",
    `Actions red on ${then}`,
    "Change in actions red",
    "Measures",
    "Measures off track",
    `Measures off track on ${then}`,
    "Change in measures off track",
    "Updates overdue",
    "Days since last update",
    "Next inspection",
    "Next inspection is",
    "Last revisit or monitoring",
    "Last revisit or monitoring, in full",
    "Forum disagreements",
    "Advisers",
  ];
  const body = rows.map((r): ExportCell[] => {
    const p = r.plan;
    const view = r.adviserView;
    const red = p ? changeSince(p.actions.red, p.monthAgo?.red ?? null, monthAgo) : null;
    const offTrack = p ? changeSince(p.measures.offTrack, p.monthAgo?.offTrack ?? null, monthAgo) : null;
    const next = p?.nextInspection ?? null;
    return [
      r.name,
      REGION[r.region],
      p ? PLAN_TYPE[p.type] : "No plan",
      p ? p.findings : null,
      p ? FINDING_DELIVERY[p.delivery] : null,
      p ? FINDING_IMPACT[p.impact] : null,
      view ? ADVISER_VIEW[view.view] : "No view yet",
      view ? formatDate(view.date) : null,
      view ? (view.findingRef === null ? "The area as a whole" : `Finding ${view.findingRef}`) : null,
      p ? p.actions.total : null,
      p ? p.actions.red : null,
      p?.monthAgo ? p.monthAgo.red : null,
      red ? red.delta : null,
      p ? p.measures.total : null,
      p ? p.measures.offTrack : null,
      p?.monthAgo ? p.monthAgo.offTrack : null,
      offTrack ? offTrack.delta : null,
      p ? p.actions.updateOverdue : null,
      p ? (p.daysSinceUpdate ?? "No updates yet") : null,
      p ? (next?.date ? `${formatDate(next.date)}${next.isEstimate ? " (estimated)" : ""}` : "Not known") : null,
      next ? INSPECTION_KIND[next.kind] : null,
      lastFollowUpText(r),
      r.lastFollowUp?.sentence ?? null,
      r.disagreements,
      r.advisers.map((a) => a.name).join(", ") || null,
    ];
  });
  return { header, rows: body };
}

/** Text defused; numbers as they are. */
const safe = (cell: ExportCell): ExportCell => (typeof cell === "string" ? escapeFormula(cell) : cell);

/** What the file holds, for its second sheet: when, which areas, filtered and sorted how. */
export function aboutExport(o: {
  view: NationalOverviewInput;
  advisers: readonly Adviser[];
  scope: "ALL" | "ADVISED";
  shown: number;
  monthAgo: Date;
  exportedAt: Date;
}): string[][] {
  const filters = filterWords(o.view, o.advisers);
  return [
    ["Headway national view"],
    ["Exported", `${formatDate(o.exportedAt)} (${fromDay(o.exportedAt)})`],
    ["Local areas", o.scope === "ALL" ? "Every local area" : "The local areas the person exporting advises"],
    ["Showing", pluralise(o.shown, "local area")],
    ["Filters", filters.length ? filters.join(", ") : "None"],
    ["Sorted by", `${NATIONAL_SORT_LABEL[o.view.sort]} (${o.view.dir === "asc" ? "ascending" : "descending"})`],
    [
      "Changes since",
      `${formatDate(o.monthAgo)}, a month before: actions red and measures off track as they were then, worked out from the check-ins and values recorded by that day`,
    ],
  ];
}

export async function nationalXlsx(table: ExportTable, about: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Headway";
  const ws = workbook.addWorksheet("National view", { views: [{ state: "frozen", ySplit: 1, xSplit: 1 }] });
  ws.addRow(table.header.map(safe));
  ws.getRow(1).font = { bold: true };
  for (const row of table.rows) ws.addRow(row.map(safe));
  ws.columns.forEach((column, i) => {
    column.width = i === 0 ? 28 : Math.min(40, Math.max(12, table.header[i]!.length + 2));
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  const info = workbook.addWorksheet("About this export");
  for (const line of about) info.addRow(line.map(escapeFormula));
  info.getColumn(1).width = 16;
  info.getColumn(2).width = 100;
  info.getColumn(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function nationalCsv(table: ExportTable): string {
  const text = (cell: ExportCell) => (cell === null ? "" : typeof cell === "number" ? String(cell) : escapeFormula(cell));
  return spreadsheetCsv([table.header.map(text), ...table.rows.map((row) => row.map(text))]);
}
