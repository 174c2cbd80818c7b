#!/usr/bin/env node
/**
 * Runs a command with a database ready:
 *   node scripts/with-db.mjs [--seed | --no-seed] [--mail-catcher] <command...>
 *
 * - DATABASE_URL set (environment or .env): apply migrations to that PostgreSQL as the owner
 *   (MIGRATION_DATABASE_URL, else DATABASE_URL itself), give the application role in
 *   DATABASE_URL its privileges, then run.
 * - DATABASE_URL unset: the embedded database, a real PostgreSQL 17 (scripts/embedded-postgres.mjs)
 *   with its data in .data/postgres, listening on 127.0.0.1 only. Migrations run as its
 *   superuser; the command runs as the application role. The demo is seeded on first start.
 *   When the embedded server is already running (another `npm run` started it), it is shared.
 *
 * `next start` is refused when DATABASE_URL's role is a superuser or owns the tables, and, in
 * production, on the embedded database unless EMBEDDED_DB_IN_PRODUCTION=true.
 *
 * Options:
 *   --seed          run the demo seed even on an existing database (it is idempotent)
 *   --no-seed       never seed
 *   --mail-catcher  when EMAIL_SERVER is unset, catch email locally (scripts/smtp-catcher.mjs)
 *                   and point EMAIL_SERVER at it, so magic links work offline
 * Environment (see .env.example): EMBEDDED_DB_DIR (default .data/postgres), EMBEDDED_DB_TEMPORARY
 * (true: a throw-away server in a temporary folder), EMBEDDED_DB_PORT (default 54329; 0 picks a
 * free port), SMTP_CATCHER_PORT, MAIL_CATCHER_DIR. Without NEXTAUTH_SECRET on the embedded
 * database, a random one is kept in .data/nextauth-secret so sessions survive a restart.
 */
import "dotenv/config";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { APP_ROLE, applicationRoleProblem, grantApplicationRole } from "./database-roles.mjs";
import { openEmbeddedDatabase } from "./embedded-postgres.mjs";

const args = process.argv.slice(2);
const flags = new Set();
while (args[0]?.startsWith("--")) flags.add(args.shift());
const cmd = args;
if (cmd.length === 0) {
  console.error("usage: with-db.mjs [--seed|--no-seed] [--mail-catcher] <command...>");
  process.exit(2);
}
// Local bins (prisma, next, tsx) resolvable when run outside `npm run`.
process.env.PATH = `${path.resolve("node_modules/.bin")}${path.delimiter}${process.env.PATH}`;
const servesTheApp = cmd.includes("next") && cmd.includes("start");

const cleanups = [];
async function shutdown(code) {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  process.exit(code ?? 0);
}
function refuse(message) {
  console.error(`[with-db] ${message}`);
  return shutdown(1);
}

async function run(bin, binArgs, extraEnv = {}) {
  const code = await new Promise((resolve) =>
    spawn(bin, binArgs, { stdio: "inherit", env: { ...process.env, ...extraEnv } }).on("exit", (c) => resolve(c ?? 1)),
  );
  if (code !== 0) {
    console.error(`[with-db] ${bin} ${binArgs.join(" ")} failed (exit ${code})`);
    await shutdown(code);
  }
}

let fresh = false;
if (!process.env.DATABASE_URL) {
  if (process.env.NODE_ENV === "production" && process.env.EMBEDDED_DB_IN_PRODUCTION !== "true") {
    await refuse(
      "NODE_ENV is production but DATABASE_URL is not set: the embedded database runs on this one machine with no backups or failover, so Headway will not use it in production. Set DATABASE_URL to your PostgreSQL, or EMBEDDED_DB_IN_PRODUCTION=true if you accept that.",
    );
  }
  const embedded = await openEmbeddedDatabase({ log: (line) => console.log(`[with-db] ${line}`) });
  cleanups.push(embedded.close);
  fresh = embedded.fresh;
  process.env.DATABASE_URL = embedded.appUrl;
  process.env.MIGRATION_DATABASE_URL = embedded.ownerUrl;

  if (!process.env.NEXTAUTH_SECRET) {
    const file = ".data/nextauth-secret";
    mkdirSync(".data", { recursive: true });
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  }
}

if (flags.has("--mail-catcher") && !process.env.EMAIL_SERVER) {
  const { startSmtpCatcher } = await import("./smtp-catcher.mjs");
  const catcher = await startSmtpCatcher({
    port: Number(process.env.SMTP_CATCHER_PORT ?? 2525),
    dir: process.env.MAIL_CATCHER_DIR ?? ".data/mail",
  });
  cleanups.push(catcher.close);
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${catcher.port}`;
  console.log(`[with-db] email goes to the local catcher on 127.0.0.1:${catcher.port}; sign-in links are printed here`);
}

const ownerUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
await run("prisma", ["migrate", "deploy"], { MIGRATION_DATABASE_URL: ownerUrl });
if (ownerUrl !== process.env.DATABASE_URL) {
  try {
    await grantApplicationRole(ownerUrl, process.env.DATABASE_URL);
  } catch (error) {
    await refuse(`could not give the application role its privileges: ${error.message}`);
  }
}
if (!flags.has("--no-seed") && (fresh || flags.has("--seed"))) await run("prisma", ["db", "seed"]);

const problem = await applicationRoleProblem(process.env.DATABASE_URL).catch((error) => `could not check DATABASE_URL's role: ${error.message}`);
if (problem && servesTheApp) await refuse(`${problem} (The embedded database does this itself: its application role is ${APP_ROLE}.)`);
else if (problem) console.warn(`[with-db] warning: ${problem}`);

const child = spawn(cmd[0], cmd.slice(1), { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => shutdown(code ?? (signal ? 1 : 0)));
