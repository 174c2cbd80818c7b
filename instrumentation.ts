/**
 * Next.js calls register() once when a server starts. With JOBS_MODE=inline (the default) the
 * background jobs (server/jobs) start here, in the app process; with "worker" they run in
 * `npm run worker` instead, and with "off" nowhere.
 */
export async function register() {
  // Jobs need Node (pg, nodemailer), and have no business running during `next build`.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("./server/env.js");
  if (env.JOBS_MODE !== "inline") return;
  const { startBackgroundJobs } = await import("./server/jobs/start");
  try {
    await startBackgroundJobs();
    console.log("[jobs] reminders and digests scheduled in the app process (JOBS_MODE=inline)");
  } catch (error) {
    // The app still serves pages; reminders wait until the next start. Say so loudly.
    console.error("[jobs] background jobs did not start:", error instanceof Error ? error.message : error);
  }
}

/**
 * Next calls this for every error a page or route handler ends in: one that says the database is
 * out of reach makes the proxy's gate check it before the next pages (server/resilience).
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteDatabaseOutage } = await import("./server/resilience/database-outage");
  noteDatabaseOutage(error);
}
