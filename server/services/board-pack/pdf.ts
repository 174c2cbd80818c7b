/**
 * A board pack outline as a tagged PDF (pdfkit), A4. Tagged so that a screen reader, a reflowing
 * reader or a copy-and-paste finds what the page shows, in reading order: a Document of H1, H2 and
 * H3 headings, paragraphs, lists, the forum's words as block quotes, tables of TH and TD cells, and
 * a Figure with alternative text for every chart and sparkline; page numbers, footers, borders and
 * fills are artifacts. The text is set in DejaVu Sans, embedded (from the dejavu-fonts-ttf package,
 * as the chart PNGs are), so it extracts as written and looks the same on every machine.
 *
 * The layout is done here rather than by pdfkit's own text flow, so that nothing is drawn outside a
 * tag: text is broken into lines by measuring it, a table row never splits unless it is taller than
 * a page (then its cells carry on, line by line, on the next), a table's header row is repeated on
 * each page it runs onto (as an artifact: the tagged header is the first), a heading keeps the
 * start of what follows it on its page, and each part starts a new page.
 */
import path from "node:path";
import PDFDocument from "pdfkit";
import { CHART_ASPECT, chartImages } from "@/server/services/board-pack/chart-images";
import { allParts, type Block, type BoardPackOutline, type Cell, type Column } from "@/server/services/board-pack/outline";
import { SPARKLINE_COLOURS, SPARKLINE_DASH, sparklineGeometry } from "@/server/services/board-pack/sparkline";
import { TONES, type Tone } from "@/server/services/board-pack/tones";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

// A plain path from the project root, as Next.js advises for files read at run time (as server/charts/measure-chart-png.ts).
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const FONTS = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  condensed: "DejaVuSansCondensed.ttf",
  condensedBold: "DejaVuSansCondensed-Bold.ttf",
} as const;
type Font = keyof typeof FONTS;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 42, bottom: 50, left: 46, right: 46 };
const LEFT = MARGIN.left;
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const FOOTER_Y = PAGE.height - 32;

const INK = "#0b0c0c";
const SECONDARY = "#505a5f";
const BORDER = "#b1b4b6";
const HEADER_FILL = "#f3f2f1";
const QUOTE_BAR = "#b1b4b6";

type TextStyle = { font: Font; size: number; color: string; leading: number };
const style = (font: Font, size: number, color = INK, leading = 1.3): TextStyle => ({ font, size, color, leading });

const STYLES = {
  h1: style("bold", 13.5, INK, 1.22),
  h2: style("bold", 10.6, INK, 1.25),
  h3: style("bold", 9.4, INK, 1.25),
  body: style("regular", 8.6, INK, 1.3),
  strong: style("bold", 8.6, INK, 1.3),
  muted: style("regular", 8, SECONDARY, 1.3),
  cell: style("condensed", 7.9, INK, 1.3),
  headerCell: style("condensedBold", 7.9, INK, 1.3),
  note: style("condensed", 7.3, SECONDARY, 1.3),
  badge: style("condensedBold", 7.5, INK, 1.3),
  footer: style("regular", 7, SECONDARY, 1.2),
};
const SPACE = { h1: { before: 0, after: 6 }, h2: { before: 8, after: 3.5 }, h3: { before: 7, after: 3 }, block: 5 };
/** A heading moves to the next page unless this much of what follows it fits under it. */
const KEEP_WITH_NEXT = 44;
const CELL_PAD = { x: 3.5, y: 2.6 };
const BADGE_PAD = { x: 3, y: 1.6 };
const SPARKLINE = { width: 60, height: 20 };
const CHART_WIDTH = 300;
const CHART_GAP = 14;

const lineHeight = (s: TextStyle) => s.size * s.leading;

/** Each document's word widths by style, measured once: a pack measures the same words many times over. */
const widths = new WeakMap<Doc, Map<string, number>>();

/** Lines of `text` that fit `width` in style `s`: broken at spaces, a word too long for a line broken where it must be. */
function wrap(doc: Doc, text: string, s: TextStyle, width: number): string[] {
  doc.font(s.font).fontSize(s.size);
  let cache = widths.get(doc);
  if (!cache) widths.set(doc, (cache = new Map()));
  const measure = (t: string) => {
    const key = `${s.font}|${s.size}|${t}`;
    let w = cache.get(key);
    if (w === undefined) cache.set(key, (w = doc.widthOfString(t)));
    return w;
  };
  const space = measure(" ");
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    let used = 0;
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const w = measure(word);
      if (line && used + space + w <= width) {
        line = `${line} ${word}`;
        used += space + w;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (measure(rest) > width) {
        let n = rest.length - 1;
        while (n > 1 && doc.widthOfString(rest.slice(0, n)) > width) n--;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
      used = measure(rest);
    }
    lines.push(line);
  }
  return lines;
}

