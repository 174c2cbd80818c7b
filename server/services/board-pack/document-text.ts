/**
 * Reading a board pack back, as a reader's software would: the text, title, pages, images and
 * structure tree of the PDF (pdf.js), and the text, HTML and raw XML of the Word file (mammoth, and
 * the package's own parts). Test code only, shared by the Vitest and Playwright checks; relative
 * imports only, so Playwright loads it without the app's path aliases.
 */
import path from "node:path";
import mammoth from "mammoth";
import yauzl from "yauzl";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

// The pack embeds its fonts; pdf.js still wants to know where the standard ones are.
const STANDARD_FONTS = `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}${path.sep}`;

/** Runs of spaces and line ends as one space: a PDF's text is laid out in lines, not sentences. */
export const normaliseSpace = (text: string) => text.replace(/\s+/g, " ").trim();

const openPdf = (bytes: Uint8Array) =>
  getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;

export type PdfText = {
  text: string;
  /** Each page's text, first page first. */
  pageTexts: string[];
  title: string | null;
  pages: number;
  images: number;
};

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const doc = await openPdf(bytes);
  try {
    const pageTexts: string[] = [];
    let images = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines: string[] = [];
      for (const item of content.items) {
        if ("str" in item) lines.push(item.str, item.hasEOL ? "\n" : "");
      }
      pageTexts.push(normaliseSpace(lines.join(" ")));
      const ops = await page.getOperatorList();
      images += ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
    }
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: string } | null)?.Title ?? null;
    return { text: pageTexts.join(" "), pageTexts, title, pages: doc.numPages, images };
  } finally {
    await doc.destroy();
  }
}

/** An element of a page's structure tree, with the text of the content marked as its own (and its children's). */
export type StructElement = { role: string; alt?: string; text: string; page: number; children: StructElement[] };

export type PdfStructure = {
  /** The catalog's /MarkInfo /Marked. */
  marked: boolean;
  /** The catalog's /Lang. */
  lang: string | null;
  /** Each page's part of the structure tree (pdf.js gives it page by page), first page first. */
  pages: StructElement[];
  /** Text drawn on each page outside any marked content, structure or artifact: none in a tagged PDF. */
  untagged: string[][];
};

type RawNode = { role?: string; alt?: string; type?: string; id?: string; children?: RawNode[] };

export async function readPdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  const doc = await openPdf(bytes);
  try {
    const markInfo = await doc.getMarkInfo();
    const { info } = await doc.getMetadata();
    const pages: StructElement[] = [];
    const untagged: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // Each marked content sequence's text, by the id the structure tree names it by.
      const content = await page.getTextContent({ includeMarkedContent: true });
      const byId = new Map<string, string>();
      const open: Array<{ id: string | null; text: string[] }> = [];
      const loose: string[] = [];
      for (const item of content.items) {
        if ("type" in item && item.type === "beginMarkedContentProps") open.push({ id: (item as { id?: string }).id ?? null, text: [] });
        else if ("type" in item && item.type === "beginMarkedContent") open.push({ id: null, text: [] });
        else if ("type" in item && item.type === "endMarkedContent") {
          const done = open.pop();
          if (done?.id) byId.set(done.id, normaliseSpace(done.text.join(" ")));
        } else if ("str" in item) {
          if (open.length === 0) {
            if (item.str.trim()) loose.push(item.str);
          } else open.at(-1)!.text.push(item.str);
        }
      }
      untagged.push(loose);
      const tree = (await page.getStructTree()) as RawNode | null;
      const convert = (node: RawNode): StructElement => {
        const children = (node.children ?? []).filter((c) => c.type !== "content" && c.role).map(convert);
        const own = (node.children ?? []).filter((c) => c.type === "content").map((c) => byId.get(c.id!) ?? "");
        // Children and marked content interleave; for a test, own content then children's reads in order for every element this pack writes.
        const text = normaliseSpace([...own, ...children.map((c) => c.text)].join(" "));
        return { role: node.role!, ...(node.alt !== undefined ? { alt: node.alt } : {}), text, page: n, children };
      };
      pages.push(tree ? convert({ ...tree, role: "Root" }) : { role: "Root", text: "", page: n, children: [] });
    }
    return {
      marked: (markInfo as { Marked?: boolean } | null)?.Marked === true,
      lang: (info as { Language?: string } | null)?.Language ?? null,
      pages,
      untagged,
    };
  } finally {
    await doc.destroy();
  }
}

/** Every element under `root` (itself included), in reading order. */
export function structElements(root: StructElement): StructElement[] {
  return [root, ...root.children.flatMap(structElements)];
}

export async function readDocx(bytes: Uint8Array): Promise<{ text: string; html: string }> {
  const buffer = Buffer.from(bytes);
  const [{ value: text }, { value: html }] = await Promise.all([mammoth.extractRawText({ buffer }), mammoth.convertToHtml({ buffer })]);
  return { text: normaliseSpace(text), html };
}

/** One part of a Word file as it is stored, "word/document.xml" by default: the styles and properties mammoth does not show. */
export async function readDocxPart(bytes: Uint8Array, name = "word/document.xml"): Promise<string> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes), { lazyEntries: true });
  try {
    return await new Promise<string>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", () => reject(new Error(`No ${name} in the Word file`)));
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
          stream.on("error", reject);
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}
