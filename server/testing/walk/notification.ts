/** Walk entries for a person's own notifications and their settings. */
import { uniq } from "@/prisma/factories";
import type { Specs } from "@/server/testing/walk/spec";

export const NOTIFICATION_SPECS: Specs = {
  "notification.list": { scope: "self", input: () => undefined },
  "notification.unreadCount": { scope: "self", input: () => undefined },
  "notification.preferences": { scope: "self", input: () => undefined },
  "notification.savePreferences": {
    scope: "self",
    input: () => ({
      updateDueSoon: true,
      updateOverdue: true,
      evidenceAwaitingReview: false,
      verdictRequested: true,
      changeRequestDecided: true,
      weeklyDigest: true,
      digestDay: 3,
    }),
  },
  // The LEAD's own unread notification: only the LEAD may mark it; everyone else is told it is not there.
  "notification.markRead": {
    scope: "self",
    input: async (fx, db) => {
      const n = await db.notification.create({
        data: { userId: fx.users.LEAD, kind: "UPDATE_OVERDUE", dedupeKey: `WALK:${uniq()}`, title: "Walk", body: "Walk", localAreaId: fx.area.localAreaId },
      });
      return { ids: [n.id] };
    },
    outcome: (who) => (who === "ANONYMOUS" ? "UNAUTHORIZED" : who === "LEAD" ? "OK" : "NOT_FOUND"),
  },
};
