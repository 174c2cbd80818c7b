/**
 * The hooks other services call: the forum asked for a verdict (and the daily scan that asks until
 * the co-production screens do), and a change request's decision told to the person who asked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAreaWithPlan, day } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { deliverEmails } from "@/server/jobs/notify";
import { runReminders } from "@/server/jobs/reminders";
import { testMailbox } from "@/server/jobs/test-mailbox";
import { notifyChangeRequestDecided, notifyVerdictRequested } from "@/server/services/notifications/notifications-hooks";
import { createMember, ownDatabase } from "@/server/testing/harness";

// A job works through the whole database: on a database of this file's own, it meets only this file's areas.
let db: PrismaClient;
let drop: () => Promise<void>;
let mail: Awaited<ReturnType<typeof testMailbox>>;
beforeAll(async () => {
  ({ db, drop } = await ownDatabase());
  mail = await testMailbox();
});
afterAll(async () => {
  await mail.close();
  await drop();
});

const now = () => new Date();
const deliver = () => deliverEmails(db, now(), mail.send, "https://headway.test");
const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).email!;

async function scene(level: "CO_PRODUCING" | "ENGAGING" = "CO_PRODUCING") {
  const area = await createAreaWithPlan(db, { action: { coproductionLevel: level } });
  const forumIds = [await createMember(db, area.localAreaId, "FORUM"), await createMember(db, area.localAreaId, "FORUM")];
  const leadId = await createMember(db, area.localAreaId, "LEAD");
  return { area, forumIds, forum: await Promise.all(forumIds.map(emailOf)), lead: await emailOf(leadId) };
}

const verdictOn = (s: Awaited<ReturnType<typeof scene>>, createdAt: Date) =>
  db.forumVerdict.create({
    data: { localAreaId: s.area.localAreaId, actionId: s.area.actionId, authorId: s.forumIds[0]!, verdict: "AGREE_WITH_COMMENTS", text: "Families were there from the start.", createdAt },
  });

describe("notifyVerdictRequested", () => {
  it("asks every forum member of the area once for a claim of co-producing", async () => {
    const s = await scene();
    expect(await db.$transaction((tx) => notifyVerdictRequested(tx, s.area.actionId, "CLAIMED"))).toBe(2);
    expect(await db.$transaction((tx) => notifyVerdictRequested(tx, s.area.actionId, "CLAIMED"))).toBe(0);
    await deliver();
    for (const f of s.forum) {
      const sent = mail.inbox(f);
      expect(sent.map((m) => m.subject)).toEqual(["The forum's verdict is asked for on action 1.1"]);
      expect(sent[0]!.text).toContain("is co-producing with families");
    }
    expect(mail.inbox(s.lead)).toHaveLength(0);
  });

  it("asks nothing for a lower claim, nor once the forum has given its verdict", async () => {
    const low = await scene("ENGAGING");
    expect(await notifyVerdictRequested(db, low.area.actionId, "CLAIMED")).toBe(0);
    const s = await scene();
    await verdictOn(s, new Date());
    expect(await notifyVerdictRequested(db, s.area.actionId, "CLAIMED")).toBe(0);
  });

  it("asks again, once, when the action changes after the verdict", async () => {
    const s = await scene("ENGAGING");
    await verdictOn(s, new Date());
    expect(await notifyVerdictRequested(db, s.area.actionId, "CHANGED")).toBe(2);
    expect(await notifyVerdictRequested(db, s.area.actionId, "CHANGED")).toBe(0);
    await deliver();
    expect(mail.inbox(s.forum[1]!).map((m) => m.subject)).toEqual(["Action 1.1 changed since the forum's verdict"]);
  });

  it("respects a forum member who turned verdict requests off", async () => {
    const s = await scene();
    await db.notificationPreference.create({ data: { userId: s.forumIds[0]!, verdictRequested: false } });
    expect(await notifyVerdictRequested(db, s.area.actionId, "CLAIMED")).toBe(1);
  });
});

describe("the daily scan for verdicts", () => {
  it("asks for claims without a verdict, and after a verdict when co-production was recorded since", async () => {
    const claimed = await scene();
    const recorded = await scene();
    await verdictOn(recorded, day(-10));
    await db.coproductionRecord.create({
      data: { localAreaId: recorded.area.localAreaId, actionId: recorded.area.actionId, stage: "DELIVER", involved: ["PARENT_CARER_FORUM"], date: day(-1) },
    });
    const settled = await scene();
    await verdictOn(settled, new Date());

    await runReminders(db, now());
    await runReminders(db, now());
    await deliver();
    expect(mail.inbox(claimed.forum[0]!).map((m) => m.subject)).toEqual(["The forum's verdict is asked for on action 1.1"]);
    expect(mail.inbox(recorded.forum[0]!).map((m) => m.subject)).toEqual(["Action 1.1 changed since the forum's verdict"]);
    expect(mail.inbox(settled.forum[0]!)).toHaveLength(0);
  });
});

describe("notifyChangeRequestDecided", () => {
  it("tells the requester once the adviser decides, once", async () => {
    const area = await createAreaWithPlan(db);
    const requesterId = await createMember(db, area.localAreaId, "LEAD");
    const adviserId = await createMember(db, area.localAreaId, "ADVISER");
    const cr = await db.changeRequest.create({
      data: {
        localAreaId: area.localAreaId,
        planId: area.planId,
        entityType: "Action",
        entityId: area.actionId,
        field: "action.dueDate",
        oldValue: "2026-12-01",
        newValue: "2027-03-01",
        reason: "The new panel starts in January.",
        requestedById: requesterId,
      },
    });
    expect(await notifyChangeRequestDecided(db, cr.id)).toBe(0); // still pending

    await db.changeRequest.update({ where: { id: cr.id }, data: { status: "REJECTED", decidedById: adviserId, decidedAt: new Date(), decisionNote: "Keep the date: families were promised it." } });
    expect(await db.$transaction((tx) => notifyChangeRequestDecided(tx, cr.id))).toBe(1);
    expect(await notifyChangeRequestDecided(db, cr.id)).toBe(0);
    await deliver();
    const sent = mail.inbox(await emailOf(requesterId));
    expect(sent.map((m) => m.subject)).toEqual(["Your change request was rejected"]);
    expect(sent[0]!.text).toContain("The adviser's note: Keep the date: families were promised it.");
    expect(sent[0]!.text).toContain("Your request to change the due date of an action");
    expect(mail.inbox(await emailOf(adviserId))).toHaveLength(0);
  });
});
