/**
 * The email for a notification: the stored title and body (server/email/notification-body.ts)
 * as plain text and as HTML with real headings and lists, a link with words that say where it
 * goes, and a footer that says how to change what arrives.
 */
import { absoluteUrl, routes } from "@/lib/routes";
import type { Email } from "@/server/email/mailer";
import { emailHtmlWithSections, type EmailBlock } from "@/server/email/layout";
import { parseBody } from "@/server/email/notification-body";

export type NotificationForEmail = { title: string; body: string; href: string | null; to: string; linkLabel: string };

export function notificationEmail(n: NotificationForEmail, baseUrl: string): Email {
  const absolute = (path: string) => absoluteUrl(baseUrl, path);
  const blocks: EmailBlock[] = parseBody(n.body).map((b) =>
    b.type === "list" ? { type: "list", items: b.items.map((i) => ({ text: i.text, url: i.href ? absolute(i.href) : undefined })) } : b,
  );
  const settings = absolute(routes.notificationSettings());
  const footer = `You get this email because of your notification settings in Headway. To change which emails you get, go to ${settings}`;

  const text: string[] = [n.title, ""];
  for (const b of blocks) {
    if (b.type === "paragraph") text.push(b.text, "");
    else if (b.type === "heading") text.push(b.text, "-".repeat(Math.min(b.text.length, 60)), "");
    else text.push(...b.items.map((i) => `- ${i.text}${i.url ? `: ${i.url}` : ""}`), "");
  }
  if (n.href) text.push(`${n.linkLabel}: ${absolute(n.href)}`, "");
  text.push(footer, "");

  return {
    to: n.to,
    subject: n.title,
    text: text.join("\n"),
    html: emailHtmlWithSections({
      title: n.title,
      blocks,
      links: [
        ...(n.href ? [{ label: n.linkLabel, url: absolute(n.href) }] : []),
        { label: "Change which emails you get from Headway", url: settings },
      ],
      footer: "You get this email because of your notification settings in Headway.",
    }),
  };
}
