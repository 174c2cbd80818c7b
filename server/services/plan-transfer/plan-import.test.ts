/**
 * Plan workbook import and export against a real database: the demo plan survives a round trip
 * untouched, a file with errors writes nothing, a new plan is created and then left alone.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/prisma/demo-data";
import {
  createAreaWithPlan,
  createLocalArea,
  createMeasure,
  createMeasureMilestone,
  createMeasureValue,
  createMembership,
  createUser,
  day,
} from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { exportPlanCsv, exportPlanWorkbook, writeXlsx, type SheetRows } from "@/server/services/plan-transfer/plan-export";
import { applyPlanImport, previewPlanImport, type ImportActor } from "@/server/services/plan-transfer/plan-import";
import { importNewArea } from "@/server/services/plan-transfer/new-area";
import { readCsvFiles, readXlsx, type RawSheet } from "@/server/services/plan-transfer/read-workbook";
import { testDb } from "@/server/testing/harness";

let db: PrismaClient;

beforeAll(async () => {
  db = testDb();
  // Another file may have seeded this run's database already; seedDemo then does nothing. Should
  // two seeds ever race, the loser's unique-key failure is harmless once the demo is there.
  await seedDemo(db).catch(async (error: unknown) => {
    if (!(await db.localArea.findUnique({ where: { slug: "northbridge" } }))) throw error;
  });
}, 120_000);
afterAll(() => db.$disconnect());

const actor = (): ImportActor => ({ viewer: null, requestId: randomUUID(), source: "command line", file: "test.xlsx" });

async function sheetsOf(rows: Partial<SheetRows>, only?: string[]): Promise<RawSheet[]> {
  const read = await readXlsx(new Uint8Array(await writeXlsx(rows)));
  return only ? read.sheets.filter((s) => only.includes(s.name)) : read.sheets;
}

/** Everything an import could touch, for before/after comparison. */
async function everything(localAreaId: string) {
  const where = { localAreaId };
  return {
    plans: await db.plan.findMany({ where, orderBy: { id: "asc" } }),
    inspections: await db.inspection.findMany({ where, orderBy: { id: "asc" } }),
    organisations: await db.organisation.findMany({ where, orderBy: { id: "asc" } }),
    findings: await db.finding.findMany({ where, orderBy: { id: "asc" }, include: { measures: { select: { id: true } } } }),
    actions: await db.action.findMany({ where, orderBy: { id: "asc" }, include: { partnerOrganisations: { select: { id: true } } } }),
    measures: await db.measure.findMany({
      where,
      orderBy: { id: "asc" },
      include: { milestones: { orderBy: { id: "asc" } }, values: { orderBy: { id: "asc" } }, findings: { select: { id: true } } },
    }),
    auditEvents: await db.auditEvent.count(),
  };
}

/**
 * A plan not yet accepted, for tests that change titles, due dates, targets or milestones: on an
 * accepted plan those go through change requests (server/services/plans/change-requests.test.ts).
 */
const DRAFT = { plan: { status: "DRAFT", submittedDate: null, acceptedDate: null } } as const;

describe("export then import", () => {
  it("of the demo plan changes nothing, as a workbook", async () => {
    const nb = await db.localArea.findUniqueOrThrow({ where: { slug: "northbridge" } });
    const before = await everything(nb.id);
    const read = await readXlsx(new Uint8Array(await exportPlanWorkbook(db, nb.id)));
    const byName = Object.fromEntries(read.sheets.map((s) => [s.name, s.rows.length]));
    expect(byName).toEqual({ Plan: 1, Findings: 5, Actions: 26, Measures: 6, Milestones: 18, Values: 72 });

    const input = { localAreaId: nb.id, sheets: read.sheets, date1904: read.date1904 };
    expect(await previewPlanImport(db, input)).toEqual({ errors: [], warnings: [], changes: [] });
    const result = await applyPlanImport(db, actor(), input);
    expect(result.status).toBe("unchanged");
    expect(await everything(nb.id)).toEqual(before);
  });

  it("of the demo plan changes nothing, as CSV files", async () => {
    const nb = await db.localArea.findUniqueOrThrow({ where: { slug: "northbridge" } });
    const before = await everything(nb.id);
    const csv = await exportPlanCsv(db, nb.id);
    const read = readCsvFiles(Object.entries(csv).map(([sheet, text]) => ({ name: `northbridge-plan-${sheet}.csv`, bytes: new TextEncoder().encode(text) })));
    const input = { localAreaId: nb.id, sheets: read.sheets };
    expect(await previewPlanImport(db, input)).toEqual({ errors: [], warnings: [], changes: [] });
    expect((await applyPlanImport(db, actor(), input)).status).toBe("unchanged");
    expect(await everything(nb.id)).toEqual(before);
  });
});

