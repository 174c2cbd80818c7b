/**
 * Published statistics on the real database: a DfE-style file of 150 local authorities over three
 * years (with England, the nine regions and rows Headway leaves out) imported in one transaction
 * or not at all; the same file again changes nothing; the statistical neighbours; a measure linked
 * only to a published measure of its unit; its chart's England, region and neighbours' lines
 * checked against figures worked out here from the file's own numbers; and the national ranking.
 *
 * On a database of this file's own (a copy of the migrated one, catalogue included): published
 * figures and neighbours are shared by every area, so no other test file sees these, nor these
 * theirs.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { COUNCILS } from "@/prisma/national-catalogue";
import { createFinding, createLocalArea, createMeasure, createMembership, createPlan, createUser, day } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import type { Region } from "@/server/generated/prisma/enums";
import { callerFor, ownDatabase } from "@/server/testing/harness";
import { NEIGHBOURS_KEY, type NeighboursMapping, type StatisticsMapping } from "@/server/schemas/statistics";
import { applyStatistics, previewStatistics, statisticsColumns, type ImportActor } from "@/server/services/statistics/statistics-import";
import { viewerOf } from "@/server/api/trpc";
import { contextFor } from "@/server/testing/harness";
import type { ServiceContext } from "@/server/services/core/context";

/** Makes working out the linked measures' lines fail, after the figures are written: the whole import must roll back. */
const failing = vi.hoisted(() => ({ refresh: false }));
vi.mock("@/server/services/statistics/comparisons", async (original) => {
  const real = await original<typeof import("@/server/services/statistics/comparisons")>();
  return {
    ...real,
    refreshComparisons: async (...args: Parameters<typeof real.refreshComparisons>) => {
      if (failing.refresh) throw new Error("The database went away half way through");
      return real.refreshComparisons(...args);
    },
  };
});

const TIMELINESS = "ehcp-20-weeks-including-exceptions";
const ABSENCE = "persistent-absence-ehc-plan";
const YEARS = [2023, 2024, 2025];

/** 150 real authorities, with their regions. */
const AUTHORITIES = COUNCILS.slice(0, 150);
const REGION_ROWS: Array<{ region: Region; code: string; name: string }> = [
  { region: "NORTH_EAST", code: "E12000001", name: "North East" },
  { region: "NORTH_WEST", code: "E12000002", name: "North West" },
  { region: "YORKSHIRE_AND_THE_HUMBER", code: "E12000003", name: "Yorkshire and The Humber" },
  { region: "EAST_MIDLANDS", code: "E12000004", name: "East Midlands" },
  { region: "WEST_MIDLANDS", code: "E12000005", name: "West Midlands" },
  { region: "EAST_OF_ENGLAND", code: "E12000006", name: "East of England" },
  { region: "LONDON", code: "E12000007", name: "London" },
  { region: "SOUTH_EAST", code: "E12000008", name: "South East" },
  { region: "SOUTH_WEST", code: "E12000009", name: "South West" },
];

/** The figures the file gives, worked out the same way here to check what Headway draws. */
const laValue = (laCode: string, year: number) => Math.round(((Number(laCode) * 37 + year * 11) % 801) + (year - 2023) * 50) / 10;
const englandValue = (year: number) => 40 + (year - 2023) * 4.2;
const regionValue = (i: number, year: number) => 30 + i * 3.1 + (year - 2023) * 2;

const HEADER = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,pc_20_weeks";

