/**
 * Change control on an accepted plan, through the real routers on PostgreSQL: who may decide a
 * change, what approval applies and keeps, and what the editors and the import refuse.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createAreaWithPlan, createMeasure, createMeasureMilestone, createUser, day } from "@/prisma/factories";
import { exportPlanWorkbook } from "@/server/services/plan-transfer/plan-export";
import { previewPlanImport } from "@/server/services/plan-transfer/plan-import";
import { readXlsx } from "@/server/services/plan-transfer/read-workbook";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { fromDay } from "@/lib/calendar";
import { actingAs, callerFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let other: Awaited<ReturnType<typeof createAreaWithPlan>>;
const people = {} as Record<"LEAD" | "CONTRIBUTOR" | "FORUM" | "ADVISER" | "VIEWER" | "NATIONAL" | "OTHER_ADVISER", string>;

beforeAll(async () => {
  db = testDb();
  // createAreaWithPlan's plan is ACTIVE with an accepted date: under change control.
  area = await createAreaWithPlan(db);
  other = await createAreaWithPlan(db);
  for (const role of ["LEAD", "CONTRIBUTOR", "FORUM", "ADVISER", "VIEWER"] as const) people[role] = await createMember(db, area.localAreaId, role, `${role} person`);
  people.NATIONAL = (await createUser(db, { globalRole: "NATIONAL" })).id;
  people.OTHER_ADVISER = await createMember(db, other.localAreaId, "ADVISER");
});
afterAll(() => db.$disconnect());

/** A fresh action on the accepted plan and a pending request to move its due date. */
async function requestedDueDate() {
  const action = await createAction(db, { findingId: area.findingId, startDate: day(-30), dueDate: day(60) });
  const lead = await callerFor(db, people.LEAD);
  const request = await lead.changeRequest.request({ field: "action.dueDate", entityId: action.id, newValue: fromDay(day(120)), reason: "The supplier needs longer." });
  return { action, request };
}

describe("deciding a change request", () => {
  it("only an ADVISER of that area may decide: other roles FORBIDDEN, another area's adviser NOT_FOUND, nothing changes", async () => {
    const { action, request } = await requestedDueDate();
    for (const who of ["LEAD", "CONTRIBUTOR", "FORUM", "VIEWER", "NATIONAL"] as const) {
      const e = await refusal((await callerFor(db, people[who])).changeRequest.decide({ id: request.id, decision: "APPROVE", note: "" }));
      expect(e.code, who).toBe("FORBIDDEN");
    }
    const elsewhere = await refusal((await callerFor(db, people.OTHER_ADVISER)).changeRequest.decide({ id: request.id, decision: "APPROVE", note: "" }));
    expect(elsewhere.code).toBe("NOT_FOUND");
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "PENDING", decidedById: null });
    expect(await db.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ dueDate: day(60), version: action.version });
  });

  it("approval applies the new value with a version bump, audits both, and the history keeps the old value", async () => {
    const { action, request } = await requestedDueDate();
    expect(request).toMatchObject({ oldValue: fromDay(day(60)), newValue: fromDay(day(120)), status: "PENDING" });
    const { api, requestId } = await actingAs(db, people.ADVISER);
    await expect(api.changeRequest.decide({ id: request.id, decision: "APPROVE", note: "Agreed at the stocktake." })).resolves.toEqual({ id: request.id, status: "APPROVED" });

    expect(await db.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ dueDate: day(120), version: action.version + 1 });
    const events = await db.auditEvent.findMany({ where: { requestId }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action).sort()).toEqual(["action.update", "changeRequest.approve"]);
    expect(events.find((e) => e.action === "action.update")).toMatchObject({ before: { dueDate: fromDay(day(60)) }, after: { dueDate: fromDay(day(120)) } });

    const history = await (await callerFor(db, people.VIEWER)).changeRequest.history({ entityType: "Action", entityId: action.id });
    expect(history.requests).toEqual([
      expect.objectContaining({
        field: "action.dueDate",
        oldValue: fromDay(day(60)),
        newValue: fromDay(day(120)),
        status: "APPROVED",
        reason: "The supplier needs longer.",
        requestedByName: "LEAD person",
        decidedByName: "ADVISER person",
        decisionNote: "Agreed at the stocktake.",
      }),
    ]);
    // Decided once: a second decision is a CONFLICT.
    expect((await refusal(api.changeRequest.decide({ id: request.id, decision: "REJECT", note: "Changed my mind." }))).code).toBe("CONFLICT");
  });

  it("rejection keeps the record as it was", async () => {
    const { action, request } = await requestedDueDate();
    const adviser = await callerFor(db, people.ADVISER);
    expect((await refusal(adviser.changeRequest.decide({ id: request.id, decision: "REJECT", note: "" }))).code).toBe("BAD_REQUEST");
    await adviser.changeRequest.decide({ id: request.id, decision: "REJECT", note: "Keep to the date: families were told." });
    expect(await db.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ dueDate: day(60), version: action.version });
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "REJECTED", decidedById: people.ADVISER });
  });

  it("refuses to approve a stale request (the record changed since) with CONFLICT, and leaves it pending", async () => {
    const { action, request } = await requestedDueDate();
    await db.action.update({ where: { id: action.id }, data: { dueDate: day(75), version: { increment: 1 } } });
    const e = await refusal((await callerFor(db, people.ADVISER)).changeRequest.decide({ id: request.id, decision: "APPROVE", note: "" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/has changed since this request was made/);
    expect(await db.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ dueDate: day(75) });
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "PENDING" });
  });

  it("approves a new trajectory, and the finding's chart keeps the superseded one", async () => {
    const measure = await createMeasure(db, { planId: area.planId, findingIds: [area.findingId], baselineDate: day(-365), targetDate: day(180) });
    await createMeasureMilestone(db, { measureId: measure.id, date: day(30), targetValue: 35 });
    const lead = await callerFor(db, people.LEAD);
    const request = await lead.changeRequest.request({
      field: "measure.milestones",
      entityId: measure.id,
      newValue: [{ date: fromDay(day(60)), targetValue: 30 }],
      reason: "The new assessment service opened late.",
    });
    await (await callerFor(db, people.ADVISER)).changeRequest.decide({ id: request.id, decision: "APPROVE", note: "" });
    expect((await db.measureMilestone.findMany({ where: { measureId: measure.id } })).map((m) => [fromDay(m.date), m.targetValue])).toEqual([[fromDay(day(60)), 30]]);
    const finding = await (await callerFor(db, people.VIEWER)).finding.byId({ id: area.findingId });
    const chart = finding.measures.find((m) => m.id === measure.id)!.chart;
    expect(chart.superseded?.[0]?.points).toContainEqual({ date: fromDay(day(30)), value: 35 });
  });
});