describe("a workbook with errors", () => {
  it("reports each with its sheet, row and column, and writes nothing", async () => {
    const fx = await createAreaWithPlan(db);
    const area = await db.localArea.findUniqueOrThrow({ where: { id: fx.localAreaId } });
    const wording = { inspectorsWording: "Inspectors' wording.", summary: "Summary." };
    const sheets = await sheetsOf({
      Plan: [{ localArea: area.name, laCode: area.laCode }],
      Findings: [
        { ref: "2", kind: "Area for improvement", ...wording },
        { ref: "3", kind: "Weakness", ...wording },
        { ref: "2", kind: "Area for improvement", ...wording },
      ],
      Actions: [
        { findingRef: "2", ref: "2.1", title: "A new action", leadOrganisation: "A new organisation" },
        { findingRef: "9", ref: "9.1", title: "An action for no finding" },
        { findingRef: "1", ref: "1.9", title: "Backwards", startDate: day(10), dueDate: day(5), progress: 150 },
        { findingRef: "1", ref: "1.8", title: "" },
      ],
      Milestones: [{ measureRef: "M9", date: day(30), target: 5 }],
    });
    // A Measures sheet without its Unit column.
    const measures: RawSheet = { name: "Measures", header: ["Ref", "Name", "Direction"], rows: [{ row: 2, cells: ["M1", "A measure", "Higher is better"] }] };
    const input = { localAreaId: area.id, sheets: [...sheets.filter((s) => s.name !== "Measures"), measures] };

    const report = await previewPlanImport(db, input);
    const where = report.errors.map(({ sheet, row, column }) => `${sheet} ${row} ${column}`);
    expect(where).toEqual([
      "Findings 3 Kind",
      "Findings 4 Ref",
      "Actions 3 Finding ref",
      "Actions 4 Due date",
      "Actions 4 Progress",
      "Actions 5 Title",
      "Measures 1 Unit",
      "Milestones 2 Measure ref",
    ]);
    expect(report.errors.find((e) => e.column === "Kind")!.message).toBe(
      "Kind must be Area of significant weakness, Area for priority action or Area for improvement, not “Weakness”",
    );
    expect(report.errors.find((e) => e.column === "Unit")!.message).toBe("The Measures sheet has no “Unit” column: add it to the first row");
    // The valid rows would have been imported, had the file been clean.
    expect(report.changes).toEqual(
      expect.arrayContaining([
        { entity: "Finding", key: "2", kind: "create" },
        { entity: "Action", key: "2.1", kind: "create" },
        { entity: "Organisation", key: "A new organisation", kind: "create" },
      ]),
    );

    const before = await everything(area.id);
    const result = await applyPlanImport(db, actor(), input);
    expect(result.status).toBe("refused");
    expect(result.report.errors).toEqual(report.errors);
    expect(await everything(area.id)).toEqual(before);
  });

  it("for another area is refused", async () => {
    const a = await createAreaWithPlan(db);
    const b = await createAreaWithPlan(db, DRAFT);
    const read = await readXlsx(new Uint8Array(await exportPlanWorkbook(db, a.localAreaId)));
    const report = await previewPlanImport(db, { localAreaId: b.localAreaId, sheets: read.sheets });
    expect(report.errors.map((e) => e.column)).toEqual(["Local area", "LA code"]);
  });
});

