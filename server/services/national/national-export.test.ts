/**
 * The national view's export, called as its route is: the file, read back (XLSX with exceljs, CSV
 * with csv-parse), holds exactly the rows and figures the page's service gives for the same
 * address, filters and order included, every text cell defused against formulas; and it is refused
 * to whoever may not see the view.
 */
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createActionUpdate, createAreaWithPlan, createMeasure, createMeasureValue, createMembership, createUser, day } from "@/prisma/factories";
import { viewerOf } from "@/server/api/trpc";
import type { Viewer } from "@/server/auth/permissions";
import { formatDate } from "@/lib/format/dates";
import { monthBefore, type NationalRow } from "@/server/domain/national-table";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { nationalViewFrom } from "@/server/schemas/national";
import { escapeFormula } from "@/server/schemas/plan-workbook";
import { nationalExportTable, type ExportCell } from "@/server/services/national/export";
import { nationalExportRoute } from "@/server/services/national/http";
import { nationalOverview } from "@/server/services/national/national";
import { contextFor, createMember, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let adviser: Viewer;
let national: Viewer;
let lead: Viewer;
const HOSTILE_AREA = `=HYPERLINK("https://evil.example","Click") ${Date.now()}`;
const HOSTILE_ADVISER = "@SUM(1+1)*cmd|' /C calc'!A0";
let areaIds: string[];

async function viewer(userId: string): Promise<Viewer> {
  return viewerOf((await contextFor(db, userId)).session)!;
}

/** Three areas the adviser advises: one with figures that moved over the month, one with a formula for a name, one without a plan's actions. */
beforeAll(async () => {
  db = testDb();
  const adviserId = (await createUser(db, { name: "Martin Cole" })).id;
  const other = (await createUser(db, { name: HOSTILE_ADVISER })).id;
  const a = await createAreaWithPlan(db, {
    area: { name: `Export Alder ${Date.now()}` },
    plan: { createdAt: day(-60), updateCadenceDays: 30 },
    action: { createdAt: day(-60), startDate: day(-60), dueDate: day(100), progress: 0 },
  });
  // Red a month ago (5% of about 19% expected), green now.
  await createActionUpdate(db, { actionId: a.actionId, createdAt: day(-40), progress: 5, status: "IN_PROGRESS" });
  await createActionUpdate(db, { actionId: a.actionId, createdAt: day(-1), progress: 60, status: "IN_PROGRESS" });
  await createAction(db, { findingId: a.findingId, createdAt: day(-60), startDate: day(-60), dueDate: day(-5), progress: 50 }); // red now
  const m = await createMeasure(db, { planId: a.planId, findingIds: [a.findingId], createdAt: day(-60) });
  await createMeasureValue(db, { measureId: m.id, periodEnd: day(-2), value: 15 }); // off track now, no value then
  await db.adviserNote.create({ data: { localAreaId: a.localAreaId, authorId: adviserId, findingId: a.findingId, note: "Seen.", view: "AT_RISK", date: day(-12) } });
  const b = await createAreaWithPlan(db, { area: { name: HOSTILE_AREA } });
  const c = await createAreaWithPlan(db, { area: { name: `Export Cedar ${Date.now()}`, region: "LONDON" } });
  areaIds = [a.localAreaId, b.localAreaId, c.localAreaId];
  for (const localAreaId of areaIds) await createMembership(db, { userId: adviserId, localAreaId, role: "ADVISER" });
  await createMembership(db, { userId: other, localAreaId: b.localAreaId, role: "ADVISER" });

  adviser = await viewer(adviserId);
  national = await viewer((await createUser(db, { globalRole: "NATIONAL" })).id);
  lead = await viewer(await createMember(db, a.localAreaId, "LEAD"));
}, 120_000);
afterAll(() => db.$disconnect());

const call = (query: string, who: Viewer | null) =>
  nationalExportRoute(new Request(`http://headway.test/api/national/export?${query}`), { db, viewer: who, requestId: randomUUID() }, {});

/** What the page shows for the same address: the service's rows, as the export's table. */
async function shown(query: string, who: Viewer) {
  const view = nationalViewFrom(Object.fromEntries(new URLSearchParams(query)));
  const { rows, monthAgo } = await nationalOverview({ db, viewer: who, requestId: randomUUID() }, view);
  return { rows, monthAgo, table: nationalExportTable(rows, monthAgo) };
}

async function readXlsx(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.getWorksheet("National view")!;
  const width = sheet.getRow(1).cellCount;
  const rows: ExportCell[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: width }, (_, i) => (row.getCell(i + 1).value ?? null) as ExportCell)));
  const about: string[][] = [];
  workbook.getWorksheet("About this export")!.eachRow((row) => about.push((row.values as unknown[]).slice(1).map(String)));
  return { header: rows[0] as string[], rows: rows.slice(1), about };
}

const readCsv = async (response: Response) => parse(await response.text(), { bom: true }) as string[][];

/** A row's cells by header. */
const byHeader = (header: string[], row: ExportCell[]) => Object.fromEntries(header.map((h, i) => [h, row[i]]));

