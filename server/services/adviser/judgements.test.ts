/** Judgements on findings and the APP that follows a revisit's "not sufficient progress". */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAction,
  createAreaWithPlan,
  createEvidence,
  createFinding,
  createInspection,
  createMeasure,
  createMeasureMilestone,
  createMeasureValue,
  createOrganisation,
  createUser,
  day,
} from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { fromDay } from "@/lib/calendar";
import { formatDate, formatDateRange } from "@/lib/format/dates";
import { actingAs, callerFor, createMember, fieldErrors, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

/** An area with an accepted WSOA of three findings, its revisit held, a lead and an adviser. */
async function wsoaAfterRevisit() {
  const area = await createAreaWithPlan(db, { finding: { summary: "EHC plans are late." } });
  const revisit = await createInspection(db, { localAreaId: area.localAreaId, kind: "REVISIT", startDate: day(-30), endDate: day(-27), outcome: null });
  const second = await createFinding(db, { planId: area.planId, ref: "2", summary: "Leaders do not know how long families wait." });
  const third = await createFinding(db, { planId: area.planId, ref: "3", summary: "Co-production is weak." });
  const leadId = await createMember(db, area.localAreaId, "LEAD", "Lena Lead");
  const adviserId = await createMember(db, area.localAreaId, "ADVISER", "Ada Adviser");
  return { area, revisit, second, third, leadId, adviserId };
}

const letter = "https://reports.example/revisit-letter";

describe("judgements", () => {
  it("an adviser records a judgement with its date, letter and inspection, audited; others may not", async () => {
    const { area, revisit, leadId, adviserId } = await wsoaAfterRevisit();
    const { api, requestId } = await actingAs(db, adviserId);
    const judgement = { findingId: area.findingId, judgement: "NOT_SUFFICIENT" as const, date: fromDay(day(-2)), letterUrl: letter, inspectionId: revisit.id };
    await api.adviser.recordJudgement(judgement);
    expect(await db.finding.findUniqueOrThrow({ where: { id: area.findingId } })).toMatchObject({
      judgement: "NOT_SUFFICIENT",
      judgementDate: day(-2),
      judgementSource: letter,
      judgementInspectionId: revisit.id,
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { requestId } })).toMatchObject({ action: "finding.judge", entityId: area.findingId });

    expect((await refusal((await callerFor(db, leadId)).adviser.recordJudgement(judgement))).code).toBe("FORBIDDEN");
    const national = await callerFor(db, (await createUser(db, { globalRole: "NATIONAL" })).id);
    expect((await refusal(national.adviser.recordJudgement(judgement))).code).toBe("FORBIDDEN");
    const elsewhere = await createAreaWithPlan(db);
    const stranger = await callerFor(db, await createMember(db, elsewhere.localAreaId, "ADVISER"));
    expect((await refusal(stranger.adviser.recordJudgement(judgement))).code).toBe("NOT_FOUND");
  });

  it("refuses a letter that is not https, a judgement that does not fit the finding, a future date, another area's inspection", async () => {
    const { area, adviserId } = await wsoaAfterRevisit();
    const api = await callerFor(db, adviserId);
    const judgement = { findingId: area.findingId, judgement: "SUFFICIENT" as const, date: fromDay(day(-2)), letterUrl: letter, inspectionId: "" };
    expect(fieldErrors(await refusal(api.adviser.recordJudgement({ ...judgement, letterUrl: "http://reports.example/x" }))).letterUrl).toMatch(/https/);
    expect(fieldErrors(await refusal(api.adviser.recordJudgement({ ...judgement, judgement: "EFFECTIVE" }))).judgement).toMatch(/sufficient progress/);
    expect(fieldErrors(await refusal(api.adviser.recordJudgement({ ...judgement, date: fromDay(day(2)) }))).date).toMatch(/today or earlier/);
    const elsewhere = await createAreaWithPlan(db);
    const theirs = await createInspection(db, { localAreaId: elsewhere.localAreaId, kind: "REVISIT" });
    expect(fieldErrors(await refusal(api.adviser.recordJudgement({ ...judgement, inspectionId: theirs.id }))).inspectionId).toMatch(/Choose one of/);
  });

  it("moves the plan to revisited once every finding is judged, audited with the judgement; the area home then shows the outcome, never 'overdue'", async () => {
    const { area, revisit, second, third, adviserId } = await wsoaAfterRevisit();
    // The revisit was expected well before it was held: before it happened, that would be overdue.
    await db.plan.update({ where: { id: area.planId }, data: { followUpInspectionId: revisit.id } });
    await db.inspection.update({ where: { id: revisit.id }, data: { startDate: null, endDate: null, expectedDate: day(-60), dateIsEstimate: true } });
    const judge = async (findingId: string, judgement: "SUFFICIENT" | "NOT_SUFFICIENT") => {
      const { api, requestId } = await actingAs(db, adviserId);
      const result = await api.adviser.recordJudgement({ findingId, judgement, date: fromDay(day(-2)), letterUrl: letter, inspectionId: revisit.id });
      return { result, actions: (await db.auditEvent.findMany({ where: { requestId }, orderBy: { action: "asc" } })).map((e) => e.action) };
    };
    const home = async () => (await (await callerFor(db, adviserId)).area.home({ slug: area.slug })).plan!;

    expect((await home()).followUp).toMatchObject({ happened: false, overdue: true });
    expect((await home()).journey).toMatchObject({ stage: "IN_DELIVERY", hasHappened: false, outcome: null });

    // Partly judged: the status waits for the last finding, but the revisit has happened.
    expect(await judge(area.findingId, "SUFFICIENT")).toEqual({ result: expect.objectContaining({ planStatus: "ACTIVE" }), actions: ["finding.judge"] });
    expect(await judge(second.id, "NOT_SUFFICIENT")).toMatchObject({ actions: ["finding.judge"] });
    expect((await db.plan.findUniqueOrThrow({ where: { id: area.planId } })).status).toBe("ACTIVE");
    const partly = await home();
    expect(partly.followUp).toMatchObject({ happened: true, overdue: false });
    expect(partly.journey).toMatchObject({ stage: "FOLLOWED_UP", stageLabel: "Revisited", outcome: { judged: 2, findings: 3, complete: false } });

    // The last one: revisited, audited as a change to the plan in the same request.
    const last = await judge(third.id, "SUFFICIENT");
    expect(last).toEqual({ result: expect.objectContaining({ planStatus: "REVISITED" }), actions: ["finding.judge", "plan.update"] });
    const plan = await db.plan.findUniqueOrThrow({ where: { id: area.planId } });
    expect(plan.status).toBe("REVISITED");
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: area.planId, action: "plan.update" } })).toMatchObject({
      before: { status: "ACTIVE" },
      after: { status: "REVISITED" },
    });
    // A correction after that leaves the status alone, and writes no second change to the plan.
    expect(await judge(third.id, "NOT_SUFFICIENT")).toMatchObject({ result: { planStatus: "REVISITED" }, actions: ["finding.judge"] });

    const judged = await home();
    expect(judged.followUp).toMatchObject({ happened: true, overdue: false });
    expect(judged.journey).toMatchObject({
      stage: "FOLLOWED_UP",
      hasHappened: true,
      outcome: { kind: "REVISIT", judged: 3, positive: 1, complete: true, letterUrl: revisit.reportUrl, datesFrom: "judgements" },
    });
    // The revisit's own dates were never recorded: the judgements' date stands in.
    expect(judged.journey.headline).toBe(`Revisit ${formatDate(day(-2))}: sufficient progress in 1 of 3 areas`);
    expect(judged.findings.map((f) => f.judgement?.judgement)).toEqual(["SUFFICIENT", "NOT_SUFFICIENT", "NOT_SUFFICIENT"]);
    // The finding page carries its judgement and the letter.
    const finding = await (await callerFor(db, adviserId)).finding.byId({ id: second.id });
    expect(finding.judgement).toMatchObject({ judgement: "NOT_SUFFICIENT", date: fromDay(day(-2)), letterUrl: letter, imported: false, inspection: { kind: "REVISIT" } });
  });

  it("moves a 2023 plan to monitored, by its follow-up's kind when its source inspection is not recorded", async () => {
    const area = await createAreaWithPlan(db, { plan: { type: "PRIORITY_ACTION_PLAN" }, finding: { kind: "PRIORITY_ACTION" } });
    const monitoring = await createInspection(db, { localAreaId: area.localAreaId, framework: "FRAMEWORK_2023", kind: "MONITORING", startDate: day(-10), endDate: day(-8), outcome: null });
    await db.plan.update({ where: { id: area.planId }, data: { followUpInspectionId: monitoring.id, sourceInspectionId: null } });
    const adviser = await callerFor(db, await createMember(db, area.localAreaId, "ADVISER"));
    const result = await adviser.adviser.recordJudgement({ findingId: area.findingId, judgement: "EFFECTIVE", date: fromDay(day(-1)), letterUrl: letter, inspectionId: monitoring.id });
    expect(result.planStatus).toBe("MONITORED");
    const home = (await adviser.area.home({ slug: area.slug })).plan!;
    expect(home.status).toBe("MONITORED");
    expect(home.journey.headline).toBe(`Monitoring inspection ${formatDateRange(day(-10), day(-8))}: action effective in 1 of 1 area`);
  });
});

