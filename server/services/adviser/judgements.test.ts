/** Judgements on findings and the APP that follows a revisit's "not sufficient progress". */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan, createFinding, createInspection, createUser, day } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { fromDay } from "@/lib/calendar";
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
});

describe("starting an APP from the WSOA", () => {
  it("carries forward only the findings judged insufficient, each linked to its predecessor, and closes the WSOA", async () => {
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
    expect(await db.plan.findUniqueOrThrow({ where: { id: area.planId } })).toMatchObject({ status: "CLOSED" });
    expect((await db.auditEvent.findMany({ where: { requestId } })).map((e) => e.action).sort()).toEqual([
      "finding.create",
      "finding.create",
      "plan.startApp",
      "plan.update",
    ]);
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
