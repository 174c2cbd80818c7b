/**
 * An .xlsx is a ZIP archive, and a ZIP says itself how large its files are: a small upload can
 * claim to be a workbook and unpack to gigabytes (a "zip bomb"), or claim small sizes and unpack
 * to more. Before exceljs unpacks anything, this checks the archive: that it is one and holds a
 * workbook; that it holds no more files than a workbook needs; that no file in it is named like
 * a path out of it; that what its directory declares, all files together, stays under the limit,
 * each file at a ratio real workbooks never reach; and then, inflating each file
 * while counting and keeping nothing, that none unpacks to more than it declared. So a lie about
 * sizes costs at most what the file claimed, never what it holds.
 */
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { AppError } from "@/server/errors";
import { LIMITS } from "@/server/schemas/plan-workbook";

const MB = 1024 * 1024;

/**
 * Real workbooks pack 10 to 30 times (a 5,000-row sheet of one repeated value: 18); a file that
 * unpacks more than this many times its packed size, once it is past a megabyte, is a bomb.
 */
export const MAX_PACKING_RATIO = 200;

type Entry = { name: string; method: number; flags: number; packed: number; unpacked: number; zip64: boolean; raw: yauzl.Entry };

const refuse = (message: string) => new AppError("INVALID", message);

/** Throws an AppError (INVALID) saying what is wrong, or returns when exceljs may open the file. */
export async function checkWorkbookZip(bytes: Uint8Array, name: string): Promise<void> {
  const { zip, entries } = await directoryOf(bytes, name);
  try {
    const tooLarge = refuse(`${name} unpacks to more than ${LIMITS.unpackedBytes / MB} MB: split the plan or import CSV files.`);
    const damaged = refuse(`${name} is damaged: it does not unpack to what it says it holds. Save it again from Excel and try again.`);

    // The sum of every file's declared size: each may be small, the total is what exceljs reads.
    let declared = 0;
    for (const entry of entries) {
      // exceljs never writes a file out, but a name like this has no business in a workbook.
      if (!isSafeEntryName(entry.name)) throw refuse(`${name} holds a file named like a path outside it, so it is not a workbook Headway will open.`);
      if (entry.flags & 0x1) throw refuse(`${name} is password-protected. Remove the password in Excel, save it and try again.`);
      if (entry.method !== 0 && entry.method !== 8) throw notAWorkbook(name);
      // ZIP64 (sizes past 4 GB): no workbook of a plan comes near.
      if (entry.zip64) throw refuse(`${name} is too large to import.`);
      declared += entry.unpacked;
      if (declared > LIMITS.unpackedBytes) throw tooLarge;
      if (entry.unpacked > MB && entry.unpacked > entry.packed * MAX_PACKING_RATIO) throw tooLarge;
    }
    if (!entries.some((e) => e.name === "xl/workbook.xml")) throw notAWorkbook(name);

    for (const entry of entries) {
      const size = await unpackedSize(zip, entry.raw, entry.unpacked);
      if (size === "not a zip") throw notAWorkbook(name);
      if (size !== entry.unpacked) throw damaged;
    }
  } finally {
    zip.close();
  }
}

const notAWorkbook = (name: string) =>
  refuse(`${name} is not an Excel workbook (.xlsx). Save it from Excel as an “Excel Workbook (.xlsx)”, or import CSV files.`);

/** Relative, forward slashes, no ".." step, no drive or NUL: what Office writes ("xl/worksheets/sheet1.xml"). */
function isSafeEntryName(entryName: string): boolean {
  if (entryName === "" || entryName.startsWith("/") || /[\\:\u0000]/.test(entryName)) return false;
  return !entryName.split("/").some((step) => step === "..");
}

/**
 * The central directory, read by yauzl: each file's name, compression and declared sizes.
 * Names are kept as bytes by yauzl (decodeStrings off) so that a hostile one reaches
 * isSafeEntryName and its sentence rather than a library error; sizes are not checked by yauzl
 * (validateEntrySizes off) because unpackedSize counts them itself and stops at the limit.
 */
async function directoryOf(bytes: Uint8Array, name: string): Promise<{ zip: yauzl.ZipFile; entries: Entry[] }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength >= 8 && view.getUint32(0, true) === 0xe011cfd0) {
    throw refuse(`${name} looks like an older Excel file (.xls) with a new name. Save it as an “Excel Workbook (.xlsx)” and try again.`);
  }
  // A workbook starts with its first file's local header ("PK\x03\x04").
  if (bytes.byteLength < 22 || view.getUint32(0, true) !== 0x04034b50) throw notAWorkbook(name);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false });
  } catch {
    throw notAWorkbook(name);
  }
  // Counted before a single entry is read, from the count the archive's last record gives: many
  // files of an ordinary size each add up, and each costs work to open, so the count is refused
  // whatever the sizes say. (Reading the entries below stops at the count too.)
  if (zip.entryCount > LIMITS.zipEntries) {
    zip.close();
    throw refuse(
      `${name} holds ${zip.entryCount} files inside it, more than a plan's workbook needs (at most ${LIMITS.zipEntries}). Copy the plan's sheets into a new workbook, or import CSV files.`,
    );
  }
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  try {
    for await (const entry of zip.eachEntry()) {
      entries.push({
        name: decoder.decode(entry.fileNameRaw),
        flags: entry.generalPurposeBitFlag,
        method: entry.compressionMethod,
        packed: entry.compressedSize,
        unpacked: entry.uncompressedSize,
        // A ZIP64 extra field, or a size left at the 32-bit "see ZIP64" mark without one.
        zip64:
          entry.extraFields.some((field) => field.id === 0x0001) || entry.compressedSize >= 0xffffffff || entry.uncompressedSize >= 0xffffffff,
        raw: entry,
      });
    }
  } catch {
    zip.close();
    throw notAWorkbook(name);
  }
  return { zip, entries };
}

/**
 * How many bytes the entry unpacks to, counting as it goes and keeping nothing: stops as soon as
 * it passes `limit` (answering limit + 1), so a bomb is never unpacked further than it claimed.
 * Data that is not valid deflate, or runs past the end of the file, answers -1; a file whose
 * local header is not one answers "not a zip".
 */
async function unpackedSize(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<number | "not a zip"> {
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    return error instanceof Error && error.message.startsWith("invalid local file header signature") ? "not a zip" : -1;
  }
  return new Promise((resolve) => {
    let total = 0;
    stream.on("data", (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        stream.destroy();
        resolve(limit + 1);
      }
    });
    stream.on("end", () => resolve(total));
    stream.on("error", () => resolve(-1));
  });
}
