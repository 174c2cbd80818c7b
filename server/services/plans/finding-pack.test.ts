/**
 * The finding page as the revisit evidence pack, through the API on a real database: each measure's
 * chart, every evidence item on the finding, its actions and its measures within the viewer's
 * visibility (each with its review, the accepted impact evidence counted), the forum's verdicts (current and
 * superseded) on the finding and its actions, adviser notes only for those who may read them, and
 * a fixed number of queries however many actions and measures the finding has.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAction, createAreaWithPlan, createEvidence, createMeasure, createMeasureMilestone, createMeasureValue, day } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { fromDay } from "@/lib/calendar";
import { callerFor, createMember, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
let area: Awaited<ReturnType<typeof createAreaWithPlan>>;
let otherArea: Awaited<ReturnType<typeof createAreaWithPlan>>;
const users = {} as Record<"LEAD" | "FORUM" | "CONTRIBUTOR" | "ADVISER" | "OTHER_LEAD", string>;
let measureId: string;
let secondActionId: string;
const verdictIds = {} as Record<"findingOld" | "findingNew" | "action", string>;

beforeAll(async () => {
  db = testDb();
  area = await createAreaWithPlan(db);
  otherArea = await createAreaWithPlan(db);
  for (const role of ["LEAD", "FORUM", "CONTRIBUTOR", "ADVISER"] as const) users[role] = await createMember(db, area.localAreaId, role, `${role} person`);
  users.OTHER_LEAD = await createMember(db, otherArea.localAreaId, "LEAD");
  secondActionId = (await createAction(db, { findingId: area.findingId, ref: "1.2", title: "Second action" })).id;

  const measure = await createMeasure(db, {
    planId: area.planId,
    findingIds: [area.findingId],
    ref: "M1",
    baselineValue: 10,
    baselineDate: day(-300),
    targetValue: 60,
    targetDate: day(200),
    benchmarkValue: 50,
    benchmarkLabel: "England average",
  });
  measureId = measure.id;
  await createMeasureMilestone(db, { measureId, date: day(-100), targetValue: 30 });
  await createMeasureValue(db, { measureId, periodEnd: day(-60), value: 28, status: "VALIDATED" });
  await createMeasureValue(db, { measureId, periodEnd: day(-30), value: 31, status: "PROVISIONAL" });

  const impact = { kind: "IMPACT", reviewStatus: "ACCEPTED" } as const;
  await createEvidence(db, { ...impact, reviewedAt: day(-5), findingId: area.findingId, title: "Internal audit of plans", visibility: "INTERNAL" });
  await createEvidence(db, { ...impact, reviewedAt: day(-7), actionId: area.actionId, title: "Shared survey results", visibility: "PARTNERS" });
  await createEvidence(db, { ...impact, reviewedAt: day(-3), measureId, title: "Public dashboard", visibility: "PUBLIC" });
  await createEvidence(db, { kind: "IMPACT", reviewStatus: "PENDING", findingId: area.findingId, title: "Not yet reviewed" });
  await createEvidence(db, { kind: "ACTIVITY", reviewStatus: "ACCEPTED", reviewedAt: day(-9), findingId: area.findingId, title: "Activity only" });
  await createEvidence(db, { kind: "ACTIVITY", reviewStatus: "REJECTED", reviewedAt: day(-1), actionId: secondActionId, title: "Minutes not accepted", visibility: "PARTNERS" });
  // Accepted once, then withdrawn by the lead: listed as withdrawn, counted for nothing.
  await createEvidence(db, {
    ...impact,
    reviewedAt: day(-2),
    measureId,
    title: "Withdrawn dashboard",
    visibility: "PUBLIC",
    withdrawnAt: day(-1),
    withdrawalReason: "Named a child",
    withdrawnById: users.LEAD,
  });

  const verdict = (o: { findingId?: string; actionId?: string; supersedesId?: string; createdAt: Date; verdict: "AGREE" | "AGREE_WITH_COMMENTS" | "DISAGREE" }) =>
    db.forumVerdict.create({ data: { localAreaId: area.localAreaId, authorId: users.FORUM, text: `Forum says ${o.verdict}`, cornerstonesMet: ["COMMUNICATE"], levelRecognised: "CONSULTING", ...o } });
  verdictIds.findingOld = (await verdict({ findingId: area.findingId, verdict: "AGREE", createdAt: day(-40) })).id;
  verdictIds.findingNew = (await verdict({ findingId: area.findingId, verdict: "DISAGREE", supersedesId: verdictIds.findingOld, createdAt: day(-10) })).id;
  verdictIds.action = (await verdict({ actionId: secondActionId, verdict: "AGREE_WITH_COMMENTS", createdAt: day(-20) })).id;
  await db.forumVerdict.create({
    data: { localAreaId: otherArea.localAreaId, findingId: otherArea.findingId, authorId: users.OTHER_LEAD, verdict: "AGREE", text: "Elsewhere" },
  });

  await db.adviserNote.create({ data: { localAreaId: area.localAreaId, findingId: area.findingId, authorId: users.ADVISER, note: "Earlier note", view: "UNLIKELY", date: day(-50) } });
  await db.adviserNote.create({ data: { localAreaId: area.localAreaId, findingId: area.findingId, authorId: users.ADVISER, note: "Improving", view: "AT_RISK", date: day(-7) } });
  await db.adviserNote.create({ data: { localAreaId: otherArea.localAreaId, findingId: otherArea.findingId, note: "Other area", date: day(-7) } });
});
afterAll(async () => {
  await db.$disconnect();
});

const pack = async (userId: string, id = area.findingId) => (await callerFor(db, userId)).finding.byId({ id });

describe("the finding page as the revisit evidence pack", () => {
  it("charts each measure against the trajectory its status was judged on", async () => {
    const finding = await pack(users.LEAD);
    const m = finding.measures.find((x) => x.id === measureId)!;
    expect(m.chart).toMatchObject({ ref: "M1", unit: "PERCENT", baseline: { date: fromDay(day(-300)), value: 10 }, target: { date: fromDay(day(200)), value: 60 } });
    expect(m.chart.benchmark).toEqual({ value: 50, label: "England average", date: null });
    expect(m.chart.trajectory.map((p) => p.kind)).toEqual(["BASELINE", "MILESTONE", "TARGET"]);
    expect(m.chart.trajectory).toEqual(m.trajectory.map((p) => ({ date: fromDay(p.date), value: p.value, kind: p.kind })));
    expect(m.chart.values).toEqual([
      { date: fromDay(day(-60)), value: 28, status: "VALIDATED" },
      { date: fromDay(day(-30)), value: 31, status: "PROVISIONAL" },
    ]);
  });

  it("lists the evidence on the finding, its actions and its measures once: accepted first, then awaiting review, not accepted, withdrawn", async () => {
    const lead = await pack(users.LEAD);
    expect(lead.evidence.items.map((e) => [e.title, e.reviewStatus, e.withdrawn !== null])).toEqual([
      // Accepted, the latest reviewed first.
      ["Public dashboard", "ACCEPTED", false],
      ["Internal audit of plans", "ACCEPTED", false],
      ["Shared survey results", "ACCEPTED", false],
      ["Activity only", "ACCEPTED", false],
      ["Not yet reviewed", "PENDING", false],
      ["Minutes not accepted", "REJECTED", false],
      ["Withdrawn dashboard", "ACCEPTED", true],
    ]);
    expect(lead.evidence.counts).toEqual({ accepted: 4, awaitingReview: 1, rejected: 1, withdrawn: 1 });
    // Each item says what it is evidence for, linked when that is another page.
    const byTitle = new Map(lead.evidence.items.map((e) => [e.title, e]));
    expect(byTitle.get("Internal audit of plans")!.attachedTo).toEqual({ label: "This finding", href: null });
    expect(byTitle.get("Shared survey results")!.attachedTo).toEqual({ label: expect.stringMatching(/^Action 1\.1: /), href: `/local-areas/${area.slug}/actions/${area.actionId}` });
    expect(byTitle.get("Public dashboard")!.attachedTo).toEqual({ label: expect.stringMatching(/^Measure M1: /), href: `/local-areas/${area.slug}/measures/${measureId}` });
    expect(byTitle.get("Withdrawn dashboard")!.withdrawn).toMatchObject({ reason: "Named a child", by: "LEAD person" });
    // Impact counts the accepted impact evidence only: not the activity, the pending, the rejected or the withdrawn.
    expect(lead.impact.acceptedImpactEvidence).toBe(3);
  });

  it("leaves internal evidence out for those who may not read it, and counts impact the same for them", async () => {
    const forum = await pack(users.FORUM);
    expect(forum.evidence.items.map((e) => e.title)).toEqual(["Public dashboard", "Shared survey results", "Minutes not accepted", "Withdrawn dashboard"]);
    expect(forum.evidence.counts).toEqual({ accepted: 2, awaitingReview: 0, rejected: 1, withdrawn: 1 });
    expect(forum.evidence.items[0]).toMatchObject({ kind: "IMPACT", file: null, visibility: "PUBLIC" });
    expect(forum.evidence.items[0]!.url).toMatch(/^https:/);
    expect(forum.impact.acceptedImpactEvidence).toBe(3);
  });

  it("offers review and withdrawal to the lead, neither to an action owner", async () => {
    expect((await pack(users.LEAD)).viewerCan).toMatchObject({ reviewEvidence: true, withdrawEvidence: true });
    expect((await pack(users.CONTRIBUTOR)).viewerCan).toMatchObject({ reviewEvidence: false, withdrawEvidence: false });
  });

  it("gives the forum's verdicts on the finding and its actions, latest first, superseded ones marked", async () => {
    const { verdicts } = await pack(users.CONTRIBUTOR);
    expect(verdicts.map((v) => [v.id, v.current])).toEqual([
      [verdictIds.findingNew, true],
      [verdictIds.action, true],
      [verdictIds.findingOld, false],
    ]);
    expect(verdicts[0]).toMatchObject({ verdict: "DISAGREE", levelRecognised: "CONSULTING", cornerstonesMet: ["COMMUNICATE"], authorName: "FORUM person", action: null });
    expect(verdicts[1]!.action).toEqual({ id: secondActionId, ref: "1.2", title: "Second action" });
  });

  it("includes the advisers' notes, latest first, only for roles that may read them", async () => {
    const lead = await pack(users.LEAD);
    expect(lead.adviserNotes?.map((n) => [n.note, n.view, n.authorName])).toEqual([
      ["Improving", "AT_RISK", "ADVISER person"],
      ["Earlier note", "UNLIKELY", "ADVISER person"],
    ]);
    expect((await pack(users.ADVISER)).adviserNotes).toHaveLength(2);
    for (const role of ["FORUM", "CONTRIBUTOR"] as const) expect("adviserNotes" in (await pack(users[role]))).toBe(false);
  });

  it("answers another area's finding as not found", async () => {
    expect((await refusal(pack(users.OTHER_LEAD))).code).toBe("NOT_FOUND");
  });

  it("reads the same number of times however many actions, measures and verdicts there are", async () => {
    let operations = 0;
    const counting = db.$extends({
      query: {
        $allOperations: ({ args, query }) => {
          operations += 1;
          return query(args);
        },
      },
    }) as unknown as PrismaClient;
    const count = async (findingId: string) => {
      const caller = await callerFor(counting, users.LEAD);
      operations = 0;
      await caller.finding.byId({ id: findingId });
      return operations;
    };
    const small = await createAreaWithPlan(db);
    await db.membership.create({ data: { userId: users.LEAD, localAreaId: small.localAreaId, role: "LEAD" } });
    expect(await count(area.findingId)).toBe(await count(small.findingId));
  });
});
