/**
 * The plan editor through its procedures: starting and editing a plan, organisations, findings and
 * actions. Each test builds its own area, so counts and versions are its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import {
  createAction,
  createAreaWithPlan,
  createInspection,
  createLocalArea,
  createOrganisation,
  createUser,
  day,
} from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { fromDay } from "@/lib/calendar";
import type { ActionFields, PlanFields } from "@/server/schemas/plan";
import { actingAs, callerFor, createMember, details, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

const PLAN: PlanFields = {
  type: "WSOA",
  title: "Written statement of action 2026",
  status: "ACTIVE",
  sourceInspectionId: "",
  acceptedDate: "",
  nextInspectionDate: "",
  nextInspectionIsEstimate: false,
  updateCadenceDays: 30,
  ragGreenPercent: 90,
  ragAmberPercent: 70,
};

// Plans -----------------------------------------------------------------------------------------

describe("plan.create", () => {
  it("starts a plan in an area without one, audited with the request id", async () => {
    const area = await createLocalArea(db);
    const { api, requestId } = await actingAs(db, await createMember(db, area.id, "LEAD"));
    const plan = await api.plan.create({ slug: area.slug, ...PLAN, acceptedDate: "2026-02-01", ragGreenPercent: 85, ragAmberPercent: 60 });
    expect(plan).toMatchObject({ title: PLAN.title, version: 1, acceptedDate: "2026-02-01", ragGreenPercent: 85, ragAmberPercent: 60 });
    const row = await db.plan.findUniqueOrThrow({ where: { id: plan.id } });
    expect(row).toMatchObject({ localAreaId: area.id, type: "WSOA", status: "ACTIVE", ragGreenThreshold: 0.85, ragAmberThreshold: 0.6, followUpInspectionId: null });
    expect(await db.auditEvent.count({ where: { action: "plan.create", entityId: plan.id, requestId, localAreaId: area.id } })).toBe(1);
  });

  it("refuses a second plan while one is current (CONFLICT, nothing written), and allows one once it is closed", async () => {
    const area = await createAreaWithPlan(db);
    const { api } = await actingAs(db, await createMember(db, area.localAreaId, "LEAD"));
    const audits = await db.auditEvent.count();
    const e = await refusal(api.plan.create({ slug: area.slug, ...PLAN, title: "A second plan" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/already has a current plan/);
    expect(await db.plan.count({ where: { localAreaId: area.localAreaId } })).toBe(1);
    expect(await db.auditEvent.count()).toBe(audits);

    await db.plan.update({ where: { id: area.planId }, data: { status: "CLOSED" } });
    const next = await api.plan.create({ slug: area.slug, ...PLAN, type: "APP", title: "Accelerated progress plan" });
    expect(await db.plan.count({ where: { localAreaId: area.localAreaId, status: { not: "CLOSED" } } })).toBe(1);
    expect((await api.plan.settings({ slug: area.slug })).plan?.id).toBe(next.id);
  });

  it("with a 2016-framework source inspection, schedules the next inspection as a revisit", async () => {
    const area = await createLocalArea(db);
    const source = await createInspection(db, { localAreaId: area.id, framework: "FRAMEWORK_2016", kind: "FULL" });
    const { api } = await actingAs(db, await createMember(db, area.id, "LEAD"));
    const plan = await api.plan.create({ slug: area.slug, ...PLAN, sourceInspectionId: source.id, nextInspectionDate: "2027-03-01", nextInspectionIsEstimate: true });
    const row = await db.plan.findUniqueOrThrow({ where: { id: plan.id }, include: { followUpInspection: true } });
    expect(row.sourceInspectionId).toBe(source.id);
    expect(row.followUpInspection).toMatchObject({ localAreaId: area.id, framework: "FRAMEWORK_2016", kind: "REVISIT", expectedDate: new Date("2027-03-01T00:00:00Z"), dateIsEstimate: true });
    expect(plan).toMatchObject({ nextInspectionDate: "2027-03-01", nextInspectionIsEstimate: true });
  });

  it("refuses a source inspection of another area with a field error", async () => {
    const area = await createLocalArea(db);
    const elsewhere = await createAreaWithPlan(db);
    const theirs = await createInspection(db, { localAreaId: elsewhere.localAreaId });
    const { api } = await actingAs(db, await createMember(db, area.id, "LEAD"));
    const e = await refusal(api.plan.create({ slug: area.slug, ...PLAN, sourceInspectionId: theirs.id }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e)).toHaveProperty("sourceInspectionId");
    expect(await db.plan.count({ where: { localAreaId: area.id } })).toBe(0);
  });

  it("is the lead's: a contributor is FORBIDDEN, a lead of another area gets NOT_FOUND", async () => {
    const area = await createLocalArea(db);
    const contributor = await callerFor(db, await createMember(db, area.id, "CONTRIBUTOR"));
    expect((await refusal(contributor.plan.create({ slug: area.slug, ...PLAN }))).code).toBe("FORBIDDEN");
    const elsewhere = await createAreaWithPlan(db);
    const stranger = await callerFor(db, await createMember(db, elsewhere.localAreaId, "LEAD"));
    expect((await refusal(stranger.plan.create({ slug: area.slug, ...PLAN }))).code).toBe("NOT_FOUND");
    expect(await db.plan.count({ where: { localAreaId: area.id } })).toBe(0);
  });
});

describe("plan.update", () => {
  it("saves the details and the RAG thresholds, audited with the request id", async () => {
    const area = await createAreaWithPlan(db);
    const { api, requestId } = await actingAs(db, await createMember(db, area.localAreaId, "LEAD"));
    const form = (await api.plan.settings({ slug: area.slug })).plan!;
    expect(form).toMatchObject({ version: 1, ragGreenPercent: 90, ragAmberPercent: 70, updateCadenceDays: 30 });
    const saved = await api.plan.update({ ...form, title: "Renamed plan", updateCadenceDays: 14, ragGreenPercent: 80, ragAmberPercent: 55 });
    expect(saved).toMatchObject({ version: 2, title: "Renamed plan", updateCadenceDays: 14, ragGreenPercent: 80, ragAmberPercent: 55 });
    expect(await db.plan.findUniqueOrThrow({ where: { id: area.planId } })).toMatchObject({
      title: "Renamed plan",
      updateCadenceDays: 14,
      ragGreenThreshold: 0.8,
      ragAmberThreshold: 0.55,
      version: 2,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "plan.update", entityId: area.planId, requestId } });
    expect(audit.before).toMatchObject({ title: form.title, ragGreenPercent: 90 });
    expect(audit.after).toMatchObject({ title: "Renamed plan", ragGreenPercent: 80 });
  });

  it.each([
    ["equal to", 70, 70],
    ["above", 80, 90],
  ])("refuses an amber threshold %s the green one with a field error on ragAmberPercent", async (_how, green, amber) => {
    const area = await createAreaWithPlan(db);
    const api = await callerFor(db, await createMember(db, area.localAreaId, "LEAD"));
    const form = (await api.plan.settings({ slug: area.slug })).plan!;
    const e = await refusal(api.plan.update({ ...form, ragGreenPercent: green, ragAmberPercent: amber }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e)).toEqual({ ragAmberPercent: "The amber threshold must be lower than the green threshold" });
    expect(await db.plan.findUniqueOrThrow({ where: { id: area.planId } })).toMatchObject({ version: 1, ragGreenThreshold: 0.9, ragAmberThreshold: 0.7 });
  });

  it.each([
    ["a 2016-framework", "REVISIT", "FRAMEWORK_2016"],
    ["a 2023-framework", "MONITORING", "FRAMEWORK_2023"],
    ["no", "MONITORING", null],
  ] as const)(
    "with %s source inspection, the next inspection date creates a %s follow-up once; the next save moves it",
    async (_what, kind, framework) => {
      const area = await createAreaWithPlan(db);
      const source = framework ? await createInspection(db, { localAreaId: area.localAreaId, framework }) : null;
      await db.plan.update({ where: { id: area.planId }, data: { sourceInspectionId: source?.id ?? null } });
      const api = await callerFor(db, await createMember(db, area.localAreaId, "LEAD"));
      const inspections = await db.inspection.count({ where: { localAreaId: area.localAreaId } });

      const form = (await api.plan.settings({ slug: area.slug })).plan!;
      expect(form.nextInspectionDate).toBe("");
      const first = await api.plan.update({ ...form, nextInspectionDate: "2027-01-15", nextInspectionIsEstimate: true });
      const plan = await db.plan.findUniqueOrThrow({ where: { id: area.planId }, include: { followUpInspection: true } });
      expect(plan.followUpInspection).toMatchObject({
        localAreaId: area.localAreaId,
        framework: framework ?? "FRAMEWORK_2023",
        kind,
        expectedDate: new Date("2027-01-15T00:00:00Z"),
        dateIsEstimate: true,
      });
      expect(await db.inspection.count({ where: { localAreaId: area.localAreaId } })).toBe(inspections + 1);

      const second = await api.plan.update({ ...first, nextInspectionDate: "2027-02-20", nextInspectionIsEstimate: false });
      expect(second).toMatchObject({ version: 3, nextInspectionDate: "2027-02-20", nextInspectionIsEstimate: false });
      expect(await db.inspection.count({ where: { localAreaId: area.localAreaId } })).toBe(inspections + 1);
      expect(await db.inspection.findUniqueOrThrow({ where: { id: plan.followUpInspectionId! } })).toMatchObject({
        kind,
        expectedDate: new Date("2027-02-20T00:00:00Z"),
        dateIsEstimate: false,
      });
      expect((await api.plan.settings({ slug: area.slug })).plan).toMatchObject({ nextInspectionDate: "2027-02-20" });
    },
  );

  it("refuses a stale save (CONFLICT with the current values and who changed them) and changes nothing", async () => {
    const area = await createAreaWithPlan(db);
    const first = await callerFor(db, await createMember(db, area.localAreaId, "LEAD", "Priya Shah"));
    const second = await callerFor(db, await createMember(db, area.localAreaId, "LEAD", "Tom Hughes"));
    const loadedByFirst = (await first.plan.settings({ slug: area.slug })).plan!;
    const loadedBySecond = (await second.plan.settings({ slug: area.slug })).plan!;
    await first.plan.update({ ...loadedByFirst, title: "Priya's title", ragGreenPercent: 85 });
    const inspections = await db.inspection.count({ where: { localAreaId: area.localAreaId } });
    const audits = await db.auditEvent.count({ where: { entityId: area.planId } });

    const e = await refusal(
      second.plan.update({ ...loadedBySecond, title: "Tom's title", updateCadenceDays: 60, nextInspectionDate: "2027-05-01" }),
    );
    expect(e.code).toBe("CONFLICT");
    expect(details(e)).toMatchObject({
      current: { id: area.planId, version: 2, title: "Priya's title", ragGreenPercent: 85, ragAmberPercent: 70, updateCadenceDays: 30, nextInspectionDate: "" },
      changedBy: "Priya Shah",
    });
    expect(e.message).toMatch(/Priya Shah/);

    expect(await db.plan.findUniqueOrThrow({ where: { id: area.planId } })).toMatchObject({
      version: 2,
      title: "Priya's title",
      updateCadenceDays: 30,
      ragGreenThreshold: 0.85,
      followUpInspectionId: null,
    });
    // The stale save's follow-up inspection went with the rest of it.
    expect(await db.inspection.count({ where: { localAreaId: area.localAreaId } })).toBe(inspections);
    expect(await db.auditEvent.count({ where: { entityId: area.planId } })).toBe(audits);
  });

  it("is the lead's: a contributor is FORBIDDEN, a lead of another area gets NOT_FOUND", async () => {
    const area = await createAreaWithPlan(db);
    const lead = await callerFor(db, await createMember(db, area.localAreaId, "LEAD"));
    const form = (await lead.plan.settings({ slug: area.slug })).plan!;
    const contributor = await callerFor(db, await createMember(db, area.localAreaId, "CONTRIBUTOR"));
    expect((await refusal(contributor.plan.update({ ...form, title: "Mine now" }))).code).toBe("FORBIDDEN");
    const elsewhere = await createAreaWithPlan(db);
    const stranger = await callerFor(db, await createMember(db, elsewhere.localAreaId, "LEAD"));
    expect((await refusal(stranger.plan.update({ ...form, title: "Mine now" }))).code).toBe("NOT_FOUND");
    expect(await db.plan.findUniqueOrThrow({ where: { id: area.planId } })).toMatchObject({ version: 1, title: form.title });
  });

  it("does not reopen a closed plan while the area has another current plan", async () => {
    const area = await createAreaWithPlan(db, { plan: { status: "CLOSED", title: "The old WSOA" } });
    const { api } = await actingAs(db, await createMember(db, area.localAreaId, "LEAD"));
    const current = await api.plan.create({ slug: area.slug, ...PLAN, type: "APP", title: "The new APP" });
    const old = await db.plan.findUniqueOrThrow({ where: { id: area.planId } });
    const e = await refusal(
      api.plan.update({
        ...PLAN,
        id: old.id,
        version: old.version,
        title: old.title,
        status: "ACTIVE",
      }),
    );
    expect(e.code).toBe("CONFLICT");
    expect(await db.plan.findMany({ where: { localAreaId: area.localAreaId, status: { not: "CLOSED" } }, select: { id: true } })).toEqual([
      { id: current.id },
    ]);
  });
});

describe("plan.recordInspection", () => {
  it("records an inspection of the area, audited with the request id; a last day before the first is refused", async () => {
    const area = await createAreaWithPlan(db);
    const { api, requestId } = await actingAs(db, await createMember(db, area.localAreaId, "LEAD"));
    const base = { slug: area.slug, framework: "FRAMEWORK_2023", kind: "MONITORING", startDate: "2026-03-02", endDate: "2026-03-06", publishedDate: "", reportUrl: "" } as const;
    const inspection = await api.plan.recordInspection(base);
    expect(await db.inspection.findUniqueOrThrow({ where: { id: inspection.id } })).toMatchObject({
      localAreaId: area.localAreaId,
      kind: "MONITORING",
      startDate: new Date("2026-03-02T00:00:00Z"),
      endDate: new Date("2026-03-06T00:00:00Z"),
      publishedDate: null,
      reportUrl: null,
    });
    expect(await db.auditEvent.count({ where: { action: "inspection.create", entityId: inspection.id, requestId } })).toBe(1);
    const e = await refusal(api.plan.recordInspection({ ...base, endDate: "2026-03-01" }));
    expect(fieldErrors(e)).toEqual({ endDate: "The last day must be on or after the first day" });
  });
});

// Organisations ---------------------------------------------------------------------------------

describe("plan.addOrganisation", () => {
  it("adds an organisation to the area, audited with the request id", async () => {
    const area = await createAreaWithPlan(db);
    const { api, requestId } = await actingAs(db, await createMember(db, area.localAreaId, "LEAD"));
    const org = await api.plan.addOrganisation({ slug: area.slug, name: "  Northfield Primary School ", kind: "SCHOOL" });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      localAreaId: area.localAreaId,
      name: "Northfield Primary School",
      kind: "SCHOOL",
    });
    expect(await db.auditEvent.count({ where: { action: "organisation.create", entityId: org.id, requestId } })).toBe(1);
    expect((await api.plan.settings({ slug: area.slug })).organisations.map((o) => o.id)).toContain(org.id);
  });

  it("refuses a name the area already has, whatever its case, with a field error on name", async () => {
    const area = await createAreaWithPlan(db);
    const api = await callerFor(db, await createMember(db, area.localAreaId, "LEAD"));
    await api.plan.addOrganisation({ slug: area.slug, name: "Riverside ICB", kind: "ICB" });
    const count = await db.organisation.count({ where: { localAreaId: area.localAreaId } });
    const e = await refusal(api.plan.addOrganisation({ slug: area.slug, name: "RIVERSIDE icb", kind: "ICB" }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e).name).toMatch(/already has an organisation called RIVERSIDE icb/);
    expect(await db.organisation.count({ where: { localAreaId: area.localAreaId } })).toBe(count);

    // Another area may have its own organisation of that name.
    const elsewhere = await createAreaWithPlan(db);
    const theirLead = await callerFor(db, await createMember(db, elsewhere.localAreaId, "LEAD"));
    await expect(theirLead.plan.addOrganisation({ slug: elsewhere.slug, name: "Riverside ICB", kind: "ICB" })).resolves.toMatchObject({
      localAreaId: elsewhere.localAreaId,
    });
  });

  it("is the lead's: a contributor is FORBIDDEN", async () => {
    const area = await createAreaWithPlan(db);
    const contributor = await callerFor(db, await createMember(db, area.localAreaId, "CONTRIBUTOR"));
    expect((await refusal(contributor.plan.addOrganisation({ slug: area.slug, name: "Sneaky Ltd", kind: "OTHER" }))).code).toBe("FORBIDDEN");
  });
});

describe("plan.updateOrganisation", () => {
  /** An area with its council (from the factory), an organisation an import guessed wrong, and its lead. */
  async function guessedWrong() {
    const area = await createAreaWithPlan(db);
    const trust = await createOrganisation(db, { localAreaId: area.localAreaId, name: "Northgate Healthcare", kind: "OTHER" });
    const leadId = await createMember(db, area.localAreaId, "LEAD");
    return { area, trust, leadId };
  }

  it("corrects the name and kind, audited with before and after under the request id", async () => {
    const { area, trust, leadId } = await guessedWrong();
    const { api, requestId } = await actingAs(db, leadId);
    const saved = await api.plan.updateOrganisation({ id: trust.id, name: " Northgate NHS Foundation Trust ", kind: "NHS_TRUST" });
    expect(saved).toEqual({ id: trust.id, name: "Northgate NHS Foundation Trust", kind: "NHS_TRUST" });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: trust.id } })).toMatchObject({
      localAreaId: area.localAreaId,
      name: "Northgate NHS Foundation Trust",
      kind: "NHS_TRUST",
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "organisation.update", entityId: trust.id, requestId } })).toMatchObject({
      localAreaId: area.localAreaId,
      before: { name: "Northgate Healthcare", kind: "OTHER" },
      after: { name: "Northgate NHS Foundation Trust", kind: "NHS_TRUST" },
    });
    expect((await api.plan.settings({ slug: area.slug })).organisations.find((o) => o.id === trust.id)).toMatchObject({ kind: "NHS_TRUST" });
  });

  it("keeps the name unique in the area, whatever its case, but lets an organisation keep or recase its own", async () => {
    const { area, trust, leadId } = await guessedWrong();
    const api = await callerFor(db, leadId);
    const council = await db.organisation.findUniqueOrThrow({ where: { id: area.councilId } });
    const audits = await db.auditEvent.count({ where: { localAreaId: area.localAreaId } });
    const e = await refusal(api.plan.updateOrganisation({ id: trust.id, name: council.name.toUpperCase(), kind: "COUNCIL" }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e).name).toMatch(/already has an organisation called/);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: trust.id } })).toMatchObject({ name: "Northgate Healthcare", kind: "OTHER" });
    expect(await db.auditEvent.count({ where: { localAreaId: area.localAreaId } })).toBe(audits);

    // Its own name, the kind alone corrected; then the same name in other letters.
    await expect(api.plan.updateOrganisation({ id: trust.id, name: "Northgate Healthcare", kind: "NHS_TRUST" })).resolves.toMatchObject({ kind: "NHS_TRUST" });
    await expect(api.plan.updateOrganisation({ id: trust.id, name: "NORTHGATE Healthcare", kind: "NHS_TRUST" })).resolves.toMatchObject({ name: "NORTHGATE Healthcare" });
    // Another area's organisation of that name is no clash.
    const elsewhere = await createAreaWithPlan(db);
    await createOrganisation(db, { localAreaId: elsewhere.localAreaId, name: "Northgate Hospital", kind: "NHS_TRUST" });
    await expect(api.plan.updateOrganisation({ id: trust.id, name: "Northgate Hospital", kind: "NHS_TRUST" })).resolves.toMatchObject({ name: "Northgate Hospital" });
  });

  it("is the lead's, of the area's own organisations: not a contributor's, not another area's, not a national body", async () => {
    const { area, trust } = await guessedWrong();
    const change = { id: trust.id, name: "Renamed", kind: "ICB" as const };
    const contributor = await callerFor(db, await createMember(db, area.localAreaId, "CONTRIBUTOR"));
    expect((await refusal(contributor.plan.updateOrganisation(change))).code).toBe("FORBIDDEN");

    const elsewhere = await createAreaWithPlan(db);
    const theirLead = await callerFor(db, await createMember(db, elsewhere.localAreaId, "LEAD"));
    expect((await refusal(theirLead.plan.updateOrganisation(change))).code).toBe("NOT_FOUND");

    const dfe = await createOrganisation(db, { localAreaId: null, name: `Department for Education ${trust.id}`, kind: "DFE" });
    const lead = await callerFor(db, await createMember(db, area.localAreaId, "LEAD"));
    expect((await refusal(lead.plan.updateOrganisation({ id: dfe.id, name: "Renamed", kind: "DFE" }))).code).toBe("NOT_FOUND");
    const national = await callerFor(db, (await createUser(db, { globalRole: "NATIONAL" })).id);
    expect((await refusal(national.plan.updateOrganisation({ id: dfe.id, name: "Renamed", kind: "DFE" }))).code).toBe("NOT_FOUND");

    expect(await db.organisation.findUniqueOrThrow({ where: { id: trust.id } })).toMatchObject({ name: "Northgate Healthcare", kind: "OTHER" });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: dfe.id } })).toMatchObject({ name: dfe.name, kind: "DFE" });
  });
});

