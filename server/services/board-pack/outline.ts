/**
 * A board pack as a document outline: headings, paragraphs, tables of strings and chart
 * references, in reading order. content.ts decides what a pack says; pdf.tsx and docx.ts only
 * decide how it looks, so the PDF and the Word file always print the same thing.
 */
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";

export type Column = {
  header: string;
  /** Relative width: the renderers share the page width out in these proportions. */
  weight: number;
};

export type Block =
  /** 1: the cover's title and each part of the pack; 2: a part's sections; 3: one measure. */
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; muted?: boolean }
  /** Label and value pairs, as a summary list: the cover. */
  | { kind: "facts"; rows: Array<[label: string, value: string]> }
  | { kind: "table"; columns: Column[]; rows: string[][] }
  /** A measure chart; `description` is its alternative text. */
  | { kind: "chart"; chart: MeasureChartData; title: string; description: string };

/** Each part starts on a new page. */
export type Part = { blocks: Block[] };

export type BoardPackOutline = {
  /** The document's title property: "Northbridge board pack: Improvement board 12 March". */
  title: string;
  /** Printed in every page's footer. */
  footer: string;
  parts: Part[];
};
