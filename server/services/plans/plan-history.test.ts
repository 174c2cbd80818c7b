/**
 * The area's plans over time, a plan read as it stands, the snapshots of an ended plan, and the
 * history a carried-forward finding or action reads from the one it continues: through the API,
 * after a WSOA's revisit has led to an APP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAction,
  createAreaWithPlan,
  createEvidence,
  createFinding,
  createInspection,
  createMeasure,
  createMeasureValue,
  day,
} from "@/prisma/factories";
import { fromDay } from "@/lib/calendar";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { callerFor, createMember, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

const letter = "https://reports.example/revisit-letter";

/**
 * A WSOA with three findings, a snapshot, evidence, co-production, the forum's verdicts and an
 * adviser's note on finding 1 and its action; judged at its revisit (1 and 3 not sufficient, 2
 * sufficient), and the APP started from it.
 */
async function wsoaFollowedByApp() {
  const area = await createAreaWithPlan(db, { finding: { summary: "EHC plans are late." } });
  const revisit = await createInspection(db, { localAreaId: area.localAreaId, kind: "REVISIT", startDate: day(-30), endDate: day(-28), outcome: null });
  const second = await createFinding(db, { planId: area.planId, ref: "2", summary: "Leaders do not know how long families wait." });
  const third = await createFinding(db, { planId: area.planId, ref: "3", summary: "Co-production is weak." });
  const done = await createAction(db, { findingId: area.findingId, ref: "1.2", status: "COMPLETE", progress: 100 });
  const measure = await createMeasure(db, { planId: area.planId, ref: "M1", findingIds: [area.findingId] });
  await createMeasureValue(db, { measureId: measure.id, periodEnd: day(-90), value: 14 });
  const leadId = await createMember(db, area.localAreaId, "LEAD", "Lena Lead");
  const adviserId = await createMember(db, area.localAreaId, "ADVISER", "Ada Adviser");
  const forumId = await createMember(db, area.localAreaId, "FORUM", "Fran Forum");

  const internal = await createEvidence(db, { actionId: area.actionId, title: "Internal tracker extract", visibility: "INTERNAL", createdAt: day(-200) });
  const shared = await createEvidence(db, { findingId: area.findingId, title: "Survey of families", visibility: "PARTNERS", createdAt: day(-150) });
  const coproduction = await db.coproductionRecord.create({
    data: { localAreaId: area.localAreaId, actionId: area.actionId, stage: "DESIGN", involved: ["PARENT_CARER_FORUM"], familiesReached: 12, date: day(-180), note: "Workshop." },
  });
  const onAction = await db.forumVerdict.create({
    data: { localAreaId: area.localAreaId, actionId: area.actionId, authorId: forumId, verdict: "AGREE_WITH_COMMENTS", text: "Families were asked late.", createdAt: day(-120) },
  });
  const onFinding = await db.forumVerdict.create({
    data: { localAreaId: area.localAreaId, findingId: area.findingId, authorId: forumId, verdict: "DISAGREE", text: "Not what families see.", createdAt: day(-100) },
  });
  const note = await db.adviserNote.create({
    data: { localAreaId: area.localAreaId, findingId: area.findingId, authorId: adviserId, note: "Timeliness is not moving.", view: "AT_RISK", date: day(-60) },
  });

  const lead = await callerFor(db, leadId);
  const snapshot = await lead.snapshot.take({ slug: area.slug, label: "Board before the revisit" });
  const adviser = await callerFor(db, adviserId);
  for (const [findingId, judgement] of [
    [area.findingId, "NOT_SUFFICIENT"],
    [second.id, "SUFFICIENT"],
    [third.id, "NOT_SUFFICIENT"],
  ] as const) {
    await adviser.adviser.recordJudgement({ findingId, judgement, date: fromDay(day(-20)), letterUrl: letter, inspectionId: revisit.id });
  }
  const app = await lead.adviser.startApp({ slug: area.slug });
  const carried = await db.action.findFirstOrThrow({ where: { predecessorId: area.actionId } });
  const appFinding = app.carriedForward.find((f) => f.ref === "1")!.id;
  return { area, revisit, second, third, done, measure, leadId, adviserId, forumId, internal, shared, coproduction, onAction, onFinding, note, snapshot, app, carried, appFinding };
}

