/**
 * A board pack outline as a Word document, the same outline as the PDF: real headings (so Word's
 * navigation pane and a screen reader find the structure), bulleted lists, the forum's words as
 * indented quotes, tables with repeating header rows, statuses in words on their colour, charts
 * and sparklines as PNG images with alternative text, the title in the document's properties and
 * page numbers in the footer.
 */
import {
  BorderStyle,
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
import { allParts, type Block, type BoardPackOutline, type Cell, type Column } from "@/server/services/board-pack/outline";
import { sparklineGeometry, sparklinePng } from "@/server/services/board-pack/sparkline";
import { TONES } from "@/server/services/board-pack/tones";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";

/** A4 less the default one-inch margins, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 11906 - 2 * 1440;
/** The same width in the pixels (at 96 per inch) ImageRun measures in. */
const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS / 1440) * 96);
const SECONDARY = "505A5F";
const HEADER_FILL = "F3F2F1";
const QUOTE_BAR = "B1B4B6";
/** Half-points. */
const TABLE_TEXT = 17;
const NOTE_TEXT = 15;
/** A sparkline's size in points, as in the PDF, and in ImageRun's pixels. */
const SPARKLINE_PT = { width: 60, height: 20 };
const SPARKLINE_PX = { width: Math.round((SPARKLINE_PT.width * 96) / 72), height: Math.round((SPARKLINE_PT.height * 96) / 72) };
/** A chart at the width the PDF gives it. */
const CHART_PX = Math.round((300 * 96) / 72);

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const hex = (colour: string) => colour.replace("#", "").toUpperCase();

/** Line breaks in a narrative become line breaks in Word, which ignores "\n" inside a run. */
function runs(text: string, style: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

/** Every picture's alternative text, and an id Word wants unique in the document. */
class Pictures {
  private drawn = 0;
  private readonly sparklines = new Map<MeasureChartData, Buffer>();
  constructor(readonly charts: Map<MeasureChartData, Buffer>) {}

  altText(name: string, description: string) {
    return { id: String(++this.drawn), name, title: name, description };
  }

  sparkline(chart: MeasureChartData): Buffer {
    let png = this.sparklines.get(chart);
    if (!png) {
      png = sparklinePng(sparklineGeometry(chart, SPARKLINE_PT.width, SPARKLINE_PT.height));
      this.sparklines.set(chart, png);
    }
    return png;
  }
}

/** A cell's paragraphs: its text; its status in words on the status's colour, then any note; or its sparkline with alternative text. */
function cellParagraphs(value: Cell, pictures: Pictures, size = TABLE_TEXT): Paragraph[] {
  if (typeof value === "string") return [new Paragraph({ children: runs(value, { size }) })];
  if ("sparkline" in value) {
    return [
      new Paragraph({
        children: [
          new ImageRun({
            type: "png",
            data: pictures.sparkline(value.sparkline),
            transformation: SPARKLINE_PX,
            altText: pictures.altText(`Trend of ${value.sparkline.ref}`, value.alt),
          }),
        ],
      }),
    ];
  }
  const colours = TONES[value.tone];
  return [
    new Paragraph({
      children: [
        new TextRun({ text: ` ${value.text} `, bold: true, size, color: hex(colours.text), shading: { type: ShadingType.CLEAR, fill: hex(colours.fill), color: "auto" } }),
      ],
    }),
    ...(value.note ? [new Paragraph({ spacing: { before: 40 }, children: runs(value.note, { size: NOTE_TEXT, color: SECONDARY }) })] : []),
  ];
}

function cell(value: Cell, widthTwips: number, header: boolean, pictures: Pictures): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: "auto" } } : {}),
    children: header && typeof value === "string" ? [new Paragraph({ children: runs(value, { bold: true, size: TABLE_TEXT }) })] : cellParagraphs(value, pictures),
  });
}

function table(columns: Column[], rows: Cell[][], pictures: Pictures): Table {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => Math.floor((c.weight / total) * TEXT_WIDTH_TWIPS));
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      // A header row repeated at the top of each page the table runs onto, which screen readers also read as the column headers.
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, widths[i]!, true, pictures)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value, i) => cell(value, widths[i]!, false, pictures)) })),
    ],
  });
}

function facts(rows: Array<[string, Cell]>, pictures: Pictures): Table {
  const widths = [Math.floor(TEXT_WIDTH_TWIPS * 0.26), Math.ceil(TEXT_WIDTH_TWIPS * 0.74)];
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, children: [new Paragraph({ children: runs(label, { bold: true }) })] }),
            new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, children: cellParagraphs(value, pictures, 20) }),
          ],
        }),
    ),
  });
}

function render(block: Block, pictures: Pictures, pageBreakBefore: boolean): Array<Paragraph | Table> {
  switch (block.kind) {
    case "heading":
      return [new Paragraph({ heading: HEADING[block.level], pageBreakBefore, keepNext: true, children: runs(block.text) })];
    case "paragraph":
      return [
        new Paragraph({
          pageBreakBefore,
          spacing: { after: 120 },
          children: runs(block.text, block.muted ? { color: SECONDARY } : block.strong ? { bold: true } : {}),
        }),
      ];
    case "list":
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: runs(item) }));
    case "quote":
      return [
        new Paragraph({
          indent: { left: 240 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: QUOTE_BAR, space: 8 } },
          keepNext: true,
          children: runs(`“${block.text}”`),
        }),
        new Paragraph({
          indent: { left: 240 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: QUOTE_BAR, space: 8 } },
          spacing: { after: 160 },
          children: runs(block.source, { color: SECONDARY, size: 18 }),
        }),
      ];
    case "facts":
      return [facts(block.rows, pictures), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case "table":
      return [table(block.columns, block.rows, pictures), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case "chart":
      return [
        new Paragraph({ keepNext: true, spacing: { before: 120 }, children: runs(block.title, { bold: true }) }),
        new Paragraph({
          pageBreakBefore,
          keepNext: true,
          spacing: { after: 120 },
          children: [
            new ImageRun({
              type: "png",
              data: pictures.charts.get(block.chart)!,
              transformation: { width: Math.min(CHART_PX, TEXT_WIDTH_PX), height: Math.round(Math.min(CHART_PX, TEXT_WIDTH_PX) / CHART_ASPECT) },
              altText: pictures.altText(block.title, block.description),
            }),
          ],
        }),
      ];
  }
}

export async function renderBoardPackDocx(outline: BoardPackOutline): Promise<Buffer> {
  const pictures = new Pictures(chartImages(outline));
  // Each part after the first starts on a new page; every part opens with a heading.
  const children = allParts(outline).flatMap((part, p) => part.blocks.flatMap((block, b) => render(block, pictures, p > 0 && b === 0)));
  const doc = new Document({
    title: outline.title,
    creator: "Headway",
    lastModifiedBy: "Headway",
    description: outline.footer,
    // British English, for a screen reader's voice and the spelling checker.
    styles: { default: { document: { run: { language: { value: "en-GB" } } } } },
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
