/**
 * A board pack outline as a PDF: A4, the built-in Helvetica (nothing to embed or find on the
 * server), tables whose rows never split across pages, charts as PNG images and page numbers in
 * the footer.
 */
import { Document, Font, Image, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import { CHART_ASPECT, chartImages } from "@/server/services/board-pack/chart-images";
import type { Block, BoardPackOutline, Column } from "@/server/services/board-pack/outline";
import type { MeasureChartData } from "@/lib/charts/measure-chart-data";

// Words are never broken with a hyphen: a reader (or a test) searching the text finds them whole.
Font.registerHyphenationCallback((word) => [word]);

const INK = "#0b0c0c";
const SECONDARY = "#505a5f";
const BORDER = "#b1b4b6";
const HEADER_FILL = "#f3f2f1";
const CHART_WIDTH = 480;
const CHART_HEIGHT = CHART_WIDTH / CHART_ASPECT;

/**
 * Runs that must share a page: a chart with the headings just before it and the table of figures
 * just after it. A chart cannot split, so without this its heading would be left alone at the foot
 * of one page and its figures carried over to the next.
 */
function keepTogether(blocks: Block[]): Block[][] {
  const runs: Block[][] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind !== "chart") {
      runs.push([block]);
      continue;
    }
    const run: Block[] = [block];
    while (runs.length > 0 && runs.at(-1)!.length === 1 && runs.at(-1)![0]!.kind === "heading") run.unshift(runs.pop()![0]!);
    if (blocks[i + 1]?.kind === "table") run.push(blocks[++i]!);
    runs.push(run);
  }
  return runs;
}

const styles = StyleSheet.create({
  page: { paddingTop: 40, paddingBottom: 56, paddingHorizontal: 40, fontFamily: "Helvetica", fontSize: 10, color: INK },
  h1: { fontFamily: "Helvetica-Bold", fontSize: 17, marginBottom: 10 },
  h2: { fontFamily: "Helvetica-Bold", fontSize: 13, marginTop: 12, marginBottom: 6 },
  h3: { fontFamily: "Helvetica-Bold", fontSize: 11, marginTop: 10, marginBottom: 4 },
  paragraph: { marginBottom: 6 },
  muted: { marginBottom: 6, color: SECONDARY },
  table: { borderTopWidth: 1, borderLeftWidth: 1, borderColor: BORDER, marginBottom: 8 },
  row: { flexDirection: "row" },
  headerRow: { flexDirection: "row", backgroundColor: HEADER_FILL },
  cell: { borderRightWidth: 1, borderBottomWidth: 1, borderColor: BORDER, padding: 3, fontSize: 8 },
  headerCell: { borderRightWidth: 1, borderBottomWidth: 1, borderColor: BORDER, padding: 3, fontSize: 8, fontFamily: "Helvetica-Bold" },
  factLabel: { width: "28%", fontFamily: "Helvetica-Bold", paddingVertical: 4, borderBottomWidth: 1, borderColor: BORDER },
  factValue: { width: "72%", paddingVertical: 4, borderBottomWidth: 1, borderColor: BORDER },
  chart: { width: CHART_WIDTH, height: CHART_HEIGHT, marginBottom: 6 },
  footer: { position: "absolute", bottom: 24, left: 40, right: 40, flexDirection: "row", justifyContent: "space-between", fontSize: 8, color: SECONDARY },
});

function Table({ columns, rows }: { columns: Column[]; rows: string[][] }) {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const width = (i: number) => `${(columns[i]!.weight / total) * 100}%`;
  return (
    <View style={styles.table}>
      {/* A header row alone at the foot of a page is no use: keep at least one row with it. */}
      <View style={styles.headerRow} wrap={false} minPresenceAhead={30}>
        {columns.map((c, i) => (
          <Text key={i} style={[styles.headerCell, { width: width(i) }]}>
            {c.header}
          </Text>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={styles.row} wrap={false}>
          {row.map((cell, i) => (
            <Text key={i} style={[styles.cell, { width: width(i) }]}>
              {cell}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function BlockView({ block, images }: { block: Block; images: Map<MeasureChartData, Buffer> }) {
  switch (block.kind) {
    case "heading":
      // A heading keeps some of what follows it on its page.
      return (
        <Text style={styles[`h${block.level}`]} minPresenceAhead={60}>
          {block.text}
        </Text>
      );
    case "paragraph":
      return <Text style={block.muted ? styles.muted : styles.paragraph}>{block.text}</Text>;
    case "facts":
      return (
        <View style={{ marginBottom: 10 }}>
          {block.rows.map(([label, value], i) => (
            <View key={i} style={styles.row} wrap={false}>
              <Text style={styles.factLabel}>{label}</Text>
              <Text style={styles.factValue}>{value}</Text>
            </View>
          ))}
        </View>
      );
    case "table":
      return <Table columns={block.columns} rows={block.rows} />;
    case "chart":
      // react-pdf's Image takes no alternative text; the table of figures after it says what it shows.
      // eslint-disable-next-line jsx-a11y/alt-text
      return <Image style={styles.chart} src={{ data: images.get(block.chart)!, format: "png" }} />;
  }
}

export async function renderBoardPackPdf(outline: BoardPackOutline): Promise<Buffer> {
  const images = chartImages(outline);
  return renderToBuffer(
    <Document title={outline.title} author="Headway" creator="Headway" producer="Headway" language="en-GB">
      {outline.parts.map((part, p) => (
        <Page key={p} size="A4" style={styles.page}>
          {keepTogether(part.blocks).map((run, r) =>
            run.length === 1 ? (
              <BlockView key={r} block={run[0]!} images={images} />
            ) : (
              <View key={r} wrap={false}>
                {run.map((block, b) => (
                  <BlockView key={b} block={block} images={images} />
                ))}
              </View>
            ),
          )}
          <View style={styles.footer} fixed>
            <Text style={{ maxWidth: "80%" }}>{outline.footer}</Text>
            <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
          </View>
        </Page>
      ))}
    </Document>,
  );
}
