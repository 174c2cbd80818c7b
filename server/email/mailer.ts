/**
 * Sends email through SMTP with nodemailer. In development and tests EMAIL_SERVER points at the
 * local catcher (scripts/smtp-catcher.ts); in production at the council's relay.
 */
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/server/env.js";

export type Email = { to: string; subject: string; text: string; html: string };

let transport: Transporter | undefined;

export async function sendEmail(email: Email): Promise<void> {
  if (!env.EMAIL_SERVER) throw new Error("Email is not configured: set EMAIL_SERVER.");
  transport ??= nodemailer.createTransport(env.EMAIL_SERVER);
  await transport.sendMail({ from: env.EMAIL_FROM, ...email });
}
