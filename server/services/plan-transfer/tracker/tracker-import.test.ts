/**
 * A council's own tracker imported through a column mapping, against a real database: the mapping
 * suggested from the headers and cells, the import through the template's path (the same report,
 * all or nothing, nothing changed the second time), the mapping remembered, text dates read or
 * flagged, findings on their own sheet, a mapping without a title refused, and hostile files
 * held to the template's limits. Through the route, as the import page calls it.
 */
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLocalArea, createMembership, createPlan, createUser } from "@/prisma/factories";
import { viewerOf } from "@/server/api/trpc";
import type { Viewer } from "@/server/auth/permissions";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { ImportCheck, ImportOutcome } from "@/server/schemas/plan-transfer";
import { LIMITS } from "@/server/schemas/plan-workbook";
import { trackerMappingSchema, type TrackerColumns, type TrackerMapping } from "@/server/schemas/tracker-mapping";
import type { UploadedFile } from "@/server/services/plan-transfer/read-workbook";
import { trackerImportRoute } from "@/server/services/plan-transfer/tracker/http";
import { contextFor, testDb } from "@/server/testing/harness";

let db: PrismaClient;

beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

type Rows = (string | number | Date | null | { formula: string; result?: unknown })[][];

async function xlsx(sheets: Record<string, Rows>, name = "tracker.xlsx"): Promise<UploadedFile> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    for (const row of rows) ws.addRow(row as ExcelJS.CellValue[]);
  }
  return { name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** An area with a draft plan (no change control) answering a 2016 inspection, and its plan lead. */
async function areaWithLead(o: { plan?: boolean } = {}) {
  const area = await createLocalArea(db);
  if (o.plan !== false) await createPlan(db, { localAreaId: area.id, status: "DRAFT", submittedDate: null, acceptedDate: null });
  const user = await createUser(db, { name: `Lead ${randomUUID().slice(0, 6)}` });
  await createMembership(db, { userId: user.id, localAreaId: area.id, role: "LEAD" });
  const lead = viewerOf((await contextFor(db, user.id)).session)!;
  return { area, lead, user };
}

async function post(viewer: Viewer | null, slug: string, mode: string, file: UploadedFile, mapping?: unknown) {
  const form = new FormData();
  form.append("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
  if (mapping !== undefined) form.append("mapping", typeof mapping === "string" ? mapping : JSON.stringify(mapping));
  const request = new Request(`http://headway.test/api/local-areas/${slug}/tracker-import?mode=${mode}`, { method: "POST", body: form });
  const response = await trackerImportRoute(request, { db, viewer, requestId: randomUUID() }, { slug });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
const columnsOf = async (viewer: Viewer, slug: string, file: UploadedFile) => {
  const { status, body } = await post(viewer, slug, "columns", file);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as TrackerColumns;
};
const previewOf = async (viewer: Viewer, slug: string, file: UploadedFile, mapping: TrackerMapping) => {
  const { status, body } = await post(viewer, slug, "preview", file, mapping);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as ImportCheck;
};
const applyOf = async (viewer: Viewer, slug: string, file: UploadedFile, mapping: TrackerMapping) => {
  const { status, body } = await post(viewer, slug, "apply", file, mapping);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as ImportOutcome & { mappingSaved: boolean };
};

const W1 = "1. The timeliness and quality of EHC plans are poor, and too few are issued within 20 weeks.";
const W2 = "2. Leaders do not know the quality of provision for children who need speech and language therapy.";

/** The one-sheet tracker of the brief, with a title row above its column names. */
async function oneSheetTracker(o: { dueDates?: (string | Date | null)[]; rag?: string[] } = {}) {
  const due = o.dueDates ?? ["31/07/2020", "Q3 2021/22", new Date(Date.UTC(2021, 2, 31)), "by July 2020"];
  const rag = o.rag ?? ["Green", "Amber", "Blue", "Red"];
  return xlsx({
    "WSOA tracker": [
      ["Northbridge WSOA tracker, updated June 2021"],
      ["Area of weakness", "No.", "What we will do", "Lead officer", "By when", "RAG", "Progress update"],
      [W1, "1.1", "Agree a 20-week recovery plan with the EHC hub", "Jane Harper", due[0]!, rag[0]!, "Plan drafted"],
      [W1, "1.2", "Audit 30 plans a term", "unknown.person@example.org", due[1]!, rag[1]!, "First audit done"],
      [W2, "2.1", "Commission a SALT review", "Pat Nobody", due[2]!, rag[2]!, "Review published"],
      [W2, "2.2", "Publish the SALT pathway", "", due[3]!, rag[3]!, ""],
    ],
  });
}

describe("a one-sheet tracker", () => {
  it("gets a mapping suggested from its headers and cells, its header row found below a title", async () => {
    const { area, lead } = await areaWithLead();
    const columns = await columnsOf(lead, area.slug, await oneSheetTracker());
    expect(columns.remembered).toBe(false);
    expect(columns.needsPlan).toBe(false);
    expect(columns.defaultFindingKind).toBe("SIGNIFICANT_WEAKNESS");
    expect(columns.suggestion).toEqual({
      sheet: "WSOA tracker",
      headerRow: 2,
      columns: { "Area of weakness": "finding", "No.": "actionRef", "What we will do": "title", "Lead officer": "owner", "By when": "dueDate", RAG: "rag" },
    });
    expect(columns.sheets[0]!.columns.find((c) => c.header === "By when")!.samples).toEqual(["31/07/2020", "Q3 2021/22", "2021-03-31"]);
  });

  it("imports through the mapping, remembers it, and changes nothing when imported again", async () => {
    const { area, lead } = await areaWithLead();
    const jane = await createUser(db, { name: "Jane Harper" });
    await createMembership(db, { userId: jane.id, localAreaId: area.id, role: "CONTRIBUTOR" });
    const file = await oneSheetTracker();
    const { suggestion } = await columnsOf(lead, area.slug, file);

    const check = await previewOf(lead, area.slug, file, suggestion);
    expect(check.errors).toEqual([]);
    expect(check.summary.byEntity).toEqual({ Finding: { created: 2, updated: 0 }, Action: { created: 4, updated: 0 } });
    // Warnings in the tracker's own words: its sheet, its rows, its columns.
    expect(check.warnings).toEqual([
      expect.objectContaining({ sheet: "WSOA tracker", row: 4, column: "Lead officer", message: expect.stringContaining("unknown.person@example.org") }),
      expect.objectContaining({ sheet: "WSOA tracker", row: 5, column: "Lead officer", message: expect.stringMatching(/No one called Pat Nobody .*action 2\.1 is left without an owner/) }),
    ]);

    const applied = await applyOf(lead, area.slug, file, suggestion);
    expect(applied).toMatchObject({ status: "applied", mappingSaved: true, errorCount: 0 });

    const findings = await db.finding.findMany({ where: { localAreaId: area.id }, orderBy: { ref: "asc" }, include: { actions: { orderBy: { ref: "asc" } } } });
    expect(findings.map((f) => [f.ref, f.kind, f.inspectorsWording])).toEqual([
      ["1", "SIGNIFICANT_WEAKNESS", W1.slice(3)],
      ["2", "SIGNIFICANT_WEAKNESS", W2.slice(3)],
    ]);
    const actions = findings.flatMap((f) => f.actions);
    expect(actions.map((a) => [a.ref, a.title, a.dueDate?.toISOString().slice(0, 10), a.status, a.ownerId])).toEqual([
      ["1.1", "Agree a 20-week recovery plan with the EHC hub", "2020-07-31", "NOT_STARTED", jane.id],
      ["1.2", "Audit 30 plans a term", "2021-12-31", "NOT_STARTED", null],
      ["2.1", "Commission a SALT review", "2021-03-31", "COMPLETE", null],
      ["2.2", "Publish the SALT pathway", "2020-07-31", "NOT_STARTED", null],
    ]);

    const saved = await db.trackerMapping.findUniqueOrThrow({ where: { localAreaId: area.id } });
    expect(trackerMappingSchema.parse(saved.mapping)).toEqual(suggestion);
    const events = await db.auditEvent.findMany({ where: { localAreaId: area.id, action: { in: ["plan.import", "trackerMapping.save"] } } });
    expect(events.map((e) => e.action).sort()).toEqual(["plan.import", "trackerMapping.save"]);
    // One request, one transaction: the mapping is saved with the import it was used for.
    expect(new Set(events.map((e) => e.requestId)).size).toBe(1);

    // The next upload is offered the saved mapping, and importing the same file again changes nothing.
    const again = await columnsOf(lead, area.slug, file);
    expect(again).toMatchObject({ remembered: true, suggestion });
    const auditBefore = await db.auditEvent.count({ where: { localAreaId: area.id } });
    const findingsBefore = await db.finding.findMany({ where: { localAreaId: area.id }, orderBy: { id: "asc" }, include: { actions: { orderBy: { id: "asc" } } } });
    const second = await applyOf(lead, area.slug, file, again.suggestion);
    expect(second).toMatchObject({ status: "unchanged", mappingSaved: false, changeCount: 0 });
    expect(await db.finding.findMany({ where: { localAreaId: area.id }, orderBy: { id: "asc" }, include: { actions: { orderBy: { id: "asc" } } } })).toEqual(findingsBefore);
    expect(await db.auditEvent.count({ where: { localAreaId: area.id } })).toBe(auditBefore);
  });

  it("reads text dates, and flags those it cannot read instead of guessing, leaving a planned date as it is", async () => {
    const { area, lead } = await areaWithLead();
    const file = await oneSheetTracker({ dueDates: ["end of March 2021", "Spring 2021", "ongoing", "TBC"] });
    const mapping: TrackerMapping = {
      sheet: "WSOA tracker",
      headerRow: 2,
      columns: { "Area of weakness": "finding", "What we will do": "title", "By when": "dueDate" },
    };
    const check = await previewOf(lead, area.slug, file, mapping);
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((w) => [w.row, w.column, w.message])).toEqual([
      [4, "By when", expect.stringMatching(/“Spring 2021” could mean the spring term or the season.*action 1\.2's due date is left empty/)],
      [5, "By when", expect.stringMatching(/“ongoing” is not a date: action 2\.1's due date is left empty/)],
      [6, "By when", expect.stringMatching(/“TBC” is not a date: action 2\.2's due date is left empty/)],
    ]);
    await applyOf(lead, area.slug, file, mapping);
    const due = async () =>
      Object.fromEntries((await db.action.findMany({ where: { localAreaId: area.id } })).map((a) => [a.ref, a.dueDate?.toISOString().slice(0, 10) ?? null]));
    // Without "No.", actions are numbered by their place within their finding.
    expect(await due()).toEqual({ "1.1": "2021-03-31", "1.2": null, "2.1": null, "2.2": null });

    // Dated in Headway since; the tracker still says "ongoing": the date stays.
    await db.action.updateMany({ where: { localAreaId: area.id, ref: "2.1" }, data: { dueDate: new Date(Date.UTC(2021, 5, 30)) } });
    const later = await previewOf(lead, area.slug, file, mapping);
    expect(later.changeCount).toBe(0);
    expect(later.warnings.find((w) => w.row === 5)!.message).toMatch(/action 2\.1's due date is left as it is/);
  });

  it("reads a CSV tracker whose findings are written once above their actions", async () => {
    const { area, lead } = await areaWithLead();
    const csv = [
      "Priority,Action,Responsible,Timescale,Status",
      `"Priority 1: Too few EHC plans are issued within 20 weeks.",,,,`,
      `,Recruit two more EHC coordinators,,Sept 21,In progress`,
      `,Weekly timeliness report to the board,,Nov 2021,on track`,
      `"Priority 2: Families do not know the local offer.",,,,`,
      `,Relaunch the local offer website,,Q4 2021/22,Done`,
    ].join("\r\n");
    const file = { name: "tracker.csv", bytes: new TextEncoder().encode(csv) };
    const { suggestion } = await columnsOf(lead, area.slug, file);
    expect(suggestion.columns).toEqual({ Priority: "finding", Action: "title", Responsible: "owner", Timescale: "dueDate", Status: "status" });
    const applied = await applyOf(lead, area.slug, file, suggestion);
    expect(applied.errors).toEqual([]);
    const actions = await db.action.findMany({ where: { localAreaId: area.id }, orderBy: { ref: "asc" }, include: { finding: true } });
    expect(actions.map((a) => [a.finding.ref, a.ref, a.status, a.dueDate?.toISOString().slice(0, 10)])).toEqual([
      ["1", "1.1", "IN_PROGRESS", "2021-09-30"],
      ["1", "1.2", "IN_PROGRESS", "2021-11-30"],
      ["2", "2.1", "COMPLETE", "2022-03-31"],
    ]);
    // Next month's file has another name: a CSV's one sheet is the sheet the mapping names.
    const renamed = await applyOf(lead, area.slug, { ...file, name: "tracker June.csv" }, suggestion);
    expect(renamed).toMatchObject({ status: "unchanged", errorCount: 0 });
  });
});

describe("a tracker with its findings on their own sheet", () => {
  it("imports the findings with their summaries, and links each action by the finding's number", async () => {
    const { area, lead } = await areaWithLead();
    const file = await xlsx({
      Findings: [
        ["Ref", "Area for priority action", "Summary"],
        [1, "Leaders' understanding of children's needs is weak.", "Leaders do not know children's needs well enough."],
        [2, "Waiting times for neurodevelopmental assessment are too long.", "Children wait too long to be assessed."],
      ],
      Actions: [
        ["Area", "Ref", "Action", "Owner", "Deadline", "RAG status"],
        [1, "1a", "Build a joint needs dashboard", "", "Autumn term 2024", "Amber"],
        [2, "2a", "Open a second assessment clinic", "", "2024/25", "see notes"],
      ],
    });
    const { suggestion } = await columnsOf(lead, area.slug, file);
    expect(suggestion).toMatchObject({
      sheet: "Actions",
      columns: { Area: "findingRef", Ref: "actionRef", Action: "title", Owner: "owner", Deadline: "dueDate", "RAG status": "rag" },
      findings: { sheet: "Findings", headerRow: 1, columns: { Ref: "findingRef", "Area for priority action": "findingWording", Summary: "findingSummary" } },
    });
    const mapping = { ...suggestion, findingKind: "PRIORITY_ACTION" } satisfies TrackerMapping;
    const check = await previewOf(lead, area.slug, file, mapping);
    expect(check.errors).toEqual([]);
    // An unreadable RAG rating is mentioned; a readable one is not.
    expect(check.warnings).toEqual([
      expect.objectContaining({ sheet: "Actions", row: 3, column: "RAG status", message: expect.stringContaining("“see notes” is not red, amber, green or blue") }),
    ]);
    await applyOf(lead, area.slug, file, mapping);
    const findings = await db.finding.findMany({ where: { localAreaId: area.id }, orderBy: { ref: "asc" }, include: { actions: true } });
    expect(findings.map((f) => [f.ref, f.kind, f.summary, f.actions.map((a) => [a.ref, a.dueDate?.toISOString().slice(0, 10)])])).toEqual([
      ["1", "PRIORITY_ACTION", "Leaders do not know children's needs well enough.", [["1a", "2024-12-31"]]],
      ["2", "PRIORITY_ACTION", "Children wait too long to be assessed.", [["2a", "2025-03-31"]]],
    ]);
  });
});

describe("a mapping that cannot work", () => {
  it("without a title column is refused with a clear message, writing nothing", async () => {
    const { area, lead } = await areaWithLead();
    const file = await oneSheetTracker();
    const before = await db.auditEvent.count({ where: { localAreaId: area.id } });
    const mapping = { sheet: "WSOA tracker", headerRow: 2, columns: { "Area of weakness": "finding", "By when": "dueDate" } };
    for (const mode of ["preview", "apply"]) {
      const { status, body } = await post(lead, area.slug, mode, file, mapping);
      expect(status).toBe(400);
      expect(body.message).toBe("Choose the column that holds each action's title (like “What we will do” or “Action”)");
    }
    expect(await db.auditEvent.count({ where: { localAreaId: area.id } })).toBe(before);
    expect(await db.trackerMapping.count({ where: { localAreaId: area.id } })).toBe(0);
  });

  it("naming a column the file does not have is a problem in the report, and nothing is imported", async () => {
    const { area, lead } = await areaWithLead();
    const mapping: TrackerMapping = { sheet: "WSOA tracker", headerRow: 2, columns: { "Area of weakness": "finding", Action: "title" } };
    const applied = await applyOf(lead, area.slug, await oneSheetTracker(), mapping);
    expect(applied.status).toBe("refused");
    expect(applied.errors).toEqual([{ sheet: "WSOA tracker", row: 2, column: "Action", message: "Row 2 of the WSOA tracker sheet has no column “Action”: check the mapping" }]);
    expect(await db.finding.count({ where: { localAreaId: area.id } })).toBe(0);
    expect(await db.trackerMapping.count({ where: { localAreaId: area.id } })).toBe(0);
  });

  it("mapping two columns to one field is refused", () => {
    const parsed = trackerMappingSchema.safeParse({ sheet: "S", headerRow: 1, columns: { A: "title", B: "title", C: "finding" } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe("“A” and “B” are both mapped to Action title: choose one");
  });

  it("for an area with no plan, asks for the plan type, then starts the plan", async () => {
    const { area, lead } = await areaWithLead({ plan: false });
    const file = await oneSheetTracker();
    const { suggestion, needsPlan } = await columnsOf(lead, area.slug, file);
    expect(needsPlan).toBe(true);
    const refused = await previewOf(lead, area.slug, file, suggestion);
    expect(refused.errors.map((e) => e.message)).toContainEqual(expect.stringContaining("has no current plan"));
    const applied = await applyOf(lead, area.slug, file, { ...suggestion, planType: "PRIORITY_ACTION_PLAN" });
    expect(applied.status).toBe("applied");
    const plan = await db.plan.findFirstOrThrow({ where: { localAreaId: area.id }, include: { findings: true } });
    expect(plan.type).toBe("PRIORITY_ACTION_PLAN");
    // The 2023 framework's findings are areas for priority action.
    expect(plan.findings.map((f) => f.kind)).toEqual(["PRIORITY_ACTION", "PRIORITY_ACTION"]);
  });
});

describe("hostile trackers", () => {
  it("a formula cell is read as its last result, never run; one without a result is empty", async () => {
    const { area, lead } = await areaWithLead();
    const file = await xlsx({
      Tracker: [
        ["Area of weakness", "What we will do", "By when"],
        [W1, { formula: 'CONCATENATE("Audit ","plans")', result: "Audit plans" }, { formula: "DATE(2021,7,31)", result: new Date(Date.UTC(2021, 6, 31)) }],
        [W1, { formula: 'HYPERLINK("http://evil.example","Click")' }, "July 2021"],
      ],
    });
    const mapping: TrackerMapping = { sheet: "Tracker", headerRow: 1, columns: { "Area of weakness": "finding", "What we will do": "title", "By when": "dueDate" } };
    const check = await previewOf(lead, area.slug, file, mapping);
    // The second row's title is empty: the template's own problem, in the tracker's words.
    expect(check.errors).toEqual([{ sheet: "Tracker", row: 3, column: "What we will do", message: "Enter the title" }]);
    expect(check.changes).toContainEqual({ entity: "Action", key: "1.1", kind: "create" });
  });

  it("a sheet beyond the template's row limit is refused before anything is read", async () => {
    const { area, lead } = await areaWithLead();
    const rows: Rows = [["Area of weakness", "What we will do"]];
    for (let i = 0; i <= LIMITS.rows; i++) rows.push([W1, `Action ${i}`]);
    const csv = rows.map((r) => r.map((c) => `"${String(c)}"`).join(",")).join("\n");
    const { status, body } = await post(lead, area.slug, "columns", { name: "tracker.csv", bytes: new TextEncoder().encode(csv) });
    expect(status).toBe(400);
    expect(body.message).toBe(`tracker.csv has more than ${LIMITS.rows} rows. Split the plan into smaller imports.`);
  });

  it("a file that is not a spreadsheet, or two files, is refused", async () => {
    const { area, lead } = await areaWithLead();
    const notXlsx = await post(lead, area.slug, "columns", { name: "tracker.xlsx", bytes: new TextEncoder().encode("not a zip") });
    expect(notXlsx.status).toBe(400);
    expect(notXlsx.body.message).toMatch(/is not an Excel workbook|could not be read as an Excel workbook/);
    const xls = await post(lead, area.slug, "columns", { name: "tracker.xls", bytes: new Uint8Array(10) });
    expect(xls.body.message).toMatch(/Save it as an “Excel Workbook \(\.xlsx\)”/);
  });

  it("someone who may not edit the plan is refused before the file is read", async () => {
    const { area } = await areaWithLead();
    const forumUser = await createUser(db);
    await createMembership(db, { userId: forumUser.id, localAreaId: area.id, role: "FORUM" });
    const forum = viewerOf((await contextFor(db, forumUser.id)).session)!;
    expect((await post(forum, area.slug, "columns", await oneSheetTracker())).status).toBe(403);
    expect((await post(null, area.slug, "columns", await oneSheetTracker())).status).toBe(401);
  });
});