describe("starting an APP from the WSOA", () => {
  it("carries forward only the findings judged insufficient, each linked to its predecessor, and supersedes the WSOA", async () => {
    const { area, revisit, second, third, leadId, adviserId } = await wsoaAfterRevisit();
    const adviser = await callerFor(db, adviserId);
    const judge = (findingId: string, judgement: "SUFFICIENT" | "NOT_SUFFICIENT") =>
      adviser.adviser.recordJudgement({ findingId, judgement, date: fromDay(day(-2)), letterUrl: letter, inspectionId: revisit.id });
    await judge(area.findingId, "NOT_SUFFICIENT");
    await judge(second.id, "SUFFICIENT");
    await judge(third.id, "NOT_SUFFICIENT");

    const lead = await callerFor(db, leadId);
    const page = await lead.adviser.judgements({ slug: area.slug });
    expect(page.app).toMatchObject({ eligible: true });
    expect(page.app!.carriedForward.map((f) => f.ref)).toEqual(["1", "3"]);
    // Only the LEAD starts it.
    expect((await refusal(adviser.adviser.startApp({ slug: area.slug }))).code).toBe("FORBIDDEN");

    const { api, requestId } = await actingAs(db, leadId);
    const app = await api.adviser.startApp({ slug: area.slug });
    const plan = await db.plan.findUniqueOrThrow({ where: { id: app.id }, include: { findings: { orderBy: { ref: "asc" } } } });
    expect(plan).toMatchObject({ type: "APP", status: "DRAFT", predecessorId: area.planId, sourceInspectionId: revisit.id, localAreaId: area.localAreaId });
    expect(plan.findings.map((f) => [f.ref, f.predecessorId, f.summary])).toEqual([
      ["1", area.findingId, "EHC plans are late."],
      ["3", third.id, "Co-production is weak."],
    ]);
    expect(plan.findings.every((f) => f.judgement === null)).toBe(true);
    expect(await db.plan.findUniqueOrThrow({ where: { id: area.planId } })).toMatchObject({ status: "SUPERSEDED" });
    // The WSOA's one action (finding 1, in progress) is carried; its supersession and the follow-up are audited.
    expect((await db.auditEvent.findMany({ where: { requestId } })).map((e) => e.action).sort()).toEqual([
      "action.create",
      "finding.create",
      "finding.create",
      "inspection.create",
      "plan.startApp",
      "plan.update",
    ]);
    expect(await db.auditEvent.findFirstOrThrow({ where: { requestId, action: "plan.update" } })).toMatchObject({
      entityId: area.planId,
      // Every finding judged: the WSOA was revisited when the APP superseded it.
      before: { status: "REVISITED" },
      after: { status: "SUPERSEDED", successorId: app.id },
    });
    // The APP is now the area's current plan; a second APP from the same WSOA is a CONFLICT.
    expect((await lead.adviser.judgements({ slug: area.slug })).plan).toMatchObject({ id: app.id, predecessor: { id: area.planId } });
    expect((await refusal(lead.adviser.startApp({ slug: area.slug }))).code).toBe("CONFLICT");
  });

  it("is refused while no finding is judged insufficient", async () => {
    const { area, leadId } = await wsoaAfterRevisit();
    const e = await refusal((await callerFor(db, leadId)).adviser.startApp({ slug: area.slug }));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/nothing to carry forward/);
    expect(await db.plan.count({ where: { predecessorId: area.planId } })).toBe(0);
  });
});