// Findings --------------------------------------------------------------------------------------

const FINDING = {
  kind: "SIGNIFICANT_WEAKNESS",
  inspectorsWording: "Leaders have not ensured that EHC plans are issued on time.",
  summary: "Too many EHC plans are late.",
} as const;

describe("finding.create and finding.update", () => {
  it("creates a finding on the plan, audited with the request id", async () => {
    const area = await createAreaWithPlan(db);
    const { api, requestId } = await actingAs(db, await createMember(db, area.localAreaId, "LEAD"));
    const finding = await api.finding.create({ planId: area.planId, ref: "2", ...FINDING });
    expect(await db.finding.findUniqueOrThrow({ where: { id: finding.id } })).toMatchObject({
      localAreaId: area.localAreaId,
      planId: area.planId,
      ref: "2",
      summary: FINDING.summary,
      sortOrder: 2,
      version: 1,
    });
    expect(await db.auditEvent.count({ where: { action: "finding.create", entityId: finding.id, requestId } })).toBe(1);
  });

  it("refuses a reference the plan already has, with a field error on ref", async () => {
    const area = await createAreaWithPlan(db);
    const api = await callerFor(db, await createMember(db, area.localAreaId, "LEAD"));
    const e = await refusal(api.finding.create({ planId: area.planId, ref: "1", ...FINDING }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e)).toEqual({ ref: "This plan already has a finding 1" });
    expect(await db.finding.count({ where: { planId: area.planId } })).toBe(1);

    // Renaming another finding onto the taken reference is refused the same way.
    const second = await api.finding.create({ planId: area.planId, ref: "2", ...FINDING });
    const e2 = await refusal(api.finding.update({ ...second, ref: "1" }));
    expect(fieldErrors(e2)).toEqual({ ref: "This plan already has a finding 1" });
  });

  it("updates with the version loaded; a stale version is a CONFLICT that changes nothing", async () => {
    const area = await createAreaWithPlan(db);
    const { api: first, requestId } = await actingAs(db, await createMember(db, area.localAreaId, "LEAD", "Amira Khan"));
    const second = await callerFor(db, await createMember(db, area.localAreaId, "LEAD"));
    const loaded = await first.finding.forEdit({ id: area.findingId });
    const form = { id: loaded.id, version: loaded.version, ref: loaded.ref, kind: loaded.kind, inspectorsWording: loaded.inspectorsWording, summary: loaded.summary };
    const saved = await first.finding.update({ ...form, summary: "Amira's summary" });
    expect(saved).toMatchObject({ version: 2, summary: "Amira's summary" });
    expect(await db.auditEvent.count({ where: { action: "finding.update", entityId: area.findingId, requestId } })).toBe(1);
    const audits = await db.auditEvent.count({ where: { entityId: area.findingId } });

    const e = await refusal(second.finding.update({ ...form, summary: "Stale summary", kind: "PRIORITY_ACTION" }));
    expect(e.code).toBe("CONFLICT");
    expect(details(e)).toMatchObject({ current: { id: area.findingId, version: 2, summary: "Amira's summary" }, changedBy: "Amira Khan" });
    expect(await db.finding.findUniqueOrThrow({ where: { id: area.findingId } })).toMatchObject({
      version: 2,
      summary: "Amira's summary",
      kind: "SIGNIFICANT_WEAKNESS",
    });
    expect(await db.auditEvent.count({ where: { entityId: area.findingId } })).toBe(audits);
  });
});

