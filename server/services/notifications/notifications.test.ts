/** A person's notifications and settings through their procedures: own rows only, audited. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, uniq } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { actingAs, callerFor, refusal, testDb } from "@/server/testing/harness";

let db: PrismaClient;
beforeAll(() => {
  db = testDb();
});
afterAll(() => db.$disconnect());

const notify = (userId: string, title: string, createdAt: Date, readAt: Date | null = null) =>
  db.notification.create({ data: { userId, kind: "UPDATE_OVERDUE", dedupeKey: `T:${uniq()}`, title, body: "Body", href: "/my-work", createdAt, readAt } });

describe("notifications", () => {
  it("lists the viewer's own, newest first, each with whether it is read; the header counts the unread", async () => {
    const me = await createUser(db);
    const other = await createUser(db);
    await notify(me.id, "Older", new Date("2026-01-01T09:00:00Z"));
    await notify(me.id, "Newer", new Date("2026-01-02T09:00:00Z"));
    await notify(me.id, "Read already", new Date("2026-01-03T09:00:00Z"), new Date());
    await notify(other.id, "Someone else's", new Date("2026-01-04T09:00:00Z"));
    const api = await callerFor(db, me.id);
    const list = await api.notification.list();
    expect(list.items.map((n) => n.title)).toEqual(["Read already", "Newer", "Older"]);
    expect(list.items.filter((n) => n.readAt === null).map((n) => n.title)).toEqual(["Newer", "Older"]);
    expect(await api.notification.unreadCount()).toBe(2);
  });

  it("marks the viewer's own read, with an audit event; another person's is not found", async () => {
    const me = await createUser(db);
    const other = await createUser(db);
    const mine = await notify(me.id, "Mine", new Date());
    const theirs = await notify(other.id, "Theirs", new Date());
    const { api, requestId } = await actingAs(db, me.id);

    const e = await refusal(api.notification.markRead({ ids: [mine.id, theirs.id] }));
    expect(e.code).toBe("NOT_FOUND");
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeNull();
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    expect(await api.notification.markRead({ ids: [mine.id] })).toEqual({ marked: 1 });
    expect(await api.notification.unreadCount()).toBe(0);
    const events = await db.auditEvent.findMany({ where: { requestId, action: "notification.markRead" } });
    expect(events.map((ev) => ev.entityId)).toEqual([mine.id]);
    // Marking it again changes nothing.
    expect(await api.notification.markRead({ ids: [mine.id] })).toEqual({ marked: 0 });
  });

  it("refuses the signed-out", async () => {
    const api = await callerFor(db, null);
    expect((await refusal(api.notification.unreadCount())).code).toBe("UNAUTHORIZED");
  });
});

describe("notification settings", () => {
  it("starts with every kind on and the digest on Monday, and saves with an audit event", async () => {
    const me = await createUser(db);
    const { api, requestId } = await actingAs(db, me.id);
    const defaults = await api.notification.preferences();
    expect(defaults).toEqual({
      updateDueSoon: true,
      updateOverdue: true,
      evidenceAwaitingReview: true,
      verdictRequested: true,
      changeRequestDecided: true,
      weeklyDigest: true,
      digestDay: 1,
    });
    const saved = await api.notification.savePreferences({ ...defaults, updateDueSoon: false, digestDay: 5 });
    expect(saved).toMatchObject({ updateDueSoon: false, digestDay: 5 });
    expect(await api.notification.preferences()).toEqual(saved);
    const [event] = await db.auditEvent.findMany({ where: { requestId } });
    expect(event).toMatchObject({ action: "notification.savePreferences", entityId: me.id, actorId: me.id });
    expect(event!.before).toMatchObject({ updateDueSoon: true, digestDay: 1 });
    expect(event!.after).toMatchObject({ updateDueSoon: false, digestDay: 5 });
  });

  it("refuses a digest day that is not a day of the week", async () => {
    const me = await createUser(db);
    const api = await callerFor(db, me.id);
    const prefs = await api.notification.preferences();
    expect((await refusal(api.notification.savePreferences({ ...prefs, digestDay: 8 }))).code).toBe("BAD_REQUEST");
  });
});