/** How a cell is laid out: its text lines, or a badge with a note under it, or a sparkline. */
type CellLayout =
  | { kind: "text"; lines: string[]; style: TextStyle }
  | { kind: "tone"; tone: Tone; lines: string[]; badgeWidth: number; note: string[] }
  | { kind: "sparkline"; chart: MeasureChartData; alt: string; width: number };

class Writer {
  readonly doc: Doc;
  y = MARGIN.top;
  private readonly images: Map<MeasureChartData, Buffer>;

  constructor(doc: Doc, images: Map<MeasureChartData, Buffer>) {
    this.doc = doc;
    this.images = images;
  }

  get atTop() {
    return this.y <= MARGIN.top + 0.5;
  }

  newPage() {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** A new page unless `height` fits below. */
  need(height: number) {
    if (this.y + height > BOTTOM && !this.atTop) this.newPage();
  }

  /** A structure element, in reading order under `parent`. */
  tag(parent: Element, type: string, options: Record<string, unknown> = {}): Element {
    const element = this.doc.struct(type, options);
    parent.add(element);
    return element;
  }

  /** Drawing that belongs to `element`: marked as its content on the current page. */
  content(element: Element, draw: () => void) {
    element.add(() => {
      draw();
    });
  }

  /** Drawing that is not content (rules, fills, repeated headers, page numbers): an artifact. */
  artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout") {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  lines(lines: string[], s: TextStyle, x: number, y: number, color = s.color) {
    const { doc } = this;
    doc.font(s.font).fontSize(s.size).fillColor(color);
    lines.forEach((line, i) => {
      if (line) doc.text(line, x, y + i * lineHeight(s), { lineBreak: false });
    });
  }

  // --- Blocks -----------------------------------------------------------------------------------

  heading(parent: Element, block: Extract<Block, { kind: "heading" }>, next: Block[]) {
    const key = `h${block.level}` as const;
    const s = STYLES[key];
    const lines = wrap(this.doc, block.text, s, WIDTH);
    const height = lines.length * lineHeight(s);
    const before = this.atTop ? 0 : SPACE[key].before;
    this.need(before + height + SPACE[key].after + this.keptWith(next));
    if (!this.atTop) this.y += before;
    const element = this.tag(parent, `H${block.level}`);
    const y = this.y;
    this.content(element, () => this.lines(lines, s, LEFT, y));
    element.end();
    this.y += height + SPACE[key].after;
  }

  /**
   * How much of what follows a heading must come onto its page with it: a short paragraph or two
   * under it (an introduction) and the start of the block after them.
   */
  private keptWith(following: Block[]): number {
    let height = 0;
    for (const block of following) {
      if (block.kind === "paragraph" && height === 0) {
        const s = block.muted ? STYLES.muted : STYLES.body;
        const lines = wrap(this.doc, block.text, s, WIDTH).length;
        if (lines <= 2) {
          height += lines * lineHeight(s) + SPACE.block;
          continue;
        }
      }
      if (block.kind === "heading") {
        const key = `h${block.level}` as const;
        const lines = wrap(this.doc, block.text, STYLES[key], WIDTH).length;
        return height + SPACE[key].before + lines * lineHeight(STYLES[key]) + SPACE[key].after + this.keptWith(following.slice(1));
      }
      if (block.kind === "table") return height + this.tableStart(block);
      if (block.kind === "chart") return height + CHART_WIDTH / CHART_ASPECT + 20;
      return height + Math.min(KEEP_WITH_NEXT, 2 * lineHeight(STYLES.body));
    }
    return height;
  }