// Actions ---------------------------------------------------------------------------------------

/**
 * A plan with a finding, its first action, a lead, an owner and partner organisations. A draft
 * plan: once accepted, titles and due dates change only through change requests (change-requests.test.ts).
 */
async function actionScene() {
  const area = await createAreaWithPlan(db, { plan: { status: "DRAFT", submittedDate: null, acceptedDate: null } });
  const leadId = await createMember(db, area.localAreaId, "LEAD", "Lena Lead");
  const ownerId = await createMember(db, area.localAreaId, "CONTRIBUTOR");
  const school = await createOrganisation(db, { localAreaId: area.localAreaId, name: "Hillside School", kind: "SCHOOL" });
  const icb = await createOrganisation(db, { localAreaId: area.localAreaId, name: "Hillside ICB", kind: "ICB" });
  const fields: ActionFields = {
    findingId: area.findingId,
    ref: "1.2",
    title: "Review short breaks",
    description: "Ask families what they need from short breaks.",
    ownerId,
    leadOrganisationId: area.councilId,
    partnerOrganisationIds: [school.id, icb.id],
    startDate: fromDay(day(-10)),
    dueDate: fromDay(day(80)),
    dependsOnIds: [area.actionId],
    coproductionLevel: "CO_PRODUCING",
  };
  return { area, leadId, ownerId, school, icb, fields };
}

