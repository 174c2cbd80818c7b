/**
 * Backups of Headway's database, for `npm run backup` and `npm run restore` (scripts/backup.mjs,
 * scripts/restore.mjs; README "Backups"). Two methods:
 *
 *  - pg_dump (`.dump`): a logical dump in pg_dump's custom format, restored with pg_restore into a
 *    new or empty database. Portable across servers and versions, so it is the method for a
 *    PostgreSQL in DATABASE_URL, and for the embedded database whenever the machine has a pg_dump
 *    at least as new as the server (pg_dump refuses a server newer than itself). Passwords go to
 *    pg_dump and pg_restore in PGPASSWORD, never on a command line others can see.
 *
 *  - Physical (`.postgres.tar.gz`), for the embedded database only: it ships PostgreSQL 17's
 *    server but no pg_dump, and a machine running Headway on it may have no PostgreSQL tools at all,
 *    or older ones. So the backup copies the data folder itself, while Headway keeps serving, with
 *    PostgreSQL's low-level backup API in one session: a temporary replication slot keeps every WAL
 *    segment from before the copy starts, pg_backup_start() marks the start, the folder is copied
 *    (a copy that is inconsistent, since writes go on), pg_backup_stop() marks the end and returns the
 *    backup_label, and the WAL written meanwhile is copied last. Restoring extracts the folder and
 *    starts it once: PostgreSQL replays that WAL and the folder is exactly as it was when the backup
 *    ended. The archive also holds the folder's credentials file, since the restored cluster keeps
 *    its role passwords.
 *
 * A restore never overwrites: it goes into a new or empty database (or folder) and refuses
 * anything else, so a mistyped target costs nothing. Backups hold personal data: files are
 * written readable by their owner only, and only once complete.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import {
  chmodSync,
  closeSync,
  createWriteStream,
  existsSync,
  lchownSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { lstat, open, readdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import pg from "pg";
import { extract, Header, Pax } from "tar";
import { credentialsFile, EMBEDDED_DATABASE, loadCredentials, localUrl, startEmbeddedPostgres, SUPERUSER } from "./embedded-postgres.mjs";

export const BACKUP_DIR = ".data/backups";
/** A physical backup of the embedded database. */
export const EMBEDDED_SUFFIX = ".postgres.tar.gz";

/** .data/backups/headway-2026-11-22T21-05-01Z.dump (UTC, sortable, no colons). */
export function defaultBackupFile(kind, now = new Date()) {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  return path.join(BACKUP_DIR, `headway-${stamp}${kind === "physical" ? EMBEDDED_SUFFIX : ".dump"}`);
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

/** The major version of the machine's pg_dump, or null when there is none. */
export function pgDumpMajor() {
  const result = spawnSync("pg_dump", ["--version"], { encoding: "utf8" });
  const match = result.status === 0 ? /PostgreSQL\)\s+(\d+)/.exec(result.stdout) : null;
  return match ? Number(match[1]) : null;
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

async function connect(url, timeout = 10_000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeout });
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

// ---------------------------------------------------------------------------------------------
// The embedded database

/** Inside a physical backup: the data folder's tree, and its credentials file beside it. */
const DATA_ENTRY = "data";
const CREDENTIALS_ENTRY = "headway-credentials.json";

