#!/usr/bin/env node
/**
 * `npm run backup [-- --out <file>]`: a backup of Headway's database, by default in
 * .data/backups/headway-<UTC time>.dump (PostgreSQL, DATABASE_URL) or .pglite.tar.gz (the embedded
 * database, which must not be running). Prints where, how big and how long. See scripts/backups.mjs.
 */
import "dotenv/config";
import { backupEmbedded, backupPostgres, defaultBackupFile, describeUrl, sizeOf } from "./backups.mjs";

const args = process.argv.slice(2);
const out = args.includes("--out") ? args[args.indexOf("--out") + 1] : undefined;
if (args.includes("--help") || (args.includes("--out") && !out)) {
  console.log("usage: npm run backup [-- --out <file>]");
  process.exit(args.includes("--help") ? 0 : 2);
}

const t0 = Date.now();
const url = process.env.DATABASE_URL;
const file = out ?? defaultBackupFile(url ? "postgres" : "embedded");
try {
  if (url) {
    console.log(`[backup] ${describeUrl(url)} with pg_dump`);
    await backupPostgres(url, file);
  } else {
    const dir = process.env.EMBEDDED_DB_DIR ?? ".data/pglite";
    console.log(`[backup] the embedded database in ${dir} (DATABASE_URL is not set)`);
    await backupEmbedded(dir, file, { port: Number(process.env.EMBEDDED_DB_PORT ?? 54329) });
  }
  console.log(`[backup] wrote ${file} (${sizeOf(file)}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[backup] FAILED: ${error.message}`);
  process.exit(1);
}