describe("action.create", () => {
  it("creates the action with its owner, lead and partner organisations and dependencies, audited", async () => {
    const { area, leadId, ownerId, school, icb, fields } = await actionScene();
    const { api, requestId } = await actingAs(db, leadId);
    const created = await api.action.create(fields);
    expect(created).toMatchObject({ ...fields, version: 1, partnerOrganisationIds: expect.arrayContaining([school.id, icb.id]) as unknown });
    const row = await db.action.findUniqueOrThrow({
      where: { id: created.id },
      include: { partnerOrganisations: { select: { id: true } }, dependsOn: { select: { id: true } } },
    });
    expect(row).toMatchObject({
      localAreaId: area.localAreaId,
      findingId: area.findingId,
      ref: "1.2",
      ownerId,
      leadOrganisationId: area.councilId,
      startDate: day(-10),
      dueDate: day(80),
      coproductionLevel: "CO_PRODUCING",
      status: "NOT_STARTED",
      progress: 0,
    });
    expect(row.partnerOrganisations.map((o) => o.id).sort()).toEqual([school.id, icb.id].sort());
    expect(row.dependsOn).toEqual([{ id: area.actionId }]);
    expect(await db.auditEvent.count({ where: { action: "action.create", entityId: created.id, requestId, localAreaId: area.localAreaId } })).toBe(1);
  });

  it("refuses an owner who is not a lead or contributor in the area, with a field error on ownerId", async () => {
    const { area, leadId, fields } = await actionScene();
    const api = await callerFor(db, leadId);
    const forum = await createMember(db, area.localAreaId, "FORUM");
    const viewer = await createMember(db, area.localAreaId, "VIEWER");
    const nobody = (await createUser(db)).id;
    const elsewhere = await createAreaWithPlan(db);
    const theirContributor = await createMember(db, elsewhere.localAreaId, "CONTRIBUTOR");
    for (const ownerId of [forum, viewer, nobody, theirContributor]) {
      const e = await refusal(api.action.create({ ...fields, ownerId }));
      expect(e.code).toBe("BAD_REQUEST");
      expect(fieldErrors(e)).toEqual({ ownerId: "Choose an owner who is a lead or contributor in this area" });
    }
    expect(await db.action.count({ where: { findingId: area.findingId } })).toBe(1);
  });

  it("refuses an organisation of another area, as partner or as lead", async () => {
    const { area, leadId, fields } = await actionScene();
    const api = await callerFor(db, leadId);
    const elsewhere = await createAreaWithPlan(db);
    const asPartner = await refusal(api.action.create({ ...fields, partnerOrganisationIds: [...fields.partnerOrganisationIds, elsewhere.councilId] }));
    expect(asPartner.code).toBe("BAD_REQUEST");
    expect(fieldErrors(asPartner)).toHaveProperty("partnerOrganisationIds", "Choose organisations of this area");
    const asLead = await refusal(api.action.create({ ...fields, leadOrganisationId: elsewhere.councilId }));
    expect(asLead.code).toBe("BAD_REQUEST");
    expect(await db.action.count({ where: { findingId: area.findingId } })).toBe(1);
  });

  it("refuses a due date before the start date in the schema, with a field error on dueDate", async () => {
    const { area, leadId, fields } = await actionScene();
    const api = await callerFor(db, leadId);
    const e = await refusal(api.action.create({ ...fields, startDate: "2026-05-10", dueDate: "2026-05-09" }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.cause).toBeInstanceOf(ZodError);
    expect(fieldErrors(e)).toEqual({ dueDate: "The due date must be on or after the start date" });
    // The same day is fine.
    await expect(api.action.create({ ...fields, startDate: "2026-05-10", dueDate: "2026-05-10" })).resolves.toMatchObject({ dueDate: "2026-05-10" });
    expect(await db.action.count({ where: { findingId: area.findingId } })).toBe(2);
  });

  it("refuses a reference the finding already has, with a field error on ref", async () => {
    const { leadId, fields } = await actionScene();
    const api = await callerFor(db, leadId);
    const e = await refusal(api.action.create({ ...fields, ref: "1.1" }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e)).toEqual({ ref: "This finding already has an action 1.1" });
  });

  it("is the lead's: a contributor is FORBIDDEN, a member of another area gets NOT_FOUND", async () => {
    const { area, ownerId, fields } = await actionScene();
    expect((await refusal((await callerFor(db, ownerId)).action.create(fields))).code).toBe("FORBIDDEN");
    const elsewhere = await createAreaWithPlan(db);
    const stranger = await callerFor(db, await createMember(db, elsewhere.localAreaId, "LEAD"));
    expect((await refusal(stranger.action.create(fields))).code).toBe("NOT_FOUND");
    expect(await db.action.count({ where: { findingId: area.findingId } })).toBe(1);
  });
});

describe("action.update", () => {
  it("saves the lead's edit with the version loaded, audited with the request id", async () => {
    const { area, leadId, ownerId, school } = await actionScene();
    const { api, requestId } = await actingAs(db, leadId);
    const { values } = await api.action.forEdit({ id: area.actionId });
    const saved = await api.action.update({ ...values, title: "Renamed", ownerId, partnerOrganisationIds: [school.id], dueDate: fromDay(day(200)) });
    expect(saved).toMatchObject({ version: values.version + 1, title: "Renamed", ownerId, partnerOrganisationIds: [school.id], dueDate: fromDay(day(200)) });
    expect(await db.action.findUniqueOrThrow({ where: { id: area.actionId } })).toMatchObject({ title: "Renamed", ownerId, dueDate: day(200) });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "action.update", entityId: area.actionId, requestId } });
    expect(audit.before).toMatchObject({ title: values.title });
    expect(audit.after).toMatchObject({ title: "Renamed" });
  });

  it("refuses a dependency loop: A depends on B, then B on A (and B on C where C depends on A)", async () => {
    const { area, leadId, fields } = await actionScene();
    const api = await callerFor(db, leadId);
    const b = area.actionId;
    const a = await api.action.create({ ...fields, ref: "1.2", dependsOnIds: [b] });
    const c = await api.action.create({ ...fields, ref: "1.3", dependsOnIds: [a.id] });
    const bForm = (await api.action.forEdit({ id: b })).values;

    for (const dependsOnIds of [[a.id], [c.id]]) {
      const e = await refusal(api.action.update({ ...bForm, dependsOnIds }));
      expect(e.code).toBe("BAD_REQUEST");
      expect(fieldErrors(e).dependsOnIds).toMatch(/would make a loop/);
    }
    const bNow = await db.action.findUniqueOrThrow({ where: { id: b }, include: { dependsOn: true } });
    expect(bNow.dependsOn).toEqual([]);
    expect(bNow.version).toBe(bForm.version);
    // Depending on an action both directly and through another is not a loop.
    await expect(api.action.update({ ...(await api.action.forEdit({ id: c.id })).values, dependsOnIds: [a.id, b] })).resolves.toMatchObject({
      dependsOnIds: expect.arrayContaining([a.id, b]) as unknown,
    });
  });

  it("refuses an action depending on itself", async () => {
    const { area, leadId } = await actionScene();
    const api = await callerFor(db, leadId);
    const { values } = await api.action.forEdit({ id: area.actionId });
    const e = await refusal(api.action.update({ ...values, dependsOnIds: [area.actionId] }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e)).toEqual({ dependsOnIds: "An action cannot depend on itself" });
    expect(await db.action.findUniqueOrThrow({ where: { id: area.actionId } })).toMatchObject({ version: values.version });
  });

  it("refuses a dependency on an action of another area", async () => {
    const { area, leadId } = await actionScene();
    const api = await callerFor(db, leadId);
    const elsewhere = await createAreaWithPlan(db);
    const { values } = await api.action.forEdit({ id: area.actionId });
    const e = await refusal(api.action.update({ ...values, dependsOnIds: [elsewhere.actionId] }));
    expect(fieldErrors(e)).toEqual({ dependsOnIds: "Choose actions of this plan" });
  });

  it("two editors load the same version: the first save wins, the second is a CONFLICT showing the first's change", async () => {
    const { area, fields } = await actionScene();
    const first = await callerFor(db, await createMember(db, area.localAreaId, "LEAD", "Grace Okafor"));
    const second = await callerFor(db, await createMember(db, area.localAreaId, "LEAD"));
    const own = await createAction(db, { findingId: area.findingId, ref: "1.9", title: "Original title" });
    const forFirst = (await first.action.forEdit({ id: own.id })).values;
    const forSecond = (await second.action.forEdit({ id: own.id })).values;
    expect(forFirst.version).toBe(forSecond.version);

    await first.action.update({ ...forFirst, title: "Grace's title", dueDate: fromDay(day(90)) });
    const audits = await db.auditEvent.count({ where: { entityId: own.id } });
    const e = await refusal(second.action.update({ ...forSecond, title: "Second title", description: "Second description", ownerId: fields.ownerId }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/Grace Okafor/);
    expect(details(e)).toMatchObject({
      current: { id: own.id, version: forFirst.version + 1, title: "Grace's title", dueDate: fromDay(day(90)), description: forFirst.description, ownerId: "" },
      changedBy: "Grace Okafor",
    });
    expect(await db.action.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({
      version: forFirst.version + 1,
      title: "Grace's title",
      description: forFirst.description,
      ownerId: null,
      dueDate: day(90),
    });
    expect(await db.auditEvent.count({ where: { entityId: own.id } })).toBe(audits);
  });

  it("a contributor may not edit an action's structure, not even one they own (FORBIDDEN); another area's member gets NOT_FOUND", async () => {
    const { area, leadId } = await actionScene();
    const contributorId = await createMember(db, area.localAreaId, "CONTRIBUTOR");
    const theirs = await createAction(db, { findingId: area.findingId, ref: "1.5", ownerId: contributorId });
    const lead = await callerFor(db, leadId);
    const contributor = await callerFor(db, contributorId);
    const stranger = await callerFor(db, await createMember(db, (await createAreaWithPlan(db)).localAreaId, "LEAD"));

    for (const id of [area.actionId, theirs.id]) {
      const { values } = await lead.action.forEdit({ id });
      expect((await refusal(contributor.action.update({ ...values, title: "Changed by a contributor" }))).code).toBe("FORBIDDEN");
      expect((await refusal(contributor.action.forEdit({ id }))).code).toBe("FORBIDDEN");
      expect((await refusal(stranger.action.update({ ...values, title: "Changed by a stranger" }))).code).toBe("NOT_FOUND");
      expect((await refusal(stranger.action.forEdit({ id }))).code).toBe("NOT_FOUND");
      expect(await db.action.findUniqueOrThrow({ where: { id } })).toMatchObject({ version: values.version, title: values.title });
    }
  });
});
