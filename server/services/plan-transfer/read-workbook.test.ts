/** Files in, rows out: workbooks, CSV files, and the files that are refused. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { writeCsv, writeXlsx } from "@/server/services/plan-transfer/plan-export";
import { parseCsv, readCsvFiles, readUpload, readXlsx } from "@/server/services/plan-transfer/read-workbook";

const bytes = (text: string) => new TextEncoder().encode(text);

async function refusal(files: { name: string; bytes: Uint8Array }[]): Promise<string> {
  try {
    await readUpload(files);
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error("expected the files to be refused");
}

describe("an .xlsx workbook", () => {
  it("gives each sheet's rows with the row numbers Excel shows, skipping nothing in between", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Findings");
    ws.getCell("A1").value = "Ref";
    ws.getCell("B1").value = "Kind";
    ws.getCell("A2").value = "1";
    ws.getCell("A4").value = 2; // a number typed into a ref column
    ws.getCell("B4").value = { richText: [{ text: "Area for " }, { text: "improvement" }] };
    ws.getCell("C4").value = { formula: "1+1", result: 2 };
    ws.getCell("D4").value = 0.45;
    ws.getCell("D4").numFmt = "0%";
    ws.getCell("E4").value = { error: "#N/A" };
    const read = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    const sheet = read.sheets[0]!;
    expect(sheet.name).toBe("Findings");
    expect(sheet.header).toEqual(["Ref", "Kind"]);
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(sheet.rows[1]!.cells).toEqual([2, "Area for improvement", 2, 45, { error: "#N/A" }]);
  });

  it("reads back the dates and text the export writes", async () => {
    const xlsx = await writeXlsx({ Findings: [{ ref: "1.10", judgementDate: new Date("2026-11-22T00:00:00Z") }] });
    const read = await readXlsx(new Uint8Array(xlsx));
    const findings = read.sheets.find((s) => s.name === "Findings")!;
    expect(findings.rows[0]!.cells[0]).toBe("1.10");
    expect(findings.rows[0]!.cells[5]).toEqual(new Date("2026-11-22T00:00:00Z"));
  });

  it("is refused when it is not one", async () => {
    expect(await refusal([{ name: "plan.xlsx", bytes: bytes("Ref,Kind\n1,x\n") }])).toMatch(/is not an Excel workbook \(\.xlsx\)/);
    const ole = new Uint8Array(64);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal([{ name: "plan.xlsx", bytes: ole }])).toMatch(/older Excel file \(\.xls\)/);
    expect(await refusal([{ name: "plan.xls", bytes: ole }])).toMatch(/Save it as an “Excel Workbook \(\.xlsx\)”/);
    expect(await refusal([{ name: "plan.pdf", bytes: bytes("%PDF") }])).toMatch(/not a workbook/);
    expect(await refusal([])).toMatch(/Choose a workbook/);
  });

  it("is refused when it is too large", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    expect(await refusal([{ name: "plan.xlsx", bytes: big }])).toMatch(/smaller than 10 MB/);
  });
});

describe("CSV files", () => {
  it("follow RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes, CRLF", () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n"two\nlines",,x\r\n')).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["two\nlines", "", "x"],
    ]);
  });

  it("read back what the export writes, byte-order mark and all", () => {
    const csv = writeCsv("Findings", [{ ref: "1", kind: "Area for improvement", inspectorsWording: 'He said "no", twice.\nThen left.', summary: "=cmd" }]);
    const read = readCsvFiles([{ name: "Findings.csv", bytes: bytes(csv) }]);
    expect(read.sheets[0]!.header[0]).toBe("Ref");
    expect(read.sheets[0]!.rows[0]).toEqual({
      row: 2,
      cells: ["1", "Area for improvement", 'He said "no", twice.\nThen left.', "'=cmd", null, null, null],
    });
  });

  it("are read as Windows-1252 when they are not UTF-8 (Excel's plain CSV on Windows)", () => {
    const latin = new Uint8Array([0x52, 0x65, 0x66, 0x0a, 0x43, 0x61, 0x66, 0xe9]); // "Ref\nCafé"
    expect(readCsvFiles([{ name: "Findings.csv", bytes: latin }]).sheets[0]!.rows[0]!.cells).toEqual(["Café"]);
  });

  it("with a quote that is never closed are refused with a sentence, not read to the end as one value", async () => {
    expect(await refusal([{ name: "Findings.csv", bytes: bytes('Ref,Kind\n1,"Area for improvement\n2,Strength\n') }])).toBe(
      "Findings.csv has a quoted value that is never closed. Save it again from the spreadsheet and try again.",
    );
  });

  it("cannot be mixed with a workbook", async () => {
    const xlsx = new Uint8Array(await writeXlsx({}));
    expect(await refusal([{ name: "a.xlsx", bytes: xlsx }, { name: "Plan.csv", bytes: bytes("x") }])).toMatch(/not both/);
  });
});
