/**
 * The same jobs on the same schedules, run by timers in this process instead of pg-boss. For the
 * embedded database only: PGlite serves one connection's messages at a time, and pg-boss's own
 * pool of connections interleaving with the app's breaks the wire protocol there ("bind message
 * supplies 3 parameters, but prepared statement requires 2"). The embedded database is one
 * process on one machine, so nothing needs coordinating; the outbox keys still make any repeat
 * harmless.
 */
import parser from "cron-parser";
import { SCHEDULE_TIME_ZONE, type JobsHandle } from "@/server/jobs/boss";
import { JOB_NAMES, runJob, SCHEDULES, type JobDeps, type JobName } from "@/server/jobs/run";

/** When the cron line `expression` next fires after `after`, in UK time. */
export function nextRunAfter(expression: string, after: Date): Date {
  return parser.parseExpression(expression, { currentDate: after, tz: SCHEDULE_TIME_ZONE }).next().toDate();
}

const TICK_MS = 30_000;

export function startTimers(deps: JobDeps, clock: () => Date): JobsHandle {
  const next = new Map<JobName, Date>(JOB_NAMES.map((name) => [name, nextRunAfter(SCHEDULES[name], clock())]));
  // One job at a time: on the embedded database they would only queue behind each other anyway.
  let running: Promise<unknown> = Promise.resolve();
  const run = (name: JobName) => {
    running = running.then(async () => {
      try {
        const result = await runJob(name, deps, clock());
        if (result.queued || result.sent || result.failed) {
          console.log(`[jobs] ${name}: ${result.queued} notifications queued, ${result.sent} emails sent, ${result.failed} failed`);
        }
      } catch (error) {
        console.error(`[jobs] ${name} failed:`, error instanceof Error ? error.message : error);
      }
    });
    return running;
  };
  const timer = setInterval(() => {
    const now = clock();
    for (const name of JOB_NAMES) {
      if (now >= next.get(name)!) {
        next.set(name, nextRunAfter(SCHEDULES[name], now));
        void run(name);
      }
    }
  }, TICK_MS);
  timer.unref();
  // As with pg-boss: a server that was down at 06:00 catches up at start.
  void run("reminders");
  void run("digest");
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
    async runNow(name) {
      await run(name);
      return null;
    },
  };
}