/** Whether `file` is a physical backup (gzip) rather than a pg_dump archive. */
export function isPhysicalBackup(file) {
  const head = Buffer.alloc(2);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  return head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * A gzipped tar written one entry at a time, with tar's Header and Pax encoding each entry's
 * header. Not tar's Pack: the backup must know when the data folder's last file has been read
 * (before pg_backup_stop()), and must take files that PostgreSQL removes or shortens during the
 * copy, which Pack treats as errors.
 */
class TarGzWriter {
  // The fastest level: the server does extra work (full-page writes) until the copy ends, and
  // most of a data folder is empty pages, which any level squeezes to nothing.
  #gzip = zlib.createGzip({ level: 1 });
  #done;

  constructor(file) {
    this.#done = pipeline(this.#gzip, createWriteStream(file, { mode: 0o600 }));
    this.#done.catch(() => {}); // reported by close(), or by the write that meets it
  }

  async #write(chunk) {
    if (!this.#gzip.write(chunk)) await Promise.race([once(this.#gzip, "drain"), this.#done]);
  }

  async #header(fields) {
    const header = new Header(fields);
    if (header.encode()) await this.#write(new Pax({ path: fields.path, size: fields.size, mtime: fields.mtime, uid: fields.uid, gid: fields.gid }).encode());
    await this.#write(header.block);
  }

  async #pad(size) {
    if (size % 512) await this.#write(Buffer.alloc(512 - (size % 512)));
  }

  async directory(name, stat) {
    await this.#header({ path: `${name}/`, type: "Directory", mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid, size: 0, mtime: stat.mtime });
  }

  async buffer(name, data) {
    await this.#header({ path: name, type: "File", mode: 0o600, size: data.length, mtime: new Date() });
    await this.#write(data);
    await this.#pad(data.length);
  }

  /** Copies the file as it is now; false when it is gone (PostgreSQL removed it meanwhile). */
  async file(name, absolute) {
    let handle;
    try {
      handle = await open(absolute, "r");
    } catch (error) {
      if (error.code === "ENOENT") return false;
      throw error;
    }
    try {
      const stat = await handle.stat();
      await this.#header({ path: name, type: "File", mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid, size: stat.size, mtime: stat.mtime });
      let copied = 0;
      while (copied < stat.size) {
        const chunk = Buffer.allocUnsafe(Math.min(1 << 20, stat.size - copied));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, copied);
        if (bytesRead === 0) break;
        await this.#write(chunk.subarray(0, bytesRead));
        copied += bytesRead;
      }
      // A table file that shrank while copied (VACUUM cut its empty tail) is padded with zeros,
      // as GNU tar does: replaying the WAL truncates it again.
      if (copied < stat.size) await this.#write(Buffer.alloc(stat.size - copied));
      await this.#pad(stat.size);
      return true;
    } finally {
      await handle.close();
    }
  }

  async close() {
    this.#gzip.end(Buffer.alloc(1024)); // two empty blocks end a tar
    await this.#done;
  }

  abort() {
    this.#gzip.destroy();
  }
}

// What PostgreSQL's documentation ("Making a Base Backup Using the Low Level API") and
// pg_basebackup leave out of a copy of the data folder: files rebuilt or reset at startup.
const TOP_FILES_LEFT_OUT = new Set([
  "postmaster.pid",
  "postmaster.opts",
  "backup_label", // ours comes from pg_backup_stop()
  "tablespace_map",
  "backup_manifest",
  "postgresql.auto.conf.tmp",
  "current_logfiles.tmp",
]);
/** Folders kept, empty. pg_wal is filled after pg_backup_stop(), with the WAL of the copy. */
const TOP_DIRS_EMPTIED = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);

/** Adds the data folder under `root` to the archive, as DATA_ENTRY/…, leaving out the above. */
async function copyDataFolder(tar, root, relative = "") {
  let names;
  try {
    names = (await readdir(path.join(root, relative))).sort();
  } catch (error) {
    if (error.code === "ENOENT" && relative) return; // a database dropped meanwhile
    throw error;
  }
  for (const name of names) {
    if (name === "pg_internal.init" || name.startsWith("pgsql_tmp")) continue;
    if (!relative && TOP_FILES_LEFT_OUT.has(name)) continue;
    const rel = relative ? `${relative}/${name}` : name;
    const absolute = path.join(root, rel);
    let stat;
    try {
      stat = await lstat(absolute);
    } catch (error) {
      if (error.code === "ENOENT") continue;
      throw error;
    }
    if (stat.isSymbolicLink()) {
      throw new Error(`${absolute} is a symbolic link (a tablespace, or pg_wal moved elsewhere): the physical backup copies the data folder only. Use pg_dump instead (BACKUP_METHOD=pg_dump).`);
    }
    if (stat.isDirectory()) {
      await tar.directory(`${DATA_ENTRY}/${rel}`, stat);
      if (!relative && TOP_DIRS_EMPTIED.has(name)) {
        // pg_wal's own folders (archive_status, summaries) are kept, empty, as pg_basebackup does.
        if (name === "pg_wal") {
          for (const sub of (await readdir(absolute, { withFileTypes: true })).filter((e) => e.isDirectory())) {
            await tar.directory(`${DATA_ENTRY}/pg_wal/${sub.name}`, await lstat(path.join(absolute, sub.name)));
          }
        }
        continue;
      }
      await copyDataFolder(tar, root, rel);
    } else if (stat.isFile()) {
      await tar.file(`${DATA_ENTRY}/${rel}`, absolute);
    }
  }
}

/**
 * The online physical backup, in one session (a session's end aborts a backup it started and drops
 * its temporary slot, so a failure part-way leaves the server as it was).
 */
