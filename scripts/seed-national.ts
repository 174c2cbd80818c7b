/**
 * `npm run seed:national -- [--areas N] [--seed S] [--today YYYY-MM-DD]`: fills a local
 * PostgreSQL database (DATABASE_URL) with the national data set, for benchmarks.
 *
 * It replaces whatever the database held: the audit trail and the forum's verdicts refuse DELETE
 * and TRUNCATE, so it drops the public schema, applies the migrations (`prisma migrate deploy`),
 * seeds the demo (prisma/demo-data.ts: the demo accounts, password headway-demo, Northbridge and
 * Eastmoor) and then generates the rest (prisma/national-data.ts): N areas in all, the two demo
 * areas among them, with Northbridge's plan enlarged to a national area's size. Generated
 * accounts (lead@<area>.example, dfe.adviser1@headway.example, ...) share the demo password.
 *
 * Only a database on this machine (127.0.0.1, localhost or ::1) is accepted, so a mistyped URL
 * can never wipe a shared one.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { DEMO_PASSWORD, seedDemo } from "../prisma/demo-data";
import { loadNational } from "../prisma/national-data";
import { hashPassword } from "../server/auth/password";
import { PrismaClient } from "../server/generated/prisma/client";

// @prisma/adapter-pg runs a transaction's nested reads side by side on its one connection, which
// pg reports as deprecated. Harmless, and not something a person running the command can act on.
process.noDeprecation = true;

const USAGE = "npm run seed:national -- [--areas N] [--seed S] [--today YYYY-MM-DD]   (DATABASE_URL: a local PostgreSQL database)";
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
const DEMO_AREAS = 2;
/** What the demo's Northbridge plan covers already (national-catalogue.ts theme keys). */
const NORTHBRIDGE_THEMES = ["ehc", "leadership", "neuro", "absence", "coproduction"];

class UsageError extends Error {}

type Args = { areas: number; seed: number; today: Date };

function parseCli(argv: string[]): Args {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { areas: { type: "string" }, seed: { type: "string" }, today: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const areas = Number(values.areas ?? 153);
  if (!Number.isInteger(areas) || areas < DEMO_AREAS || areas > 5000) {
    throw new UsageError(`--areas must be a whole number from ${DEMO_AREAS} (the demo's two areas) to 5000.`);
  }
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError("--seed must be a whole number.");
  let today = new Date();
  if (values.today !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || Number.isNaN(Date.parse(values.today))) throw new UsageError("--today must be a date like 2026-11-30.");
    today = new Date(`${values.today}T12:00:00Z`);
  }
  return { areas, seed, today };
}

/** The database's connection settings, refused unless it is on this machine. */
function localDatabase(): { url: string; config: pg.ClientConfig; name: string } {
  const url = process.env.DATABASE_URL;
  if (!url) throw new UsageError("DATABASE_URL is not set: name the local database to fill, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/headway_national");
  const config = parseIntoClientConfig(url) as pg.ClientConfig;
  const host = config.host ?? "";
  if (!LOCAL_HOSTS.has(host)) {
    throw new UsageError(`Refusing to reset the database on "${host || "a socket"}": seed:national only runs against 127.0.0.1 or localhost, because it wipes the database.`);
  }
  if (!config.database) throw new UsageError("DATABASE_URL names no database.");
  return { url, config, name: config.database };
}

/** Creates the database when missing, then empties it: a fresh public schema. */
async function resetDatabase(config: pg.ClientConfig, name: string) {
  const admin = new pg.Client({ ...config, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC;");
  } finally {
    await client.end();
  }
}

function migrate(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const bin = path.resolve("node_modules/.bin/prisma");
    spawn(bin, ["migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, DATABASE_URL: url } }).on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy exited with ${code}`)),
    );
  });
}

async function rowCounts(client: pg.Client): Promise<[string, number][]> {
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const counts: [string, number][] = [];
  for (const { name } of tables.rows) {
    const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${name}"`);
    counts.push([name, Number(r.rows[0]!.n)]);
  }
  return counts;
}

function table(counts: [string, number][]): string {
  const width = Math.max(...counts.map(([name]) => name.length), 5);
  const total = counts.reduce((s, [, n]) => s + n, 0);
  const line = (name: string, n: number) => `  ${name.padEnd(width)}  ${n.toLocaleString("en-GB").padStart(10)}`;
  const header = `  ${"Table".padEnd(width)}  ${"Rows".padStart(10)}`;
  return [header, ...counts.map(([name, n]) => line(name, n)), line("Total", total)].join("\n");
}

async function main() {
  const args = parseCli(process.argv.slice(2));
  const { url, config, name } = localDatabase();
  const started = Date.now();
  const since = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
  const log = (line: string) => console.log(`[seed:national] ${line}`);

  let t = Date.now();
  log(`Resetting database "${name}" on ${config.host}:${config.port ?? 5432}`);
  await resetDatabase(config, name);
  await migrate(url);
  log(`Schema reset and migrations applied (${since(t)})`);

  t = Date.now();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seedDemo(db, args.today);
  } finally {
    await db.$disconnect();
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  log(`Demo seeded (${since(t)})`);

  const client = new pg.Client(config);
  await client.connect();
  try {
    await loadNational(client, {
      areas: args.areas - DEMO_AREAS,
      seed: args.seed,
      today: args.today,
      enlarge: [{ slug: "northbridge", avoidThemes: NORTHBRIDGE_THEMES }],
      advisers: ["adviser@headway.example"],
      passwordHash,
      log: (line) => log(`  ${line}`),
    });
    const counts = await rowCounts(client);
    console.log(`\n${table(counts)}\n`);
    log(`${args.areas} areas (seed ${args.seed}) in ${since(started)}. Every account's password: ${DEMO_PASSWORD}`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\nUsage: ${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
});
