import { guardedProcedure, router } from "@/server/api/trpc";
import { markReadSchema, preferencesSchema } from "@/server/schemas/notifications";
import { listNotifications, markRead, myPreferences, savePreferences, unreadCount } from "@/server/services/notifications/notifications";

/** The signed-in person's own notifications and notification settings. */
export const notificationRouter = router({
  /** Newest first, with the unread count. */
  list: guardedProcedure("signedIn").query(({ ctx }) => listNotifications(ctx)),
  /** For the header on every page: one count. */
  unreadCount: guardedProcedure("signedIn").query(({ ctx }) => unreadCount(ctx)),
  /** Someone else's notification is NOT_FOUND. */
  markRead: guardedProcedure("signedIn").input(markReadSchema).mutation(({ ctx, input }) => markRead(ctx, input)),
  preferences: guardedProcedure("signedIn").query(({ ctx }) => myPreferences(ctx)),
  savePreferences: guardedProcedure("signedIn").input(preferencesSchema).mutation(({ ctx, input }) => savePreferences(ctx, input)),
});
