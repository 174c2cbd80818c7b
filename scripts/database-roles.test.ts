/**
 * The database itself guards the record: the role Headway runs as may read and add to the audit
 * trail and the forum's verdicts, and nothing else, even by switching off the triggers that keep
 * them append-only. And the scripts refuse the setups that would undo that.
 */
import { spawn } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it} from "vitest";
import { createAreaWithPlan, createUser } from "@/prisma/factories";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { testDb } from "@/server/testing/harness";
import { applicationRoleProblem } from "./database-roles.mjs";
import { ownerTestDatabaseUrl, testDatabaseUrl } from "@/server/testing/worker";

let app: pg.Client;
let db: PrismaClient;
let verdictId: string;

beforeAll(async () => {
  db = testDb();
  const area = await createAreaWithPlan(db);
  const forum = await createUser(db);
  verdictId = (await db.forumVerdict.create({ data: { localAreaId: area.localAreaId, actionId: area.actionId, authorId: forum.id, verdict: "DISAGREE", text: "Not yet." } })).id;
  await db.auditEvent.create({ data: { action: "test.roles", entityType: "Action", entityId: area.actionId, localAreaId: area.localAreaId } });
  app = new pg.Client({ connectionString: testDatabaseUrl() });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await db.$disconnect();
});

describe("the application's role", () => {
  for (const table of ["AuditEvent", "ForumVerdict"]) {
    it(`reads and adds to "${table}" but may not change, remove or empty it`, async () => {
      expect((await app.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n).toBeGreaterThan(0);
      await expect(app.query(`UPDATE "${table}" SET id = id`)).rejects.toThrow(/permission denied for table/);
      await expect(app.query(`DELETE FROM "${table}"`)).rejects.toThrow(/permission denied for table/);
      await expect(app.query(`TRUNCATE "${table}"`)).rejects.toThrow(/permission denied for table/);
    });

    it(`cannot switch off the triggers on "${table}" or alter it`, async () => {
      await expect(app.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`)).rejects.toThrow(/must be owner/);
      await expect(app.query(`ALTER TABLE "${table}" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
      await expect(app.query(`ALTER TABLE "${table}" ADD COLUMN sneaky text`)).rejects.toThrow(/must be owner/);
      await expect(app.query(`DROP TABLE "${table}"`)).rejects.toThrow(/must be owner/);
    });
  }

  it("cannot turn triggers off for its session", async () => {
    await expect(app.query("SET session_replication_role = replica")).rejects.toThrow(/permission denied to set parameter/);
    await expect(app.query("SET LOCAL session_replication_role = replica")).rejects.toThrow(/permission denied to set parameter/);
  });

  it("cannot turn a DISAGREE into an AGREE by any of those routes", async () => {
    const verdict = async () => (await app.query(`SELECT verdict FROM "ForumVerdict" WHERE id = $1`, [verdictId])).rows[0].verdict;
    await expect(app.query(`UPDATE "ForumVerdict" SET verdict = 'AGREE' WHERE id = $1`, [verdictId])).rejects.toThrow(/permission denied/);
    expect(await verdict()).toBe("DISAGREE");
  });

  it("owns no table and is no superuser, so Headway may run as it", async () => {
    expect(await applicationRoleProblem(testDatabaseUrl())).toBeNull();
  });

  it("is told apart from the owner, whom Headway refuses to run as", async () => {
    expect(await applicationRoleProblem(ownerTestDatabaseUrl())).toMatch(/superuser|owns \d+ of Headway's tables/);
  });
});

/** Runs scripts/with-db.mjs as `npm start` would, with this environment on top of ours. */
function withDb(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/with-db.mjs", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

describe("npm start", () => {
  it("refuses the embedded database in production, saying why and how to allow it", async () => {
    const r = await withDb(["--no-seed", "next", "start"], { NODE_ENV: "production", DATABASE_URL: "", EMBEDDED_DB_IN_PRODUCTION: "" });
    expect(r.code).toBe(1);
    expect(r.output).toContain("NODE_ENV is production but DATABASE_URL is not set");
    expect(r.output).toContain("EMBEDDED_DB_IN_PRODUCTION=true");
    expect(r.output).not.toContain("embedded PostgreSQL 17");
  });

  it("refuses to run Headway as the owner of the tables, naming the fix", async () => {
    const r = await withDb(["--no-seed", "next", "start"], { DATABASE_URL: ownerTestDatabaseUrl(), MIGRATION_DATABASE_URL: "" });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/a superuser|owns \d+ of Headway's tables/);
    expect(r.output).toContain("MIGRATION_DATABASE_URL");
    expect(r.output).not.toMatch(/▲ Next\.js|Ready in/);
  }, 60_000);
});