async function physicalBackup(serverUrl, dir, file) {
  const client = await connect(serverUrl);
  try {
    // Reserves the WAL from now on, so no segment the restore will replay is recycled meanwhile.
    const slot = `headway_backup_${process.pid}_${randomBytes(4).toString("hex")}`;
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot]).catch((error) => {
      const hint = /wal_level/.test(error.message) ? " (the server runs with wal_level=minimal: restart Headway, which starts it with wal_level=replica)" : "";
      throw new Error(`${error.message}${hint}`);
    });
    await client.query("SELECT pg_backup_start('headway', true)");
    await writeWhole(file, async (partial) => {
      const tar = new TarGzWriter(partial);
      try {
        await tar.buffer(CREDENTIALS_ENTRY, readFileSync(credentialsFile(dir)));
        await tar.directory(DATA_ENTRY, await lstat(dir));
        await copyDataFolder(tar, dir);
        const { rows } = await client.query("SELECT labelfile, spcmapfile, pg_walfile_name(lsn) AS stop_wal FROM pg_backup_stop(false)");
        const { labelfile, spcmapfile, stop_wal: stopWal } = rows[0];
        await tar.buffer(`${DATA_ENTRY}/backup_label`, Buffer.from(labelfile));
        if (spcmapfile) await tar.buffer(`${DATA_ENTRY}/tablespace_map`, Buffer.from(spcmapfile));
        // The WAL from the backup's start to its end, read now that pg_backup_stop() has flushed
        // it; timeline history files too, which recovery reads when there are any.
        const startWal = /START WAL LOCATION: \S+ \(file ([0-9A-F]{24})\)/.exec(labelfile)?.[1];
        if (!startWal) throw new Error(`unexpected backup_label from pg_backup_stop():\n${labelfile}`);
        for (const name of readdirSync(path.join(dir, "pg_wal")).sort()) {
          const needed = /^[0-9A-F]{24}$/.test(name) && name >= startWal && name <= stopWal;
          if (!needed && !/^[0-9A-F]{8}\.history$/.test(name)) continue;
          const copied = await tar.file(`${DATA_ENTRY}/pg_wal/${name}`, path.join(dir, "pg_wal", name));
          if (!copied && needed) throw new Error(`the WAL segment ${name} disappeared during the backup`);
        }
        await tar.close();
      } catch (error) {
        tar.abort();
        throw error;
      }
    });
  } finally {
    await client.end();
  }
}

