import type { Metadata } from "next";
import Link from "next/link";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { SignOutEverywhere } from "@/components/sessions/sign-out-everywhere";
import { getQueryClient, loadForPage, trpc } from "@/server/api/rsc";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Notification settings" };

/**
 * Which reminders and digests a person gets, and on which day the digest comes; and, as the one
 * page of a person's own settings, "sign out everywhere".
 */
export default async function NotificationSettingsPage() {
  const saved = await loadForPage(getQueryClient().fetchQuery(trpc.notification.preferences.queryOptions()), routes.notificationSettings());
  return (
    <>
      <h1 className="mb-4 text-4xl">Notification settings</h1>
      <p className="mb-8 max-w-2xl">
        Headway reminds people when updates fall due and tells them when something waits for them. What you choose here applies to
        email and to <Link href={routes.notifications()}>your notifications</Link> in Headway.
      </p>
      <PreferencesForm saved={saved} />
      <SignOutEverywhere />
    </>
  );
}
