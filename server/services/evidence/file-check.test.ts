import { describe, expect, it } from "vitest";
import { checkEvidenceFile, displayName } from "@/server/services/evidence/file-check";
import * as sample from "@/server/testing/upload-samples";
import { MAX_EVIDENCE_BYTES } from "@/server/schemas/evidence";

const check = (name: string, bytes: Buffer, type = "") => checkEvidenceFile({ name, type, bytes });

describe("checkEvidenceFile accepts each allowed type when the content matches the name", () => {
  it.each([
    ["Board report.pdf", sample.pdf, "application/pdf"],
    ["Photo of the drop-in.png", sample.png, "image/png"],
    ["Leaflet.jpg", sample.jpeg, "image/jpeg"],
    ["Leaflet.JPEG", sample.jpeg, "image/jpeg"],
    ["Returns.csv", sample.csv, "text/csv"],
    ["Minutes.docx", sample.docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    ["Slides.pptx", sample.pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    ["Old minutes.doc", () => sample.cfb("WordDocument"), "application/msword"],
    ["Old tracker.xls", () => sample.cfb("Workbook"), "application/vnd.ms-excel"],
    ["Old slides.ppt", () => sample.cfb("PowerPoint Document"), "application/vnd.ms-powerpoint"],
  ])("%s", async (name, bytes, mimeType) => {
    expect(await check(name, bytes())).toEqual({ ok: true, mimeType, extension: name.split(".").pop()!.toLowerCase(), displayName: name });
  });

  it("an xlsx workbook written by a spreadsheet library", async () => {
    const result = await check("Tracker.xlsx", await sample.xlsx());
    expect(result).toMatchObject({ ok: true, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" });
  });

  it("a CSV with a UTF-8 byte order mark and accented names", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("School,Pupils\nSt Chloé's,12\n", "utf8")]);
    expect(await check("Schools.csv", bytes)).toMatchObject({ ok: true, mimeType: "text/csv" });
  });
});

describe("checkEvidenceFile refuses", () => {
  it("a .pdf name over content that is not a PDF, whatever type the browser declares", async () => {
    for (const bytes of [sample.png(), sample.docx(), sample.csv(), Buffer.from("MZ\x90\x00\x03 not really a pdf", "latin1")]) {
      expect(await check("report.pdf", bytes, "application/pdf")).toEqual({
        ok: false,
        message: "The selected file is not a PDF: its content does not match its .pdf name",
      });
    }
  });

  it.each([
    ["Minutes.docx", sample.xlsx, "The selected file is not a Word document: its content does not match its .docx name"],
    ["Tracker.xlsx", sample.docx, "The selected file is not an Excel spreadsheet: its content does not match its .xlsx name"],
    ["Photo.png", sample.jpeg, "The selected file is not a PNG image: its content does not match its .png name"],
    ["Photo.jpg", sample.png, "The selected file is not a JPEG image: its content does not match its .jpg name"],
    ["Slides.pptx", () => sample.zip({ "notes.txt": "just a zip" }), "The selected file is not a PowerPoint presentation: its content does not match its .pptx name"],
    // Legacy Office files share one container: the stream inside must be the right program's.
    ["Old minutes.doc", () => sample.cfb("Workbook"), "The selected file is not a Word document: its content does not match its .doc name"],
    ["Old tracker.xls", () => sample.cfb("Installer"), "The selected file is not an Excel spreadsheet: its content does not match its .xls name"],
    ["Data.csv", sample.pdf, "The selected file is not a CSV file: its content does not match its .csv name"],
    ["Data.csv", () => Buffer.from("a,b\n1,\u0000\n", "utf8"), "The selected file is not a CSV file: its content does not match its .csv name"],
  ])("%s with the wrong content", async (name, bytes, message) => {
    expect(await check(name, await bytes())).toEqual({ ok: false, message });
  });

  it("a CSV saved in the Windows character set, saying how to save it as UTF-8", async () => {
    const result = await check("Schools.csv", Buffer.from("School,Pupils\nSt Chlo\xe9's,12\n", "latin1"));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("must be saved as CSV UTF-8") });
  });

  it.each(["setup.exe", "page.html", "image.svg", "archive.zip", "Minutes.docm", "no-extension"])("the type of %s", async (name) => {
    expect(await check(name, sample.pdf())).toEqual({
      ok: false,
      message: "The selected file must be a PDF, Word, Excel, PowerPoint, CSV, PNG or JPEG",
    });
  });

  it("an empty file", async () => {
    expect(await check("empty.pdf", Buffer.alloc(0))).toEqual({ ok: false, message: "The selected file is empty" });
  });

  it("a file over 20 MB, and keeps one of exactly 20 MB", async () => {
    const big = Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 0x20);
    sample.pdf().copy(big);
    expect(await check("big.pdf", big)).toEqual({ ok: false, message: "The file must be smaller than 20 MB" });
    expect(await check("big.pdf", big.subarray(0, MAX_EVIDENCE_BYTES))).toMatchObject({ ok: true });
  });
});

describe("the name kept for display", () => {
  it("is the last path segment, whichever separator the browser used", () => {
    expect(displayName("C:\\fakepath\\Board report.pdf")).toBe("Board report.pdf");
    expect(displayName("../../etc/passwd.pdf")).toBe("passwd.pdf");
  });

  it("loses control characters and direction overrides, and leading dots", () => {
    expect(displayName("report\u202Efdp.pdf")).toBe("reportfdp.pdf");
    expect(displayName("a\r\nb\t c.pdf")).toBe("ab c.pdf");
    expect(displayName("..hidden.pdf")).toBe("hidden.pdf");
  });

  it("is shortened to 150 characters keeping the extension", () => {
    const name = displayName(`${"x".repeat(300)}.pptx`);
    expect(name).toHaveLength(150);
    expect(name.endsWith("x.pptx")).toBe(true);
  });

  it("gets the extension the declared type implies when the name has none", async () => {
    expect(await check("Board report", sample.pdf(), "application/pdf")).toMatchObject({ ok: true, displayName: "Board report.pdf" });
    expect(await check("Board report", sample.png(), "application/pdf")).toMatchObject({ ok: false });
  });
});