  /** Text that may run over a page: a line at a time, never one line left alone at either end. */
  flowing(element: Element, lines: string[], s: TextStyle, x: number) {
    const lh = lineHeight(s);
    let from = 0;
    while (from < lines.length) {
      // The last line's leading below its letters may run into the margin.
      let room = Math.floor((BOTTOM - this.y + lh - s.size) / lh);
      const left = lines.length - from;
      if (room < left && (room < 2 || left - room < 2) && !this.atTop) {
        // Less than two lines here, or only one would carry over: start on the next page.
        if (room < 2 || left <= 3) {
          this.newPage();
          continue;
        }
        room = left - 2;
      }
      const chunk = lines.slice(from, from + Math.max(1, room));
      const y = this.y;
      this.content(element, () => this.lines(chunk, s, x, y));
      this.y += chunk.length * lh;
      from += chunk.length;
      if (from < lines.length) this.newPage();
    }
  }

  paragraph(parent: Element, block: Extract<Block, { kind: "paragraph" }>) {
    const s = block.muted ? STYLES.muted : block.strong ? STYLES.strong : STYLES.body;
    const element = this.tag(parent, "P");
    this.flowing(element, wrap(this.doc, block.text, s, WIDTH), s, LEFT);
    element.end();
    this.y += SPACE.block;
  }

  list(parent: Element, block: Extract<Block, { kind: "list" }>) {
    const s = STYLES.body;
    const indent = 12;
    const list = this.tag(parent, "L");
    for (const item of block.items) {
      const lines = wrap(this.doc, item, s, WIDTH - indent);
      this.need(Math.min(lines.length, 3) * lineHeight(s));
      const li = this.tag(list, "LI");
      const label = this.tag(li, "Lbl");
      const y = this.y;
      this.content(label, () => this.lines(["•"], s, LEFT + 2, y));
      label.end();
      const body = this.tag(li, "LBody");
      this.flowing(body, lines, s, LEFT + indent);
      body.end();
      li.end();
      this.y += 2;
    }
    list.end();
    this.y += SPACE.block - 2;
  }

  quote(parent: Element, block: Extract<Block, { kind: "quote" }>) {
    const s = STYLES.body;
    const indent = 10;
    const lines = wrap(this.doc, `“${block.text}”`, s, WIDTH - indent);
    const source = wrap(this.doc, block.source, STYLES.muted, WIDTH - indent);
    const total = lines.length * lineHeight(s) + source.length * lineHeight(STYLES.muted);
    // A short quote stays whole with who said it; a long one flows.
    this.need(Math.min(total, 6 * lineHeight(s)));
    const element = this.tag(parent, "BlockQuote");
    const text = this.tag(element, "P");
    const top = this.y;
    this.flowing(text, lines, s, LEFT + indent);
    text.end();
    const by = this.tag(element, "P");
    this.flowing(by, source, STYLES.muted, LEFT + indent);
    by.end();
    element.end();
    // The bar beside the quote, on the page where it ends (from its top when it started there).
    const barTop = this.y > top ? top : MARGIN.top;
    this.artifact(() => this.doc.rect(LEFT, barTop, 2.5, this.y - barTop).fill(QUOTE_BAR));
    this.y += SPACE.block;
  }

  facts(parent: Element, block: Extract<Block, { kind: "facts" }>) {
    const labelWidth = WIDTH * 0.24;
    const valueWidth = WIDTH - labelWidth;
    const table = this.tag(parent, "Table");
    for (const [label, value] of block.rows) {
      const labelLines = wrap(this.doc, label, STYLES.strong, labelWidth - 2 * CELL_PAD.x);
      const layout = this.layoutCell(value, valueWidth, STYLES.body);
      const height = Math.max(labelLines.length * lineHeight(STYLES.strong), this.cellHeight(layout)) + 2 * CELL_PAD.y;
      this.need(height);
      const y = this.y;
      const tr = this.tag(table, "TR");
      const th = this.tag(tr, "TH", { scope: "Row" });
      this.content(th, () => this.lines(labelLines, STYLES.strong, LEFT, y + CELL_PAD.y));
      th.end();
      const td = this.tag(tr, "TD");
      this.drawCell(td, layout, LEFT + labelWidth, y + CELL_PAD.y, valueWidth);
      td.end();
      tr.end();
      this.artifact(() =>
        this.doc
          .moveTo(LEFT, y + height)
          .lineTo(LEFT + WIDTH, y + height)
          .lineWidth(0.6)
          .strokeColor(BORDER)
          .stroke(),
      );
      this.y += height;
    }
    table.end();
    this.y += SPACE.block + 2;
  }

  // --- Tables -----------------------------------------------------------------------------------

