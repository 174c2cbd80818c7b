/**
 * Evidence uploads built to hurt, through the real route, database and folder: names that look
 * like paths (kept only as a cleaned display name; the file goes under a generated key inside
 * STORAGE_DIR), content that is not what the name says, zip bombs dressed as Office files, and
 * text the database cannot hold. Each is stored safely or refused with a sentence; none is a 500.
 */
import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAreaWithPlan, createMembership, createUser } from "@/prisma/factories";
import { viewerOf } from "@/server/api/trpc";
import type { Viewer } from "@/server/auth/permissions";
import { checkEvidenceFile } from "@/server/services/evidence/file-check";
import { uploadEvidenceRoute } from "@/server/services/evidence/http";
import * as sample from "@/server/testing/upload-samples";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { zipOf } from "@/server/testing/test-zips";
import { isStorageKey } from "@/server/storage/keys";
import { contextFor, testDb } from "@/server/testing/harness";

const storageDir = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  const p = await import("node:path");
  // A folder inside a folder: anything escaping STORAGE_DIR by one step would land in `outer`.
  const outer = await mkdtemp(p.join(os.tmpdir(), "headway-hostile-uploads-"));
  const dir = p.join(outer, "evidence");
  process.env.STORAGE_DIR = dir;
  delete process.env.S3_BUCKET;
  return dir;
});

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let lead: Viewer;

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db);
  const user = await createUser(db);
  await createMembership(db, { userId: user.id, localAreaId: area.localAreaId, role: "LEAD" });
  lead = viewerOf((await contextFor(db, user.id)).session)!;
});
afterAll(async () => {
  await db.$disconnect();
  const { rm } = await import("node:fs/promises");
  await rm(path.dirname(storageDir), { recursive: true, force: true });
});

function form(file: File, title = "Survey results") {
  const body = new FormData();
  body.set("actionId", area.actionId);
  body.set("title", title);
  body.set("kind", "IMPACT");
  body.set("visibility", "INTERNAL");
  body.set("file", file);
  return body;
}

async function upload(body: FormData) {
  const request = new Request("http://headway.test/api/evidence", { method: "POST", body });
  const response = await uploadEvidenceRoute(request, { db, viewer: lead, requestId: randomUUID() }, {});
  return { status: response.status, body: (await response.json()) as { id?: string; message?: string; fieldErrors?: Record<string, string> } };
}

/** Every file under `dir`, as absolute paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe("an upload whose name looks like a path", () => {
  it.each([
    ["../ steps", "../../etc/passwd.pdf", "passwd.pdf"],
    ["..\\ steps", "..\\..\\windows\\report.pdf", "report.pdf"],
    ["an absolute path", "/abs/path/report.pdf", "report.pdf"],
    ["a Windows path", "C:\\Users\\lead\\Desktop\\report.pdf", "report.pdf"],
    ["a NUL byte", "report\u0000.pdf", "report.pdf"],
    ["a right-to-left override", "\u202ereport.pdf", "report.pdf"],
    ["a hidden file's dot", ".htaccess.pdf", "htaccess.pdf"],
    ["5,000 characters", `${"a".repeat(5000)}.pdf`, `${"a".repeat(146)}.pdf`],
  ])("a name with %s is stored under a generated key inside STORAGE_DIR and shown cleaned", async (_what, name, shown) => {
    const { status, body } = await upload(form(new File([sample.pdf()], name, { type: "application/pdf" })));
    expect(status).toBe(201);
    const row = await db.evidence.findUniqueOrThrow({ where: { id: body.id! }, select: { fileName: true, storageKey: true } });
    expect(row.fileName).toBe(shown);
    expect(isStorageKey(row.storageKey!)).toBe(true);
    const stored = path.join(storageDir, ...row.storageKey!.split("/"));
    // Every file the run has written is inside the folder, and this one is among them.
    const everything = await filesUnder(path.dirname(storageDir));
    expect(everything).toContain(stored);
    for (const file of everything) expect(path.relative(storageDir, file).startsWith("..")).toBe(false);
  });
});

describe("an upload whose content is not what its name says", () => {
  const pe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(46), Buffer.from([0x80, 0, 0, 0])]);
  it.each([
    ["an .exe renamed .pdf", "setup.pdf", pe, "The selected file is not a PDF: its content does not match its .pdf name"],
    ["a PNG renamed .pdf", "scan.pdf", sample.png(), "The selected file is not a PDF: its content does not match its .pdf name"],
    ["a text file renamed .xlsx", "tracker.xlsx", Buffer.from("Month,Value\nJanuary,41\n"), "The selected file is not an Excel spreadsheet: its content does not match its .xlsx name"],
    ["a PDF renamed .docx", "minutes.docx", sample.pdf(), "The selected file is not a Word document: its content does not match its .docx name"],
    ["a program by its own name", "setup.exe", pe, "The selected file must be a PDF, Word, Excel, PowerPoint, CSV, PNG or JPEG"],
  ])("%s is refused against the file field, and nothing is stored", async (_what, name, bytes, message) => {
    const before = await filesUnder(path.dirname(storageDir)).catch(() => []);
    const { status, body } = await upload(form(new File([new Uint8Array(bytes)], name)));
    expect(status).toBe(400);
    expect(body).toEqual({ message, fieldErrors: { file: message } });
    expect(await filesUnder(path.dirname(storageDir)).catch(() => [])).toEqual(before);
  });
});

describe("a zip bomb dressed as an Office file", () => {
  const MB = 1024 * 1024;
  const contentTypes = (declaredSize?: number) =>
    zipOf([
      {
        name: "[Content_Types].xml",
        text: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        repeat: {
          chunk: " ".repeat(MB),
          times: 300,
          tail: '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        },
        declaredSize,
      },
    ]);

  it("is refused by the content check, which unpacks at most a megabyte of it, whether it declares its size or lies", async () => {
    for (const bytes of [contentTypes(), contentTypes(100)]) {
      expect(bytes.byteLength).toBeLessThan(MB);
      const started = performance.now();
      expect(await checkEvidenceFile({ name: "tracker.xlsx", type: "", bytes })).toEqual({
        ok: false,
        message: "The selected file is not an Excel spreadsheet: its content does not match its .xlsx name",
      });
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe("an upload's text fields", () => {
  it("refuse a NUL the database cannot store, against the field, instead of failing to save", async () => {
    const { status, body } = await upload(form(new File([sample.pdf()], "report.pdf"), "Survey\u0000results"));
    expect(status).toBe(400);
    const message = "Remove the hidden or broken character from this text: it cannot be saved";
    expect(body).toEqual({ message, fieldErrors: { title: message } });
  });
});
