/**
 * The outbox. A notification row is both the in-app notification and the record of its email:
 *  - queueNotifications inserts rows with ON CONFLICT DO NOTHING on [userId, dedupeKey], so a job
 *    (or a hook) that runs twice for the same reason adds nothing the second time. People who
 *    turned a kind off, and disabled accounts, get no row at all.
 *  - deliverEmails sends rows whose emailedAt is empty, one transaction per row: the row is locked
 *    (FOR UPDATE SKIP LOCKED, so a second worker passes it by), sent, and stamped before commit.
 *    A crash after the SMTP server accepted the message but before the commit is the one case
 *    that sends twice; a failed send leaves the row for the next pass. Nothing is lost or repeated
 *    by a job that simply runs again.
 */
import type { Email } from "@/server/email/mailer";
import { notificationEmail } from "@/server/email/notification-email";
import type { NotificationKind } from "@/server/generated/prisma/enums";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { NOTIFICATION_LINK_LABEL, PREFERENCE_OF } from "@/server/schemas/notifications";
import type { Db } from "@/server/services/core/audit";
import { preferencesOf } from "@/server/services/notifications/notifications";

export type NotificationDraft = {
  userId: string;
  localAreaId?: string | null;
  kind: NotificationKind;
  /** What makes this notification the same one on a re-run: kind, record and period. */
  dedupeKey: string;
  title: string;
  /** See server/email/notification-body.ts. */
  body: string;
  href?: string | null;
};

export type SendEmail = (email: Email) => Promise<void>;

/** Emails older than this are not sent late: a week-old reminder is noise. They stay in the app. */
export const EMAIL_WITHIN_MS = 3 * 86_400_000;

/** Inserts the drafts people want; returns how many rows are new. */
export async function queueNotifications(db: Db, drafts: NotificationDraft[], now: Date): Promise<number> {
  if (drafts.length === 0) return 0;
  const userIds = [...new Set(drafts.map((d) => d.userId))];
  const [preferences, active] = await Promise.all([
    preferencesOf(db, userIds),
    db.user.findMany({ where: { id: { in: userIds }, disabledAt: null }, select: { id: true } }),
  ]);
  const activeIds = new Set(active.map((u) => u.id));
  const wanted = drafts.filter((d) => {
    const field = PREFERENCE_OF[d.kind];
    return activeIds.has(d.userId) && (field === null || preferences.get(d.userId)![field]);
  });
  if (wanted.length === 0) return 0;
  const { count } = await db.notification.createMany({
    data: wanted.map((d) => ({ ...d, localAreaId: d.localAreaId ?? null, href: d.href ?? null, createdAt: now })),
    skipDuplicates: true,
  });
  return count;
}

/** Sends every notification still waiting for its email; returns how many went and how many failed. */
export async function deliverEmails(db: PrismaClient, now: Date, send: SendEmail, baseUrl: string) {
  const waiting = await db.notification.findMany({
    where: {
      emailedAt: null,
      createdAt: { gte: new Date(now.getTime() - EMAIL_WITHIN_MS) },
      user: { email: { not: null }, disabledAt: null },
    },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true },
  });
  let sent = 0;
  let failed = 0;
  for (const { id } of waiting) {
    try {
      const done = await db.$transaction(
        async (tx) => {
          const locked = await tx.$queryRaw<{ id: string }[]>`
            SELECT id FROM "Notification" WHERE id = ${id} AND "emailedAt" IS NULL FOR UPDATE SKIP LOCKED`;
          if (locked.length === 0) return false;
          const n = await tx.notification.findUniqueOrThrow({
            where: { id },
            select: { kind: true, title: true, body: true, href: true, user: { select: { email: true } } },
          });
          await send(notificationEmail({ ...n, to: n.user.email!, linkLabel: NOTIFICATION_LINK_LABEL[n.kind] }, baseUrl));
          await tx.notification.update({ where: { id }, data: { emailedAt: now } });
          return true;
        },
        // The SMTP conversation happens inside the transaction; give it time.
        { maxWait: 10_000, timeout: 60_000 },
      );
      if (done) sent += 1;
    } catch (error) {
      failed += 1;
      console.error(`[jobs] email for notification ${id} not sent; it will be tried again:`, error instanceof Error ? error.message : error);
    }
  }
  return { sent, failed };
}
