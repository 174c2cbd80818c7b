/**
 * An .xlsx is a ZIP archive, and a ZIP says itself how large its files are: a small upload can
 * claim to be a workbook and unpack to gigabytes (a "zip bomb"), or claim small sizes and unpack
 * to more. Before exceljs unpacks anything, this checks the archive: that it is one and holds a
 * workbook; that no file in it is named like a path out of it; that what its directory declares
 * stays under the limit, at a ratio real workbooks never reach; and then, inflating each file
 * while counting and keeping nothing, that none unpacks to more than it declared. So a lie about
 * sizes costs at most what the file claimed, never what it holds.
 */
import { createInflateRaw } from "node:zlib";
import { AppError } from "@/server/errors";
import { LIMITS } from "@/server/import-export/workbook-format";

const MB = 1024 * 1024;

/**
 * Real workbooks pack 10 to 30 times (a 5,000-row sheet of one repeated value: 18); a file that
 * unpacks more than this many times its packed size, once it is past a megabyte, is a bomb.
 */
export const MAX_PACKING_RATIO = 200;

type Entry = { name: string; method: number; flags: number; packed: number; unpacked: number; dataAt: number };

const refuse = (message: string) => new AppError("INVALID", message);

/** Throws an AppError (INVALID) saying what is wrong, or returns when exceljs may open the file. */
export async function checkWorkbookZip(bytes: Uint8Array, name: string): Promise<void> {
  const entries = directoryOf(bytes, name);
  const tooLarge = refuse(`${name} unpacks to more than ${LIMITS.unpackedBytes / MB} MB: split the plan or import CSV files.`);
  const damaged = refuse(`${name} is damaged: it does not unpack to what it says it holds. Save it again from Excel and try again.`);

  let declared = 0;
  for (const entry of entries) {
    // exceljs never writes a file out, but a name like this has no business in a workbook.
    if (!isSafeEntryName(entry.name)) throw refuse(`${name} holds a file named like a path outside it, so it is not a workbook Headway will open.`);
    if (entry.flags & 0x1) throw refuse(`${name} is password-protected. Remove the password in Excel, save it and try again.`);
    if (entry.method !== 0 && entry.method !== 8) throw notAWorkbook(name);
    declared += entry.unpacked;
    if (declared > LIMITS.unpackedBytes) throw tooLarge;
    if (entry.unpacked > MB && entry.unpacked > entry.packed * MAX_PACKING_RATIO) throw tooLarge;
  }
  if (!entries.some((e) => e.name === "xl/workbook.xml")) throw notAWorkbook(name);

  for (const entry of entries) {
    if (entry.dataAt + entry.packed > bytes.byteLength) throw damaged;
    const data = bytes.subarray(entry.dataAt, entry.dataAt + entry.packed);
    const size = entry.method === 0 ? data.byteLength : await inflatedSize(data, entry.unpacked);
    if (size !== entry.unpacked) throw damaged;
  }
}

const notAWorkbook = (name: string) =>
  refuse(`${name} is not an Excel workbook (.xlsx). Save it from Excel as an “Excel Workbook (.xlsx)”, or import CSV files.`);

/** Relative, forward slashes, no ".." step, no drive or NUL: what Office writes ("xl/worksheets/sheet1.xml"). */
function isSafeEntryName(entryName: string): boolean {
  if (entryName === "" || entryName.startsWith("/") || /[\\:\u0000]/.test(entryName)) return false;
  return !entryName.split("/").some((step) => step === "..");
}

/** The central directory: each file's name, compression, declared sizes and where its data starts. */
function directoryOf(bytes: Uint8Array, name: string): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  if (bytes.byteLength >= 8 && u32(0) === 0xe011cfd0) {
    throw refuse(`${name} looks like an older Excel file (.xls) with a new name. Save it as an “Excel Workbook (.xlsx)” and try again.`);
  }
  if (bytes.byteLength < 22 || u32(0) !== 0x04034b50) throw notAWorkbook(name);
  // The end-of-directory record sits in the last 22 bytes plus at most a 64 KB comment.
  let eocd = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw notAWorkbook(name);
  const count = u16(eocd + 10);
  let at = u32(eocd + 16);
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || u32(at) !== 0x02014b50) throw notAWorkbook(name);
    const nameLength = u16(at + 28);
    const packed = u32(at + 20);
    const unpacked = u32(at + 24);
    // ZIP64 (sizes past 4 GB): no workbook of a plan comes near.
    if (packed === 0xffffffff || unpacked === 0xffffffff) throw refuse(`${name} is too large to import.`);
    const local = u32(at + 42);
    if (local + 30 > bytes.byteLength || u32(local) !== 0x04034b50) throw notAWorkbook(name);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(at + 8),
      method: u16(at + 10),
      packed,
      unpacked,
      // The data follows the local header, whose name and extra field may differ in length from the directory's.
      dataAt: local + 30 + u16(local + 26) + u16(local + 28),
    });
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/**
 * How many bytes `packed` inflates to, counting as it goes and keeping nothing: stops as soon as
 * it passes `limit` (answering limit + 1), so a bomb is never unpacked further than it claimed.
 * A stream that is not valid deflate answers -1.
 */
function inflatedSize(packed: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        inflate.destroy();
        resolve(limit + 1);
      }
    });
    inflate.on("end", () => resolve(total));
    inflate.on("error", () => resolve(-1));
    inflate.end(packed);
  });
}