describe("an import that starts a plan", () => {
  it("creates everything, warns about an unknown owner, and changes nothing when run again", async () => {
    const area = await createLocalArea(db, { region: "NORTH_WEST" });
    const owner = await createUser(db);
    await createMembership(db, { userId: owner.id, localAreaId: area.id, role: "CONTRIBUTOR" });
    const outsider = await createUser(db); // an account, but no role in this area
    const wording = { inspectorsWording: "Inspectors' wording.", summary: "Summary." };
    const sheets = await sheetsOf({
      Plan: [
        {
          localArea: area.name.toUpperCase(),
          laCode: area.laCode,
          region: "north west",
          planType: "Priority action plan",
          framework: "2023 framework",
          inspectionDate: day(-200),
          acceptedDate: day(-100),
          nextInspectionDate: day(300),
        },
      ],
      Findings: [
        { ref: "1", kind: "PRIORITY_ACTION", ...wording },
        { ref: "2", kind: "area for priority action", ...wording, judgement: "Effective action", judgementDate: day(-1) },
      ],
      Actions: [
        {
          findingRef: "1",
          ref: "1.1",
          title: "Agree the plan with families",
          ownerEmail: owner.email!.toUpperCase(),
          leadOrganisation: "Council",
          partnerOrganisations: "Parent Carer Forum; Health Trust; parent carer forum",
          startDate: day(-50),
          dueDate: day(50),
          status: "in progress",
          progress: 40,
          coproductionLevel: "Co-producing",
        },
        { findingRef: "2", ref: "2.1", title: "Publish the dashboard", ownerEmail: outsider.email, leadOrganisation: "council" },
      ],
      Measures: [
        {
          ref: "M1",
          name: "Plans on time",
          definition: "New plans issued within 20 weeks, as a share of all new plans.",
          source: "SEN2 return",
          unit: "Percent",
          direction: "higher is better",
          baseline: 10,
          baselineDate: day(-365),
          target: 50,
          targetDate: day(365),
          findingRefs: "1; 2",
        },
      ],
      Milestones: [{ measureRef: "M1", date: day(100), target: 30 }],
      Values: [
        { measureRef: "M1", periodEnd: day(-30), value: 12.5, status: "Validated" },
        { measureRef: "m1", periodEnd: day(-1), value: 14 },
      ],
    });
    const input = { localAreaId: area.id, sheets };

    const preview = await previewPlanImport(db, input);
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([
      {
        sheet: "Actions",
        row: 3,
        column: "Owner email",
        message: `No one with the email ${outsider.email} has a role in ${area.name}: action 2.1 is left without an owner`,
      },
    ]);
    const title = `${area.name} Priority action plan`;
    expect(preview.changes).toEqual([
      { entity: "Organisation", key: "Council", kind: "create" },
      { entity: "Organisation", key: "Parent Carer Forum", kind: "create" },
      { entity: "Organisation", key: "Health Trust", kind: "create" },
      { entity: "Inspection", key: `Full inspection on ${day(-200).toISOString().slice(0, 10)}`, kind: "create" },
      { entity: "Inspection", key: `Monitoring inspection expected ${day(300).toISOString().slice(0, 10)}`, kind: "create" },
      { entity: "Plan", key: title, kind: "create" },
      { entity: "Finding", key: "1", kind: "create" },
      { entity: "Finding", key: "2", kind: "create" },
      { entity: "Action", key: "1.1", kind: "create" },
      { entity: "Action", key: "2.1", kind: "create" },
      { entity: "Measure", key: "M1", kind: "create" },
      { entity: "Milestone", key: `M1, ${day(100).toISOString().slice(0, 10)}`, kind: "create" },
      { entity: "Value", key: `M1, ${day(-30).toISOString().slice(0, 10)}`, kind: "create" },
      { entity: "Value", key: `m1, ${day(-1).toISOString().slice(0, 10)}`, kind: "create" },
    ]);
    expect(await db.plan.count({ where: { localAreaId: area.id } })).toBe(0); // the dry run wrote nothing

    const who = actor();
    const result = await applyPlanImport(db, who, input);
    expect(result.status).toBe("applied");

    const plan = await db.plan.findFirstOrThrow({
      where: { localAreaId: area.id },
      include: {
        sourceInspection: true,
        followUpInspection: true,
        findings: { orderBy: { ref: "asc" }, include: { actions: { include: { partnerOrganisations: true, leadOrganisation: true } } } },
        measures: { include: { findings: true, milestones: true, values: { orderBy: { periodEnd: "asc" } } } },
      },
    });
    expect(plan).toMatchObject({ id: result.planId, type: "PRIORITY_ACTION_PLAN", title, status: "ACCEPTED", acceptedDate: day(-100) });
    expect(plan.sourceInspection).toMatchObject({ kind: "FULL", framework: "FRAMEWORK_2023", startDate: day(-200) });
    expect(plan.followUpInspection).toMatchObject({ kind: "MONITORING", framework: "FRAMEWORK_2023", expectedDate: day(300), dateIsEstimate: true });
    expect(plan.findings[1]).toMatchObject({ kind: "PRIORITY_ACTION", judgement: "EFFECTIVE", judgementDate: day(-1) });
    const [a11] = plan.findings[0]!.actions;
    const [a21] = plan.findings[1]!.actions;
    expect(a11).toMatchObject({ ownerId: owner.id, status: "IN_PROGRESS", progress: 40, coproductionLevel: "CO_PRODUCING", startDate: day(-50), dueDate: day(50) });
    expect(a11!.leadOrganisation!.name).toBe("Council");
    expect(a11!.partnerOrganisations.map((o) => o.name).sort()).toEqual(["Health Trust", "Parent Carer Forum"]);
    expect(a21).toMatchObject({ ownerId: null, status: "NOT_STARTED", progress: 0, leadOrganisationId: a11!.leadOrganisationId });
    const m1 = plan.measures[0]!;
    expect(m1.findings).toHaveLength(2);
    expect(m1.milestones.map((s) => [s.date, s.targetValue])).toEqual([[day(100), 30]]);
    expect(m1.values.map((v) => [v.periodEnd, v.value, v.status, v.enteredById])).toEqual([
      [day(-30), 12.5, "VALIDATED", null],
      [day(-1), 14, "PROVISIONAL", null],
    ]);

    // Every change audited, with no actor (the command line) and one summary.
    const events = await db.auditEvent.findMany({ where: { requestId: who.requestId } });
    expect(events).toHaveLength(preview.changes.length + 1);
    expect(events.every((e) => e.actorId === null && e.localAreaId === area.id)).toBe(true);
    const summary = events.find((e) => e.action === "plan.import")!;
    expect(summary.after).toMatchObject({ source: "command line", file: "test.xlsx", created: 14, updated: 0 });

    // The same file again: nothing to do, nothing written.
    const after = await everything(area.id);
    expect((await previewPlanImport(db, input)).changes).toEqual([]);
    expect((await applyPlanImport(db, actor(), input)).status).toBe("unchanged");
    expect(await everything(area.id)).toEqual(after);

    // Its own export imports as nothing too.
    const exported = await readXlsx(new Uint8Array(await exportPlanWorkbook(db, area.id)));
    expect(await previewPlanImport(db, { localAreaId: area.id, sheets: exported.sheets })).toEqual({ errors: [], warnings: [], changes: [] });
  });
});