let fx: Awaited<ReturnType<typeof wsoaFollowedByApp>>;
beforeAll(async () => {
  fx = await wsoaFollowedByApp();
});

describe("the area's plans", () => {
  it("lists every plan newest first, with its status, follow-up, judgements, links either way and snapshots", async () => {
    const viewer = await callerFor(db, await createMember(db, fx.area.localAreaId, "VIEWER"));
    const { plans } = await viewer.plan.list({ slug: fx.area.slug });
    expect(plans.map((p) => [p.id, p.type, p.status, p.isCurrent, p.ended])).toEqual([
      [fx.app.id, "APP", "DRAFT", true, false],
      [fx.area.planId, "WSOA", "SUPERSEDED", false, true],
    ]);
    const [app, wsoa] = plans;
    expect(app!.predecessor).toMatchObject({ id: fx.area.planId, type: "WSOA" });
    expect(app!.sourceInspection).toMatchObject({ id: fx.revisit.id, kind: "REVISIT" });
    expect(app!.followUpInspection).toMatchObject({ kind: "REVISIT", dateIsEstimate: true, startDate: null });
    expect(app!.outcome).toBeNull();
    expect(wsoa!.successors.map((s) => s.id)).toEqual([fx.app.id]);
    expect(wsoa!.outcome).toMatchObject({ short: "1 of 3 sufficient" });
    expect(wsoa!.acceptedDate).toEqual(day(-300));
    expect(wsoa!.snapshots.map((s) => [s.id, s.label])).toEqual([[fx.snapshot.id, "Board before the revisit"]]);
    expect(app!.snapshots).toEqual([]);
  });

  it("is not there for another area's people", async () => {
    const elsewhere = await createAreaWithPlan(db);
    const stranger = await callerFor(db, await createMember(db, elsewhere.localAreaId, "LEAD"));
    expect((await refusal(stranger.plan.list({ slug: fx.area.slug }))).code).toBe("NOT_FOUND");
    expect((await refusal(stranger.plan.record({ id: fx.area.planId }))).code).toBe("NOT_FOUND");
  });
});

describe("a superseded plan, read as it stands", () => {
  it("shows its findings with their judgements, its actions and measures, and where each went on", async () => {
    const forum = await callerFor(db, fx.forumId);
    const wsoa = await forum.plan.record({ id: fx.area.planId });
    expect(wsoa).toMatchObject({ status: "SUPERSEDED", ended: true, isCurrent: false, localArea: { slug: fx.area.slug } });
    expect(wsoa.findingList.map((f) => [f.ref, f.judgement])).toEqual([
      ["1", "NOT_SUFFICIENT"],
      ["2", "SUFFICIENT"],
      ["3", "NOT_SUFFICIENT"],
    ]);
    const one = wsoa.findingList[0]!;
    expect(one.judgementSource).toBe(letter);
    expect(one.successors).toEqual([{ id: fx.appFinding, ref: "1", plan: expect.objectContaining({ id: fx.app.id }) }]);
    expect(wsoa.findingList[1]!.successors).toEqual([]);
    expect(one.actions.map((a) => [a.id, a.successors.map((s) => s.id)])).toEqual([
      [fx.area.actionId, [fx.carried.id]],
      [fx.done.id, []],
    ]);
    // The measure moved to the APP: still listed under the finding it was judged on, saying where it is now.
    expect(one.measureIds).toEqual([fx.measure.id]);
    expect(wsoa.measures).toEqual([expect.objectContaining({ id: fx.measure.id, latest: expect.objectContaining({ value: 14 }), movedTo: expect.objectContaining({ id: fx.app.id }) })]);
    expect(wsoa.snapshots.map((s) => s.id)).toEqual([fx.snapshot.id]);

    const app = await forum.plan.record({ id: fx.app.id });
    expect(app).toMatchObject({ isCurrent: true, ended: false });
    expect(app.findingList[0]!.predecessor).toMatchObject({ id: fx.area.findingId, ref: "1", plan: { id: fx.area.planId } });
    expect(app.measures[0]).toMatchObject({ id: fx.measure.id, movedTo: null });
  });

  it("keeps its snapshots listed and openable", async () => {
    const lead = await callerFor(db, fx.leadId);
    const list = await lead.snapshot.list({ slug: fx.area.slug });
    expect(list.plan).toMatchObject({ id: fx.app.id });
    expect(list.snapshots).toEqual([]);
    expect(list.earlier).toEqual([
      { plan: { id: fx.area.planId, type: "WSOA", title: expect.any(String), status: "SUPERSEDED" }, snapshots: [expect.objectContaining({ id: fx.snapshot.id })] },
    ]);
    const opened = await lead.snapshot.changesSince({ id: fx.snapshot.id });
    expect(opened.snapshot.id).toBe(fx.snapshot.id);
    expect(opened.plan).toMatchObject({ id: fx.area.planId, status: "SUPERSEDED" });
  });
});

