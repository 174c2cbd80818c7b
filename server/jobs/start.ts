/**
 * Starts the background jobs in this process: from instrumentation.ts (JOBS_MODE=inline, the
 * default) or from scripts/worker.ts (JOBS_MODE=worker, `npm run worker`).
 */
import "server-only";
import { getDb } from "@/server/db";
import { sendEmail } from "@/server/email/mailer";
import { env } from "@/server/env.js";
import { startBoss, type JobsHandle } from "@/server/jobs/boss";
import { today } from "@/server/services/core/today";

const g = globalThis as unknown as { headwayJobs?: Promise<JobsHandle> };

/** Starts once per process (Next's dev server may call register() again after a reload). */
export function startBackgroundJobs(): Promise<JobsHandle> {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set: background jobs need the database.");
  if (!env.EMAIL_SERVER) console.warn("[jobs] EMAIL_SERVER is not set: notifications appear in the app but no email is sent.");
  const deps = { db: getDb(), send: env.EMAIL_SERVER ? sendEmail : null, baseUrl: env.NEXTAUTH_URL ?? "http://localhost:3000" };
  g.headwayJobs ??= startBoss(env.DATABASE_URL, deps, today);
  return g.headwayJobs;
}