describe("what the APP carries forward", () => {
  /** The WSOA after its revisit judged findings 1 and 3 not sufficient and finding 2 sufficient. */
  async function judged() {
    const fx = await wsoaAfterRevisit();
    const adviser = await callerFor(db, fx.adviserId);
    for (const [findingId, judgement] of [
      [fx.area.findingId, "NOT_SUFFICIENT"],
      [fx.second.id, "SUFFICIENT"],
      [fx.third.id, "NOT_SUFFICIENT"],
    ] as const) {
      await adviser.adviser.recordJudgement({ findingId, judgement, date: fromDay(day(-2)), letterUrl: letter, inspectionId: fx.revisit.id });
    }
    return fx;
  }

  it("carries each open action of a carried finding as a new action pointing at the one it continues, as it stands", async () => {
    const fx = await judged();
    const { area, second, third, leadId } = fx;
    const partner = await createOrganisation(db, { localAreaId: area.localAreaId, name: "Northgate NHS Trust", kind: "NHS_TRUST" });
    const open = await db.action.update({
      where: { id: area.actionId },
      data: { ownerId: leadId, coproductionLevel: "CO_DESIGNING", progress: 45, partnerOrganisations: { connect: [{ id: partner.id }] } },
    });
    const deferred = await createAction(db, { findingId: area.findingId, ref: "1.2", status: "DEFERRED", progress: 10 });
    const notStarted = await createAction(db, { findingId: third.id, ref: "3.1", status: "NOT_STARTED", progress: 0 });
    await createAction(db, { findingId: area.findingId, ref: "1.3", status: "COMPLETE", progress: 100 });
    await createAction(db, { findingId: third.id, ref: "3.2", status: "CANCELLED" });
    await createAction(db, { findingId: second.id, ref: "2.1", status: "IN_PROGRESS" });
    const evidence = await createEvidence(db, { actionId: area.actionId, title: "Audit of EHC timeliness" });

    const { api, requestId } = await actingAs(db, leadId);
    const app = await api.adviser.startApp({ slug: area.slug });
    expect(app.actionsCarried).toBe(3);
    const carried = await db.action.findMany({
      where: { finding: { planId: app.id } },
      orderBy: { ref: "asc" },
      include: { partnerOrganisations: true, finding: { select: { ref: true, predecessorId: true } } },
    });
    expect(carried.map((a) => [a.ref, a.predecessorId, a.finding.ref])).toEqual([
      ["1.1", open.id, "1"],
      ["1.2", deferred.id, "1"],
      ["3.1", notStarted.id, "3"],
    ]);
    expect(carried[0]).toMatchObject({
      title: open.title,
      description: open.description,
      ownerId: leadId,
      leadOrganisationId: open.leadOrganisationId,
      startDate: open.startDate,
      dueDate: open.dueDate,
      status: "IN_PROGRESS",
      progress: 45,
      coproductionLevel: "CO_DESIGNING",
      localAreaId: area.localAreaId,
    });
    expect(carried[0]!.partnerOrganisations.map((o) => o.id)).toEqual([partner.id]);
    expect(carried[1]).toMatchObject({ status: "DEFERRED", progress: 10 });
    // History stays where it was made: the evidence is still the original action's.
    expect(await db.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).toMatchObject({ actionId: area.actionId });
    const audits = await db.auditEvent.findMany({ where: { requestId, action: "action.create" }, orderBy: { entityId: "asc" } });
    expect(audits.map((e) => e.entityId).sort()).toEqual(carried.map((a) => a.id).sort());
    expect(audits.find((e) => e.entityId === carried[0]!.id)!.after).toMatchObject({ predecessorId: open.id, partnerOrganisationIds: [partner.id] });
  });

  it("moves the carried findings' measures onto the APP with their values, milestones and both findings' links", async () => {
    const fx = await judged();
    const { area, second, third, leadId } = fx;
    const timeliness = await createMeasure(db, { planId: area.planId, ref: "M1", findingIds: [area.findingId] });
    const values = [
      await createMeasureValue(db, { measureId: timeliness.id, periodEnd: day(-200), value: 12, status: "VALIDATED" }),
      await createMeasureValue(db, { measureId: timeliness.id, periodEnd: day(-100), value: 18 }),
    ];
    const milestone = await createMeasureMilestone(db, { measureId: timeliness.id, date: day(60), targetValue: 30 });
    const shared = await createMeasure(db, { planId: area.planId, ref: "M2", findingIds: [second.id, third.id] });
    const stays = await createMeasure(db, { planId: area.planId, ref: "M3", findingIds: [second.id] });

    const { api, requestId } = await actingAs(db, leadId);
    const app = await api.adviser.startApp({ slug: area.slug });
    expect(app.measuresMoved).toBe(2);
    const successor = (ref: string) => app.carriedForward.find((f) => f.ref === ref)!.id;

    const moved = await db.measure.findUniqueOrThrow({
      where: { id: timeliness.id },
      include: { values: { orderBy: { periodEnd: "asc" } }, milestones: true, findings: { select: { id: true } } },
    });
    expect(moved.planId).toBe(app.id);
    expect(moved.values.map((v) => [v.id, v.value, v.status])).toEqual(values.map((v) => [v.id, v.value, v.status]));
    expect(moved.milestones.map((m) => m.id)).toEqual([milestone.id]);
    expect(moved.findings.map((f) => f.id).sort()).toEqual([area.findingId, successor("1")].sort());
    expect(moved.version).toBe(timeliness.version + 1);

    // Linked to a sufficient finding and a carried one: it moves, and keeps both old links.
    const movedShared = await db.measure.findUniqueOrThrow({ where: { id: shared.id }, include: { findings: { select: { id: true } } } });
    expect(movedShared.planId).toBe(app.id);
    expect(movedShared.findings.map((f) => f.id).sort()).toEqual([second.id, third.id, successor("3")].sort());
    // Only on the finding judged sufficient: it stays with the WSOA.
    expect(await db.measure.findUniqueOrThrow({ where: { id: stays.id } })).toMatchObject({ planId: area.planId, version: stays.version });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { requestId, action: "measure.update", entityId: timeliness.id } });
    expect(audit.before).toEqual({ planId: area.planId, findingIds: [area.findingId] });
    expect(audit.after).toEqual({ planId: app.id, findingIds: [area.findingId, successor("1")].sort() });

    // The WSOA's finding still shows the measure it was judged on.
    const lead = await callerFor(db, leadId);
    expect((await lead.finding.byId({ id: area.findingId })).measures.map((m) => m.id)).toEqual([timeliness.id]);
    // Its chart, on the APP's finding, marks where the plan changed: its values began under the WSOA.
    const [chart] = (await lead.finding.byId({ id: successor("1") })).measures.map((m) => m.chart);
    expect(chart!.values.map((v) => v.value)).toEqual([12, 18]);
    expect(chart!.planChange).toEqual({ date: fromDay((await db.plan.findUniqueOrThrow({ where: { id: app.id } })).createdAt), label: "Accelerated progress plan starts" });
  });

  it("gives the APP a follow-up inspection estimated a year after the revisit that judged it", async () => {
    const fx = await judged();
    const app = await (await callerFor(db, fx.leadId)).adviser.startApp({ slug: fx.area.slug });
    const plan = await db.plan.findUniqueOrThrow({ where: { id: app.id }, include: { followUpInspection: true } });
    const revisitStart = fx.revisit.startDate!;
    const expected = new Date(Date.UTC(revisitStart.getUTCFullYear() + 1, revisitStart.getUTCMonth(), revisitStart.getUTCDate()));
    expect(plan.followUpInspection).toMatchObject({
      localAreaId: fx.area.localAreaId,
      framework: "FRAMEWORK_2016",
      kind: "REVISIT",
      expectedDate: expected,
      dateIsEstimate: true,
      startDate: null,
    });
    expect(plan.followUpInspectionId).not.toBe(fx.revisit.id);
  });

  it("refuses a second start from the same WSOA and changes nothing", async () => {
    const fx = await judged();
    const lead = await callerFor(db, fx.leadId);
    await lead.adviser.startApp({ slug: fx.area.slug });
    const counts = async () => ({
      plans: await db.plan.count({ where: { localAreaId: fx.area.localAreaId } }),
      actions: await db.action.count({ where: { localAreaId: fx.area.localAreaId } }),
      inspections: await db.inspection.count({ where: { localAreaId: fx.area.localAreaId } }),
    });
    const before = await counts();
    const e = await refusal(lead.adviser.startApp({ slug: fx.area.slug }));
    expect(e.code).toBe("CONFLICT");
    expect(await counts()).toEqual(before);
    expect(await db.plan.findUniqueOrThrow({ where: { id: fx.area.planId } })).toMatchObject({ status: "SUPERSEDED" });
  });
});
