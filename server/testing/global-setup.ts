/**
 * One fresh, migrated database per test run, on a real PostgreSQL:
 *  - TEST_DATABASE_URL set (CI: the machine's PostgreSQL): a uniquely named database on that
 *    server, dropped afterwards;
 *  - otherwise: a throw-away embedded PostgreSQL 17 (scripts/embedded-postgres.mjs), removed
 *    afterwards.
 * Migrations run as the owner; tests reach the database as the application's role, with exactly
 * the privileges Headway runs with (scripts/database-roles.mjs).
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

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the run's SMTP catcher keeps what the app sent (see mailTo in harness.ts). */
    mailDir: string;
    /** The application role's connection, as Headway runs. */
    databaseUrl: string;
    /** The owner's connection (migrations, and tests of what only an owner can do). */
    ownerDatabaseUrl: string;
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
  let serverUrl: string;
  let closeServer: () => Promise<void>;

  if (process.env.TEST_DATABASE_URL) {
    serverUrl = process.env.TEST_DATABASE_URL;
    closeServer = () => onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const server = await startEmbeddedPostgres({ ephemeral: true, port: 0, database: "postgres" });
    serverUrl = server.superuserUrl("postgres");
    closeServer = server.stop;
  }
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const ownerUrl = urlAs(serverUrl, { user: new URL(serverUrl).username, password: decodeURIComponent(new URL(serverUrl).password), database: name });
  const appUrl = urlAs(ownerUrl, { user: APP_ROLE, password: randomBytes(18).toString("base64url") });

  // Real email to a local catcher: the app's mailer sends over SMTP exactly as in production.
  // Set before the workers start, so server/env.js reads it in each of them.
  const { startSmtpCatcher } = await import("../../scripts/smtp-catcher.mjs");
  const mailDir = mkdtempSync(path.join(tmpdir(), "headway-test-mail-"));
  const catcher = await startSmtpCatcher({ port: 0, dir: mailDir, log: false });
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${catcher.port}`;
  process.env.EMAIL_FROM ??= "Headway <no-reply@headway.test>";
  project.provide("mailDir", mailDir);

  await migrate(ownerUrl);
  await grantApplicationRole(ownerUrl, appUrl);
  console.log(`[global-setup] test database ready in ${Date.now() - t0} ms: ${appUrl.replace(/:[^:@/]*@/, ":***@")}`);
  project.provide("databaseUrl", appUrl);
  project.provide("ownerDatabaseUrl", ownerUrl);
  return async () => {
    await catcher.close();
    rmSync(mailDir, { recursive: true, force: true });
    await closeServer();
  };
}
