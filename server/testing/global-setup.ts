/**
 * One fresh, migrated database per test run.
 *  - TEST_DATABASE_URL set (CI: the machine's PostgreSQL): a uniquely named database on that
 *    server, dropped afterwards.
 *  - otherwise: a throw-away in-memory PGlite served on a random local port.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the run's SMTP catcher keeps what the app sent (see mailTo in harness.ts). */
    mailDir: string;
    databaseUrl: string;
    /** True when the database is a real PostgreSQL server (true concurrency, restarts). */
    realPostgres: boolean;
  }
}

function prisma(args: string[], databaseUrl: string) {
  // Async on purpose: PGlite is served from this process's event loop.
  return new Promise<void>((resolve, reject) => {
    const bin = path.resolve("node_modules/.bin/prisma");
    spawn(bin, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: databaseUrl } }).on("exit", (c) =>
      c === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} exited with ${c}`)),
    );
  });
}

export default async function setup(project: TestProject) {
  const t0 = Date.now();
  let url: string;
  let teardown: () => Promise<void>;

  if (process.env.TEST_DATABASE_URL) {
    const admin = parseIntoClientConfig(process.env.TEST_DATABASE_URL);
    const name = `headway_test_${Date.now()}_${process.pid}`;
    const c = new pg.Client(admin);
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    const u = new URL(process.env.TEST_DATABASE_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c2 = new pg.Client(admin);
      await c2.connect();
      await c2.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c2.end();
    };
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const db = await PGlite.create("memory://");
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 50 });
    await server.start();
    url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
    teardown = async () => {
      await server.stop();
      await db.close();
    };
  }

  // Real email to a local catcher: the app's mailer sends over SMTP exactly as in production.
  // Set before the workers start, so server/env.js reads it in each of them.
  const { startSmtpCatcher } = await import("../../scripts/smtp-catcher.mjs");
  const mailDir = mkdtempSync(path.join(tmpdir(), "headway-test-mail-"));
  const catcher = await startSmtpCatcher({ port: 0, dir: mailDir, log: false });
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${catcher.port}`;
  process.env.EMAIL_FROM ??= "Headway <no-reply@headway.test>";
  project.provide("mailDir", mailDir);
  const closeDatabase = teardown;
  teardown = async () => {
    await catcher.close();
    rmSync(mailDir, { recursive: true, force: true });
    await closeDatabase();
  };

  await prisma(["migrate", "deploy"], url);
  console.log(`[global-setup] test database ready in ${Date.now() - t0} ms: ${url.replace(/:[^:@/]*@/, ":***@")}`);
  project.provide("databaseUrl", url);
  project.provide("realPostgres", Boolean(process.env.TEST_DATABASE_URL));
  return teardown;
}