  private layoutCell(cell: Cell, width: number, s: TextStyle = STYLES.cell): CellLayout {
    const inner = width - 2 * CELL_PAD.x;
    if (typeof cell === "string") return { kind: "text", lines: wrap(this.doc, cell, s, inner), style: s };
    if ("sparkline" in cell) return { kind: "sparkline", chart: cell.sparkline, alt: cell.alt, width: Math.min(SPARKLINE.width, inner) };
    const badge = STYLES.badge;
    const lines = wrap(this.doc, cell.text, badge, inner - 2 * BADGE_PAD.x);
    this.doc.font(badge.font).fontSize(badge.size);
    const badgeWidth = Math.max(...lines.map((l) => this.doc.widthOfString(l))) + 2 * BADGE_PAD.x;
    return { kind: "tone", tone: cell.tone, lines, badgeWidth, note: cell.note ? wrap(this.doc, cell.note, STYLES.note, inner) : [] };
  }

  private cellHeight(layout: CellLayout): number {
    switch (layout.kind) {
      case "text":
        return layout.lines.length * lineHeight(layout.style);
      case "sparkline":
        return SPARKLINE.height;
      case "tone":
        return layout.lines.length * lineHeight(STYLES.badge) + 2 * BADGE_PAD.y + (layout.note.length ? 2 + layout.note.length * lineHeight(STYLES.note) : 0);
    }
  }

  /** A cell's content at (x, y), its top inside the padding: marked as the cell's, its fill an artifact. */
  private drawCell(cell: Element, layout: CellLayout, x: number, y: number, width: number, lines?: [number, number]) {
    const left = x + CELL_PAD.x;
    switch (layout.kind) {
      case "text": {
        const chunk = lines ? layout.lines.slice(...lines) : layout.lines;
        if (chunk.some(Boolean)) this.content(cell, () => this.lines(chunk, layout.style, left, y));
        return;
      }
      case "sparkline": {
        const figure = this.tag(cell, "Figure", { alt: layout.alt, bbox: [left, y, left + layout.width, y + SPARKLINE.height], placement: "Inline" });
        this.content(figure, () => this.sparkline(layout.chart, left, y, layout.width));
        figure.end();
        return;
      }
      case "tone": {
        const colours = TONES[layout.tone];
        const badge = STYLES.badge;
        const badgeHeight = layout.lines.length * lineHeight(badge) + 2 * BADGE_PAD.y;
        this.artifact(() => this.doc.rect(left, y, layout.badgeWidth, badgeHeight).fill(colours.fill));
        this.content(cell, () => {
          this.lines(layout.lines, badge, left + BADGE_PAD.x, y + BADGE_PAD.y + 0.4, colours.text);
          if (layout.note.length) this.lines(layout.note, STYLES.note, left, y + badgeHeight + 2);
        });
        return;
      }
    }
  }

  private sparkline(chart: MeasureChartData, x: number, y: number, width: number) {
    const { doc } = this;
    const g = sparklineGeometry(chart, width, SPARKLINE.height);
    doc.save();
    doc.translate(x, y);
    if (g.trajectory.length > 1) {
      doc.moveTo(g.trajectory[0]!.x, g.trajectory[0]!.y);
      for (const p of g.trajectory.slice(1)) doc.lineTo(p.x, p.y);
      doc.lineWidth(0.7).strokeColor(SPARKLINE_COLOURS.trajectory).dash(SPARKLINE_DASH[0], { space: SPARKLINE_DASH[1] }).stroke().undash();
    }
    if (g.values.length > 1) {
      doc.moveTo(g.values[0]!.x, g.values[0]!.y);
      for (const p of g.values.slice(1)) doc.lineTo(p.x, p.y);
      doc.lineWidth(1.1).lineJoin("round").strokeColor(SPARKLINE_COLOURS.values).stroke();
    }
    const last = g.values.at(-1);
    if (last) doc.circle(last.x, last.y, 1.5).fill(SPARKLINE_COLOURS.values);
    doc.restore();
  }

  private columnWidths(columns: Column[]): number[] {
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    return columns.map((c) => (c.weight / total) * WIDTH);
  }

