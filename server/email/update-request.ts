import { emailHtml } from "@/server/email/layout";
import type { Email } from "@/server/email/mailer";

/** Formats a moment as a day in UK time: "6 December 2026". */
const ukDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

/**
 * The request for an update, to someone without an account. It says who asks, about which action
 * and until when; the link is the only way in, so the email says it works once.
 */
export function updateRequestEmail(params: {
  to: string;
  url: string;
  senderName: string;
  areaName: string;
  action: { ref: string; title: string };
  message: string;
  expiresAt: Date;
}): Email {
  const title = `Please send an update on action ${params.action.ref}`;
  const lines = [
    `${params.senderName} from ${params.areaName}'s SEND improvement plan has asked you for an update on action ${params.action.ref}: ${params.action.title}.`,
    ...(params.message ? [`Their message: ${params.message}`] : []),
    `Use the link below to say what has happened, how far the action has got and its status. You do not need an account. The link works once and until ${ukDay.format(params.expiresAt)}.`,
  ];
  const footer =
    "If you were not expecting this email, you can ignore it. Do not forward it: anyone with the link can post one update on this action.";
  return {
    to: params.to,
    subject: title,
    text: `${title}\n\n${lines.join("\n\n")}\n\n${params.url}\n\n${footer}\n`,
    html: emailHtml({ title, paragraphs: lines, action: { label: `Send your update on action ${params.action.ref}`, url: params.url }, footer }),
  };
}