describe("an import that changes a plan", () => {
  it("updates only the fields that differ, bumps the version and audits the change", async () => {
    const fx = await createAreaWithPlan(db, DRAFT);
    const read = await readXlsx(new Uint8Array(await exportPlanWorkbook(db, fx.localAreaId)));
    const actions = read.sheets.find((s) => s.name === "Actions")!;
    const row = actions.rows[0]!;
    const col = (header: string) => actions.header.indexOf(header);
    row.cells[col("Title")] = "A clearer title";
    row.cells[col("Status")] = "COMPLETE";
    row.cells[col("Progress")] = 100;
    row.cells[col("Partner organisations")] = "Riverside Primary School";
    const input = { localAreaId: fx.localAreaId, sheets: read.sheets };

    const report = await previewPlanImport(db, input);
    expect(report.changes).toEqual([
      { entity: "Organisation", key: "Riverside Primary School", kind: "create" },
      { entity: "Action", key: "1.1", kind: "update", fields: ["Title", "Partner organisations", "Status", "Progress"] },
    ]);
    const before = await db.action.findUniqueOrThrow({ where: { id: fx.actionId } });
    const who = actor();
    expect((await applyPlanImport(db, who, input)).status).toBe("applied");
    const after = await db.action.findUniqueOrThrow({ where: { id: fx.actionId }, include: { partnerOrganisations: true } });
    expect(after).toMatchObject({ title: "A clearer title", status: "COMPLETE", progress: 100, version: before.version + 1, description: before.description });
    expect(after.completedAt).not.toBeNull();
    expect(after.partnerOrganisations.map((o) => o.name)).toEqual(["Riverside Primary School"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { requestId: who.requestId, action: "action.update" } });
    expect(event.before).toMatchObject({ Title: before.title, Status: "IN_PROGRESS", Progress: before.progress });
    expect(event.after).toMatchObject({ Title: "A clearer title", Status: "COMPLETE", Progress: 100 });
  });
});

describe("an import and judgements", () => {
  it("records a revisit's judgements from the published letter on a plan already here: marked imported, dated, and the plan revisited", async () => {
    const fx = await createAreaWithPlan(db, { plan: { status: "ACTIVE" } });
    const letter = "https://reports.ofsted.gov.uk/provider/44/80000001";
    const sheets = await sheetsOf(
      {
        Plan: [{ localArea: (await db.localArea.findUniqueOrThrow({ where: { id: fx.localAreaId } })).name, followUpStartDate: "2022-10-04", followUpEndDate: "2022-10-06" }],
        Findings: [
          {
            ref: "1",
            kind: "Area of significant weakness",
            inspectorsWording: (await db.finding.findUniqueOrThrow({ where: { id: fx.findingId } })).inspectorsWording,
            judgement: "Sufficient progress",
            judgementDate: "2022-11-20",
            letterUrl: letter,
          },
        ],
      },
      ["Plan", "Findings"],
    );
    const input = { localAreaId: fx.localAreaId, sheets };
    const report = await previewPlanImport(db, input);
    expect(report.errors).toEqual([]);
    expect(report.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: "Inspection", kind: "create" }),
        expect.objectContaining({ entity: "Plan", kind: "update", fields: expect.arrayContaining(["Status"]) }),
        expect.objectContaining({ entity: "Finding", kind: "update", fields: expect.arrayContaining(["Judgement", "Judgement date", "Letter link"]) }),
      ]),
    );
    const audits = await db.auditEvent.count({ where: { localAreaId: fx.localAreaId } });
    expect((await applyPlanImport(db, actor(), input)).status).toBe("applied");

    const finding = await db.finding.findUniqueOrThrow({ where: { id: fx.findingId }, include: { judgementInspection: true } });
    expect(finding).toMatchObject({ judgement: "SUFFICIENT", judgementSource: letter, judgementImported: true });
    expect(finding.judgementDate?.toISOString().slice(0, 10)).toBe("2022-11-20");
    expect(finding.judgementInspection).toMatchObject({ kind: "REVISIT", reportUrl: letter, dateIsEstimate: false });
    expect(finding.judgementInspection?.startDate?.toISOString().slice(0, 10)).toBe("2022-10-04");
    expect(finding.judgementInspection?.endDate?.toISOString().slice(0, 10)).toBe("2022-10-06");
    const plan = await db.plan.findUniqueOrThrow({ where: { id: fx.planId } });
    expect(plan.status).toBe("REVISITED");
    expect(plan.followUpInspectionId).toBe(finding.judgementInspectionId);
    expect(await db.auditEvent.count({ where: { localAreaId: fx.localAreaId } })).toBeGreaterThan(audits);

    // The same file again changes nothing.
    expect((await applyPlanImport(db, actor(), input)).status).toBe("unchanged");
  });

  it("refuses a judgement that does not fit the finding, or is dated in the future", async () => {
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const fx = await createAreaWithPlan(db);
    const wording = (await db.finding.findUniqueOrThrow({ where: { id: fx.findingId } })).inspectorsWording;
    const sheets = await sheetsOf(
      {
        Findings: [
          { ref: "1", kind: "Area of significant weakness", inspectorsWording: wording, judgement: "Effective action", judgementDate: "2022-11-20" },
          { ref: "9", kind: "Area for priority action", inspectorsWording: "Leaders do not know.", judgement: "Effective action", judgementDate: iso(day(30)) },
        ],
      },
      ["Findings"],
    );
    const report = await previewPlanImport(db, { localAreaId: fx.localAreaId, sheets });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 2, column: "Judgement", message: expect.stringContaining("sufficient progress or not sufficient progress") }),
      expect.objectContaining({ row: 3, column: "Judgement date", message: "The date of the judgement must be today or earlier" }),
    ]);
  });
});

