/**
 * The jobs by name, each a plain function of the database, the clock and the way email is sent,
 * so the queue, the worker and the tests all run the same code.
 */
import type { PrismaClient } from "@/server/generated/prisma/client";
import { runDigest } from "@/server/jobs/digest";
import { deliverEmails, type SendEmail } from "@/server/jobs/notify";
import { JOB_NAMES } from "@/server/jobs/names.js";
import { runReminders } from "@/server/jobs/reminders";
import { runRetention } from "@/server/jobs/retention";

export { JOB_NAMES };
export type JobName = (typeof JOB_NAMES)[number];

/** Cron lines in UK time: reminders before the working day starts, digests just after. */
export const SCHEDULES: Record<JobName, string> = {
  reminders: "0 6 * * *",
  digest: "0 7 * * *",
  // Emails queued by people's actions (a change request decided) go out within minutes.
  "deliver-email": "*/5 * * * *",
  // Evidence files of plans closed longer ago than RETENTION_YEARS, deleted in the quiet of the night.
  retention: "30 2 * * *",
};

export type JobDeps = {
  db: PrismaClient;
  /** null when email is not configured: notifications stay in the app until it is. */
  send: SendEmail | null;
  baseUrl: string;
};

export async function runJob(name: JobName, deps: JobDeps, now: Date) {
  if (name === "retention") return { queued: 0, sent: 0, failed: 0, ...(await runRetention(deps.db, now)) };
  const queued = name === "reminders" ? (await runReminders(deps.db, now)).queued : name === "digest" ? (await runDigest(deps.db, now)).queued : 0;
  const emails = deps.send ? await deliverEmails(deps.db, now, deps.send, deps.baseUrl) : { sent: 0, failed: 0 };
  return { queued, ...emails, deleted: 0 };
}