describe("GET /api/national/export", () => {
  it("as XLSX: the page's rows in the page's order, numbers as numbers, text defused", async () => {
    const query = "format=xlsx&sort=red&dir=desc";
    const response = await call(query, adviser);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="national-view-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const file = await readXlsx(response);
    const { rows, table } = await shown(query, adviser);

    expect(file.header).toEqual(table.header);
    expect(file.rows).toEqual(table.rows.map((row) => row.map((cell) => (typeof cell === "string" ? escapeFormula(cell) : cell))));
    expect(file.rows.map((r) => r[0])).toEqual(rows.map((r) => escapeFormula(r.name)));
    expect(rows.map((r) => r.id).sort()).toEqual([...areaIds].sort());
    expect(file.about.find(([k]) => k === "Sorted by")).toEqual(["Sorted by", "Actions red (descending)"]);
  });

  it("holds the service's figures for an area, now and a month ago", async () => {
    const file = await readXlsx(await call("format=xlsx", adviser));
    const { rows, monthAgo } = await shown("format=xlsx", adviser);
    const alder = rows.find((r) => r.id === areaIds[0]) as NationalRow;
    const cells = byHeader(file.header, file.rows.find((r) => r[0] === alder.name)!);
    const then = formatDate(monthAgo);
    expect(alder.plan).toMatchObject({ actions: { total: 2, red: 1 }, measures: { total: 1, offTrack: 1 }, monthAgo: { red: 1, offTrack: 0 } });
    expect(cells).toMatchObject({
      Actions: 2,
      "Actions red": alder.plan!.actions.red,
      [`Actions red on ${then}`]: alder.plan!.monthAgo!.red,
      "Change in actions red": 0,
      "Measures off track": 1,
      [`Measures off track on ${then}`]: 0,
      "Change in measures off track": 1,
      Delivery: "Red: off track",
      Impact: "Off track",
      "Adviser's latest view": "At risk",
      "Adviser's view dated": formatDate(day(-12)),
      "Adviser's view is on": `Finding ${alder.adviserView!.findingRef}`,
    });
    expect(monthAgo).toEqual(monthBefore(new Date()));
    // An area whose plan was written today: no figure for then, so no change.
    const cedar = byHeader(file.header, file.rows.find((r) => String(r[0]).startsWith("Export Cedar"))!);
    expect(cedar).toMatchObject({ [`Actions red on ${then}`]: null, "Change in actions red": null, "Adviser's latest view": "No view yet" });
  });

  it("as CSV, filtered: the same rows as the page, every cell as the spreadsheet reads it", async () => {
    const query = "format=csv&region=LONDON&sort=area&dir=desc";
    const response = await call(query, adviser);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const [header, ...records] = await readCsv(response);
    const { rows, table } = await shown(query, adviser);
    expect(rows.map((r) => r.region)).toEqual(rows.map(() => "LONDON"));
    expect(rows.length).toBeGreaterThan(0);
    expect(header).toEqual(table.header);
    expect(records).toEqual(table.rows.map((row) => row.map((cell) => (cell === null ? "" : typeof cell === "number" ? String(cell) : escapeFormula(cell)))));
  });

  it("defuses a formula in any text: an area's name, an adviser's name", async () => {
    const file = await readXlsx(await call("format=xlsx", adviser));
    const [header, ...records] = await readCsv(await call("format=csv", adviser));
    const columns: Array<{ names: unknown[]; advisers: unknown[] }> = [
      { names: file.rows.map((r) => r[0]), advisers: file.rows.map((r) => r[file.header.indexOf("Advisers")]) },
      { names: records.map((r) => r[0]), advisers: records.map((r) => r[header!.indexOf("Advisers")]) },
    ];
    for (const { names, advisers } of columns) {
      expect(names).toContain(`'${HOSTILE_AREA}`);
      expect(names).not.toContain(HOSTILE_AREA);
      expect(advisers.some((a) => String(a).startsWith(`'${HOSTILE_ADVISER}`))).toBe(true);
      // No cell of either file starts with a character a spreadsheet would run.
      for (const cell of [...names, ...advisers]) expect(String(cell ?? "")).not.toMatch(/^[=+\-@]/);
    }
  });

  it("reads the address as the page does: a filter that makes no sense is dropped", async () => {
    const [, ...records] = await readCsv(await call("format=csv&region=ATLANTIS&adviserView=MAYBE", adviser));
    expect(records).toHaveLength(areaIds.length);
    const [, ...unlikely] = await readCsv(await call("format=csv&adviserView=AT_RISK", adviser));
    expect(unlikely.map((r) => r[0])).toEqual([(await shown("", adviser)).rows.find((r) => r.id === areaIds[0])!.name]);
  });

  it("gives the national team every area, and refuses anyone else", async () => {
    const [, ...records] = await readCsv(await call("format=csv", national));
    expect(records).toHaveLength(await db.localArea.count());
    expect((await call("format=csv", lead)).status).toBe(403);
    expect(await (await call("format=xlsx", lead)).text()).toMatch(/national team and for advisers/);
    expect((await call("format=csv", null)).status).toBe(401);
    // The format is checked once the caller may have the view at all.
    expect((await call("format=pdf", lead)).status).toBe(403);
    expect((await call("format=pdf", adviser)).status).toBe(400);
    expect((await call("", adviser)).status).toBe(400);
  });
});