describe("requesting a change", () => {
  it("is the LEAD's: a reason is required, the value must differ, the result must be valid, one pending per field", async () => {
    const action = await createAction(db, { findingId: area.findingId, startDate: day(-30), dueDate: day(60) });
    const lead = await callerFor(db, people.LEAD);
    const contributor = await callerFor(db, people.CONTRIBUTOR);
    const base = { field: "action.dueDate" as const, entityId: action.id, reason: "Because." };
    expect((await refusal(contributor.changeRequest.request({ ...base, newValue: fromDay(day(90)) }))).code).toBe("FORBIDDEN");
    expect((await refusal(lead.changeRequest.request({ ...base, reason: " ", newValue: fromDay(day(90)) }))).code).toBe("BAD_REQUEST");
    expect(fieldErrors(await refusal(lead.changeRequest.request({ ...base, newValue: fromDay(day(60)) }))).newValue).toMatch(/already/);
    expect(fieldErrors(await refusal(lead.changeRequest.request({ ...base, newValue: fromDay(day(-60)) }))).newValue).toMatch(/on or after the start date/);
    await lead.changeRequest.request({ ...base, newValue: fromDay(day(90)) });
    expect((await refusal(lead.changeRequest.request({ ...base, newValue: fromDay(day(100)) }))).code).toBe("CONFLICT");
  });

  it("is refused on a plan not yet accepted: the editor changes it directly", async () => {
    const draft = await createAreaWithPlan(db, { plan: { status: "DRAFT", submittedDate: null, acceptedDate: null } });
    const lead = await callerFor(db, await createMember(db, draft.localAreaId, "LEAD"));
    const e = await refusal(lead.changeRequest.request({ field: "action.title", entityId: draft.actionId, newValue: "New", reason: "Clearer." }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/not been accepted/);
  });
});

describe("direct edits of controlled fields on an accepted plan", () => {
  it("the action editor refuses a new due date beside the field, and saves other fields", async () => {
    const action = await createAction(db, { findingId: area.findingId });
    const lead = await callerFor(db, people.LEAD);
    const { values, planAccepted } = await lead.action.forEdit({ id: action.id });
    expect(planAccepted).toBe(true);
    const e = await refusal(lead.action.update({ ...values, dueDate: fromDay(day(300)) }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(fieldErrors(e)).toEqual({ dueDate: "This plan has been accepted: request a change to the due date instead" });
    expect(await db.action.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ version: action.version, dueDate: action.dueDate });
    await expect(lead.action.update({ ...values, coproductionLevel: "ENGAGING" })).resolves.toMatchObject({ coproductionLevel: "ENGAGING" });
  });

  it("the measure editor refuses a new target", async () => {
    const measure = await createMeasure(db, { planId: area.planId, findingIds: [area.findingId] });
    const lead = await callerFor(db, people.LEAD);
    const { form } = await lead.measure.byId({ id: measure.id });
    const e = await refusal(lead.measure.update({ ...form, targetValue: 75 }));
    expect(fieldErrors(e)).toEqual({ targetValue: "This plan has been accepted: request a change to the target value instead" });
  });

  it("the workbook import refuses them on the cell to correct", async () => {
    const read = await readXlsx(new Uint8Array(await exportPlanWorkbook(db, area.localAreaId)));
    const actions = read.sheets.find((s) => s.name === "Actions")!;
    actions.rows[0]!.cells[actions.header.indexOf("Title")] = "A quietly different title";
    actions.rows[0]!.cells[actions.header.indexOf("Progress")] = 55;
    const report = await previewPlanImport(db, { localAreaId: area.localAreaId, sheets: read.sheets });
    expect(report.errors).toEqual([
      { sheet: "Actions", row: 2, column: "Title", message: "This plan has been accepted: request a change to the title instead" },
    ]);
  });
});
