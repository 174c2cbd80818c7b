/**
 * A person's own notifications and their settings. Every query is on the viewer's own rows:
 * another person's notification is simply not found.
 */
import type { ServiceContext } from "@/server/services/core/context";
import { notFound } from "@/server/errors";
import type { NotificationPreference } from "@/server/generated/prisma/client";
import { PREFERENCE_FIELDS, type MarkReadInput, type PreferencesInput } from "@/server/schemas/notifications";
import { inTransaction, recordAudit, recordAudits, type Db } from "@/server/services/core/audit";
import { today } from "@/server/services/core/today";

export type Preferences = Pick<NotificationPreference, (typeof PREFERENCE_FIELDS)[number] | "digestDay">;

/** What someone without a saved row gets: every kind on, the digest on Monday. */
export const DEFAULT_PREFERENCES: Preferences = {
  updateDueSoon: true,
  updateOverdue: true,
  evidenceAwaitingReview: true,
  verdictRequested: true,
  changeRequestDecided: true,
  weeklyDigest: true,
  digestDay: 1,
};

const PREFERENCE_SELECT = { ...Object.fromEntries(PREFERENCE_FIELDS.map((f) => [f, true])), digestDay: true } as Record<keyof Preferences, true>;

/** Each person's settings, defaults filled in for those who never saved any. */
export async function preferencesOf(db: Db, userIds: string[]): Promise<Map<string, Preferences>> {
  const rows = await db.notificationPreference.findMany({ where: { userId: { in: userIds } }, select: { userId: true, ...PREFERENCE_SELECT } });
  const saved = new Map(rows.map(({ userId, ...p }) => [userId, p]));
  return new Map(userIds.map((id) => [id, saved.get(id) ?? DEFAULT_PREFERENCES]));
}

export async function myPreferences(ctx: ServiceContext): Promise<Preferences> {
  return (await preferencesOf(ctx.db, [ctx.viewer.userId])).get(ctx.viewer.userId)!;
}

export async function savePreferences(ctx: ServiceContext, input: PreferencesInput): Promise<Preferences> {
  const userId = ctx.viewer.userId;
  return inTransaction(ctx, async (tx) => {
    const before = (await preferencesOf(tx, [userId])).get(userId)!;
    const after = await tx.notificationPreference.upsert({
      where: { userId },
      create: { userId, ...input },
      update: input,
      select: PREFERENCE_SELECT,
    });
    await recordAudit(tx, ctx, { action: "notification.savePreferences", entityType: "NotificationPreference", entityId: userId, before, after });
    return after;
  });
}

const LIST_LIMIT = 50;

/**
 * The newest notifications first, each with `readAt`: the page tags and counts as new those unread
 * as it opened, from these items alone (components/notifications/notification-list.tsx), so its
 * sentence and its tags cannot disagree.
 */
export async function listNotifications(ctx: ServiceContext) {
  const items = await ctx.db.notification.findMany({
    where: { userId: ctx.viewer.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      kind: true,
      title: true,
      body: true,
      href: true,
      createdAt: true,
      readAt: true,
      localArea: { select: { name: true } },
    },
  });
  return { items, limit: LIST_LIMIT };
}

/** One indexed count ([userId, readAt, createdAt]): cheap enough for the header on every page. */
export function unreadCount(ctx: ServiceContext): Promise<number> {
  return ctx.db.notification.count({ where: { userId: ctx.viewer.userId, readAt: null } });
}

/** Marks the viewer's own notifications read; any id that is not theirs makes the whole call NOT_FOUND. */
export async function markRead(ctx: ServiceContext, input: MarkReadInput) {
  const ids = [...new Set(input.ids)];
  return inTransaction(ctx, async (tx) => {
    const mine = await tx.notification.findMany({ where: { id: { in: ids }, userId: ctx.viewer.userId }, select: { id: true, readAt: true } });
    if (mine.length !== ids.length) throw notFound("That notification");
    const unread = mine.filter((n) => n.readAt === null).map((n) => n.id);
    if (unread.length === 0) return { marked: 0 };
    const readAt = today();
    await tx.notification.updateMany({ where: { id: { in: unread }, userId: ctx.viewer.userId, readAt: null }, data: { readAt } });
    await recordAudits(
      tx,
      ctx,
      unread.map((id) => ({ action: "notification.markRead", entityType: "Notification", entityId: id, before: { readAt: null }, after: { readAt } })),
    );
    return { marked: unread.length };
  });
}
