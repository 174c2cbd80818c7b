#!/usr/bin/env node
/**
 * `npm run backup [-- --out <file>]`: a backup of Headway's database, taken while Headway keeps
 * serving, by default in .data/backups/headway-<UTC time>.<kind>. Prints where, how big and how long.
 *
 *  - DATABASE_URL set: pg_dump's custom format (.dump), restored with pg_restore.
 *  - DATABASE_URL unset: the embedded database in EMBEDDED_DB_DIR (default .data/postgres), running
 *    on EMBEDDED_DB_PORT (default 54329) or not (it is then started for the backup and stopped
 *    after). With pg_dump (.dump) when the machine has one at least as new as the server, since a
 *    dump restores anywhere; otherwise a physical copy of the data folder and the WAL written
 *    during the copy (.postgres.tar.gz), which needs no PostgreSQL tools, as the embedded server
 *    ships none. BACKUP_METHOD=auto (default), pg_dump or physical chooses.
 *
 * How each method works, and why: scripts/backups.mjs.
 */
import "dotenv/config";
import { backupEmbedded, backupPostgres, defaultBackupFile, describeUrl, sizeOf } from "./backups.mjs";
import { DEFAULT_EMBEDDED_DIR, DEFAULT_EMBEDDED_PORT } from "./embedded-postgres.mjs";

const args = process.argv.slice(2);
const out = args.includes("--out") ? args[args.indexOf("--out") + 1] : undefined;
if (args.includes("--help") || (args.includes("--out") && !out)) {
  console.log("usage: npm run backup [-- --out <file>]   (environment: BACKUP_METHOD=auto|pg_dump|physical for the embedded database)");
  process.exit(args.includes("--help") ? 0 : 2);
}

const t0 = Date.now();
const url = process.env.DATABASE_URL;
try {
  let file;
  if (url) {
    file = out ?? defaultBackupFile("pg_dump");
    console.log(`[backup] ${describeUrl(url)} with pg_dump`);
    await backupPostgres(url, file);
  } else {
    const dir = process.env.EMBEDDED_DB_DIR || DEFAULT_EMBEDDED_DIR;
    if (process.env.EMBEDDED_DB_TEMPORARY === "true") throw new Error("the embedded database is temporary (EMBEDDED_DB_TEMPORARY=true): there is nothing lasting to back up");
    console.log(`[backup] the embedded database in ${dir} (DATABASE_URL is not set)`);
    ({ file } = await backupEmbedded(dir, {
      port: Number(process.env.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT),
      method: process.env.BACKUP_METHOD || "auto",
      out,
      log: (line) => console.log(`[backup] ${line}`),
    }));
  }
  console.log(`[backup] wrote ${file} (${sizeOf(file)}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[backup] FAILED: ${error.message}`);
  process.exit(1);
}
