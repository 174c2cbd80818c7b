/**
 * A board pack outline as a Word document: real headings (so Word's navigation pane and a screen
 * reader find the structure), tables with repeating header rows, charts as PNG images with
 * alternative text, the title in the document's properties and page numbers in the footer.
 */
import {
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { CHART_ASPECT, chartImages } from "@/server/services/board-pack/chart-images";
import type { Block, BoardPackOutline, Column } from "@/server/services/board-pack/outline";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";

/** A4 less the default one-inch margins, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;
/** The same width in the pixels (at 96 per inch) ImageRun measures in. */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS / 1440) * 96);
const SECONDARY = "505A5F";
const HEADER_FILL = "F3F2F1";
/** Half-points. */
const TABLE_TEXT = 17;

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Line breaks in a narrative become line breaks in Word, which ignores "\n" inside a run. */
function runs(text: string, style: { bold?: boolean; size?: number; color?: string } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

function cell(text: string, widthTwips: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: "auto" } } : {}),
    children: [new Paragraph({ children: runs(text, { bold: header, size: TABLE_TEXT }) })],
  });
}

function table(columns: Column[], rows: string[][]): Table {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => Math.floor((c.weight / total) * TEXT_WIDTH_TWIPS));
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, widths[i]!, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, widths[i]!, false)) })),
    ],
  });
}

function facts(rows: Array<[string, string]>): Table {
  const widths = [Math.floor(TEXT_WIDTH_TWIPS * 0.3), Math.ceil(TEXT_WIDTH_TWIPS * 0.7)];
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, children: [new Paragraph({ children: runs(label, { bold: true }) })] }),
            new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, children: [new Paragraph({ children: runs(value) })] }),
          ],
        }),
    ),
  });
}

type Charts = { images: Map<MeasureChartData, Buffer>; drawn: number };

function render(block: Block, charts: Charts, pageBreakBefore: boolean): Paragraph | Table {
  switch (block.kind) {
    case "heading":
      return new Paragraph({ heading: HEADING[block.level], pageBreakBefore, keepNext: true, children: runs(block.text) });
    case "paragraph":
      return new Paragraph({ pageBreakBefore, spacing: { after: 120 }, children: runs(block.text, block.muted ? { color: SECONDARY } : {}) });
    case "facts":
      return facts(block.rows);
    case "table":
      return table(block.columns, block.rows);
    case "chart":
      return new Paragraph({
        pageBreakBefore,
        keepNext: true,
        spacing: { after: 120 },
        children: [
          new ImageRun({
            type: "png",
            data: charts.images.get(block.chart)!,
            transformation: { width: TEXT_WIDTH_PX, height: Math.round(TEXT_WIDTH_PX / CHART_ASPECT) },
            // Word wants each drawing's id unique in the document.
            altText: { id: String(++charts.drawn), name: block.title, title: block.title, description: block.description },
          }),
        ],
      });
  }
}

export async function renderBoardPackDocx(outline: BoardPackOutline): Promise<Buffer> {
  const charts: Charts = { images: chartImages(outline), drawn: 0 };
  // Each part after the cover starts on a new page; every part opens with a paragraph or heading.
  const children = outline.parts.flatMap((part, p) => part.blocks.map((block, b) => render(block, charts, p > 0 && b === 0)));
  const doc = new Document({
    title: outline.title,
    creator: "Headway",
    lastModifiedBy: "Headway",
    description: outline.footer,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: `${outline.footer}. Page `, size: 16, color: SECONDARY }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: SECONDARY }),
                  new TextRun({ text: " of ", size: 16, color: SECONDARY }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: SECONDARY }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
