/**
 * A board pack as a document outline: headings, paragraphs, lists, the forum's words, tables and
 * charts, in reading order. content.ts decides what a pack says; pdf.ts and docx.ts only decide how
 * it looks, so the PDF and the Word file always print the same thing.
 */
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";
import type { Tone } from "@/server/services/board-pack/tones";

export type Column = {
  header: string;
  /** Relative width: the renderers share the page width out in these proportions. */
  weight: number;
};

/**
 * A table cell: text; a status in words on its colour (`tone`), with an optional note after it in
 * plain text; or a sparkline of a measure, whose `alt` is its alternative text. The words are
 * always there: the colour repeats them, never replaces them.
 */
export type Cell = string | { text: string; tone: Tone; note?: string } | { sparkline: MeasureChartData; alt: string };

export type Block =
  /** 1: each part of the pack; 2: a part's sections; 3: one item in a section. */
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; muted?: boolean; strong?: boolean }
  | { kind: "list"; items: string[] }
  /** Someone's own words, as they wrote them (the forum's verdicts), and who said them when. */
  | { kind: "quote"; text: string; source: string }
  /** Label and value pairs, as a summary list: a finding's position, the pack's particulars. */
  | { kind: "facts"; rows: Array<[label: string, value: Cell]> }
  | { kind: "table"; columns: Column[]; rows: Cell[][] }
  /** A measure chart; `description` is its alternative text. */
  | { kind: "chart"; chart: MeasureChartData; title: string; description: string };

/** Each part starts on a new page. */
export type Part = { blocks: Block[] };

export type BoardPackOutline = {
  /** The document's title property: "Northbridge board pack: Improvement board 12 March". */
  title: string;
  /** Printed in every page's footer. */
  footer: string;
  /** The main pack: the summary, the exceptions and a page per finding. */
  parts: Part[];
  /** The full tables, after the main pack: every action, every measure value, the changes since. */
  appendix: Part;
};

/** The words of a cell, as a reader hears them: a sparkline's are its alternative text. */
export function cellText(cell: Cell): string {
  if (typeof cell === "string") return cell;
  if ("sparkline" in cell) return cell.alt;
  return cell.note ? `${cell.text}. ${cell.note}` : cell.text;
}

/** Every part in reading order, the appendix last. */
export const allParts = (outline: BoardPackOutline): Part[] => [...outline.parts, outline.appendix];
