/**
 * Runs the background jobs (reminders, digests, email) in their own process, for deployments
 * that set JOBS_MODE=worker so the web instances only serve pages. README "Reminders and
 * background jobs".
 *
 *   npm run worker                      # runs until stopped (Ctrl+C, SIGTERM)
 *   npm run worker -- --once reminders  # runs one job now and exits: reminders, digest or deliver-email
 *
 * `npm run worker` runs it through scripts/with-db.mjs, so without DATABASE_URL it uses the
 * embedded database, sharing the server when Headway is already running on it.
 * Started with the react-server condition, as the app's server code is, so its server-only
 * modules load here too.
 */
import "dotenv/config";
import { parseArgs } from "node:util";
import { getDb } from "@/server/db";
import { sendEmail } from "@/server/email/mailer";
import { env } from "@/server/env.js";
import { JOB_NAMES, runJob, type JobName } from "@/server/jobs/run";
import { startBackgroundJobs } from "@/server/jobs/start";
import { today } from "@/server/services/core/today";

// @prisma/adapter-pg warns about its own use of pg's client; nothing a person running this can act on.
process.noDeprecation = true;

if (!env.DATABASE_URL) {
  console.error("[worker] DATABASE_URL is not set: start the worker with `npm run worker`, which opens the embedded database when it is unset.");
  process.exit(1);
}

const { values } = parseArgs({ options: { once: { type: "string" } }, strict: true });

if (values.once !== undefined) {
  if (!JOB_NAMES.includes(values.once as JobName)) {
    console.error(`Name a job: ${JOB_NAMES.join(", ")}.`);
    process.exit(2);
  }
  const result = await runJob(
    values.once as JobName,
    { db: getDb(), send: env.EMAIL_SERVER ? sendEmail : null, baseUrl: env.NEXTAUTH_URL ?? "http://localhost:3000" },
    today(),
  );
  console.log(`[worker] ${values.once}: ${result.queued} notifications queued, ${result.sent} emails sent, ${result.failed} failed`);
  await getDb().$disconnect();
  process.exit(result.failed ? 1 : 0);
}

if (env.JOBS_MODE === "inline") {
  console.warn("[worker] JOBS_MODE is inline, so the app runs the jobs too; that is safe (each cron tick is one job), but set JOBS_MODE=worker to keep them here.");
}
const jobs = await startBackgroundJobs();
console.log("[worker] reminders, digests and email running; stop with Ctrl+C");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.log("[worker] stopping after the jobs in hand");
    void jobs.stop().then(() => process.exit(0));
  });
}
