/**
 * The data the benchmark runs on. For each size N it uses its own database, DATABASE_URL's name
 * with "_N" (headway_bench_10, headway_bench_153), filled by the national generator
 * (`npm run seed:national -- --areas N`). A database is reused while its label (a comment on the
 * database) says it holds N areas from the same generator, demo seed and migrations;
 * otherwise, or with --reseed, it is generated again. Generating 153 areas takes minutes, and the
 * two sizes side by side let the query counts be compared without regenerating each time.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseForSize } from "./options";
import { runToEnd } from "./processes";

const GENERATOR = "scripts/seed-national.ts";

function databaseName(url: string): string {
  return new URL(url).pathname.slice(1);
}

function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

/** What the data was made from: a change to the generator, the demo seed or the schema means new data. */
function label(root: string, size: number): string {
  const hash = createHash("sha256");
  const national = readdirSync(path.join(root, "prisma")).filter((f) => /^national-.*\.ts$/.test(f) && !f.endsWith(".test.ts"));
  for (const file of [GENERATOR, "prisma/demo-data.ts", ...national.sort().map((f) => `prisma/${f}`)]) {
    const p = path.join(root, file);
    if (existsSync(p)) hash.update(readFileSync(p));
  }
  const migrations = readdirSync(path.join(root, "prisma", "migrations")).filter((m) => !m.includes(".")).sort();
  return `headway bench: ${size} areas; migrations to ${migrations.at(-1)}; sources ${hash.digest("hex").slice(0, 12)}`;
}

/** The database for `size` areas, generated first if it is missing or out of date. */
export async function databaseFor(root: string, baseUrl: string, size: number, opts: { reseed: boolean; limitMs: number }): Promise<{ url: string; generated: boolean }> {
  const url = databaseForSize(baseUrl, size);
  const name = databaseName(url);
  const wanted = label(root, size);
  const admin = new pg.Client({ connectionString: maintenanceUrl(url) });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ label: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS label FROM pg_database WHERE datname = $1`,
      [name],
    );
    if (rows[0]?.label?.startsWith(`${wanted};`) && !opts.reseed) {
      console.log(`[bench] ${name}: reusing its ${size} areas (--reseed to generate them again)`);
      return { url, generated: false };
    }
    if (!existsSync(path.join(root, GENERATOR))) {
      throw new Error(`The national generator (${GENERATOR}) is not there, so ${name} cannot be filled: pass --skip-seed to measure DATABASE_URL as it is.`);
    }
    // The name is checked to be lower-case letters, digits and underscores (options.ts).
    if (!rows[0]) await admin.query(`CREATE DATABASE "${name}"`);
    // Unlabelled until the generator has finished, so a half-filled database is never reused.
    await admin.query(`COMMENT ON DATABASE "${name}" IS NULL`);
    console.log(`[bench] ${name}: generating ${size} areas (npm run seed:national -- --areas ${size})`);
    const t0 = Date.now();
    await runToEnd("npm", ["run", "seed:national", "--", "--areas", String(size)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      limitMs: opts.limitMs,
    });
    await admin.query(`COMMENT ON DATABASE "${name}" IS ${pg.escapeLiteral(`${wanted}; generated ${new Date().toISOString()}`)}`);
    console.log(`[bench] ${name}: generated in ${Math.round((Date.now() - t0) / 1000)} s`);
    return { url, generated: true };
  } finally {
    await admin.end();
  }
}

/** The URL without its password, for the report. */
export function describeDatabase(url: string): string {
  const u = new URL(url);
  u.password = "";
  return u.toString();
}
