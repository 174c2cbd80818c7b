/**
 * Hand-built ZIP archives for tests of the workbook import's defences: a minimal .xlsx whose
 * parts are given as text, any part of which may be a run of repeated bytes far larger than its
 * packed form (a zip bomb), may declare sizes it does not have, or may carry a hostile name.
 * Test code only.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

export type Part = {
  name: string;
  /** The text of the part; with `repeat`, the text before the repeated run. */
  text: string;
  /** A run of `times` copies of `chunk` after `text`, then `tail`: a bomb without building it in memory. */
  repeat?: { chunk: string; times: number; tail: string };
  /** The unpacked size to declare instead of the true one: a lie. */
  declaredSize?: number;
};

/**
 * Raw deflate of the part, run by run. Each piece is flushed in full, which resets the compressor
 * and byte-aligns its output, so the packed form of a chunk is the same every time and can be
 * repeated as bytes: a 200 MB run costs one chunk's compression.
 */
function packed(part: Part): { data: Buffer; size: number; crc: number } {
  const full = { finishFlush: constants.Z_FULL_FLUSH };
  const head = Buffer.from(part.text, "utf8");
  if (!part.repeat) return { data: deflateRawSync(head), size: head.length, crc: crc32(head) };
  const chunk = Buffer.from(part.repeat.chunk, "utf8");
  const tail = Buffer.from(part.repeat.tail, "utf8");
  const packedChunk = deflateRawSync(chunk, full);
  let crc = crc32(head);
  for (let i = 0; i < part.repeat.times; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  const data = Buffer.concat([deflateRawSync(head, full), ...Array.from({ length: part.repeat.times }, () => packedChunk), deflateRawSync(tail)]);
  return { data, size: head.length + chunk.length * part.repeat.times + tail.length, crc };
}

/** A ZIP archive of deflated parts, sizes as declared (true unless a part says otherwise). */
export function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = packed(part);
    const declared = part.declaredSize ?? size;
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10); // deflate
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const SHEET_START = `${XML}<worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_END = "</sheetData></worksheet>";

/** A sheet of inline-string rows, as Excel would write them. */
export function sheetXml(rows: string[][]): string {
  const cells = (row: string[], r: number) =>
    row.map((text, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${text}</t></is></c>`).join("");
  return `${SHEET_START}${rows.map((row, i) => `<row r="${i + 1}">${cells(row, i + 1)}</row>`).join("")}${SHEET_END}`;
}

/** The parts of a one-sheet .xlsx around `sheet` (its part may be a bomb), plus any `extra` parts. */
export function workbookParts(sheetName: string, sheet: Omit<Part, "name">, extra: Part[] = []): Part[] {
  return [
    {
      name: "[Content_Types].xml",
      text:
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        "</Types>",
    },
    {
      name: "_rels/.rels",
      text: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      text: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      text: `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: "xl/worksheets/sheet1.xml", ...sheet },
    ...extra,
  ];
}
