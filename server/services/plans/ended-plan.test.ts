/**
 * A closed or superseded plan's records are kept as they were: every kind of change to them is
 * refused with how and when the plan ended, and nothing is written; a measure carried into the
 * APP belongs to the APP and stays editable. The WSOA here is superseded the real way, by
 * starting its APP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createActionUpdate,
  createAreaWithPlan,
  createEvidence,
  createFinding,
  createInspection,
  createMeasure,
  createMeasureValue,
  createMembership,
  createUser,
  day,
  uniq,
} from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { fromDay } from "@/lib/calendar";
import { formatDate } from "@/lib/format/dates";
import { callerFor, createMember, refusal, testDb } from "@/server/testing/harness";
import { hashUpdateRequestToken, newUpdateRequestToken } from "@/server/services/actions/update-requests";

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

/**
 * A WSOA superseded by its APP: finding 1 judged not sufficient (carried, with its open action 1.1
 * and its measure M1), finding 2 sufficient (stays, with measure M2). The action has an update not
 * yet acknowledged, evidence and a waiting update link; the people of the area are at hand.
 */
async function supersededWsoa() {
  const ownerId = (await createUser(db, { name: "Omar Owner" })).id;
  const area = await createAreaWithPlan(db, { finding: { summary: "EHC plans are late." }, action: { ownerId, status: "IN_PROGRESS", progress: 40 } });
  await createMembership(db, { userId: ownerId, localAreaId: area.localAreaId, role: "CONTRIBUTOR" });
  const second = await createFinding(db, { planId: area.planId, ref: "2", summary: "Leaders do not know how long families wait." });
  const revisit = await createInspection(db, { localAreaId: area.localAreaId, kind: "REVISIT", startDate: day(-30), endDate: day(-27), outcome: null });
  const leadId = await createMember(db, area.localAreaId, "LEAD", "Lena Lead");
  const adviserId = await createMember(db, area.localAreaId, "ADVISER", "Ada Adviser");
  const forumId = await createMember(db, area.localAreaId, "FORUM", "Fay Forum");
  const carried = await createMeasure(db, { planId: area.planId, ref: "M1", findingIds: [area.findingId], ownerId });
  const stays = await createMeasure(db, { planId: area.planId, ref: "M2", findingIds: [second.id], ownerId });
  const value = await createMeasureValue(db, { measureId: stays.id, periodEnd: day(-60), value: 20 });
  const update = await createActionUpdate(db, { actionId: area.actionId, authorId: ownerId });
  const evidence = await createEvidence(db, { actionId: area.actionId, title: "Audit of EHC timeliness" });
  const token = newUpdateRequestToken();
  await db.updateRequest.create({
    data: {
      localAreaId: area.localAreaId,
      actionId: area.actionId,
      email: `senco-${uniq()}@school.example`,
      tokenHash: hashUpdateRequestToken(token),
      sentById: leadId,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });

  const adviser = await callerFor(db, adviserId);
  for (const [findingId, judgement] of [
    [area.findingId, "NOT_SUFFICIENT"],
    [second.id, "SUFFICIENT"],
  ] as const) {
    await adviser.adviser.recordJudgement({ findingId, judgement, date: fromDay(day(-2)), letterUrl: "https://reports.example/letter", inspectionId: revisit.id });
  }
  const started = await (await callerFor(db, leadId)).adviser.startApp({ slug: area.slug });
  const app = await db.plan.findUniqueOrThrow({ where: { id: started.id }, select: { id: true, title: true, createdAt: true } });
  const carriedAction = await db.action.findFirstOrThrow({ where: { predecessorId: area.actionId }, select: { id: true, ref: true } });
  const carriedFinding = await db.finding.findFirstOrThrow({ where: { predecessorId: area.findingId }, select: { id: true, ref: true } });
  const refusalWords = `This written statement of action was superseded by ${app.title} on ${formatDate(app.createdAt)}: its records are kept as they were. Make changes in the current plan.`;
  return { area, second, ownerId, leadId, adviserId, forumId, carried, stays, value, update, evidence, token, app, carriedAction, carriedFinding, refusalWords };
}

type Scene = Awaited<ReturnType<typeof supersededWsoa>>;

/** Everything a refused change might have touched: the WSOA's records and all that hangs on them, and the area's audit trail. */
async function state(s: Scene) {
  const { localAreaId } = s.area;
  return {
    findings: await db.finding.findMany({ where: { planId: s.area.planId }, orderBy: { id: "asc" } }),
    actions: await db.action.findMany({ where: { finding: { planId: s.area.planId } }, orderBy: { id: "asc" } }),
    measures: await db.measure.findMany({ where: { localAreaId }, orderBy: { id: "asc" }, include: { values: true, milestones: true, findings: { select: { id: true } } } }),
    updates: await db.actionUpdate.findMany({ where: { action: { localAreaId } }, orderBy: { id: "asc" } }),
    updateRequests: await db.updateRequest.findMany({ where: { localAreaId }, orderBy: { id: "asc" } }),
    evidence: await db.evidence.findMany({ where: { localAreaId }, orderBy: { id: "asc" } }),
    coproduction: await db.coproductionRecord.count({ where: { localAreaId } }),
    verdicts: await db.forumVerdict.count({ where: { localAreaId } }),
    notes: await db.adviserNote.count({ where: { localAreaId } }),
    changeRequests: await db.changeRequest.findMany({ where: { localAreaId }, orderBy: { id: "asc" } }),
    audits: await db.auditEvent.count({ where: { localAreaId } }),
  };
}

/** The call is refused as a CONFLICT saying how the plan ended, and nothing changed. */
async function refusedUnchanged(s: Scene, call: () => Promise<unknown>) {
  const before = await state(s);
  const e = await refusal(call());
  expect(e.code).toBe("CONFLICT");
  expect(e.message).toBe(s.refusalWords);
  expect(await state(s)).toEqual(before);
}

describe("a superseded plan's records refuse every change", () => {
  let s: Scene;
  beforeAll(async () => {
    s = await supersededWsoa();
  });

  it("its findings: edited, or a finding added to the plan", async () => {
    const lead = await callerFor(db, s.leadId);
    const f = await db.finding.findUniqueOrThrow({ where: { id: s.second.id } });
    await refusedUnchanged(s, () =>
      lead.finding.update({ id: f.id, version: f.version, ref: f.ref, kind: f.kind, inspectorsWording: f.inspectorsWording, summary: "Rewritten after the event." }),
    );
    await refusedUnchanged(s, () =>
      lead.finding.create({ planId: s.area.planId, ref: "9", kind: "SIGNIFICANT_WEAKNESS", inspectorsWording: "Late wording.", summary: "Late." }),
    );
  });

  it("its actions: edited, or an action added under its finding", async () => {
    const lead = await callerFor(db, s.leadId);
    const a = await db.action.findUniqueOrThrow({ where: { id: s.area.actionId } });
    const fields = {
      findingId: a.findingId,
      ref: a.ref,
      title: a.title,
      description: a.description,
      ownerId: a.ownerId ?? "",
      leadOrganisationId: a.leadOrganisationId ?? "",
      partnerOrganisationIds: [],
      startDate: fromDay(a.startDate),
      dueDate: fromDay(a.dueDate),
      coproductionLevel: "" as const,
      dependsOnIds: [],
    };
    await refusedUnchanged(s, () => lead.action.update({ ...fields, id: a.id, version: a.version }));
    await refusedUnchanged(s, () => lead.action.create({ ...fields, ref: "1.9" }));
  });

  it("an action's check-in, by its owner or the lead", async () => {
    for (const who of [s.ownerId, s.leadId]) {
      const api = await callerFor(db, who);
      await refusedUnchanged(s, () =>
        api.action.postUpdate({ actionId: s.area.actionId, narrative: "More done.", progress: 60, status: "IN_PROGRESS", ragOverride: "", ragOverrideReason: "" }),
      );
    }
  });

  it("the lead's acknowledgement of an update", async () => {
    await refusedUnchanged(s, async () => (await callerFor(db, s.leadId)).action.acknowledgeUpdate({ updateId: s.update.id }));
  });

  it("an update request: none is sent, and a waiting link says the plan has ended and takes nothing", async () => {
    const lead = await callerFor(db, s.leadId);
    await refusedUnchanged(s, () => lead.updateRequest.send({ actionId: s.area.actionId, email: `senco-${uniq()}@school.example`, message: "" }));

    const visitor = await callerFor(db, null);
    expect(await visitor.updateRequest.byToken({ token: s.token })).toMatchObject({ state: "ENDED", actionRef: "1.1" });
    const before = await state(s);
    const e = await refusal(visitor.updateRequest.post({ token: s.token, narrative: "Three schools trialled it.", progress: 50, status: "IN_PROGRESS" }));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/plan this action belonged to has ended/);
    // The link stays unused: its claim was undone with the refusal.
    expect(await state(s)).toEqual(before);
  });

  it("a measure left on it: edited, values entered, pasted or validated", async () => {
    const lead = await callerFor(db, s.leadId);
    const owner = await callerFor(db, s.ownerId);
    const m = await lead.measure.byId({ id: s.stays.id });
    await refusedUnchanged(s, () => lead.measure.update({ ...m.form, name: "Renamed after the event" }));
    await refusedUnchanged(s, () => lead.measure.update({ ...m.form, milestones: [{ date: fromDay(day(30)), targetValue: 40 }] }));
    await refusedUnchanged(s, () => owner.measure.recordValue({ measureId: s.stays.id, periodEnd: fromDay(day(-10)), value: 30, status: "PROVISIONAL", note: "" }));
    await refusedUnchanged(s, () => owner.measure.pasteValues({ measureId: s.stays.id, status: "PROVISIONAL", text: "Jan 2026\t31" }));
    await refusedUnchanged(s, () => lead.measure.setValueStatus({ id: s.value.id, status: "VALIDATED" }));
  });

  it("evidence: none added to its finding, action or measure, none reviewed; an item may still be withdrawn", async () => {
    const lead = await callerFor(db, s.leadId);
    const forum = await callerFor(db, s.forumId);
    const link = { title: "Late minutes", kind: "ACTIVITY" as const, visibility: "PARTNERS" as const, url: "https://evidence.example/late" };
    await refusedUnchanged(s, () => lead.evidence.addLink({ ...link, actionId: s.area.actionId }));
    await refusedUnchanged(s, () => lead.evidence.addLink({ ...link, findingId: s.second.id }));
    await refusedUnchanged(s, () => lead.evidence.addLink({ ...link, measureId: s.stays.id }));
    await refusedUnchanged(s, () => forum.forum.addEvidenceLink({ ...link, findingId: s.second.id }));
    await refusedUnchanged(s, () => lead.evidence.review({ id: s.evidence.id, decision: "ACCEPTED" }));
    await refusedUnchanged(s, () => lead.evidence.setReady({ id: s.evidence.id, ready: true }));
    // Nor is it waiting in the lead's queue, while the APP's is.
    const apps = await createEvidence(db, { actionId: s.carriedAction.id, title: "New audit" });
    expect((await lead.evidence.awaitingReview({ slug: s.area.slug })).items.map((e) => e.id)).toEqual([apps.id]);

    // A file that should never have been shared must still go, whatever became of its plan.
    await lead.evidence.withdraw({ id: s.evidence.id, reason: "Names a child" });
    expect(await db.evidence.findUniqueOrThrow({ where: { id: s.evidence.id } })).toMatchObject({ withdrawalReason: "Names a child" });
    expect(await lead.evidence.forTarget({ actionId: s.area.actionId })).toMatchObject({ viewerCanAdd: false, viewerCanReview: false, viewerCanWithdraw: true });
  });

  it("co-production records and the level claimed", async () => {
    const owner = await callerFor(db, s.ownerId);
    await refusedUnchanged(s, () =>
      owner.forum.recordCoproduction({ actionId: s.area.actionId, stage: "DESIGN", involved: ["PARENT_CARER_FORUM"], familiesReached: "12", date: fromDay(day(-5)), note: "Workshop." }),
    );
    const { version } = await db.action.findUniqueOrThrow({ where: { id: s.area.actionId } });
    await refusedUnchanged(s, () => owner.forum.setClaimedLevel({ actionId: s.area.actionId, level: "CO_PRODUCING", version }));
    expect((await owner.forum.coproductionForAction({ id: s.area.actionId })).viewerCan.record).toBe(false);
  });

  it("the forum's verdicts on its actions and findings", async () => {
    const forum = await callerFor(db, s.forumId);
    const verdict = { verdict: "DISAGREE" as const, levelRecognised: "CONSULTING" as const, cornerstonesMet: [], text: "Too late.", isPublic: false, replaces: "" };
    await refusedUnchanged(s, () => forum.forum.recordVerdict({ ...verdict, actionId: s.area.actionId }));
    await refusedUnchanged(s, () => forum.forum.recordVerdict({ ...verdict, findingId: s.second.id }));
    expect((await forum.forum.verdictsFor({ findingId: s.second.id })).viewerCan.record).toBe(false);
  });

  it("an adviser's note on one of its findings (a note on the area as a whole still goes in)", async () => {
    const adviser = await callerFor(db, s.adviserId);
    const note = { slug: s.area.slug, note: "Seen in the file audit.", view: "AT_RISK" as const, date: fromDay(day(-1)) };
    await refusedUnchanged(s, () => adviser.adviser.recordNote({ ...note, findingId: s.second.id }));
    await adviser.adviser.recordNote({ ...note, findingId: "" });
    expect(await db.adviserNote.count({ where: { localAreaId: s.area.localAreaId, findingId: null } })).toBe(1);
  });

  it("an adviser's judgement on one of its findings: its revisit judged it already", async () => {
    const adviser = await callerFor(db, s.adviserId);
    await refusedUnchanged(s, () =>
      adviser.adviser.recordJudgement({ findingId: s.second.id, judgement: "NOT_SUFFICIENT", date: fromDay(day(-1)), letterUrl: "https://reports.example/letter", inspectionId: "" }),
    );
  });

  it("a change request: none is asked for, and a pending one is not approved (it may be rejected)", async () => {
    const lead = await callerFor(db, s.leadId);
    await refusedUnchanged(s, () => lead.changeRequest.request({ field: "action.dueDate", entityId: s.area.actionId, newValue: "2027-12-31", reason: "Late." }));
    const a = await db.action.findUniqueOrThrow({ where: { id: s.area.actionId } });
    const pending = await db.changeRequest.create({
      data: {
        localAreaId: s.area.localAreaId,
        planId: s.area.planId,
        entityType: "Action",
        entityId: a.id,
        field: "action.dueDate",
        oldValue: fromDay(a.dueDate),
        newValue: "2027-12-31",
        reason: "Asked before the APP started.",
        requestedById: s.leadId,
      },
    });
    const adviser = await callerFor(db, s.adviserId);
    await refusedUnchanged(s, () => adviser.changeRequest.decide({ id: pending.id, decision: "APPROVE", note: "" }));
    await adviser.changeRequest.decide({ id: pending.id, decision: "REJECT", note: "Its plan has ended." });
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "REJECTED" });
    expect(await db.action.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ dueDate: a.dueDate });
  });

  it("its pages say how it ended, where the work goes on, and offer no changes", async () => {
    const lead = await callerFor(db, s.leadId);
    const ended = { id: s.area.planId, status: "SUPERSEDED", type: "WSOA", on: s.app.createdAt, successor: { id: s.app.id, title: s.app.title } };
    const finding = await lead.finding.byId({ id: s.area.findingId });
    expect(finding.ended).toMatchObject(ended);
    expect(finding.successors).toEqual([{ id: s.carriedFinding.id, ref: s.carriedFinding.ref, planTitle: s.app.title }]);
    // Withdrawing evidence stays open, as on every evidence list: a file that should never have been shared must still go.
    expect(finding.viewerCan).toEqual({ edit: false, reviewEvidence: false, recordAdviserNote: false, withdrawEvidence: true });
    expect(finding.forumVerdict.viewerCan.record).toBe(false);
    expect((await lead.finding.forEdit({ id: s.area.findingId })).ended).toMatchObject(ended);

    const action = await lead.action.byId({ id: s.area.actionId });
    expect(action.ended).toMatchObject(ended);
    expect(action.successors).toEqual([{ id: s.carriedAction.id, ref: s.carriedAction.ref, planTitle: s.app.title }]);
    expect(action.viewerCan).toMatchObject({ update: false, edit: false, acknowledge: false, addEvidence: false, reviewEvidence: false, requestUpdates: false });
    expect((await lead.action.forEdit({ id: s.area.actionId })).ended).toMatchObject(ended);
    expect((await lead.changeRequest.history({ entityType: "Action", entityId: s.area.actionId })).viewerCan.request).toBe(false);

    const stays = await lead.measure.byId({ id: s.stays.id });
    expect(stays.ended).toMatchObject(ended);
    expect(stays.viewerCan).toEqual({ edit: false, enterValues: false, reviewEvidence: false });

    // The APP's own records are open.
    const carried = await lead.action.byId({ id: s.carriedAction.id });
    expect(carried.ended).toBeNull();
    expect(carried.viewerCan).toMatchObject({ update: true, edit: true });
  });
});