/** A DfE explore-education-statistics file: England, regions, authorities, and rows Headway leaves out. */
function timelinessCsv(o: { years?: number[]; value?: (laCode: string, year: number) => string } = {}) {
  const years = o.years ?? YEARS;
  const value = o.value ?? ((code: string, year: number) => String(laValue(code, year)));
  const lines = [HEADER];
  for (const year of years) {
    lines.push(`${year},Calendar year,National,E92000001,England,,,,,,${englandValue(year)}`);
    REGION_ROWS.forEach((r, i) => lines.push(`${year},Calendar year,Regional,E92000001,England,${r.code},${r.name},,,,${regionValue(i, year)}`));
    lines.push(`${year},Calendar year,Regional,E92000001,England,E13000001,Inner London,,,,12.5`);
    for (const a of AUTHORITIES) {
      const region = REGION_ROWS.find((r) => r.region === a.region)!;
      lines.push(`${year},Calendar year,Local authority,E92000001,England,${region.code},${region.name},E0600${a.laCode},${a.laCode},"${a.name}",${value(a.laCode, year)}`);
    }
    lines.push(`${year},Calendar year,Local authority district,E92000001,England,,,,,,7`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The DfE-style mapping: what the columns step should suggest for that file. */
const TIMELINESS_MAPPING: StatisticsMapping = {
  value: "pc_20_weeks",
  laCode: "old_la_code",
  period: "time_period",
  timeIdentifier: "time_identifier",
  periodType: "CALENDAR_YEAR",
  geographicLevel: "geographic_level",
  region: "region_name",
  areaName: "la_name",
  filters: [],
};

/** Each authority's ten neighbours: the next ten in the list, wrapping round. */
const neighboursOf = (i: number) => Array.from({ length: 10 }, (_, k) => AUTHORITIES[(i + k + 1) % AUTHORITIES.length]!.laCode);
function neighboursCsv() {
  const lines = [`la_code,${Array.from({ length: 10 }, (_, k) => `SN${k + 1}`).join(",")}`];
  AUTHORITIES.forEach((a, i) => lines.push([a.laCode, ...neighboursOf(i)].join(",")));
  return `${lines.join("\n")}\n`;
}
const NEIGHBOURS_MAPPING: NeighboursMapping = {
  laCode: "la_code",
  form: "WIDE",
  neighbours: Array.from({ length: 10 }, (_, k) => `SN${k + 1}`),
  neighbourCode: "",
  rank: "",
};

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

let db: PrismaClient;
let drop: () => Promise<void>;
let adminId: string;
let actor: ImportActor;
let adminCtx: ServiceContext;

beforeAll(async () => {
  ({ db, drop } = await ownDatabase());
  adminId = (await createUser(db, { globalRole: "ADMIN" })).id;
  actor = { viewer: { userId: adminId }, requestId: randomUUID(), source: "web" };
  const ctx = await contextFor(db, adminId);
  adminCtx = { db, viewer: viewerOf(ctx.session)!, requestId: randomUUID() };
}, 60_000);
afterAll(async () => {
  await drop();
});

const figuresOf = (catalogueMeasureId: string) =>
  db.publishedStatistic.findMany({ where: { catalogueMeasureId }, orderBy: [{ geographicLevel: "asc" }, { areaCode: "asc" }, { periodEnd: "asc" }] });

describe("importing published figures", () => {
  it("suggests the DfE's columns, then loads 150 authorities over three years, England and the regions, in one transaction", async () => {
    const csv = file("ehcp-timeliness.csv", timelinessCsv());
    const columns = await statisticsColumns(db, TIMELINESS, csv);
    expect(columns.saved).toBe(false);
    expect(columns.mapping).toEqual(TIMELINESS_MAPPING);
    expect(columns.rows).toBe(3 * (1 + 9 + 1 + 150 + 1));

    const preview = await previewStatistics(adminCtx, TIMELINESS, csv, TIMELINESS_MAPPING);
    expect(preview).toMatchObject({ status: "checked", added: 480, changed: 0, refusedCount: 0 });
    expect(await db.publishedStatistic.count({ where: { catalogueMeasureId: TIMELINESS } })).toBe(0);

    const report = await applyStatistics(db, actor, TIMELINESS, csv, TIMELINESS_MAPPING);
    expect(report).toMatchObject({
      status: "applied",
      rowsRead: 486,
      loaded: 480,
      added: 480,
      changed: 0,
      unchanged: 0,
      refusedCount: 0,
      levels: { national: 3, regional: 27, localAuthority: 450 },
      periods: ["2023", "2024", "2025"],
      mappingSaved: true,
    });
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { reason: "Inner London and Outer London rows (not one of the nine regions)", rows: 3 },
        { reason: "Local authority district rows (Headway keeps England, regions and local authorities)", rows: 3 },
      ]),
    );
    const held = await figuresOf(TIMELINESS);
    expect(held).toHaveLength(480);
    const england2024 = held.find((f) => f.geographicLevel === "NATIONAL" && f.periodLabel === "2024")!;
    expect(england2024).toMatchObject({ areaCode: "E92000001", areaName: "England", value: englandValue(2024) });
    expect(england2024.periodEnd.toISOString()).toBe("2024-12-31T00:00:00.000Z");
    expect(held.find((f) => f.geographicLevel === "REGIONAL" && f.areaCode === "E12000003" && f.periodLabel === "2023")).toMatchObject({
      region: "YORKSHIRE_AND_THE_HUMBER",
      value: regionValue(2, 2023),
    });
    const first = AUTHORITIES[0]!;
    expect(held.find((f) => f.geographicLevel === "LOCAL_AUTHORITY" && f.areaCode === first.laCode && f.periodLabel === "2025")).toMatchObject({
      areaName: first.name,
      value: laValue(first.laCode, 2025),
    });

    // The mapping is saved for the measure, and offered for the next file with the same columns.
    expect((await statisticsColumns(db, TIMELINESS, csv)).saved).toBe(true);
    const audits = await db.auditEvent.findMany({ where: { action: "statistics.import", entityId: TIMELINESS } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: adminId, entityType: "CatalogueMeasure", after: expect.objectContaining({ added: 480, rowsRead: 486, source: "web" }) });
  });

  it("loads nothing when one row is bad, and names the row and why", async () => {
    const bad = AUTHORITIES[70]!.laCode;
    const csv = file("absence.csv", timelinessCsv({ value: (code, year) => (code === bad && year === 2024 ? "about 40" : String(laValue(code, year))) }));
    const report = await applyStatistics(db, actor, ABSENCE, csv, TIMELINESS_MAPPING);
    // Row 1 is the column names; each year takes 162 rows (England, 9 regions, Inner London, 150
    // authorities, a district), and the bad one is the 71st authority of 2024.
    const row = 1 + 162 + 1 + 9 + 1 + 71;
    expect(report).toMatchObject({ status: "refused", added: 0, refusedCount: 1 });
    expect(report.refused).toEqual([{ row, message: `Row ${row}: the figure “about 40” in pc_20_weeks is not a number.` }]);
    expect(await db.publishedStatistic.count({ where: { catalogueMeasureId: ABSENCE } })).toBe(0);
    expect(await db.statisticsMapping.count({ where: { key: ABSENCE } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "statistics.import", entityId: ABSENCE } })).toBe(0);
  });

  it("writes nothing when the import fails after its figures are written: one transaction", async () => {
    const SUSPENSIONS = "suspensions-ehc-plan-rate";
    failing.refresh = true;
    try {
      await expect(applyStatistics(db, actor, SUSPENSIONS, file("suspensions.csv", timelinessCsv()), TIMELINESS_MAPPING)).rejects.toThrow("half way");
    } finally {
      failing.refresh = false;
    }
    expect(await db.publishedStatistic.count({ where: { catalogueMeasureId: SUSPENSIONS } })).toBe(0);
    expect(await db.statisticsMapping.count({ where: { key: SUSPENSIONS } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: SUSPENSIONS } })).toBe(0);
  });

  it("refuses figures the measure's unit rules out, duplicates, and LA codes that are not the DfE's, each by its row", async () => {
    const text = [
      HEADER,
      "2025,Calendar year,Local authority,E92000001,England,E12000002,North West,E06000001,341,Liverpool,140",
      "2025,Calendar year,Local authority,E92000001,England,E12000002,North West,E06000001,E06000001,Hartlepool,40",
      "2025,Calendar year,Local authority,E92000001,England,E12000002,North West,,352,Manchester,40",
      "2025,Calendar year,Local authority,E92000001,England,E12000002,North West,,352,Manchester,41",
      "2025,Calendar year,Local authority,E92000001,England,E12000002,North West,,353,Oldham,c",
      "2025,Academic year,Local authority,E92000001,England,E12000002,North West,,354,Rochdale,40",
    ].join("\n");
    const report = await applyStatistics(db, actor, ABSENCE, file("odd.csv", text), TIMELINESS_MAPPING);
    expect(report.status).toBe("refused");
    expect(report.refused).toEqual([
      { row: 2, message: "Row 2: the figure 140 is out of range: a percentage is between 0 and 100." },
      { row: 3, message: "Row 3: the LA code “E06000001” is an ONS code: map the column with the DfE's three-digit LA code (old_la_code)." },
      { row: 5, message: "Row 5: it gives a second figure for Manchester (352) for 2025 (row 4 gave the first): choose a filter so that each place has one figure a period." },
      { row: 7, message: 'Row 7: the period "2025" is not a year that spans two, like 202223 or 2022/23.' },
    ]);
    expect(report.skipped).toEqual([{ reason: "No figure published (“c”)", rows: 1 }]);
    expect(await db.publishedStatistic.count({ where: { catalogueMeasureId: ABSENCE } })).toBe(0);
  });

  it("takes only the rows a filter chooses, and an LGA-style file with a fixed kind of period", async () => {
    const lines = ["LA code,Period,Status,Value"];
    for (const a of AUTHORITIES.slice(0, 5)) {
      lines.push(`${a.laCode},2023/24,EHC plan,${laValue(a.laCode, 2023)}`, `${a.laCode},2023/24,SEN support,${laValue(a.laCode, 2024)}`);
    }
    lines.push("E92000001,2023/24,EHC plan,21.5");
    const mapping: StatisticsMapping = {
      value: "Value",
      laCode: "LA code",
      period: "Period",
      timeIdentifier: "",
      periodType: "ACADEMIC_YEAR",
      geographicLevel: "",
      region: "",
      areaName: "",
      filters: [{ column: "Status", value: "EHC plan" }],
    };
    const report = await applyStatistics(db, actor, ABSENCE, file("lga.csv", lines.join("\n")), mapping);
    expect(report).toMatchObject({ status: "applied", loaded: 6, levels: { national: 1, regional: 0, localAuthority: 5 }, periods: ["2023/24"] });
    expect(report.skipped).toEqual([{ reason: "Rows outside the chosen filters", rows: 5 }]);
    const england = await db.publishedStatistic.findFirstOrThrow({ where: { catalogueMeasureId: ABSENCE, geographicLevel: "NATIONAL" } });
    expect(england).toMatchObject({ value: 21.5, periodLabel: "2023/24" });
    expect(england.periodEnd.toISOString()).toBe("2024-08-31T00:00:00.000Z");
  });
});