describe("what a carried-forward finding or action continues", () => {
  it("reads the earlier finding's evidence, co-production, verdicts and notes where they were made, each dated and linked", async () => {
    const lead = await callerFor(db, fx.leadId);
    const history = (await lead.finding.continues({ id: fx.appFinding }))!;
    expect(history.predecessor).toMatchObject({ id: fx.area.findingId, ref: "1", judgement: "NOT_SUFFICIENT", plan: { id: fx.area.planId, type: "WSOA" } });
    expect(history.evidence.map((e) => [e.id, e.on])).toEqual([
      [fx.shared.id, { kind: "finding", id: fx.area.findingId, ref: "1" }],
      [fx.internal.id, { kind: "action", id: fx.area.actionId, ref: "1.1" }],
    ]);
    expect(history.evidence[0]).toMatchObject({ url: fx.shared.url, createdAt: day(-150) });
    expect(history.coproduction.map((r) => [r.id, r.date, r.on.id])).toEqual([[fx.coproduction.id, day(-180), fx.area.actionId]]);
    expect(history.verdicts.map((v) => [v.id, v.on.kind, v.current])).toEqual([
      [fx.onFinding.id, "finding", true],
      [fx.onAction.id, "action", true],
    ]);
    expect(history.adviserNotes!.map((n) => [n.id, n.view, n.authorName])).toEqual([[fx.note.id, "AT_RISK", "Ada Adviser"]]);

    // Nothing was copied: the history is still the WSOA's.
    expect(await db.evidence.count({ where: { findingId: fx.appFinding } })).toBe(0);
    expect(await db.forumVerdict.count({ where: { findingId: fx.appFinding } })).toBe(0);
  });

  it("shows each reader only what they may read elsewhere: no internal evidence or adviser notes for the forum", async () => {
    const forum = await callerFor(db, fx.forumId);
    const history = (await forum.finding.continues({ id: fx.appFinding }))!;
    expect(history.evidence.map((e) => e.id)).toEqual([fx.shared.id]);
    expect(history.adviserNotes).toBeNull();
    expect((await forum.action.continues({ id: fx.carried.id }))!.evidence).toEqual([]);
  });

  it("reads the earlier action's records for the action carried forward, and nothing for a record that continues none", async () => {
    const lead = await callerFor(db, fx.leadId);
    const history = (await lead.action.continues({ id: fx.carried.id }))!;
    expect(history.predecessor).toMatchObject({ id: fx.area.actionId, ref: "1.1", finding: { id: fx.area.findingId, ref: "1" }, plan: { id: fx.area.planId } });
    expect(history.evidence.map((e) => e.id)).toEqual([fx.internal.id]);
    expect(history.coproduction.map((r) => r.id)).toEqual([fx.coproduction.id]);
    expect(history.verdicts.map((v) => v.id)).toEqual([fx.onAction.id]);
    expect(history.adviserNotes).toBeNull();

    expect(await lead.finding.continues({ id: fx.area.findingId })).toBeNull();
    expect(await lead.action.continues({ id: fx.area.actionId })).toBeNull();
  });
});
