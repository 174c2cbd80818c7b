/**
 * Background jobs on pg-boss: the queue lives in the app's own PostgreSQL (schema "pgboss"), so
 * there is no extra server, and it works on the embedded database too. Schedules are stored in the
 * database and pg-boss makes sure one cron tick becomes one job, however many app instances run;
 * whichever instance is free picks it up. The jobs themselves are safe to repeat (the outbox keys).
 */
import PgBoss from "pg-boss";
import { JOB_NAMES, runJob, SCHEDULES, type JobDeps, type JobName } from "@/server/jobs/run";

export const BOSS_SCHEMA = "pgboss";
export const SCHEDULE_TIME_ZONE = "Europe/London";

export type JobsHandle = { stop: () => Promise<void>; runNow: (name: JobName) => Promise<string | null> };

export async function startBoss(databaseUrl: string, deps: JobDeps, clock: () => Date): Promise<JobsHandle> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: BOSS_SCHEMA, max: 3, application_name: "headway-jobs" });
  boss.on("error", (error) => console.error("[jobs] queue error:", error.message));
  await boss.start();
  for (const name of JOB_NAMES) {
    await boss.createQueue(name);
    await boss.schedule(name, SCHEDULES[name], {}, { tz: SCHEDULE_TIME_ZONE });
    await boss.work(name, async () => {
      const result = await runJob(name, deps, clock());
      if (result.queued || result.sent || result.failed) {
        console.log(`[jobs] ${name}: ${result.queued} notifications queued, ${result.sent} emails sent, ${result.failed} failed`);
      }
      if (result.deleted) console.log(`[jobs] ${name}: ${result.deleted} evidence files past the retention period deleted`);
    });
  }
  // A server that was down at 06:00 (a laptop, a restart) catches up now; the outbox keys make an
  // extra run harmless, and one queued per hour at most however often the app restarts.
  for (const name of ["reminders", "digest"] as const) await boss.send(name, {}, { singletonKey: "startup", singletonSeconds: 3600 });
  return {
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
    runNow: (name) => boss.send(name, {}),
  };
}