describe("statistical neighbours", () => {
  it("loads ten neighbours for each authority, and refuses a group that is not ten", async () => {
    const report = await applyStatistics(db, actor, NEIGHBOURS_KEY, file("neighbours.csv", neighboursCsv()), NEIGHBOURS_MAPPING);
    expect(report).toMatchObject({ status: "applied", rowsRead: 150, loaded: 150, added: 150 });
    const first = await db.statisticalNeighbour.findMany({ where: { laCode: AUTHORITIES[0]!.laCode }, orderBy: { rank: "asc" } });
    expect(first.map((n) => n.neighbourLaCode)).toEqual(neighboursOf(0));

    const long = ["la,neighbour,rank", ...neighboursOf(3).slice(0, 9).map((n, k) => `${AUTHORITIES[3]!.laCode},${n},${k + 1}`)].join("\n");
    const refused = await applyStatistics(db, actor, NEIGHBOURS_KEY, file("long.csv", long), { laCode: "la", form: "LONG", neighbours: [], neighbourCode: "neighbour", rank: "rank" });
    expect(refused.status).toBe("refused");
    expect(refused.refused).toEqual([{ row: 2, message: `Row 2: ${AUTHORITIES[3]!.laCode} has 9 neighbours: the DfE's statistical neighbours are ten.` }]);
  });
});

