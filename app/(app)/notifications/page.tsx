import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/notification-list";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Notifications" };

/** A person's notifications, newest first; opening the page marks them read (NotificationList says which were new). */
export default async function NotificationsPage() {
  const { items, limit } = await loadForPage(getQueryClient().fetchQuery(trpc.notification.list.queryOptions()), routes.notifications());
  return (
    <>
      <h1 className="mb-4 text-4xl">Notifications</h1>
      <NotificationList
        items={items}
        limit={limit}
        settings={
          <p className="mb-8">
            <Link href={routes.notificationSettings()}>Choose which notifications and emails you get</Link>
          </p>
        }
      />
    </>
  );
}
