/**
 * A picture drawn on white as a PNG without an alpha channel (8-bit RGB). The chart renderer's
 * PNGs carry one although every pixel is opaque, and a PDF writer must then decode the whole image
 * to split the alpha out into a mask: pdfkit does that in JavaScript, a second or more per chart on
 * a busy machine. An RGB PNG is embedded as it is.
 */
import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** `rgba`, row by row, as an RGB PNG; the alpha is dropped (the picture was drawn on an opaque background). */
export function opaquePng({ width, height, rgba }: { width: number; height: number; rgba: Uint8Array }): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`Expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  // Each row: filter type 0 (none), then its pixels' red, green and blue.
  const raw = Buffer.alloc(height * (1 + width * 3));
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0;
    for (let i = y * width * 4, end = i + width * 4; i < end; i += 4) {
      raw[o++] = rgba[i]!;
      raw[o++] = rgba[i + 1]!;
      raw[o++] = rgba[i + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // truecolour, no alpha
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
