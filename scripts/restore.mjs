#!/usr/bin/env node
/**
 * `npm run restore -- <backup file> [--to <postgresql URL | folder>]`: puts a backup from
 * `npm run backup` back, into a new or empty database only (it refuses anything else).
 *  - a .dump: into --to or DATABASE_URL, created when it does not exist yet;
 *  - a .pglite.tar.gz: into the empty folder --to or EMBEDDED_DB_DIR (default .data/pglite).
 * Then point DATABASE_URL (or EMBEDDED_DB_DIR) at it and start Headway: `npm start` applies any
 * migrations newer than the backup. See scripts/backups.mjs.
 */
import "dotenv/config";
import { existsSync } from "node:fs";
import { describeUrl, EMBEDDED_SUFFIX, restoreEmbedded, restorePostgres, sizeOf } from "./backups.mjs";

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
  if (file.endsWith(EMBEDDED_SUFFIX)) {
    const dir = to ?? process.env.EMBEDDED_DB_DIR ?? ".data/pglite";
    console.log(`[restore] ${file} (${sizeOf(file)}) into the embedded database folder ${dir}`);
    await restoreEmbedded(file, dir, { port: Number(process.env.EMBEDDED_DB_PORT ?? 54329) });
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
