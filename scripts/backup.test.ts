/**
 * `npm run backup` then `npm run restore` give back the same database, by either method:
 *  - pg_dump and pg_restore: every row of every table (counted, and a checksum of each table's
 *    contents), the append-only rules still in force, and a restore that refuses to overwrite.
 *    Runs where the machine's pg_dump can read the test server (its major version or newer).
 *  - The embedded database's physical backup, taken while it serves and a writer keeps adding
 *    audit events: the restored folder holds every table as it was, the audit trail as it was at
 *    one moment during the backup, and the same passwords. Always runs: it needs no PostgreSQL tools.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it} from "vitest";
import { seedDemo } from "@/prisma/demo-data";
import { createActionUpdate, createAreaWithPlan, createUser } from "@/prisma/factories";
import { PrismaClient } from "@/server/generated/prisma/client";
import { testDb } from "@/server/testing/harness";
import { APP_ROLE, grantApplicationRole } from "./database-roles.mjs";
import { localUrl, startEmbeddedPostgres } from "./embedded-postgres.mjs";
import { ownerTestDatabaseUrl } from "@/server/testing/worker";

const MAIN_TABLES = ["LocalArea", "Plan", "Finding", "Action", "ActionUpdate", "Measure", "MeasureValue", "Evidence", "ForumVerdict", "AuditEvent", "User", "Membership"];

type Query = (sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;
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
    return await work(async (sql, values) => (await client.query(sql, values)).rows);
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

// pg_dump refuses a server of a newer major version: the pg_dump tests run only where it fits.
const ownerUrl = ownerTestDatabaseUrl();
const pgDumpMajor = Number(/PostgreSQL\)\s+(\d+)/.exec(spawnSync("pg_dump", ["--version"], { encoding: "utf8" }).stdout ?? "")?.[1] ?? Number.NaN);
const serverMajor = Math.floor(Number((await withClient(ownerUrl, (q) => q("SHOW server_version_num")))[0]?.server_version_num) / 10_000);
const pgDumpFits = pgDumpMajor >= serverMajor;
const pgDumpSays = Number.isNaN(pgDumpMajor) ? "no pg_dump on this machine" : `pg_dump ${pgDumpMajor}, server ${serverMajor}`;

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "headway-backup-test-"));
  // Run as root, the embedded server runs as `postgres`, which must reach its folders in here.
  chmodSync(work, 0o711);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.runIf(pgDumpFits)(`PostgreSQL: pg_dump and pg_restore (needs pg_dump of the server's major version or newer: ${pgDumpSays})`, () => {
  let db: PrismaClient;
  const target = new URL(ownerUrl);
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
    const admin = new URL(ownerUrl);
    admin.pathname = "/postgres";
    await withClient(admin.toString(), (q) => q(`DROP DATABASE IF EXISTS "${target.pathname.slice(1)}" WITH (FORCE)`));
  });

  it("restores every row of every table into a new database", async () => {
    const file = path.join(work, "headway.dump");
    const backup = await script("backup.mjs", ["--out", file], { DATABASE_URL: ownerUrl });
    expect(backup.output).toContain(`wrote ${file}`);
    expect(backup.code).toBe(0);
    // Personal data: readable by its owner only, and no half-written file left beside it.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(work)).toEqual(["headway.dump"]);

    const restore = await script("restore.mjs", [file, "--to", target.toString()], { DATABASE_URL: "" });
    expect(restore.output).toContain("created the database");
    expect(restore.code).toBe(0);

    const before = await withClient(ownerUrl, fingerprint);
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

function migrate(url: string) {
  return new Promise<void>((resolve, reject) => {
    spawn(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, MIGRATION_DATABASE_URL: url } }).on(
      "exit",
      (c) => (c === 0 ? resolve() : reject(new Error(`prisma migrate deploy exited with ${c}`))),
    );
  });
}

describe("the embedded database: a physical backup taken while it serves", () => {
  const servers: { stop(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop();
  });

  it("restores every table as it was, and the audit trail as it was at one moment of the backup", async () => {
    const dir = path.join(work, "pg");
    const source = await startEmbeddedPostgres({ dir, port: 0 });
    servers.push(source);
    const appUrl = (port: number, password: string) => localUrl({ user: APP_ROLE, password, port, database: "headway" });
    await migrate(source.superuserUrl());
    await grantApplicationRole(source.superuserUrl(), appUrl(source.port, source.credentials.appPassword));
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: source.superuserUrl() }) });
    try {
      await seedDemo(db);
    } finally {
      await db.$disconnect();
    }

    // Headway at work: audit events committed one after another, as the application's role.
    const countAudit = () => withClient(source.superuserUrl(), async (q) => (await q(`SELECT count(*)::int AS n FROM "AuditEvent"`))[0]?.n as number);
    const writer = new pg.Client({ connectionString: appUrl(source.port, source.credentials.appPassword) });
    await writer.connect();
    let writing = true;
    let written = 0;
    const writes = (async () => {
      for (let i = 0; writing && i < 200_000; i++) {
        await writer.query(`INSERT INTO "AuditEvent" ("id", "action", "entityType", "entityId", "after") VALUES ($1, 'test.backup.writer', 'Plan', $2, $3)`, [
          `writer-${i}`,
          String(i),
          JSON.stringify({ i }),
        ]);
        written = i + 1;
      }
    })();
    while (written < 20) await new Promise((r) => setTimeout(r, 10));

    const file = path.join(work, "headway.postgres.tar.gz");
    const env = { DATABASE_URL: "", EMBEDDED_DB_DIR: dir, EMBEDDED_DB_PORT: String(source.port), BACKUP_METHOD: "physical" };
    const lowest = await countAudit();
    const backup = await script("backup.mjs", ["--out", file], env);
    const highest = await countAudit();
    writing = false;
    await writes;
    await writer.end();
    expect(backup.output).toContain("backing it up while it serves");
    expect(backup.output).toContain(`wrote ${file}`);
    expect(backup.code, backup.output).toBe(0);
    expect(highest, "the writer kept writing during the backup").toBeGreaterThan(lowest);
    // Personal data: readable by its owner only, and no half-written file left beside it.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(work).filter((name) => name.endsWith(".partial"))).toEqual([]);

    const restoredDir = path.join(work, "restored");
    const restore = await script("restore.mjs", [file, "--to", restoredDir], { DATABASE_URL: "" });
    expect(restore.output).toContain(`EMBEDDED_DB_DIR=${restoredDir}`);
    expect(restore.code, restore.output).toBe(0);

    // The restored folder starts with its own credentials file: the same passwords as the source.
    const restored = await startEmbeddedPostgres({ dir: restoredDir, port: 0 });
    servers.push(restored);
    expect(restored.credentials).toEqual(source.credentials);
    const before = await withClient(source.superuserUrl(), fingerprint);
    const after = await withClient(restored.superuserUrl(), fingerprint);
    for (const table of MAIN_TABLES) expect(before[`public.${table}`]?.rows, table).toBeGreaterThan(0);
    const { "public.AuditEvent": auditBefore, ...othersBefore } = before;
    const { "public.AuditEvent": auditAfter, ...othersAfter } = after;
    expect(othersAfter).toEqual(othersBefore);
    expect(auditBefore?.rows).toBeGreaterThanOrEqual(highest);
    expect(auditAfter?.rows).toBeGreaterThanOrEqual(lowest);
    expect(auditAfter?.rows).toBeLessThanOrEqual(highest);

    // One moment in time: the writer's rows are exactly its first n, none missing in between.
    const [mine] = await withClient(appUrl(restored.port, restored.credentials.appPassword), (q) =>
      q(`SELECT count(*)::int AS n, coalesce(max(("after"->>'i')::int), -1) AS last FROM "AuditEvent" WHERE "action" = 'test.backup.writer'`),
    );
    expect(mine?.last).toBe((mine?.n as number) - 1);

    const refused = await script("restore.mjs", [file, "--to", restoredDir], { DATABASE_URL: "" });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("is not empty");
  }, 240_000);
});