describe("a measure linked to a published measure", () => {
  let localAreaId: string;
  let measureId: string;
  let leadId: string;
  const home = AUTHORITIES[0]!;

  beforeAll(async () => {
    const area = await createLocalArea(db, { laCode: home.laCode, region: home.region });
    localAreaId = area.id;
    const plan = await createPlan(db, { localAreaId });
    const finding = await createFinding(db, { planId: plan.id, localAreaId });
    leadId = (await createUser(db)).id;
    await createMembership(db, { userId: leadId, localAreaId, role: "LEAD" });
    const measure = await createMeasure(db, { planId: plan.id, localAreaId, findingIds: [finding.id], baselineDate: day(-365), unit: "PERCENT" });
    measureId = measure.id;
  });

  it("refuses a link to a published measure counted in another unit, and a unit change that would break a link", async () => {
    const api = await callerFor(db, leadId);
    const weeks = await createMeasure(db, {
      planId: (await db.measure.findUniqueOrThrow({ where: { id: measureId } })).planId,
      localAreaId,
      unit: "WEEKS",
      findingIds: [(await db.finding.findFirstOrThrow({ where: { localAreaId } })).id],
    });
    const form = (await api.measure.byId({ id: weeks.id })).form;
    await expect(api.measure.update({ ...form, catalogueMeasureId: TIMELINESS })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "“EHC plans issued within 20 weeks (including exceptions)” is published as a percentage, but this measure is counted in weeks. Change its unit to percentage, or choose another published measure.",
    });
    expect((await db.measure.findUniqueOrThrow({ where: { id: weeks.id } })).catalogueMeasureId).toBeNull();
    // Linked, then its unit changed: refused too.
    const linked = (await api.measure.byId({ id: measureId })).form;
    const { version } = await api.measure.update({ ...linked, catalogueMeasureId: TIMELINESS });
    await expect(api.measure.update({ ...linked, catalogueMeasureId: TIMELINESS, version, unit: "COUNT" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A caller that leaves the link out (it stays as it is) is held to it too.
    const { catalogueMeasureId: _left, ...withoutLink } = linked;
    await expect(api.measure.update({ ...withoutLink, version, unit: "COUNT" })).rejects.toMatchObject({
      message: expect.stringContaining("this measure is counted as a count"),
    });
    expect(await db.measure.findUniqueOrThrow({ where: { id: measureId } })).toMatchObject({ unit: "PERCENT", catalogueMeasureId: TIMELINESS });
  });

  it("links by the lead's form, audited, and its chart carries England, the region and the neighbours' average as the file gives them", async () => {
    const api = await callerFor(db, leadId);
    const m = await api.measure.byId({ id: measureId });
    expect(m.form.catalogueMeasureId).toBe(TIMELINESS);
    expect(m.catalogue.map((c) => c.id)).toContain(TIMELINESS);
    // The link was the measure's one saved update (the unit changes were refused).
    const audits = await db.auditEvent.findMany({ where: { action: "measure.update", entityId: measureId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.before).toMatchObject({ catalogueMeasureId: "" });
    expect(audits[0]!.after).toMatchObject({ catalogueMeasureId: TIMELINESS });

    const comparisons = m.chart.comparisons!;
    expect(comparisons.measure).toBe("EHC plans issued within 20 weeks (including exceptions)");
    expect(comparisons.source.url).toMatch(/^https:\/\/explore-education-statistics\.service\.gov\.uk\//);
    const line = (series: string) => comparisons.lines.find((l) => l.series === series)!;
    const regionIndex = REGION_ROWS.findIndex((r) => r.region === home.region);
    expect(line("ENGLAND").points.map((p) => [p.date, p.period, p.value])).toEqual(YEARS.map((y) => [`${y}-12-31`, String(y), englandValue(y)]));
    expect(line("REGION").label).toBe("North East");
    expect(line("REGION").points.map((p) => p.value)).toEqual(YEARS.map((y) => regionValue(regionIndex, y)));
    // Worked out here from the file's own numbers: the mean of the ten neighbours' figures.
    const neighbours = neighboursOf(0);
    YEARS.forEach((y, i) => {
      const expected = neighbours.reduce((sum, code) => sum + laValue(code, y), 0) / neighbours.length;
      const point = line("NEIGHBOURS").points[i]!;
      expect(point.value).toBeCloseTo(expected, 4);
      expect(point.count).toBe(10);
    });
  });

  it("importing the same files again changes nothing: no figure, line, mapping or audit event is written", async () => {
    const figures = await figuresOf(TIMELINESS);
    const points = await db.measureComparisonPoint.findMany({ where: { measureId }, orderBy: { id: "asc" } });
    const mapping = await db.statisticsMapping.findUniqueOrThrow({ where: { key: TIMELINESS } });
    const audits = await db.auditEvent.count();

    const again = await applyStatistics(db, actor, TIMELINESS, file("ehcp-timeliness.csv", timelinessCsv()), TIMELINESS_MAPPING);
    expect(again).toMatchObject({ status: "unchanged", added: 0, changed: 0, unchanged: 480, mappingSaved: false, measuresUpdated: 0 });
    const neighbours = await applyStatistics(db, actor, NEIGHBOURS_KEY, file("neighbours.csv", neighboursCsv()), NEIGHBOURS_MAPPING);
    expect(neighbours).toMatchObject({ status: "unchanged", added: 0, changed: 0, unchanged: 150 });

    expect(await figuresOf(TIMELINESS)).toEqual(figures);
    expect(await db.measureComparisonPoint.findMany({ where: { measureId }, orderBy: { id: "asc" } })).toEqual(points);
    expect(await db.statisticsMapping.findUniqueOrThrow({ where: { key: TIMELINESS } })).toEqual(mapping);
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("a revised figure for a neighbour redraws the neighbours' average in the same import", async () => {
    const revised = neighboursOf(0)[0]!;
    const csv = timelinessCsv({ value: (code, year) => String(code === revised && year === 2025 ? 99.9 : laValue(code, year)) });
    const report = await applyStatistics(db, actor, TIMELINESS, file("ehcp-timeliness-revised.csv", csv), TIMELINESS_MAPPING);
    expect(report).toMatchObject({ status: "applied", added: 0, changed: 1, unchanged: 479, mappingSaved: false });
    expect(report.measuresUpdated).toBeGreaterThanOrEqual(1);
    const api = await callerFor(db, leadId);
    const neighbours = (await api.measure.byId({ id: measureId })).chart.comparisons!.lines.find((l) => l.series === "NEIGHBOURS")!;
    const expected = neighboursOf(0).reduce((sum, code) => sum + (code === revised ? 99.9 : laValue(code, 2025)), 0) / 10;
    expect(neighbours.points.at(-1)!.value).toBeCloseTo(expected, 4);
  });

  it("unlinking removes its lines", async () => {
    const api = await callerFor(db, leadId);
    const form = (await api.measure.byId({ id: measureId })).form;
    await api.measure.update({ ...form, catalogueMeasureId: "" });
    expect(await db.measureComparisonPoint.count({ where: { measureId } })).toBe(0);
    expect((await api.measure.byId({ id: measureId })).chart.comparisons).toBeUndefined();
    // Linked again for the ranking below.
    const again = (await api.measure.byId({ id: measureId })).form;
    await api.measure.update({ ...again, catalogueMeasureId: TIMELINESS });
    expect(await db.measureComparisonPoint.count({ where: { measureId } })).toBe(9);
  });
});

describe("the national ranking", () => {
  it("lists the areas in view best first by their latest figure, with England and each region for reference", async () => {
    // Four more areas: three with figures for 2025, one with none at all.
    const codes = [AUTHORITIES[10]!, AUTHORITIES[20]!, AUTHORITIES[40]!];
    const areas = [];
    for (const c of codes) areas.push(await createLocalArea(db, { name: `Area ${c.laCode}`, laCode: c.laCode, region: c.region }));
    const none = await createLocalArea(db, { name: "Area without figures", laCode: "999", region: "LONDON" });
    const national = await createUser(db, { globalRole: "NATIONAL" });

    const all = await (await callerFor(db, national.id)).statistics.compare({ measure: TIMELINESS });
    const comparison = all.comparison!;
    expect(comparison.period).toEqual({ end: "2025-12-31", label: "2025" });
    expect(comparison.england).toBe(englandValue(2025));
    const inFile = [AUTHORITIES[0]!, ...codes];
    const revised = neighboursOf(0)[0]!;
    const figure = (code: string) => (code === revised ? 99.9 : laValue(code, 2025));
    const expectedOrder = [...inFile].sort((a, b) => figure(b.laCode) - figure(a.laCode)).map((a) => a.laCode);
    expect(comparison.ranked.map((r) => r.area.laCode)).toEqual(expectedOrder);
    expect(comparison.ranked.map((r) => r.value)).toEqual(expectedOrder.map(figure));
    expect(comparison.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    const north = comparison.ranked.find((r) => r.area.laCode === codes[0]!.laCode)!;
    expect(north.regionValue).toBe(regionValue(REGION_ROWS.findIndex((r) => r.region === codes[0]!.region), 2025));
    expect(comparison.unranked).toEqual([{ area: expect.objectContaining({ id: none.id }), latest: null }]);

    // An adviser sees the areas they advise, and only those; anyone else is refused.
    const adviser = await createUser(db);
    await createMembership(db, { userId: adviser.id, localAreaId: areas[0]!.id, role: "ADVISER" });
    await createMembership(db, { userId: adviser.id, localAreaId: none.id, role: "ADVISER" });
    const advised = await (await callerFor(db, adviser.id)).statistics.compare({ measure: TIMELINESS });
    expect(advised.comparison!.ranked.map((r) => r.area.id)).toEqual([areas[0]!.id]);
    expect(advised.comparison!.unranked.map((r) => r.area.id)).toEqual([none.id]);
    const lead = await createUser(db);
    await createMembership(db, { userId: lead.id, localAreaId: areas[1]!.id, role: "LEAD" });
    await expect((await callerFor(db, lead.id)).statistics.compare({ measure: TIMELINESS })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(db, national.id)).statistics.compare({ measure: "no-such-measure" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
