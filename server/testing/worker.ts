/**
 * This test worker's own database and mailbox (server/testing/global-setup.ts makes one of each
 * per worker). Also run before every test file (vitest.config.ts setupFiles), so that the app's
 * mailer in this worker sends to this worker's catcher.
 */
import { inject } from "vitest";
import type { WorkerResources } from "@/server/testing/global-setup";

export function workerResources(): WorkerResources {
  const all = inject("workers");
  const index = (Number(process.env.VITEST_POOL_ID ?? 1) - 1) % all.length;
  return all[index]!;
}

/** The application role's connection to this worker's database. */
export const testDatabaseUrl = () => workerResources().databaseUrl;
/** The owner's connection to this worker's database. */
export const ownerTestDatabaseUrl = () => workerResources().ownerDatabaseUrl;

process.env.EMAIL_SERVER = workerResources().emailServer;
