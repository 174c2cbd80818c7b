/** The weekly digest: on each person's digest day, to plan leads and advisers only, once a week. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAction, createActionUpdate, createAreaWithPlan, day } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { isoWeekday } from "@/server/jobs/reminder-rules";
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

// A Monday 7 days ahead or more, at 07:00 UTC, and the days of its week.
const mondayOffset = 7 + ((8 - isoWeekday(day(0))) % 7);
const at = (offset: number) => new Date(day(mondayOffset + offset).getTime() + 7 * 3_600_000);
const digest = (now: Date) => runJob("digest", { db, send: mail.send, baseUrl: "https://headway.test" }, now);
const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).email!;

describe("weekly digest", () => {
  it("goes on each person's digest day to plan leads and advisers only, once a week", async () => {
    const area = await createAreaWithPlan(db, { action: { title: "Short breaks offer", lastUpdateAt: day(mondayOffset - 3) } });
    const lead = await emailOf(await createMember(db, area.localAreaId, "LEAD"));
    const adviserId = await createMember(db, area.localAreaId, "ADVISER");
    const adviser = await emailOf(adviserId);
    const others = await Promise.all((["CONTRIBUTOR", "FORUM", "VIEWER"] as const).map(async (r) => emailOf(await createMember(db, area.localAreaId, r))));
    await db.notificationPreference.create({ data: { userId: adviserId, digestDay: 3 } });
    // Red (past due, not complete) and stale (no update for 60 days).
    await createAction(db, { findingId: area.findingId, title: "Tribunal backlog", startDate: day(mondayOffset - 200), dueDate: day(mondayOffset - 10), lastUpdateAt: day(mondayOffset - 60) });
    await createActionUpdate(db, { actionId: area.actionId, progress: 45, createdAt: new Date(at(-2).getTime()) });

    await digest(at(-1)); // Sunday
    expect(mail.inbox(lead)).toHaveLength(0);

    await digest(at(0)); // Monday: the lead's day (the default)
    const sent = mail.inbox(lead);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/^Your weekly digest: the week to /);
    const { text, html } = sent[0]!;
    expect(text).toMatch(/what changed in the last 7 days\n-+\n\n- 1\.1 Short breaks offer: update on .+, 45% complete, in progress: https:\/\/headway\.test\/local-areas\//);
    expect(text).toMatch(/red actions\n-+\n\n- 1\.\S+ Tribunal backlog/);
    expect(text).toMatch(/stale actions \(update overdue\)\n-+\n\n- 1\.\S+ Tribunal backlog: update 30 days overdue/);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toMatch(/<h2[^>]*>Test Area .+: red actions<\/h2>\n<ul[^>]*>\n<li[^>]*><a href="https:\/\/headway\.test\/local-areas\/[^"]+"[^>]*>1\.\S+ Tribunal backlog<\/a><\/li>/);
    expect(mail.inbox(adviser)).toHaveLength(0);

    await digest(at(0));
    await digest(at(1));
    expect(mail.inbox(lead)).toHaveLength(1);

    await digest(at(2)); // Wednesday: the adviser's day
    expect(mail.inbox(adviser)).toHaveLength(1);
    expect(mail.inbox(lead)).toHaveLength(1);
    for (const o of others) expect(mail.inbox(o)).toHaveLength(0);

    await digest(at(7)); // next Monday: a new week
    expect(mail.inbox(lead)).toHaveLength(2);
  });

  it("is not sent to someone who turned it off", async () => {
    const area = await createAreaWithPlan(db);
    const leadId = await createMember(db, area.localAreaId, "LEAD");
    await db.notificationPreference.create({ data: { userId: leadId, weeklyDigest: false } });
    await digest(at(0));
    expect(mail.inbox(await emailOf(leadId))).toHaveLength(0);
  });
});