describe("a plan as the letter words it", () => {
  it("imports a Plan sheet without an LA code and findings without summaries, accepted and revisited as the letters say", async () => {
    const area = await createLocalArea(db);
    const sheets = await sheetsOf(
      {
        Plan: [{ localArea: area.name, planType: "Written statement of action", framework: "2016", inspectionDate: "2019-03-11", acceptedDate: "2019-08-01", followUpStartDate: "2022-10-04", followUpEndDate: "2022-10-06" }],
        Findings: [
          { ref: "1", kind: "Area of significant weakness", inspectorsWording: "The timeliness, process and quality of EHC plans, incl. the contribution of health. Too few are issued on time.", judgement: "Sufficient progress", judgementDate: "2022-11-20", letterUrl: "https://reports.ofsted.gov.uk/x" },
          { ref: "2", kind: "Area of significant weakness", inspectorsWording: "Weak joint commissioning.", judgement: "Not sufficient progress", judgementDate: "2022-11-20", letterUrl: "https://reports.ofsted.gov.uk/x" },
        ],
      },
      ["Plan", "Findings"],
    );
    const input = { localAreaId: area.id, sheets };
    expect((await previewPlanImport(db, input)).errors).toEqual([]);
    const result = await applyPlanImport(db, actor(), input);
    expect(result.status).toBe("applied");
    const plan = await db.plan.findUniqueOrThrow({ where: { id: result.planId! }, include: { findings: { orderBy: { ref: "asc" } }, followUpInspection: true } });
    expect(plan.status).toBe("REVISITED");
    expect(plan.findings.map((f) => [f.summary, f.judgement, f.judgementImported])).toEqual([
      ["", "SUFFICIENT", true],
      ["", "NOT_SUFFICIENT", true],
    ]);
    expect(plan.findings.every((f) => f.judgementInspectionId === plan.followUpInspectionId)).toBe(true);
    expect(plan.followUpInspection).toMatchObject({ kind: "REVISIT", reportUrl: "https://reports.ofsted.gov.uk/x" });
    expect((await applyPlanImport(db, actor(), input)).status).toBe("unchanged");
    // And the export of it reads back unchanged.
    const read = await readXlsx(new Uint8Array(await exportPlanWorkbook(db, area.id)));
    expect(await previewPlanImport(db, { localAreaId: area.id, sheets: read.sheets })).toEqual({ errors: [], warnings: [], changes: [] });
  });

  it("still refuses an LA code that is not the area's", async () => {
    const area = await createLocalArea(db);
    const sheets = await sheetsOf({ Plan: [{ localArea: area.name, laCode: "999999", planType: "Written statement of action" }] }, ["Plan"]);
    const report = await previewPlanImport(db, { localAreaId: area.id, sheets });
    expect(report.errors).toEqual([expect.objectContaining({ column: "LA code", message: expect.stringContaining(area.laCode) })]);
  });

  it("reads an export of an area without a plan back cleanly: nothing to do", async () => {
    const area = await createLocalArea(db);
    const read = await readXlsx(new Uint8Array(await exportPlanWorkbook(db, area.id)));
    const input = { localAreaId: area.id, sheets: read.sheets };
    expect(await previewPlanImport(db, input)).toEqual({ errors: [], warnings: [], changes: [] });
    expect((await applyPlanImport(db, actor(), input)).status).toBe("unchanged");
    const csv = await exportPlanCsv(db, area.id);
    const files = Object.entries(csv).map(([name, text]) => ({ name: `${name}.csv`, bytes: new TextEncoder().encode(text) }));
    expect(await previewPlanImport(db, { localAreaId: area.id, sheets: readCsvFiles(files).sheets })).toEqual({ errors: [], warnings: [], changes: [] });
  });
});

