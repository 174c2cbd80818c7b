/**
 * Backups of Headway's database, for `npm run backup` and `npm run restore` (scripts/backup.mjs,
 * scripts/restore.mjs; README "Backups").
 *
 *  - PostgreSQL (DATABASE_URL): pg_dump's custom format, restored with pg_restore. The password
 *    goes to pg_dump and pg_restore in PGPASSWORD, never on a command line others can see.
 *  - The embedded database (PGlite, no DATABASE_URL): its data folder as a gzipped tar (PGlite's
 *    own dump; pg_dump cannot read PGlite's PostgreSQL 17), restored into an empty folder.
 *
 * A restore never overwrites: it goes into a new or empty database (or folder) and refuses
 * anything else, so a mistyped target costs nothing. Backups hold personal data: files are
 * written readable by their owner only, and only once complete.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export const BACKUP_DIR = ".data/backups";
export const EMBEDDED_SUFFIX = ".pglite.tar.gz";

/** .data/backups/headway-2026-11-22T21-05-01Z.dump (UTC, sortable, no colons). */
export function defaultBackupFile(kind, now = new Date()) {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  return path.join(BACKUP_DIR, `headway-${stamp}${kind === "embedded" ? EMBEDDED_SUFFIX : ".dump"}`);
}

export const sizeOf = (file) => {
  const bytes = statSync(file).size;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
};

/** A connection URL without its password, and the password for PGPASSWORD. */
function withoutPassword(url) {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { url: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export const describeUrl = (url) => {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
};

function run(command, args, extraEnv) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...extraEnv } });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (error) => resolve({ code: error.code === "ENOENT" ? 127 : 1, stderr: String(error.message) }));
    child.on("exit", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

function clientToolsError(tool, result) {
  if (result.code === 127) return new Error(`${tool} is not installed: install PostgreSQL's client tools (e.g. apt-get install postgresql-client).`);
  const mismatch = /server version mismatch|unsupported version/i.test(result.stderr);
  const hint = mismatch ? ` Use ${tool} from the same PostgreSQL major version as the server, or newer.` : "";
  return new Error(`${tool} failed:${hint}\n${result.stderr.trim()}`);
}

/** Writes `file` only once complete: a half-written backup never looks like a backup. */
async function writeWhole(file, write) {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    await write(partial);
    chmodSync(partial, 0o600);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

export async function backupPostgres(databaseUrl, file) {
  const target = withoutPassword(databaseUrl);
  await writeWhole(file, async (partial) => {
    const result = await run("pg_dump", ["--format=custom", "--file", partial, "--dbname", target.url], target.env);
    if (result.code !== 0) throw clientToolsError("pg_dump", result);
  });
}

async function connect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  await client.connect();
  return client;
}

/** Connects to the target, creating the database first when it does not exist; says which. */
async function openTarget(url) {
  try {
    return { client: await connect(url), created: false };
  } catch (error) {
    if (error.code !== "3D000") throw error; // 3D000: no such database
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = await connect(maintenance.toString());
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
  return { client: await connect(url), created: true };
}

/** Relations in the database's own schemas: anything there means it is not empty. */
async function userRelations(client) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`,
  );
  return rows[0].n;
}

export async function restorePostgres(file, databaseUrl) {
  const { client, created } = await openTarget(databaseUrl);
  try {
    const relations = await userRelations(client);
    if (relations > 0) {
      const suggestion = new URL(databaseUrl);
      suggestion.pathname = "/headway_restored";
      suggestion.password = "";
      throw new Error(
        `${describeUrl(databaseUrl)} is not empty (${relations} tables, indexes or sequences). A restore never overwrites: restore into a new database, e.g. --to ${suggestion}`,
      );
    }
  } finally {
    await client.end();
  }
  const target = withoutPassword(databaseUrl);
  // One transaction: a restore that fails part-way leaves the database empty, not half-filled.
  // Owners and grants are the restoring user's, so a backup restores on another server too.
  const result = await run(
    "pg_restore",
    ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", target.url, file],
    target.env,
  );
  if (result.code !== 0) throw clientToolsError("pg_restore", result);
  return { created };
}

/** Whether something listens on 127.0.0.1:`port` (the app serving the embedded database). */
export function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function embeddedStopped(port) {
  if (await portInUse(port)) {
    throw new Error(`Headway is running on the embedded database (127.0.0.1:${port}): stop it first, since the embedded database opens in one process at a time.`);
  }
}

export async function backupEmbedded(dir, file, { port }) {
  if (dir.startsWith("memory://")) throw new Error("the embedded database is in memory (EMBEDDED_DB_DIR=memory://): there is nothing on disk to back up");
  if (!existsSync(path.join(dir, "PG_VERSION"))) throw new Error(`no embedded database in ${dir} (start Headway once with \`npm run dev\` or \`npm start\`)`);
  await embeddedStopped(port);
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(dir);
  try {
    const dump = await db.dumpDataDir("gzip");
    await writeWhole(file, async (partial) => writeFileSync(partial, Buffer.from(await dump.arrayBuffer())));
  } finally {
    await db.close();
  }
}

export async function restoreEmbedded(file, dir, { port }) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty. A restore never overwrites: move it aside first, or restore elsewhere with --to <folder> and set EMBEDDED_DB_DIR to it.`);
  }
  await embeddedStopped(port);
  mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(dir, { loadDataDir: new Blob([readFileSync(file)]) });
  await db.close();
}
