/**
 * Reading a board pack back, as a reader's software would: the text, title and images of the PDF
 * (pdf.js) and of the Word file (mammoth). Test code only, shared by the Vitest and Playwright
 * checks; relative imports only, so Playwright loads it without the app's path aliases.
 */
import path from "node:path";
import mammoth from "mammoth";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

// Helvetica is not embedded (PDF readers bring their own); pdf.js reads its metrics from here.
const STANDARD_FONTS = `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}${path.sep}`;

/** Runs of spaces and line ends as one space: a PDF's text is laid out in lines, not sentences. */
export const normaliseSpace = (text: string) => text.replace(/\s+/g, " ").trim();

export async function readPdf(bytes: Uint8Array): Promise<{ text: string; title: string | null; pages: number; images: number }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  try {
    const lines: string[] = [];
    let images = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ("str" in item) lines.push(item.str, item.hasEOL ? "\n" : "");
      }
      lines.push("\n");
      const ops = await page.getOperatorList();
      images += ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
    }
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: string } | null)?.Title ?? null;
    return { text: normaliseSpace(lines.join(" ")), title, pages: doc.numPages, images };
  } finally {
    await doc.destroy();
  }
}

export async function readDocx(bytes: Uint8Array): Promise<{ text: string; html: string }> {
  const buffer = Buffer.from(bytes);
  const [{ value: text }, { value: html }] = await Promise.all([mammoth.extractRawText({ buffer }), mammoth.convertToHtml({ buffer })]);
  return { text: normaliseSpace(text), html };
}
