/**
 * Is an uploaded file one Headway keeps? Pure (no disk, no database): size, an allowed type, and
 * content that really is what the name says. A name is easy to change, so the bytes decide: a
 * file called report.pdf must start like a PDF. The uploaded name is kept only to show people
 * (and to offer as the download's name), cleaned of paths and invisible characters.
 */
import { fileTypeFromBuffer } from "file-type";
import {
  extensionOf,
  FILE_MESSAGES,
  isEvidenceExtension,
  MAX_EVIDENCE_BYTES,
  type EvidenceExtension,
} from "@/server/schemas/evidence";

export type FileCheck =
  | { ok: true; mimeType: string; extension: EvidenceExtension; displayName: string }
  | { ok: false; message: string };

type Family = {
  /** "a PDF": for "The selected file is not a PDF". */
  noun: string;
  /** The type stored and served. */
  mimeType: string;
  /** What file-type must find in the bytes; null for CSV, which has no signature. */
  sniffed: readonly string[] | null;
  /** Legacy Office files are all one container (CFB); the stream inside tells them apart. */
  cfbStreams?: readonly string[];
};

const FAMILIES: Record<EvidenceExtension, Family> = {
  pdf: { noun: "a PDF", mimeType: "application/pdf", sniffed: ["pdf"] },
  doc: { noun: "a Word document", mimeType: "application/msword", sniffed: ["cfb"], cfbStreams: ["WordDocument"] },
  docx: {
    noun: "a Word document",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    sniffed: ["docx"],
  },
  xls: { noun: "an Excel spreadsheet", mimeType: "application/vnd.ms-excel", sniffed: ["cfb"], cfbStreams: ["Workbook", "Book"] },
  xlsx: { noun: "an Excel spreadsheet", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sniffed: ["xlsx"] },
  ppt: { noun: "a PowerPoint presentation", mimeType: "application/vnd.ms-powerpoint", sniffed: ["cfb"], cfbStreams: ["PowerPoint Document"] },
  pptx: {
    noun: "a PowerPoint presentation",
    mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    sniffed: ["pptx"],
  },
  csv: { noun: "a CSV file", mimeType: "text/csv", sniffed: null },
  png: { noun: "a PNG image", mimeType: "image/png", sniffed: ["png", "apng"] },
  jpg: { noun: "a JPEG image", mimeType: "image/jpeg", sniffed: ["jpg"] },
  jpeg: { noun: "a JPEG image", mimeType: "image/jpeg", sniffed: ["jpg"] },
};

/** For a name without an extension: the one the browser's declared type implies, if allowed. */
const EXTENSION_FOR_TYPE: Record<string, EvidenceExtension> = Object.fromEntries(
  (Object.entries(FAMILIES) as [EvidenceExtension, Family][]).filter(([ext]) => ext !== "jpeg").map(([ext, f]) => [f.mimeType, ext]),
);

export async function checkEvidenceFile(file: { name: string; type: string; bytes: Uint8Array }): Promise<FileCheck> {
  if (file.bytes.length === 0) return { ok: false, message: FILE_MESSAGES.empty };
  if (file.bytes.length > MAX_EVIDENCE_BYTES) return { ok: false, message: FILE_MESSAGES.tooLarge };

  const named = extensionOf(file.name);
  const extension = named || EXTENSION_FOR_TYPE[file.type.split(";")[0]!.trim().toLowerCase()] || "";
  if (!isEvidenceExtension(extension)) return { ok: false, message: FILE_MESSAGES.wrongType };
  const family = FAMILIES[extension];

  const problem = await contentProblem(family, file.bytes);
  if (problem === "mismatch") {
    return { ok: false, message: `The selected file is not ${family.noun}: its content does not match its .${extension} name` };
  }
  if (problem === "notUtf8") return { ok: false, message: CSV_ENCODING };
  return { ok: true, mimeType: family.mimeType, extension, displayName: displayName(file.name, named ? null : extension) };
}

// Excel's plain "CSV" is saved in the Windows character set; saying how to fix it beats a refusal.
const CSV_ENCODING =
  "The selected CSV file must be saved as CSV UTF-8: in Excel, choose Save as and then CSV UTF-8 (comma delimited)";

async function contentProblem(family: Family, bytes: Uint8Array): Promise<"mismatch" | "notUtf8" | null> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (family.sniffed === null) {
    // A CSV has no signature: it is text, which binary formats (and their NUL bytes) are not.
    if (sniffed || bytes.includes(0)) return "mismatch";
    return isUtf8(bytes) ? null : "notUtf8";
  }
  if (!sniffed || !family.sniffed.includes(sniffed.ext)) return "mismatch";
  if (family.cfbStreams && !family.cfbStreams.some((stream) => containsUtf16(bytes, stream))) return "mismatch";
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Whether the CFB directory names a stream: names are stored as UTF-16LE. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, "utf16le"));
}

const MAX_NAME = 150;

/**
 * The name to show: the last path segment, without control characters or the invisible
 * direction marks (U+202E and friends) that can make "report<RLO>fdp.exe" display as
 * "reportexe.pdf", whitespace collapsed, shortened keeping its extension.
 */
export function displayName(uploaded: string, addExtension: string | null = null): string {
  let name = (uploaded.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (addExtension) name = `${name || "evidence"}.${addExtension}`;
  if (!name) name = "evidence";
  const ext = extensionOf(name);
  if (name.length > MAX_NAME) {
    const suffix = ext ? `.${ext}` : "";
    name = `${name.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
  }
  return name;
}
