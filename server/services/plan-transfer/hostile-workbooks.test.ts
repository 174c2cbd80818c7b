/**
 * Workbooks built to hurt the import, and workbooks merely broken. Zip bombs (honest about their
 * size, lying about it, or packed at an absurd ratio), entries named like paths, and files that
 * are not what their name says are refused with a sentence before exceljs unpacks them; a
 * workbook with bad rows is reported row by row and writes nothing at all.
 */
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createAreaWithPlan, createLocalArea, createMembership, createUser } from "@/prisma/factories";
import { AppError } from "@/server/errors";
import type { PrismaClient } from "@/server/generated/prisma/client";
import * as sample from "@/server/testing/upload-samples";
import { planRows, writeCsv, writeXlsx, type SheetRows } from "@/server/services/plan-transfer/plan-export";
import { loadAreaState } from "@/server/services/plan-transfer/workbook-state";
import { readUpload } from "@/server/services/plan-transfer/read-workbook";
import { SHEET_END, SHEET_START, sheetXml, workbookParts, zipOf, type Part } from "@/server/testing/test-zips";
import { LIMITS } from "@/server/schemas/plan-workbook";
import { applyOf, postWorkbook, previewOf } from "@/server/services/plan-transfer/testing-requests";
import { viewerOf } from "@/server/api/trpc";
import { contextFor, testDb } from "@/server/testing/harness";

const MB = 1024 * 1024;

async function readRefusal(name: string, bytes: Uint8Array): Promise<string> {
  try {
    await readUpload([{ name, bytes }]);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID") return error.message;
    throw error;
  }
  throw new Error(`expected ${name} to be refused`);
}

const UNPACKS_TOO_LARGE = /unpacks to more than 50 MB/;

/**
 * A sheet of just under a megabyte of ordinary rows (numbers and words from a fixed pseudo-random
 * sequence), which deflate packs about 9 times, as Excel's sheets pack.
 */
const ORDINARY_SHEET = (() => {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const words = ["plan", "action", "finding", "measure", "school", "health", "carer", "review", "SEND", "offer", "EHCP", "timely"];
  const rows: string[] = [];
  let size = SHEET_START.length + SHEET_END.length;
  for (let r = 1; ; r++) {
    const cells = Array.from({ length: 6 }, (_, c) =>
      c % 2 ? `<c r="${String.fromCharCode(65 + c)}${r}"><v>${next() % 1000}</v></c>` : `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${words[next() % words.length]} ${next() % 10}</t></is></c>`,
    );
    const row = `<row r="${r}">${cells.join("")}</row>`;
    if (size + row.length > MB - 1024) break;
    rows.push(row);
    size += row.length;
  }
  return `${SHEET_START}${rows.join("")}${SHEET_END}`;
})();

