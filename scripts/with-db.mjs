#!/usr/bin/env node
/**
 * Runs a command with a database ready:
 *   node scripts/with-db.mjs [--seed | --no-seed] [--mail-catcher] <command...>
 *
 * - DATABASE_URL set (environment or .env): apply migrations to that PostgreSQL, then run.
 * - DATABASE_URL unset: start the embedded database (PGlite, PostgreSQL 17 in WASM) served on
 *   127.0.0.1 with its data in .data/pglite, apply migrations, seed the demo on first start.
 *
 * Options:
 *   --seed          run the demo seed even on an existing database (it is idempotent)
 *   --no-seed       never seed
 *   --mail-catcher  when EMAIL_SERVER is unset, catch email locally (scripts/smtp-catcher.mjs)
 *                   and point EMAIL_SERVER at it, so magic links work offline
 * Environment (see .env.example): EMBEDDED_DB_DIR (default .data/pglite; "memory://" for a
 * throw-away one), EMBEDDED_DB_PORT (default 54329; 0 picks a free port), SMTP_CATCHER_PORT,
 * MAIL_CATCHER_DIR. Without NEXTAUTH_SECRET on the embedded database, a random one is kept in
 * .data/nextauth-secret so sessions survive a restart.
 */
import "dotenv/config";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

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

let cleanups = [];
async function shutdown(code) {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  process.exit(code ?? 0);
}

// Async on purpose: the embedded database is served from this process's event loop.
async function run(bin, binArgs) {
  const code = await new Promise((resolve) =>
    spawn(bin, binArgs, { stdio: "inherit", env: process.env }).on("exit", (c) => resolve(c ?? 1)),
  );
  if (code !== 0) {
    console.error(`[with-db] ${bin} ${binArgs.join(" ")} failed (exit ${code})`);
    await shutdown(code);
  }
}

let fresh = false;
if (!process.env.DATABASE_URL) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const dir = process.env.EMBEDDED_DB_DIR ?? ".data/pglite";
  const inMemory = dir.startsWith("memory://");
  fresh = inMemory || !existsSync(path.join(dir, "PG_VERSION"));
  if (!inMemory) mkdirSync(path.dirname(dir), { recursive: true });
  const t0 = Date.now();
  const pglite = await PGlite.create(dir);
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: Number(process.env.EMBEDDED_DB_PORT ?? 54329),
    maxConnections: 100,
  });
  await server.start();
  // `prisma migrate dev/diff` need a shadow database; PGlite serves one database, so give them
  // a second, in-memory instance (prisma.config.ts uses SHADOW_DATABASE_URL when set).
  if (cmd.includes("prisma") && cmd.includes("migrate") && !process.env.SHADOW_DATABASE_URL) {
    const shadowDb = await PGlite.create("memory://");
    const shadow = new PGLiteSocketServer({ db: shadowDb, host: "127.0.0.1", port: 0, maxConnections: 10 });
    await shadow.start();
    process.env.SHADOW_DATABASE_URL = `postgresql://postgres:postgres@${shadow.getServerConn()}/postgres`;
    cleanups.push(() => shadow.stop());
  }
  cleanups.push(async () => {
    await server.stop();
    await pglite.close();
  });
  process.env.DATABASE_URL = `postgresql://postgres:postgres@${server.getServerConn()}/postgres`;
  // The app runs its background jobs on timers here, not pg-boss (server/jobs/timers.ts).
  process.env.EMBEDDED_DATABASE = "true";
  console.log(`[with-db] embedded PGlite (${dir}) on ${server.getServerConn()} in ${Date.now() - t0} ms`);

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

await run("prisma", ["migrate", "deploy"]);
if (!flags.has("--no-seed") && (fresh || flags.has("--seed"))) await run("prisma", ["db", "seed"]);

const child = spawn(cmd[0], cmd.slice(1), { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => shutdown(code ?? (signal ? 1 : 0)));
