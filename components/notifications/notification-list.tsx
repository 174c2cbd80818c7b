"use client";
/**
 * The notifications list, with the sentence above it saying how many are new. Opening the page
 * marks what it shows as read, then refreshes the page so the site header's count agrees. What was
 * unread when the page opened is decided once, here: it is tagged "New" and counted in the
 * sentence, and both stay so after that refresh, which reads everything as read.
 */
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState, type ReactNode } from "react";
import { newSinceLastLooked } from "@/components/notifications/new-since";
import { useRefresh } from "@/components/forms/use-refresh";
import { useTRPC } from "@/components/trpc/provider";
import { formatDateTime } from "@/lib/format/dates";
import { Tag } from "@/components/ui/tag";
import { parseBody } from "@/server/email/notification-body";
import type { NotificationKind } from "@/server/generated/prisma/enums";
import { NOTIFICATION_KIND_LABEL, NOTIFICATION_LINK_LABEL } from "@/server/schemas/notifications";

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  href: string | null;
  createdAt: Date;
  readAt: Date | null;
  localArea: { name: string } | null;
};

export function NotificationList({
  items,
  limit,
  settings,
}: {
  items: NotificationItem[];
  /** The most the list shows (the service's limit). */
  limit: number;
  /** The link to the person's settings, between the sentence and the list. */
  settings: ReactNode;
}) {
  const trpc = useTRPC();
  const { refresh } = useRefresh();
  // Decided from the list as the page opened, not again after the refresh that follows marking it read.
  const [{ ids: unreadWhenOpened, sentence }] = useState(() => newSinceLastLooked(items));
  const { mutate } = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: () => refresh() }));

  useEffect(() => {
    if (unreadWhenOpened.size > 0) mutate({ ids: [...unreadWhenOpened] });
  }, [unreadWhenOpened, mutate]);

  return (
    <>
      <p className="mb-2">{sentence}</p>
      {settings}
      {items.length === 0 ? (
        <p>You have no notifications yet. Reminders about updates, evidence to review and your weekly digest will appear here.</p>
      ) : (
        <>
          <ol className="space-y-6">
            {items.map((n) => (
              <li key={n.id} className={`border-l-4 py-1 pl-4 ${unreadWhenOpened.has(n.id) ? "border-brand" : "border-border"}`}>
                <article aria-labelledby={`notification-${n.id}`}>
                  <p className="mb-1 flex flex-wrap items-center gap-3 text-base text-secondary">
                    {unreadWhenOpened.has(n.id) ? <Tag colour="blue">New</Tag> : null}
                    <span>{NOTIFICATION_KIND_LABEL[n.kind]}</span>
                    {n.localArea ? <span>{n.localArea.name}</span> : null}
                    <span>{formatDateTime(n.createdAt)}</span>
                  </p>
                  <h2 id={`notification-${n.id}`} className="mb-2 text-2xl">
                    {n.title}
                  </h2>
                  {parseBody(n.body).map((b, i) =>
                    b.type === "paragraph" ? (
                      <p key={i} className="mb-2 max-w-2xl">
                        {b.text}
                      </p>
                    ) : b.type === "heading" ? (
                      <h3 key={i} className="mt-4 mb-2 text-xl">
                        {b.text}
                      </h3>
                    ) : (
                      <ul key={i} className="mb-2 list-disc pl-6">
                        {b.items.map((item, j) => (
                          <li key={j}>{item.href ? <Link href={item.href}>{item.text}</Link> : item.text}</li>
                        ))}
                      </ul>
                    ),
                  )}
                  {n.href ? (
                    <p>
                      <Link href={n.href}>
                        {NOTIFICATION_LINK_LABEL[n.kind]}
                        <span className="sr-only">: {n.title}</span>
                      </Link>
                    </p>
                  ) : null}
                </article>
              </li>
            ))}
          </ol>
          {items.length === limit ? <p className="mt-8 text-secondary">Showing the latest {limit} notifications.</p> : null}
        </>
      )}
    </>
  );
}