describe("a measure carried into the APP", () => {
  it("belongs to the APP now: it is edited, its milestones set and its values entered, keeping its link to the WSOA's finding", async () => {
    const s = await supersededWsoa();
    const lead = await callerFor(db, s.leadId);
    const m = await lead.measure.byId({ id: s.carried.id });
    expect(m.plan.id).toBe(s.app.id);
    expect(m.ended).toBeNull();
    expect(m.viewerCan).toEqual({ edit: true, enterValues: true, reviewEvidence: true });

    await lead.measure.update({ ...m.form, name: "EHC plans issued within 20 weeks", milestones: [{ date: fromDay(day(60)), targetValue: 35 }] });
    await lead.measure.recordValue({ measureId: s.carried.id, periodEnd: fromDay(day(-10)), value: 30, status: "PROVISIONAL", note: "" });
    const after = await db.measure.findUniqueOrThrow({ where: { id: s.carried.id }, include: { milestones: true, values: true, findings: { select: { id: true } } } });
    expect(after).toMatchObject({ name: "EHC plans issued within 20 weeks", planId: s.app.id });
    expect(after.milestones.map((x) => x.targetValue)).toEqual([35]);
    expect(after.values.map((v) => v.value)).toEqual([30]);
    // The WSOA's finding still reads the measure that evidenced it.
    expect(after.findings.map((f) => f.id).sort()).toEqual([s.area.findingId, s.carriedFinding.id].sort());
  });
});