/** An .xlsx of `count` ordinary sheets (its workbook names them all): 4 parts besides the sheets. */
function manySheets(count: number): Buffer {
  const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
  const DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const n = Array.from({ length: count }, (_, i) => i + 1);
  const [types, rels] = workbookParts("Sheet1", { text: "" });
  return zipOf([
    {
      name: "[Content_Types].xml",
      text: types!.text.replace(
        /<Override PartName="\/xl\/worksheets\/sheet1\.xml"[^>]*\/>/,
        n.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join(""),
      ),
    },
    rels!,
    {
      name: "xl/workbook.xml",
      text: `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>${n.map((i) => `<sheet name="Sheet${i}" sheetId="${i}" r:id="rId${i}"/>`).join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      text: `${XML}<Relationships xmlns="${RELS}">${n.map((i) => `<Relationship Id="rId${i}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join("")}</Relationships>`,
    },
    ...n.map((i): Part => ({ name: `xl/worksheets/sheet${i}.xml`, text: ORDINARY_SHEET })),
  ]);
}

/** A Findings sheet whose XML is `megabytes` MB of spaces between its rows: valid, and huge unpacked. */
function bomb(megabytes: number, declaredSize?: number): Buffer {
  const sheet: Omit<Part, "name"> = { text: SHEET_START, repeat: { chunk: " ".repeat(MB), times: megabytes, tail: SHEET_END }, declaredSize };
  return zipOf(workbookParts("Findings", sheet));
}

describe("the hand-built workbooks these tests use", () => {
  it("are read when they are honest and small, so a refusal below is the defence's doing", async () => {
    const read = await readUpload([{ name: "plan.xlsx", bytes: zipOf(workbookParts("Findings", { text: sheetXml([["Ref", "Kind"], ["1", "Area for improvement"]]) })) }]);
    expect(read.sheets).toEqual([{ name: "Findings", header: ["Ref", "Kind"], rows: [{ row: 2, cells: ["1", "Area for improvement"] }] }]);
    // A small bomb (2 MB of spaces, packed about 1,000 times) is a valid workbook: only the ratio refuses it.
    expect(await readRefusal("small-bomb.xlsx", bomb(2))).toMatch(UNPACKS_TOO_LARGE);
  });
});

describe("a zip bomb", () => {
  // exceljs must never see these: its loader is watched, and each refusal comes before it.
  const load = vi.spyOn(Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: () => Promise<unknown> }, "load");
  beforeEach(() => {
    load.mockClear();
  });
  afterAll(() => {
    load.mockRestore();
  });

  it("that declares its 200 MB is refused from the ZIP directory, before anything is unpacked", async () => {
    const file = bomb(200);
    expect(file.byteLength).toBeLessThan(400 * 1024);
    const started = performance.now();
    expect(await readRefusal("bomb.xlsx", file)).toBe("bomb.xlsx unpacks to more than 50 MB: split the plan or import CSV files.");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(load).not.toHaveBeenCalled();
  });

  it("that declares 1 KB and holds 1 GB is refused once it unpacks past what it declared", async () => {
    const file = bomb(1024, 1024);
    const started = performance.now();
    expect(await readRefusal("liar.xlsx", file)).toBe(
      "liar.xlsx is damaged: it does not unpack to what it says it holds. Save it again from Excel and try again.",
    );
    // Unpacking the gigabyte would take seconds; stopping after the first kilobyte takes milliseconds.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(load).not.toHaveBeenCalled();
  });

  it("under the size limit but packed at an absurd ratio (40 MB in 40 KB) is refused", async () => {
    const file = bomb(40);
    expect(40 * MB).toBeLessThan(LIMITS.unpackedBytes);
    expect(await readRefusal("ratio.xlsx", file)).toMatch(/^ratio\.xlsx unpacks to more than 50 MB/);
    expect(load).not.toHaveBeenCalled();
  });

  it("whose many small files add up past the limit is refused", async () => {
    // 55 files of 1 MB each (not over the megabyte the ratio rule starts at), 60 in all: under the count.
    const pieces = Array.from({ length: 55 }, (_, i): Part => ({ name: `xl/media/filler${i}.xml`, text: "", repeat: { chunk: "x".repeat(MB), times: 1, tail: "" } }));
    const file = zipOf(workbookParts("Findings", { text: sheetXml([["Ref"]]) }, pieces));
    expect(await readRefusal("many.xlsx", file)).toMatch(/^many\.xlsx unpacks to more than 50 MB/);
    expect(load).not.toHaveBeenCalled();
  });

  it("of 85 ordinary sheets, each just under a megabyte, 85 MB in a 9.6 MB upload, is refused at once with a sentence", async () => {
    const file = manySheets(85);
    // Under the upload limit, and each sheet packed as real ones are (about 9 times): no single
    // file is large or suspicious; only how many there are, and what they add up to, is.
    expect(file.byteLength).toBeLessThan(LIMITS.fileBytes);
    expect(file.byteLength).toBeGreaterThan(8 * MB);
    const started = performance.now();
    expect(await readRefusal("sheets.xlsx", file)).toBe(
      "sheets.xlsx holds 89 files inside it, more than a plan's workbook needs (at most 64). Copy the plan's sheets into a new workbook, or import CSV files.",
    );
    // From the directory alone: nothing unpacked, no sheet read.
    expect(performance.now() - started).toBeLessThan(250);
    expect(load).not.toHaveBeenCalled();
  });

  it("of fewer such sheets, under the count but past the total, is refused from the directory", async () => {
    const file = manySheets(55);
    const started = performance.now();
    expect(await readRefusal("sheets.xlsx", file)).toBe("sheets.xlsx unpacks to more than 50 MB: split the plan or import CSV files.");
    expect(performance.now() - started).toBeLessThan(250);
    expect(load).not.toHaveBeenCalled();
  });

  it("of a few such sheets is read: the bounds are on the whole, not on an ordinary sheet", async () => {
    load.mockClear();
    const read = await readUpload([{ name: "sheets.xlsx", bytes: manySheets(3) }]);
    expect(read.sheets).toHaveLength(3);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe("a workbook's ZIP", () => {
  it.each(["../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/cron.d/evil", "xl/../../evil.xml", "C:/evil.xml", "xl/worksheets/sheet2.xml\u0000.png"])(
    "holding a file named %j is refused",
    async (entryName) => {
      const file = zipOf(workbookParts("Findings", { text: sheetXml([["Ref"]]) }, [{ name: entryName, text: "pwned" }]));
      expect(await readRefusal("plan.xlsx", file)).toBe("plan.xlsx holds a file named like a path outside it, so it is not a workbook Headway will open.");
    },
  );

  it("that is damaged, truncated or not a workbook is refused with a sentence", async () => {
    const good = zipOf(workbookParts("Findings", { text: sheetXml([["Ref"]]) }));
    const corrupt = Buffer.from(good);
    // The first part's packed data: garbage deflate, same length, directory intact.
    corrupt.fill(0xff, 30 + "[Content_Types].xml".length, 30 + "[Content_Types].xml".length + 20);
    expect(await readRefusal("corrupt.xlsx", corrupt)).toMatch(/^corrupt\.xlsx is damaged/);
    expect(await readRefusal("cut.xlsx", good.subarray(0, good.length - 30))).toMatch(/^cut\.xlsx is not an Excel workbook \(\.xlsx\)/);
    expect(await readRefusal("photo.xlsx", sample.png())).toMatch(/^photo\.xlsx is not an Excel workbook \(\.xlsx\)/);
    expect(await readRefusal("minutes.xlsx", sample.docx())).toMatch(/^minutes\.xlsx is not an Excel workbook \(\.xlsx\)/);
    expect(await readRefusal("notes.xlsx", Buffer.from("Ref,Kind\n1,Area for improvement\n"))).toMatch(/^notes\.xlsx is not an Excel workbook/);
    expect(await readRefusal("setup.exe", Buffer.from("MZ\x90\x00", "latin1"))).toBe("setup.exe is not a workbook (.xlsx) or a CSV file.");
  });
});

// Through the import page ----------------------------------------------------------------------

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

/** Every row an import could write, and every audit event: what "nothing written" is checked against. */
async function counts() {
  return {
    plans: await db.plan.count(),
    inspections: await db.inspection.count(),
    organisations: await db.organisation.count(),
    findings: await db.finding.count(),
    actions: await db.action.count(),
    measures: await db.measure.count(),
    milestones: await db.measureMilestone.count(),
    values: await db.measureValue.count(),
    auditEvents: await db.auditEvent.count(),
  };
}

async function leadOf(localAreaId: string) {
  const user = await createUser(db);
  await createMembership(db, { userId: user.id, localAreaId, role: "LEAD" });
  return { db, viewer: viewerOf((await contextFor(db, user.id)).session), requestId: randomUUID() };
}

const upload = (name: string, bytes: Uint8Array) => [{ name, bytes }];

describe("the import page, given a hostile file", () => {
  it("shows the refusal as the one error and applies nothing", async () => {
    const fx = await createAreaWithPlan(db);
    const caller = await leadOf(fx.localAreaId);
    for (const [name, bytes, message] of [
      ["bomb.xlsx", bomb(200), /^bomb\.xlsx unpacks to more than 50 MB/],
      ["liar.xlsx", bomb(300, 2048), /^liar\.xlsx is damaged/],
      ["plan.xlsx", zipOf(workbookParts("Findings", { text: sheetXml([["Ref"]]) }, [{ name: "../../x", text: "" }])), /named like a path outside it/],
    ] as const) {
      const preview = await previewOf(caller, fx.slug, upload(name, bytes));
      expect(preview.errors).toEqual([{ sheet: "", row: 0, column: "", message: expect.stringMatching(message) }]);
      const before = await counts();
      const applied = await applyOf(caller, fx.slug, upload(name, bytes));
      expect(applied.status).toBe("refused");
      expect(await counts()).toEqual(before);
    }
  });
});

describe("the import page, given a file over the size limit", () => {
  it("refuses it before reading it, naming the limit", async () => {
    const fx = await createAreaWithPlan(db);
    const caller = await leadOf(fx.localAreaId);
    const big = [{ name: "plan.xlsx", bytes: new Uint8Array(LIMITS.fileBytes + 1) }];
    const { status, body } = await postWorkbook(caller, fx.slug, "preview", big);
    expect(status).toBe(413);
    // One byte over the limit: the files' own sizes refuse it, whatever the form around them adds.
    expect(body.fieldErrors?.files).toBe("The file must be smaller than 10 MB");
  });
});

describe("a broken workbook", () => {
  /** Area A's plan as exported, with `change` made to its rows. */
  async function exported(localAreaId: string, change: (rows: SheetRows) => void) {
    const rows = planRows((await loadAreaState(db, localAreaId))!);
    change(rows);
    return rows;
  }

  it("reports each bad cell by sheet, row and column, and writes nothing, not even an audit event", async () => {
    const fx = await createAreaWithPlan(db);
    const caller = await leadOf(fx.localAreaId);
    const rows = await exported(fx.localAreaId, (r) => {
      r.Findings.push(
        { ref: "5", kind: "Area for improvement", inspectorsWording: "Wording.", summary: "A new finding." },
        { ref: "5", kind: "Area for improvement", inspectorsWording: "Wording.", summary: "The same ref again." },
        { ref: "6", kind: "Area of everything", inspectorsWording: "Wording.", summary: "A kind that is not one." },
      );
      r.Actions.push(
        { findingRef: "1", ref: "1.7", title: "Dates that are not dates", startDate: "next Tuesday", dueDate: "31/02/2027" },
        { findingRef: "1", ref: "1.8", title: "Words for numbers", progress: "forty" },
        { findingRef: "42", ref: "42.1", title: "An action for a finding that is nowhere" },
        { findingRef: "1", ref: "1.9", title: "x".repeat(5000) },
      );
    });
    const files = upload("plan.xlsx", await writeXlsx(rows));
    const preview = await previewOf(caller, fx.slug, files);
    expect(preview.errors.map((e) => `${e.sheet} ${e.row} ${e.column}`)).toEqual([
      `Findings ${rows.Findings.length} Ref`,
      `Findings ${rows.Findings.length + 1} Kind`,
      `Actions ${rows.Actions.length - 2} Start date`,
      `Actions ${rows.Actions.length - 2} Due date`,
      `Actions ${rows.Actions.length - 1} Progress`,
      `Actions ${rows.Actions.length} Finding ref`,
      `Actions ${rows.Actions.length + 1} Title`,
    ]);

    const before = await counts();
    const applied = await applyOf(caller, fx.slug, files);
    expect(applied).toMatchObject({ status: "refused", errorCount: 7 });
    expect(await counts()).toEqual(before);
  });

  it("refuses text PostgreSQL cannot store (a NUL) on its row, not with a server error", async () => {
    const fx = await createAreaWithPlan(db);
    const caller = await leadOf(fx.localAreaId);
    // A CSV keeps what it is given; an .xlsx cannot hold a NUL at all (XML has no way to write one).
    const csv = writeCsv("Findings", [{ ref: "5", kind: "Area for improvement", inspectorsWording: "Wording.", summary: "Hidden\u0000character." }]);
    const files = upload("Findings.csv", new TextEncoder().encode(csv));
    const preview = await previewOf(caller, fx.slug, files);
    expect(preview.errors).toEqual([
      { sheet: "Findings", row: 2, column: "Summary", message: "Remove the hidden or broken character from this text: it cannot be saved" },
    ]);
    const before = await counts();
    expect((await applyOf(caller, fx.slug, files)).status).toBe("refused");
    expect(await counts()).toEqual(before);
  });

  it("reports a missing Plan sheet, when there is no plan yet, and a sheet without a required column", async () => {
    const area = await createLocalArea(db);
    const caller = await leadOf(area.id);
    const findings = writeCsv("Findings", [{ ref: "1", kind: "Area for improvement", inspectorsWording: "Wording.", summary: "Summary." }]);
    const actions = "Finding ref,Ref\n1,1.1\n"; // no Title column
    const files = [
      { name: "Findings.csv", bytes: new TextEncoder().encode(findings) },
      { name: "Actions.csv", bytes: new TextEncoder().encode(actions) },
    ];
    const preview = await previewOf(caller, area.slug, files);
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "Plan", row: 2, message: expect.stringMatching(/has no current plan: fill in the Plan sheet/) }),
        expect.objectContaining({ sheet: "Actions", row: 1, column: "Title", message: "The Actions sheet has no “Title” column: add it to the first row" }),
      ]),
    );
    const before = await counts();
    expect((await applyOf(caller, area.slug, files)).status).toBe("refused");
    expect(await counts()).toEqual(before);
  });
});