describe("an import follows the editors' rules", () => {
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  it("gives an action only to a lead or contributor whose account is not disabled", async () => {
    const fx = await createAreaWithPlan(db);
    const area = await db.localArea.findUniqueOrThrow({ where: { id: fx.localAreaId } });
    const member = async (role: "LEAD" | "VIEWER", disabledAt: Date | null = null) => {
      const user = await createUser(db, { disabledAt });
      await createMembership(db, { userId: user.id, localAreaId: area.id, role });
      return user;
    };
    const viewer = await member("VIEWER");
    const disabled = await member("LEAD", new Date());
    const lead = await member("LEAD");
    const sheets = await sheetsOf(
      {
        Actions: [
          { findingRef: "1", ref: "1.5", title: "Owned by a viewer", ownerEmail: viewer.email },
          { findingRef: "1", ref: "1.6", title: "Owned by a disabled lead", ownerEmail: disabled.email },
          { findingRef: "1", ref: "1.7", title: "Owned by a lead", ownerEmail: lead.email },
        ],
      },
      ["Actions"],
    );
    const input = { localAreaId: area.id, sheets };

    const report = await previewPlanImport(db, input);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      { sheet: "Actions", row: 2, column: "Owner email", message: `${viewer.email} is not a lead or contributor in ${area.name}: action 1.5 is left without an owner` },
      { sheet: "Actions", row: 3, column: "Owner email", message: `The account of ${disabled.email} is disabled: action 1.6 is left without an owner` },
    ]);
    expect((await applyPlanImport(db, actor(), input)).status).toBe("applied");
    const owners = await db.action.findMany({ where: { localAreaId: area.id, ref: { in: ["1.5", "1.6", "1.7"] } }, orderBy: { ref: "asc" } });
    expect(owners.map((a) => a.ownerId)).toEqual([null, null, lead.id]);
  });

  it("refuses a value for a period that has not ended, and names who entered a changed value", async () => {
    const fx = await createAreaWithPlan(db);
    const measure = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId] });
    await createMeasureValue(db, { measureId: measure.id, periodEnd: day(-1), value: 25 });
    const lead = await createUser(db);
    await createMembership(db, { userId: lead.id, localAreaId: fx.localAreaId, role: "LEAD" });

    const future = await sheetsOf(
      {
        Values: [
          { measureRef: measure.ref, periodEnd: day(-1), value: 30 },
          { measureRef: measure.ref, periodEnd: day(1), value: 31 },
        ],
      },
      ["Values"],
    );
    const refused = await previewPlanImport(db, { localAreaId: fx.localAreaId, sheets: future });
    expect(refused.errors).toEqual([
      { sheet: "Values", row: 3, column: "Period end", message: "The period end must be today or earlier: the period must have ended" },
    ]);

    const ended = await sheetsOf({ Values: [{ measureRef: measure.ref, periodEnd: day(-1), value: 30 }] }, ["Values"]);
    const who: ImportActor = { ...actor(), viewer: { userId: lead.id }, source: "web" };
    expect((await applyPlanImport(db, who, { localAreaId: fx.localAreaId, sheets: ended })).status).toBe("applied");
    const value = await db.measureValue.findFirstOrThrow({ where: { measureId: measure.id, periodEnd: day(-1) } });
    expect(value).toMatchObject({ value: 30, enteredById: lead.id });
  });

  it("refuses a measure the measure editor would refuse, on the row and column to correct", async () => {
    const fx = await createAreaWithPlan(db, DRAFT);
    // Baseline a year ago, target in 180 days, a milestone in 100.
    const shortened = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId] });
    await createMeasureMilestone(db, { measureId: shortened.id, date: day(100) });
    const other = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId] });
    const sameAs = (m: typeof shortened) => ({
      ref: m.ref,
      name: m.name,
      definition: m.definition,
      unit: "Percentage",
      direction: "Higher is better",
      source: m.source,
      baseline: m.baselineValue,
      baselineDate: m.baselineDate,
      target: m.targetValue,
      targetDate: m.targetDate,
      findingRefs: "1",
    });
    const described = { definition: "How it is counted.", source: "SEN2 return", unit: "Count", direction: "Higher is better", findingRefs: "1" };
    const sheets = await sheetsOf(
      {
        Measures: [
          { ...sameAs(shortened), targetDate: day(50) },
          { ref: "N1", name: "Nothing but a name", unit: "Count", direction: "Higher is better" },
          { ref: "N2", name: "A baseline without its date", ...described, baseline: 5 },
          { ref: "N3", name: "Target before baseline", ...described, baseline: 5, baselineDate: day(-10), target: 8, targetDate: day(-20) },
          { ref: "N4", name: "Too long", ...described, definition: "x".repeat(2001), benchmark: 3, benchmarkLabel: "y".repeat(121) },
        ],
        Milestones: [{ measureRef: other.ref, date: day(200), target: 40 }],
      },
      ["Measures", "Milestones"],
    );
    const input = { localAreaId: fx.localAreaId, sheets };

    const report = await previewPlanImport(db, input);
    expect(report.errors.map(({ sheet, row, column }) => `${sheet} ${row} ${column}`)).toEqual([
      "Measures 2 Target date",
      "Measures 3 Definition",
      "Measures 3 Source",
      "Measures 3 Finding refs",
      "Measures 4 Baseline date",
      "Measures 5 Target date",
      "Measures 6 Definition",
      "Measures 6 Benchmark label",
      "Milestones 2 Date",
    ]);
    const message = (sheet: string, row: number, column: string) => report.errors.find((e) => e.sheet === sheet && e.row === row && e.column === column)!.message;
    expect(message("Measures", 2, "Target date")).toBe(`The milestone on ${iso(day(100))} must be before the target date`);
    expect(message("Measures", 3, "Finding refs")).toBe("Choose at least one finding this measure evidences");
    expect(message("Measures", 4, "Baseline date")).toBe("Enter the date of the baseline");
    expect(message("Measures", 5, "Target date")).toBe("Target date must be after the baseline date");
    expect(message("Measures", 6, "Definition")).toBe("Definition must be 2000 characters or fewer");
    expect(message("Measures", 6, "Benchmark label")).toBe("Benchmark label must be 120 characters or fewer");
    expect(message("Milestones", 2, "Date")).toBe(`The milestone on ${iso(day(200))} must be before the target date`);

    const before = await everything(fx.localAreaId);
    expect((await applyPlanImport(db, actor(), input)).status).toBe("refused");
    expect(await everything(fx.localAreaId)).toEqual(before);
  });
});

