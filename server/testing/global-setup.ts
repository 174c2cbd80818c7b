/**
 * Fresh, migrated databases for a test run, on a real PostgreSQL:
 *  - TEST_DATABASE_URL set (CI: the machine's PostgreSQL): uniquely named databases on that
 *    server, dropped afterwards;
 *  - otherwise: a throw-away embedded PostgreSQL 17 (scripts/embedded-postgres.mjs), removed
 *    afterwards.
 * Test files run side by side, one per worker, and each worker has a database and a mailbox of
 * its own (copies of one migrated database), so no file sees another's writes or mail while it
 * runs; within a worker, files run one after another. Migrations run as the owner; tests reach the
 * database as the application's role, with exactly the privileges Headway runs with
 * (scripts/database-roles.mjs). server/testing/worker.ts picks the worker's own.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { APP_ROLE, grantApplicationRole, urlAs } from "../../scripts/database-roles.mjs";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs";

/** What one worker uses: its database, as the application's role and as the owner, and its mailbox. */
export type WorkerResources = {
  /** The application role's connection, as Headway runs. */
  databaseUrl: string;
  /** The owner's connection (migrations, and tests of what only an owner can do). */
  ownerDatabaseUrl: string;
  /** The worker's SMTP catcher (EMAIL_SERVER) and where it keeps what the app sent (mailTo in harness.ts). */
  emailServer: string;
  mailDir: string;
  /** The migrated, granted database every worker's was copied from: a test file may copy it too (ownDatabase in harness.ts). */
  templateDatabase: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    /** One entry per worker, by VITEST_POOL_ID - 1. */
    workers: WorkerResources[];
  }
}

function migrate(ownerUrl: string) {
  return new Promise<void>((resolve, reject) => {
    const bin = path.resolve("node_modules/.bin/prisma");
    spawn(bin, ["migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, MIGRATION_DATABASE_URL: ownerUrl } }).on("exit", (c) =>
      c === 0 ? resolve() : reject(new Error(`prisma migrate deploy exited with ${c}`)),
    );
  });
}

async function onServer(serverUrl: string, sql: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export default async function setup(project: TestProject) {
  const t0 = Date.now();
  const name = `headway_test_${Date.now()}_${process.pid}`;
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const names = Array.from({ length: workers }, (_, i) => `${name}_w${i + 1}`);
  let serverUrl: string;
  let closeServer: () => Promise<void>;

  if (process.env.TEST_DATABASE_URL) {
    serverUrl = process.env.TEST_DATABASE_URL;
    closeServer = async () => {
      // With the copies test files made of their own (ownDatabase in harness.ts) that a failed file left behind.
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${name}%`]).finally(() => c.end());
      const all = [...new Set([...rows.map((r) => r.datname), name, ...names])].sort((a, b) => b.length - a.length);
      for (const db of all) await onServer(serverUrl, `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
    };
  } else {
    const server = await startEmbeddedPostgres({ ephemeral: true, port: 0, database: "postgres" });
    serverUrl = server.superuserUrl("postgres");
    closeServer = server.stop;
  }
  const owner = new URL(serverUrl);
  const ownerUrlOf = (db: string) => urlAs(serverUrl, { user: decodeURIComponent(owner.username), password: decodeURIComponent(owner.password), database: db });
  const appPassword = randomBytes(18).toString("base64url");
  const appUrlOf = (db: string) => urlAs(ownerUrlOf(db), { user: APP_ROLE, password: appPassword });

  // One database migrated and granted, then copied for each worker (a copy takes a fraction of a second).
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  await migrate(ownerUrlOf(name));
  await grantApplicationRole(ownerUrlOf(name), appUrlOf(name));
  for (const db of names) {
    await onServer(serverUrl, `CREATE DATABASE "${db}" TEMPLATE "${name}"`);
    await onServer(serverUrl, `GRANT CONNECT, TEMPORARY ON DATABASE "${db}" TO ${APP_ROLE}`);
  }

  // Real email to local catchers: the app's mailer sends over SMTP exactly as in production.
  const { startSmtpCatcher } = await import("../../scripts/smtp-catcher.mjs");
  const catchers: { close(): Promise<void> }[] = [];
  const mailDirs: string[] = [];
  const resources: WorkerResources[] = [];
  for (const db of names) {
    const mailDir = mkdtempSync(path.join(tmpdir(), "headway-test-mail-"));
    const catcher = await startSmtpCatcher({ port: 0, dir: mailDir, log: false });
    catchers.push(catcher);
    mailDirs.push(mailDir);
    resources.push({ databaseUrl: appUrlOf(db), ownerDatabaseUrl: ownerUrlOf(db), emailServer: `smtp://127.0.0.1:${catcher.port}`, mailDir, templateDatabase: name });
  }
  process.env.EMAIL_FROM ??= "Headway <no-reply@headway.test>";
  project.provide("workers", resources);
  console.log(`[global-setup] ${workers} test database(s) ready in ${Date.now() - t0} ms: ${appUrlOf(names[0]!).replace(/:[^:@/]*@/, ":***@")} and its siblings`);
  return async () => {
    for (const catcher of catchers) await catcher.close();
    for (const dir of mailDirs) rmSync(dir, { recursive: true, force: true });
    await closeServer();
  };
}
