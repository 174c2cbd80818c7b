import type { Email } from "@/server/email/mailer";
import { emailHtml } from "@/server/email/layout";

export function magicLinkEmail(to: string, url: string): Email {
  const title = "Sign in to Headway";
  const lines = [
    "Use the link below to sign in to Headway. It works once and for 15 minutes.",
    "If you did not ask to sign in, you can ignore this email: nobody can sign in without the link.",
  ];
  return {
    to,
    subject: title,
    text: `${title}\n\n${lines[0]}\n\n${url}\n\n${lines[1]}\n`,
    html: emailHtml({ title, paragraphs: [lines[0]!], action: { label: "Sign in to Headway", url }, footer: lines[1] }),
  };
}