describe("measure values from a workbook", () => {
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  it("are refused, by sheet, row and column, when the measure cannot take them, by its unit or by its plausible range as the file leaves it; nothing is written", async () => {
    const fx = await createAreaWithPlan(db, DRAFT);
    const percent = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId], unit: "PERCENT" });
    const count = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId], unit: "COUNT" });
    const ranged = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId], unit: "PERCENT", plausibleMin: 20, plausibleMax: 80 });
    // A value already out of range (recorded before the rule) is left alone while the file leaves it alone.
    await createMeasureValue(db, { measureId: count.id, periodEnd: day(-40), value: 7.5 });
    const sheets = await sheetsOf(
      {
        Measures: [
          {
            ref: ranged.ref,
            name: ranged.name,
            definition: ranged.definition,
            unit: "Percentage",
            direction: "Higher is better",
            source: ranged.source,
            baseline: ranged.baselineValue,
            baselineDate: ranged.baselineDate,
            target: ranged.targetValue,
            targetDate: ranged.targetDate,
            findingRefs: "1",
            plausibleMin: 30,
            plausibleMax: 70,
          },
        ],
        Values: [
          { measureRef: percent.ref, periodEnd: day(-1), value: 150 },
          { measureRef: percent.ref, periodEnd: day(-2), value: -20 },
          { measureRef: percent.ref, periodEnd: day(-3), value: 1_000_000_000_000 },
          { measureRef: count.ref, periodEnd: day(-1), value: 2.5 },
          { measureRef: count.ref, periodEnd: day(-40), value: 7.5 },
          // Inside the range on the measure, outside the one the file sets.
          { measureRef: ranged.ref, periodEnd: day(-1), value: 75 },
          { measureRef: ranged.ref, periodEnd: day(-2), value: 50 },
        ],
      },
      ["Measures", "Values"],
    );
    const input = { localAreaId: fx.localAreaId, sheets };
    const report = await previewPlanImport(db, input);
    expect(report.errors).toEqual([
      { sheet: "Values", row: 2, column: "Value", message: "150 is out of range: a percentage is between 0 and 100" },
      { sheet: "Values", row: 3, column: "Value", message: "-20 is out of range: a percentage is between 0 and 100" },
      { sheet: "Values", row: 4, column: "Value", message: "1,000,000,000,000 is out of range: a percentage is between 0 and 100" },
      { sheet: "Values", row: 5, column: "Value", message: "2.5 is out of range: a count is a whole number, 0 or more" },
      { sheet: "Values", row: 7, column: "Value", message: "75 is out of range: this measure's values are between 30 and 70, as set on the measure" },
    ]);
    const before = await everything(fx.localAreaId);
    expect((await applyPlanImport(db, actor(), input)).status).toBe("refused");
    expect(await everything(fx.localAreaId)).toEqual(before);
  });

  it("list a replaced figure before and after, and its audit event names the file", async () => {
    const fx = await createAreaWithPlan(db);
    const measure = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId] });
    const recorded = await createMeasureValue(db, { measureId: measure.id, periodEnd: day(-1), value: 25, status: "PROVISIONAL" });
    const sheets = await sheetsOf(
      {
        Values: [
          { measureRef: measure.ref, periodEnd: day(-1), value: 30 },
          { measureRef: measure.ref, periodEnd: day(-2), value: 31 },
        ],
      },
      ["Values"],
    );
    const input = { localAreaId: fx.localAreaId, sheets };
    const report = await previewPlanImport(db, input);
    expect(report.errors).toEqual([]);
    expect(report.changes).toEqual([
      { entity: "Value", key: `${measure.ref}, ${iso(day(-1))}`, kind: "update", fields: ["Value"], replaces: { before: 25, after: 30 } },
      { entity: "Value", key: `${measure.ref}, ${iso(day(-2))}`, kind: "create" },
    ]);

    const who = { ...actor(), file: "northbridge-values.xlsx" };
    expect((await applyPlanImport(db, who, input)).status).toBe("applied");
    expect(await db.measureValue.findUniqueOrThrow({ where: { id: recorded.id } })).toMatchObject({ value: 30 });
    const events = await db.auditEvent.findMany({ where: { requestId: who.requestId, entityType: "MeasureValue" } });
    const replaced = events.find((e) => e.entityId === recorded.id)!;
    expect(replaced).toMatchObject({ action: "measureValue.update", before: { Value: 25 }, after: { Value: 30, importedFrom: "northbridge-values.xlsx" } });
    expect(events.find((e) => e.entityId !== recorded.id)).toMatchObject({ action: "measureValue.create", after: { value: 31, importedFrom: "northbridge-values.xlsx" } });
  });

  it("keep a measure's plausible range through export and import, and refuse a minimum above the maximum on its column", async () => {
    const fx = await createAreaWithPlan(db, DRAFT);
    const measure = await createMeasure(db, { planId: fx.planId, findingIds: [fx.findingId], plausibleMin: 20, plausibleMax: 80 });
    const exported = await readXlsx(new Uint8Array(await exportPlanWorkbook(db, fx.localAreaId)));
    const measures = exported.sheets.find((s) => s.name === "Measures")!;
    expect(measures.header.slice(-2)).toEqual(["Plausible minimum", "Plausible maximum"]);
    expect(measures.rows[0]!.cells.slice(-2)).toEqual([20, 80]);
    expect(await previewPlanImport(db, { localAreaId: fx.localAreaId, sheets: exported.sheets })).toEqual({ errors: [], warnings: [], changes: [] });

    const upsideDown = measures.rows.map((r) => ({ ...r, cells: [...r.cells.slice(0, -2), 80, 20] }));
    const report = await previewPlanImport(db, { localAreaId: fx.localAreaId, sheets: [{ ...measures, rows: upsideDown }] });
    expect(report.errors).toEqual([
      { sheet: "Measures", row: 2, column: "Plausible maximum", message: "The plausible maximum must be the same as the minimum or more" },
    ]);

    const widened = measures.rows.map((r) => ({ ...r, cells: [...r.cells.slice(0, -2), 10, null] }));
    const who = actor();
    expect((await applyPlanImport(db, who, { localAreaId: fx.localAreaId, sheets: [{ ...measures, rows: widened }] })).status).toBe("applied");
    expect(await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).toMatchObject({ plausibleMin: 10, plausibleMax: null });
  });
});