/** The port in the folder's postmaster.pid (its fourth line), when a server has it open. */
function postmasterPort(dir) {
  try {
    const port = Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[3]);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/** The port of a server already running on `dir`: its postmaster.pid's, or `port`, if it answers. */
async function runningOn(dir, port, credentials) {
  const folder = realpathSync(dir);
  for (const candidate of new Set([postmasterPort(dir), port].filter(Boolean))) {
    const url = localUrl({ user: SUPERUSER, password: credentials.superuserPassword, port: candidate, database: "postgres" });
    const client = await connect(url, 3_000).catch(() => null);
    if (!client) continue;
    try {
      // A copy restored from a backup of this folder has the same passwords: check it is this one.
      const { rows } = await client.query("SHOW data_directory");
      if (realpathSync(rows[0].data_directory) === folder) return candidate;
    } catch {
      // not ours
    } finally {
      await client.end();
    }
  }
  return null;
}

/**
 * Backs up the embedded database in `dir`, running or not (when it is not, it is started for the
 * backup on a free port, so that nothing else takes it for Headway's, and stopped after).
 * `method`: "auto" (pg_dump when the machine's is new enough, else physical), "pg_dump" or
 * "physical". `out`: the file, by default named after the method. Returns { file, method }.
 */
export async function backupEmbedded(dir, { port, method = "auto", out, log = () => {} }) {
  if (!["auto", "pg_dump", "physical"].includes(method)) throw new Error(`BACKUP_METHOD must be auto, pg_dump or physical, not "${method}"`);
  if (!existsSync(path.join(dir, "PG_VERSION"))) throw new Error(`no embedded database in ${dir} (start Headway once with \`npm run dev\` or \`npm start\`)`);
  const credentials = loadCredentials(dir, { create: false });
  let serverPort = await runningOn(dir, port, credentials);
  let server = null;
  if (serverPort) log(`it is running on 127.0.0.1:${serverPort}: backing it up while it serves`);
  else {
    server = await startEmbeddedPostgres({ dir, port: 0 });
    serverPort = server.port;
    log(`it is not running: started it on 127.0.0.1:${serverPort} for the backup`);
  }
  const url = (database) => localUrl({ user: SUPERUSER, password: credentials.superuserPassword, port: serverPort, database });
  try {
    const client = await connect(url("postgres"));
    const serverMajor = Math.floor(Number((await client.query("SHOW server_version_num")).rows[0].server_version_num) / 10_000);
    await client.end();
    const dumpMajor = pgDumpMajor();
    const dumpFits = dumpMajor !== null && dumpMajor >= serverMajor;
    const dumpSays = dumpMajor === null ? "this machine has no pg_dump" : `pg_dump is version ${dumpMajor}, the server ${serverMajor}`;
    if (method === "pg_dump" && !dumpFits) throw new Error(`BACKUP_METHOD=pg_dump, but ${dumpSays}: install PostgreSQL ${serverMajor}'s client tools or newer, or use BACKUP_METHOD=physical`);
    const chosen = method === "auto" ? (dumpFits ? "pg_dump" : "physical") : method;
    const file = out ?? defaultBackupFile(chosen);
    if (chosen === "pg_dump") {
      log(`with pg_dump ${dumpMajor} (server ${serverMajor})`);
      await backupPostgres(url(EMBEDDED_DATABASE), file);
    } else {
      log(`a physical copy of the data folder and its WAL (${method === "physical" ? "BACKUP_METHOD=physical" : dumpSays})`);
      await physicalBackup(url("postgres"), dir, file);
    }
    return { file, method: chosen };
  } finally {
    await server?.stop();
  }
}

/** The OS user `postgres`'s ids (the server may not run as root), made as embedded-postgres would. */
function postgresOsUser() {
  const ids = () => {
    const id = (flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return { uid: id("-u"), gid: id("-g") };
  };
  try {
    return ids();
  } catch {
    spawnSync("groupadd", ["postgres"], { stdio: "ignore" }); // may exist already
    execFileSync("useradd", ["-g", "postgres", "postgres"], { stdio: "ignore" });
    return ids();
  }
}

function chownTree(target, uid, gid) {
  lchownSync(target, uid, gid);
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    const child = path.join(target, entry.name);
    if (entry.isDirectory()) chownTree(child, uid, gid);
    else lchownSync(child, uid, gid);
  }
}

/**
 * Restores a physical backup into the empty (or new) folder `dir`, its credentials file beside
 * it, then starts it once on a free port: PostgreSQL replays the backup's WAL and ends recovery.
 * On any failure, what was put in place is removed again. Returns { migrations, recoveredInMs }.
 */
export async function restoreEmbedded(file, dir) {
  const target = path.resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new Error(`${dir} is not empty. A restore never overwrites: move it aside first, or restore elsewhere with --to <folder> and set EMBEDDED_DB_DIR to it.`);
  }
  const credentials = credentialsFile(target);
  const existed = existsSync(target);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  let wroteCredentials = false;
  const undo = () => {
    if (existed) for (const name of readdirSync(target)) rmSync(path.join(target, name), { recursive: true, force: true });
    else rmSync(target, { recursive: true, force: true });
    if (wroteCredentials) rmSync(credentials, { force: true });
  };

  try {
    // Extracted inside the folder itself, then moved into place: same file system, whatever it is.
    const staging = mkdtempSync(path.join(target, ".restoring-"));
    await extract({ file, cwd: staging, preserveOwner: false, strict: true }).catch((error) => {
      throw new Error(`${file} could not be read (${error.message}): is it a complete backup?`);
    });
    const data = path.join(staging, DATA_ENTRY);
    if (!existsSync(path.join(data, "backup_label")) || !existsSync(path.join(data, "PG_VERSION")) || !existsSync(path.join(staging, CREDENTIALS_ENTRY))) {
      throw new Error(
        `${file} is not a physical backup of the embedded PostgreSQL made by \`npm run backup\` (backups of the earlier PGlite database, .pglite.tar.gz, cannot be restored into it)`,
      );
    }
    const saved = readFileSync(path.join(staging, CREDENTIALS_ENTRY));
    if (existsSync(credentials) && !readFileSync(credentials).equals(saved)) {
      throw new Error(
        `${credentials} already exists and holds other passwords. A restore never overwrites: move it aside with the folder it belongs to (as <that folder>-credentials.json), or restore elsewhere with --to <folder>.`,
      );
    }
    for (const name of readdirSync(data)) renameSync(path.join(data, name), path.join(target, name));
    rmSync(staging, { recursive: true, force: true });
    // PostgreSQL refuses a data folder others can read, and (run as root) runs as `postgres`.
    chmodSync(target, 0o700);
    if (process.getuid?.() === 0) {
      const { uid, gid } = postgresOsUser();
      chownTree(target, uid, gid);
    }
    if (!existsSync(credentials)) {
      writeFileSync(credentials, saved, { mode: 0o600 });
      wroteCredentials = true;
    }
    chmodSync(credentials, 0o600);

    const t0 = Date.now();
    const server = await startEmbeddedPostgres({ dir: target, port: 0 });
    try {
      const client = await connect(server.superuserUrl(EMBEDDED_DATABASE));
      try {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
        return { migrations: rows[0].n, recoveredInMs: Date.now() - t0 };
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
  } catch (error) {
    undo();
    throw error;
  }
}