  private drawHeaderRow(columns: Column[], widths: number[], tr: Element | null): number {
    const layouts = columns.map((c, i) => wrap(this.doc, c.header, STYLES.headerCell, widths[i]! - 2 * CELL_PAD.x));
    const height = Math.max(...layouts.map((l) => l.length)) * lineHeight(STYLES.headerCell) + 2 * CELL_PAD.y;
    const y = this.y;
    this.artifact(() => this.doc.rect(LEFT, y, WIDTH, height).fill(HEADER_FILL));
    const draw = () => {
      let x = LEFT;
      layouts.forEach((lines, i) => {
        if (tr) {
          const th = this.tag(tr, "TH", { scope: "Column" });
          this.content(th, () => this.lines(lines, STYLES.headerCell, x + CELL_PAD.x, y + CELL_PAD.y));
          th.end();
        } else {
          this.lines(lines, STYLES.headerCell, x + CELL_PAD.x, y + CELL_PAD.y);
        }
        x += widths[i]!;
      });
    };
    // Repeated on a later page, the header is an artifact: the tagged one is the first.
    if (tr) draw();
    else this.artifact(draw, "Pagination");
    this.rules(widths, y, height);
    this.y += height;
    return height;
  }

  /** A row's (or the header's) borders: the grid as artifacts. */
  private rules(widths: number[], y: number, height: number) {
    this.artifact(() => {
      const { doc } = this;
      doc.lineWidth(0.5).strokeColor(BORDER);
      doc.rect(LEFT, y, WIDTH, height).stroke();
      let x = LEFT;
      for (const w of widths.slice(0, -1)) {
        x += w;
        doc.moveTo(x, y).lineTo(x, y + height).stroke();
      }
    });
  }

  private headerHeight(columns: Column[], widths: number[]): number {
    return Math.max(...columns.map((c, i) => wrap(this.doc, c.header, STYLES.headerCell, widths[i]! - 2 * CELL_PAD.x).length)) * lineHeight(STYLES.headerCell) + 2 * CELL_PAD.y;
  }

  private rowHeight(row: CellLayout[]): number {
    return Math.max(...row.map((c) => this.cellHeight(c))) + 2 * CELL_PAD.y;
  }

  /**
   * A table's header and first row: never parted at the foot of a page. A first row taller than a
   * page is split wherever it starts, so then the header needs only a few of its lines beneath it.
   */
  private tableStart(block: Extract<Block, { kind: "table" }>): number {
    const widths = this.columnWidths(block.columns);
    const header = this.headerHeight(block.columns, widths);
    const first = block.rows[0] ? this.rowHeight(block.rows[0].map((cell, i) => this.layoutCell(cell, widths[i]!))) : 0;
    return header + (first <= BOTTOM - MARGIN.top - header ? first : 3 * lineHeight(STYLES.cell) + 2 * CELL_PAD.y);
  }

  table(parent: Element, block: Extract<Block, { kind: "table" }>) {
    const widths = this.columnWidths(block.columns);
    const rows = block.rows.map((row) => row.map((cell, i) => this.layoutCell(cell, widths[i]!)));
    const heights = rows.map((row) => this.rowHeight(row));
    const headerHeight = this.headerHeight(block.columns, widths);
    this.need(this.tableStart(block));
    const table = this.tag(parent, "Table");
    const head = this.tag(table, "THead");
    const headerRow = this.tag(head, "TR");
    this.drawHeaderRow(block.columns, widths, headerRow);
    headerRow.end();
    head.end();
    const body = this.tag(table, "TBody");
    rows.forEach((row, r) => {
      const tr = this.tag(body, "TR");
      const cells = row.map(() => this.tag(tr, "TD"));
      const height = heights[r]!;
      if (this.y + height > BOTTOM && height <= BOTTOM - MARGIN.top - headerHeight) {
        this.newPage();
        this.drawHeaderRow(block.columns, widths, null);
      }
      if (this.y + height <= BOTTOM) {
        const y = this.y;
        let x = LEFT;
        row.forEach((layout, i) => {
          this.drawCell(cells[i]!, layout, x, y + CELL_PAD.y, widths[i]!);
          x += widths[i]!;
        });
        this.rules(widths, y, height);
        this.y += height;
      } else {
        this.splitRow(row, cells, widths, block.columns);
      }
      cells.forEach((c) => c.end());
      tr.end();
    });
    body.end();
    table.end();
    this.y += SPACE.block + 2;
  }

