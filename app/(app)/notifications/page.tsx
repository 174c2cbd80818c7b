import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { pluralise } from "@/lib/format/plurals";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Notifications" };

/** A person's notifications, newest first; opening the page marks them read. */
export default async function NotificationsPage() {
  const { items, unread, limit } = await loadForPage(getQueryClient().fetchQuery(trpc.notification.list.queryOptions()), routes.notifications());
  return (
    <>
      <h1 className="mb-4 text-4xl">Notifications</h1>
      <p className="mb-2">{unread ? `${pluralise(unread, "new notification")} since you last looked.` : "Nothing new since you last looked."}</p>
      <p className="mb-8">
        <Link href={routes.notificationSettings()}>Choose which notifications and emails you get</Link>
      </p>
      {items.length === 0 ? (
        <p>You have no notifications yet. Reminders about updates, evidence to review and your weekly digest will appear here.</p>
      ) : (
        <>
          <NotificationList items={items} />
          {items.length === limit ? <p className="mt-8 text-secondary">Showing the latest {limit} notifications.</p> : null}
        </>
      )}
    </>
  );
}
