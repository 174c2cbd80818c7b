/**
 * `npm run backup` then `npm run restore` give back the same database: the same rows in every
 * table (counted, and a checksum of each table's contents), the append-only rules still in force,
 * and a restore that refuses to overwrite. On PostgreSQL (pg_dump, pg_restore) when the tests run
 * on it (TEST_DATABASE_URL, as in CI), otherwise on the embedded database (PGlite's data folder).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemo } from "@/prisma/demo-data";
import { createActionUpdate, createAreaWithPlan, createUser } from "@/prisma/factories";
import { PrismaClient } from "@/server/generated/prisma/client";
import { testDb } from "@/server/testing/harness";

const MAIN_TABLES = ["LocalArea", "Plan", "Finding", "Action", "ActionUpdate", "Measure", "MeasureValue", "Evidence", "ForumVerdict", "AuditEvent", "User", "Membership"];

type Query = (sql: string) => Promise<Record<string, unknown>[]>;
type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Every table's row count and an md5 of its rows as text, in a fixed order. */
async function fingerprint(query: Query): Promise<Fingerprint> {
  const tables = await query(
    `SELECT table_schema AS s, table_name AS t FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const result: Fingerprint = {};
  for (const { s, t } of tables as { s: string; t: string }[]) {
    const [row] = await query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS md5 FROM "${s}"."${t}" x`,
    );
    result[`${s}.${t}`] = row as { rows: number; md5: string };
  }
  return result;
}

async function withClient<T>(url: string, work: (query: Query) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

/** Runs one of the npm scripts' files as `npm run` would, in its own process. */
function script(file: string, args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join("scripts", file), ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "headway-backup-test-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.runIf(inject("realPostgres"))("PostgreSQL: pg_dump and pg_restore", () => {
  let db: PrismaClient;
  const source = inject("databaseUrl");
  const target = new URL(source);
  target.pathname = `${target.pathname}_restored`;
  beforeAll(async () => {
    db = testDb();
    await seedDemo(db);
    // A few rows of this test's own on top of the demo (and whatever earlier test files wrote).
    const area = await createAreaWithPlan(db);
    const forum = await createUser(db);
    await createActionUpdate(db, { actionId: area.actionId, narrative: "Restored “exactly”, accents and all: café, naïve." });
    await db.forumVerdict.create({ data: { localAreaId: area.localAreaId, actionId: area.actionId, authorId: forum.id, verdict: "AGREE", text: "Kept." } });
    await db.auditEvent.create({ data: { action: "test.backup", entityType: "Action", entityId: area.actionId, localAreaId: area.localAreaId, after: { n: 1.5 } } });
  }, 120_000);
  afterAll(async () => {
    await db.$disconnect();
    const admin = new URL(source);
    admin.pathname = "/postgres";
    await withClient(admin.toString(), (q) => q(`DROP DATABASE IF EXISTS "${target.pathname.slice(1)}" WITH (FORCE)`));
  });

  it("restores every row of every table into a new database", async () => {
    const file = path.join(work, "headway.dump");
    const backup = await script("backup.mjs", ["--out", file], { DATABASE_URL: source });
    expect(backup.output).toContain(`wrote ${file}`);
    expect(backup.code).toBe(0);
    // Personal data: readable by its owner only, and no half-written file left beside it.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(work)).toEqual(["headway.dump"]);

    const restore = await script("restore.mjs", [file, "--to", target.toString()], { DATABASE_URL: "" });
    expect(restore.output).toContain("created the database");
    expect(restore.code).toBe(0);

    const before = await withClient(source, fingerprint);
    const after = await withClient(target.toString(), fingerprint);
    for (const table of MAIN_TABLES) expect(before[`public.${table}`]?.rows, table).toBeGreaterThan(0);
    expect(after).toEqual(before);
  }, 120_000);

  it("brings back the rules: past verdicts and the audit trail still cannot be altered", async () => {
    await withClient(target.toString(), async (q) => {
      await expect(q(`UPDATE "AuditEvent" SET "action" = 'tampered'`)).rejects.toThrow(/append-only/);
      await expect(q(`DELETE FROM "ForumVerdict"`)).rejects.toThrow(/append-only/);
      await expect(q(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    });
  });

  it("refuses to restore over a database that is not empty", async () => {
    const refused = await script("restore.mjs", [path.join(work, "headway.dump"), "--to", target.toString()], { DATABASE_URL: "" });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/is not empty .* A restore never overwrites/);
  });
});

// Each run tests the database it runs on: making a PGlite data folder costs a PGlite initdb
// (10 to 20 s), too dear to pay in the PostgreSQL run as well.
describe.runIf(!inject("realPostgres"))("the embedded database (PGlite): its data folder", () => {
  it("backs up and restores every row of every table", async () => {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const dir = path.join(work, "pglite");
    const lite = await PGlite.create(dir);
    const migrations = path.resolve("prisma/migrations");
    for (const name of readdirSync(migrations).filter((n) => /^\d/.test(n)).sort()) {
      await lite.exec(readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));
    }
    // The demo, written through Prisma as the app would, over PGlite's socket.
    const server = new PGLiteSocketServer({ db: lite, host: "127.0.0.1", port: 0, maxConnections: 10 });
    await server.start();
    const port = Number(server.getServerConn().split(":").at(-1));
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://postgres:postgres@${server.getServerConn()}/postgres`, max: 1 }) });
    await seedDemo(db);
    await db.auditEvent.create({ data: { action: "test.backup", entityType: "Plan", entityId: "x", after: { n: 1.5 } } });
    await db.$disconnect();
    await server.stop();
    const before = await fingerprint(async (sql) => (await lite.query<Record<string, unknown>>(sql)).rows);
    await lite.close();

    const file = path.join(work, "headway.pglite.tar.gz");
    const env = { DATABASE_URL: "", EMBEDDED_DB_DIR: dir, EMBEDDED_DB_PORT: String(port) };
    const backup = await script("backup.mjs", ["--out", file], env);
    expect(backup.output).toContain(`wrote ${file}`);
    expect(backup.code).toBe(0);

    const restoredDir = path.join(work, "restored");
    const restore = await script("restore.mjs", [file, "--to", restoredDir], env);
    expect(restore.code, restore.output).toBe(0);
    const restored = await PGlite.create(restoredDir);
    const after = await fingerprint(async (sql) => (await restored.query<Record<string, unknown>>(sql)).rows);
    await restored.close();
    for (const table of MAIN_TABLES) expect(before[`public.${table}`]?.rows, table).toBeGreaterThan(0);
    expect(after).toEqual(before);

    const refused = await script("restore.mjs", [file, "--to", restoredDir], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("is not empty");
  }, 120_000);
});