describe("a workbook that starts a new area", () => {
  const code = () => String(100 + Math.floor(Math.random() * 900));
  async function freeCode(): Promise<string> {
    for (;;) {
      const c = code();
      if (!(await db.localArea.findUnique({ where: { laCode: c } }))) return c;
    }
  }
  const letter = "https://reports.ofsted.gov.uk/provider/44/80000002";
  const planAndFindings = async (name: string, laCode: string, region = "East of England") =>
    sheetsOf(
      {
        Plan: [{ localArea: name, laCode, region, planType: "Written statement of action", framework: "2016", inspectionDate: "2019-03-11" }],
        Findings: [1, 2, 3, 4, 5].map((n) => ({
          ref: String(n),
          kind: "Area of significant weakness",
          inspectorsWording: `Weakness ${n} as the letter words it, incl. its detail. More.`,
          judgement: n === 5 ? "Not sufficient progress" : "Sufficient progress",
          judgementDate: "2022-11-20",
          letterUrl: letter,
        })),
      },
      ["Plan", "Findings"],
    );

  it("makes the area with its council and forum, and its plan as the letters say, in one step; the check writes nothing", async () => {
    const name = `Fenmoor ${randomUUID().slice(0, 6)}`;
    const laCode = await freeCode();
    const sheets = await planAndFindings(name, laCode);
    const areas = await db.localArea.count();

    const check = await importNewArea(db, actor(), { sheets }, { apply: false });
    expect(check.report.errors).toEqual([]);
    expect(check.report.changes[0]).toEqual({ entity: "LocalArea", key: `${name} (${laCode})`, kind: "create" });
    expect(check.report.changes.filter((c) => c.entity === "Finding")).toHaveLength(5);
    expect(await db.localArea.count()).toBe(areas);

    const made = await importNewArea(db, actor(), { sheets }, { apply: true });
    expect(made.status).toBe("applied");
    const area = await db.localArea.findUniqueOrThrow({
      where: { slug: made.area!.slug },
      include: { organisations: { orderBy: { name: "asc" } }, plans: { include: { findings: { orderBy: { ref: "asc" } } } } },
    });
    expect(area).toMatchObject({ name, laCode, region: "EAST_OF_ENGLAND" });
    expect(area.organisations.map((o) => [o.name, o.kind])).toEqual([
      [`${name} Council`, "COUNCIL"],
      [`${name} Parent Carer Forum`, "PARENT_CARER_FORUM"],
    ]);
    expect(area.plans).toHaveLength(1);
    expect(area.plans[0]!.status).toBe("REVISITED");
    expect(area.plans[0]!.findings.map((f) => f.judgement)).toEqual(["SUFFICIENT", "SUFFICIENT", "SUFFICIENT", "SUFFICIENT", "NOT_SUFFICIENT"]);
    expect(await db.auditEvent.count({ where: { localAreaId: area.id, action: "area.create" } })).toBe(1);

    // The same file into the area it made changes nothing; starting it again is refused.
    expect((await applyPlanImport(db, actor(), { localAreaId: area.id, sheets })).status).toBe("unchanged");
    const again = await importNewArea(db, actor(), { sheets }, { apply: true });
    expect(again.status).toBe("refused");
    expect(again.report.errors).toEqual([expect.objectContaining({ column: "LA code", message: expect.stringContaining("already has the local authority code") })]);
  });

  it("needs the name, a three-digit LA code and the region, and leaves nothing behind when the plan has errors", async () => {
    const noRegion = await sheetsOf({ Plan: [{ localArea: "Nowhere", laCode: "12", planType: "Written statement of action" }] }, ["Plan"]);
    const refused = await importNewArea(db, actor(), { sheets: noRegion }, { apply: true });
    expect(refused.status).toBe("refused");
    expect(refused.report.errors.map((e) => e.column).sort()).toEqual(["LA code", "Region"]);

    const name = `Brokenshire ${randomUUID().slice(0, 6)}`;
    const bad = await sheetsOf(
      {
        Plan: [{ localArea: name, laCode: await freeCode(), region: "London", planType: "Written statement of action" }],
        Findings: [{ ref: "1", kind: "Area of significant weakness", inspectorsWording: "", judgement: null }],
      },
      ["Plan", "Findings"],
    );
    const result = await importNewArea(db, actor(), { sheets: bad }, { apply: true });
    expect(result.status).toBe("refused");
    expect(await db.localArea.findFirst({ where: { name } })).toBeNull();
  });
});
