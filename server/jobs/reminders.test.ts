/**
 * The daily reminders with a controlled clock and real email through the SMTP catcher: each goes
 * on the right day to the right people, never twice when the job runs again, and not at all to
 * someone who turned it off.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAction, createAreaWithPlan, createEvidence, createMembership, createUser, day } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { runJob } from "@/server/jobs/run";
import { testMailbox } from "@/server/jobs/test-mailbox";
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

/** 06:00 UTC, when the job runs, `offset` days from today. */
const at = (offset: number) => new Date(day(offset).getTime() + 6 * 3_600_000);
const reminders = (now: Date) => runJob("reminders", { db, send: mail.send, baseUrl: "https://headway.test" }, now);
const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).email!;

/** An area (cadence 30 days) whose action's owner last posted an update today: the next update falls due on day 30. */
async function scene() {
  const owner = await createUser(db);
  const area = await createAreaWithPlan(db, { action: { ownerId: owner.id, lastUpdateAt: day(0) } });
  await createMembership(db, { userId: owner.id, localAreaId: area.localAreaId, role: "CONTRIBUTOR" });
  const lead = await createMember(db, area.localAreaId, "LEAD");
  return { area, owner: owner.email!, ownerId: owner.id, lead: await emailOf(lead), leadId: lead };
}

describe("update due soon", () => {
  it("goes to the owner 7 days before the update falls due, once", async () => {
    const s = await scene();
    await reminders(at(22));
    expect(mail.inbox(s.owner)).toHaveLength(0);

    await reminders(at(23));
    const sent = mail.inbox(s.owner);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/^Update due by .+: action 1\.1$/);
    expect(sent[0]!.text).toContain(`https://headway.test/local-areas/${s.area.slug}/actions/${s.area.actionId}`);
    expect(sent[0]!.html).toContain('<html lang="en-GB">');
    expect(sent[0]!.html).toContain("<h1");
    expect(sent[0]!.html).toContain(">Open the action to post an update</a>");

    // The same day again, and the next day: nothing new.
    await reminders(at(23));
    await reminders(at(24));
    expect(mail.inbox(s.owner)).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: s.ownerId, kind: "UPDATE_DUE_SOON" } })).toBe(1);
    expect(mail.inbox(s.lead)).toHaveLength(0);
  });

  it("is made up the next day when a day's run was missed", async () => {
    const s = await scene();
    await reminders(at(25));
    expect(mail.inbox(s.owner).map((m) => m.subject)).toEqual([expect.stringMatching(/^Update due by/)]);
  });

  it("starts again after the owner posts an update", async () => {
    const s = await scene();
    await reminders(at(23));
    await db.action.update({ where: { id: s.area.actionId }, data: { lastUpdateAt: day(25) } });
    await reminders(at(47)); // 8 days before the new due day (55): not yet
    expect(mail.inbox(s.owner)).toHaveLength(1);
    await reminders(at(48));
    expect(mail.inbox(s.owner).filter((m) => m.subject.startsWith("Update due by"))).toHaveLength(2);
  });

  it("is not sent to an owner who turned it off, nor kept in the app", async () => {
    const s = await scene();
    await db.notificationPreference.create({ data: { userId: s.ownerId, updateDueSoon: false } });
    await reminders(at(23));
    expect(mail.inbox(s.owner)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: s.ownerId } })).toBe(0);
  });

  it("is not sent for a finished action, or on a draft plan", async () => {
    const s = await scene();
    await db.action.update({ where: { id: s.area.actionId }, data: { status: "COMPLETE" } });
    const draft = await scene();
    await db.plan.update({ where: { id: draft.area.planId }, data: { status: "DRAFT" } });
    await reminders(at(23));
    expect(mail.inbox(s.owner)).toHaveLength(0);
    expect(mail.inbox(draft.owner)).toHaveLength(0);
  });
});

describe("update overdue", () => {
  it("goes to the owner the day after it fell due, and to the plan leads from 14 days overdue, once each", async () => {
    const s = await scene();
    await reminders(at(30)); // due today: still "due soon", not overdue
    expect(mail.inbox(s.owner).map((m) => m.subject)).toEqual([expect.stringMatching(/^Update due by/)]);

    await reminders(at(31));
    expect(mail.inbox(s.owner).map((m) => m.subject)).toEqual([expect.stringMatching(/^Update due by/), "Update overdue: action 1.1"]);

    await reminders(at(43)); // 13 days overdue
    expect(mail.inbox(s.lead)).toHaveLength(0);

    await reminders(at(44)); // 14 days overdue
    const lead = mail.inbox(s.lead);
    expect(lead.map((m) => m.subject)).toEqual(["Update 14 days overdue: action 1.1"]);
    expect(lead[0]!.text).toMatch(/The owner, Test User .+, was reminded when it fell due\./);

    await reminders(at(44));
    await reminders(at(60));
    expect(mail.inbox(s.lead)).toHaveLength(1);
    expect(mail.inbox(s.owner)).toHaveLength(2);
  });

  it("is not escalated to plan leads who turned overdue reminders off", async () => {
    const s = await scene();
    await db.notificationPreference.create({ data: { userId: s.leadId, updateOverdue: false } });
    await reminders(at(50));
    expect(mail.inbox(s.owner).map((m) => m.subject)).toEqual(["Update overdue: action 1.1"]);
    expect(mail.inbox(s.lead)).toHaveLength(0);
  });
});

describe("evidence awaiting review", () => {
  it("goes to the area's plan leads, but not to the one who added it, once", async () => {
    const s = await scene();
    const otherLeadId = await createMember(db, s.area.localAreaId, "LEAD");
    const evidence = await createEvidence(db, { actionId: s.area.actionId, uploadedById: s.leadId, title: "Short breaks survey", createdAt: day(0) });
    await reminders(at(1));
    await reminders(at(2));
    const otherLead = mail.inbox(await emailOf(otherLeadId));
    expect(otherLead.map((m) => m.subject)).toEqual(["Evidence to review: Short breaks survey"]);
    expect(otherLead[0]!.text).toContain(`https://headway.test/local-areas/${s.area.slug}/evidence`);
    expect(mail.inbox(s.lead).filter((m) => m.subject.startsWith("Evidence"))).toHaveLength(0);
    expect(mail.inbox(s.owner)).toHaveLength(0);

    // Reviewed evidence asks nobody.
    await db.evidence.update({ where: { id: evidence.id }, data: { reviewStatus: "ACCEPTED" } });
    const later = await createAction(db, { findingId: s.area.findingId, status: "COMPLETE" });
    await createEvidence(db, { actionId: later.id, reviewStatus: "ACCEPTED", createdAt: day(0) });
    await reminders(at(3));
    expect(mail.inbox(await emailOf(otherLeadId))).toHaveLength(1);
  });
});

describe("a job that runs twice at once", () => {
  it("sends each email once", async () => {
    const s = await scene();
    await Promise.all([reminders(at(31)), reminders(at(31)), reminders(at(31))]);
    expect(mail.inbox(s.owner).map((m) => m.subject)).toEqual(["Update overdue: action 1.1"]);
  });
});
