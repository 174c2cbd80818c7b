#!/usr/bin/env node
/**
 * `npm run restore -- <backup file> [--to <postgresql URL | folder>]`: puts a backup from
 * `npm run backup` back, into a new or empty database or folder only (it refuses anything else).
 *
 *  - a .dump (pg_dump): into --to or DATABASE_URL, created when it does not exist yet, with
 *    pg_restore. Then point DATABASE_URL at it.
 *  - a .postgres.tar.gz (a physical backup of the embedded database, made where no pg_dump fit its
 *    server): into the empty folder --to or EMBEDDED_DB_DIR (default .data/postgres), with its
 *    credentials file beside it. It is then started once on a free port, so that PostgreSQL
 *    replays the WAL of the backup and the folder is ready as it was when the backup ended; then
 *    set EMBEDDED_DB_DIR to it. Needs no PostgreSQL tools.
 *
 * `npm start` then applies any migrations newer than the backup. See scripts/backups.mjs.
 */
import "dotenv/config";
import { existsSync } from "node:fs";
import path from "node:path";
import { describeUrl, isPhysicalBackup, restoreEmbedded, restorePostgres, sizeOf } from "./backups.mjs";
import { DEFAULT_EMBEDDED_DIR } from "./embedded-postgres.mjs";

const args = process.argv.slice(2);
const to = args.includes("--to") ? args[args.indexOf("--to") + 1] : undefined;
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--to");
if (!file || args.includes("--help") || (args.includes("--to") && !to)) {
  console.log("usage: npm run restore -- <backup file> [--to <postgresql URL | folder>]");
  process.exit(args.includes("--help") ? 0 : 2);
}
if (!existsSync(file)) {
  console.error(`[restore] no such file: ${file}`);
  process.exit(2);
}

const t0 = Date.now();
try {
  // By content, not name: a physical backup is gzip, a pg_dump archive starts with PGDMP.
  if (isPhysicalBackup(file)) {
    const dir = to ?? (process.env.EMBEDDED_DB_DIR || DEFAULT_EMBEDDED_DIR);
    if (/^postgres(ql)?:\/\//.test(dir)) throw new Error(`${file} is a physical backup of the embedded database: it restores into a folder (--to <empty folder>), not into a database`);
    console.log(`[restore] ${file} (${sizeOf(file)}) into the embedded database folder ${dir}`);
    const { migrations, recoveredInMs } = await restoreEmbedded(file, dir);
    console.log(`[restore] PostgreSQL replayed the backup's WAL and answered (${migrations} migrations applied) in ${(recoveredInMs / 1000).toFixed(1)} s`);
    const isDefault = path.resolve(dir) === path.resolve(DEFAULT_EMBEDDED_DIR);
    console.log(`[restore] use it: ${isDefault ? "" : `EMBEDDED_DB_DIR=${dir} `}npm start (with DATABASE_URL unset)`);
  } else {
    const url = to ?? process.env.DATABASE_URL;
    if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new Error("say where to restore: --to postgresql://user@host:5432/<new database>, or set DATABASE_URL");
    console.log(`[restore] ${file} (${sizeOf(file)}) into ${describeUrl(url)} with pg_restore`);
    const { created } = await restorePostgres(file, url);
    if (created) console.log(`[restore] created the database ${describeUrl(url)}`);
  }
  console.log(`[restore] done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[restore] FAILED: ${error.message}`);
  process.exit(1);
}