  /** A row taller than a page: its text cells carry on, line by line, on the pages after; anything else is drawn on the first. */
  private splitRow(row: CellLayout[], cells: Element[], widths: number[], columns: Column[]) {
    const from = row.map(() => 0);
    let first = true;
    for (;;) {
      const y = this.y;
      const room = BOTTOM - y - 2 * CELL_PAD.y;
      let x = LEFT;
      let used = 0;
      let more = false;
      row.forEach((layout, i) => {
        if (layout.kind === "text") {
          const lh = lineHeight(layout.style);
          const take = Math.max(0, Math.min(layout.lines.length - from[i]!, Math.floor(room / lh)));
          if (take > 0) this.drawCell(cells[i]!, layout, x, y + CELL_PAD.y, widths[i]!, [from[i]!, from[i]! + take]);
          from[i]! += take;
          used = Math.max(used, take * lh);
          if (from[i]! < layout.lines.length) more = true;
        } else if (first) {
          this.drawCell(cells[i]!, layout, x, y + CELL_PAD.y, widths[i]!);
          used = Math.max(used, this.cellHeight(layout));
        }
        x += widths[i]!;
      });
      first = false;
      const height = used + 2 * CELL_PAD.y;
      this.rules(widths, y, height);
      this.y += height;
      if (!more) return;
      this.newPage();
      this.drawHeaderRow(columns, widths, null);
    }
  }

  /** A chart, or two side by side, each a Figure with its title above it and its alternative text. */
  charts(parent: Element, blocks: Array<Extract<Block, { kind: "chart" }>>) {
    const width = blocks.length > 1 ? (WIDTH - CHART_GAP) / 2 : CHART_WIDTH;
    const height = width / CHART_ASPECT;
    const titles = blocks.map((b) => wrap(this.doc, b.title, STYLES.h3, width));
    const titleHeight = Math.max(...titles.map((t) => t.length)) * lineHeight(STYLES.h3);
    this.need(titleHeight + 3 + height);
    this.y += 2;
    const y = this.y;
    blocks.forEach((block, i) => {
      const x = LEFT + i * (width + CHART_GAP);
      const title = this.tag(parent, "P");
      this.content(title, () => this.lines(titles[i]!, STYLES.h3, x, y));
      title.end();
      const top = y + titleHeight + 3;
      const figure = this.tag(parent, "Figure", { alt: block.description, bbox: [x, top, x + width, top + height], placement: "Block" });
      this.content(figure, () => this.doc.image(this.images.get(block.chart)!, x, top, { width, height }));
      figure.end();
    });
    this.y = y + titleHeight + 3 + height + SPACE.block + 2;
  }

  blocks(parent: Element, blocks: Block[]) {
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      switch (block.kind) {
        case "heading":
          this.heading(parent, block, blocks.slice(i + 1, i + 4));
          break;
        case "paragraph":
          this.paragraph(parent, block);
          break;
        case "list":
          this.list(parent, block);
          break;
        case "quote":
          this.quote(parent, block);
          break;
        case "facts":
          this.facts(parent, block);
          break;
        case "table":
          this.table(parent, block);
          break;
        case "chart": {
          // Two charts in a row share the width.
          const next = blocks[i + 1];
          if (next?.kind === "chart") {
            this.charts(parent, [block, next]);
            i++;
          } else this.charts(parent, [block]);
          break;
        }
      }
    }
  }

  /** Every page's footer: the pack's name and "Page n of N", as pagination artifacts. */
  footers(text: string) {
    const { doc } = this;
    const { start, count } = doc.bufferedPageRange();
    const s = STYLES.footer;
    for (let n = start; n < start + count; n++) {
      doc.switchToPage(n);
      const number = `Page ${n - start + 1} of ${count}`;
      doc.font(s.font).fontSize(s.size);
      const numberWidth = doc.widthOfString(number);
      const lines = wrap(doc, text, s, WIDTH - numberWidth - 16);
      this.artifact(() => {
        this.lines(lines, s, LEFT, FOOTER_Y);
        this.lines([number], s, LEFT + WIDTH - numberWidth, FOOTER_Y);
      }, "Pagination");
    }
  }
}

export async function renderBoardPackPdf(outline: BoardPackOutline): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    info: { Title: outline.title, Author: "Headway", Creator: "Headway", Producer: "Headway", Subject: outline.footer },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, path.join(FONT_DIR, file));

  const writer = new Writer(doc, chartImages(outline));
  const root = doc.struct("Document");
  doc.addStructure(root);
  allParts(outline).forEach((part, p) => {
    if (p > 0) writer.newPage();
    writer.blocks(root, part.blocks);
  });
  root.end();
  writer.footers(outline.footer);
  doc.end();
  return done;
}
