/**
 * The national data generator (prisma/national-data.ts, run by `npm run seed:national`): the same
 * seed gives the same rows, the plan sizes stay within their ranges, actions agree with their
 * latest check-in, and the demo's Northbridge is enlarged. Each load runs in a scratch schema of
 * this run's database, dropped afterwards, so other test files never see the generated areas.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it} from "vitest";
import { seedDemo } from "@/prisma/demo-data";
import { COUNCILS } from "@/prisma/national-catalogue";
import { loadNational, type NationalCounts } from "@/prisma/national-data";
import { PrismaClient } from "@/server/generated/prisma/client";
import { id as idSchema } from "@/server/schemas/common";
import { ownerTestDatabaseUrl } from "@/server/testing/worker";

const TODAY = new Date("2026-06-15T12:00:00Z");
const SCHEMA = "hw_gen_test";

let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: ownerTestDatabaseUrl() });
  await client.connect();
});
afterAll(async () => {
  await client.query(`SET search_path TO DEFAULT; DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await client.end();
});

/** An empty schema with every migration applied, made the session's search path. */
async function freshSchema() {
  await client.query(`SET search_path TO DEFAULT; DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE; CREATE SCHEMA "${SCHEMA}"; SET search_path TO "${SCHEMA}"`);
  const dir = path.resolve("prisma/migrations");
  for (const migration of (await readdir(dir)).filter((d) => /^\d+_/.test(d)).sort()) {
    await client.query(await readFile(path.join(dir, migration, "migration.sql"), "utf8"));
  }
}

const TABLES = [
  "LocalArea", "Organisation", "User", "Membership", "Inspection", "Plan", "Finding", "Action", "ActionUpdate", "Measure",
  "MeasureMilestone", "MeasureValue", "Evidence", "CoproductionRecord", "ForumVerdict", "Comment", "AdviserNote", "YouSaidWeDid", "AuditEvent",
];

/** Every generated row, each table's rows hashed in id order. */
async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [...TABLES, "_ActionPartnerOrganisations", "_ActionDependencies", "_MeasureFindings"]) {
    const order = table.startsWith("_") ? `t."A", t."B"` : "t.id";
    const r = await client.query<{ md5: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY ${order}), '')) AS md5 FROM "${table}" t`);
    out[table] = r.rows[0]!.md5;
  }
  return out;
}

async function rows<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  return (await client.query<T>(sql)).rows;
}

describe("the national data generator", () => {
  it("names every area after a distinct upper-tier council, in all nine regions", () => {
    expect(COUNCILS).toHaveLength(153);
    expect(new Set(COUNCILS.map((c) => c.laCode)).size).toBe(153);
    expect(new Set(COUNCILS.map((c) => c.name)).size).toBe(153);
    expect(new Set(COUNCILS.map((c) => c.region)).size).toBe(9);
  });

  let first: { counts: NationalCounts; rows: Record<string, string> };

  it("writes plans within their ranges, with actions that agree with their latest check-in", async () => {
    await freshSchema();
    const counts = await loadNational(client, { areas: 2, seed: 7, today: TODAY });
    first = { counts, rows: await fingerprint() };

    const areas = await rows<{ slug: string; region: string }>(`SELECT slug, region::text FROM "LocalArea" ORDER BY id`);
    expect(areas).toHaveLength(2);
    expect(new Set(areas.map((a) => a.region)).size).toBe(2);

    const findings = await rows<{ planId: string; n: number }>(`SELECT "planId", count(*)::int AS n FROM "Finding" GROUP BY 1`);
    expect(findings).toHaveLength(2);
    for (const f of findings) {
      expect(f.n).toBeGreaterThanOrEqual(5);
      expect(f.n).toBeLessThanOrEqual(13);
    }

    const actions = await rows<{ n: number }>(`SELECT count(a.id)::int AS n FROM "Finding" f LEFT JOIN "Action" a ON a."findingId" = f.id GROUP BY f.id`);
    for (const a of actions) {
      expect(a.n).toBeGreaterThanOrEqual(8);
      expect(a.n).toBeLessThanOrEqual(15);
    }

    // 24 monthly check-ins, up to last month; only deferred and cancelled actions stop early.
    const updates = await rows<{ status: string; n: number; newest: number }>(
      `SELECT a.status::text, count(u.id)::int AS n, extract(epoch FROM $$${TODAY.toISOString().slice(0, 10)}$$::timestamp - max(u."createdAt"))::int / 86400 AS newest
       FROM "Action" a JOIN "ActionUpdate" u ON u."actionId" = a.id GROUP BY a.id`,
    );
    expect(updates).toHaveLength(actions.reduce((s, a) => s + a.n, 0));
    for (const u of updates) {
      if (u.status === "DEFERRED" || u.status === "CANCELLED") expect(u.n).toBeLessThanOrEqual(24);
      else expect(u.n).toBe(24);
      expect(u.newest).toBeGreaterThanOrEqual(0);
    }
    expect(Math.min(...updates.filter((u) => u.status === "IN_PROGRESS").map((u) => u.newest))).toBeLessThan(30);

    const disagreeing = await rows(
      `SELECT a.id FROM "Action" a JOIN LATERAL (SELECT * FROM "ActionUpdate" u WHERE u."actionId" = a.id ORDER BY u."createdAt" DESC LIMIT 1) u ON true
       WHERE a.status <> u.status OR a.progress <> u.progress OR a."ragOverride" IS DISTINCT FROM u."ragOverride"
          OR a."ragOverrideReason" IS DISTINCT FROM u."ragOverrideReason" OR a."lastUpdateAt" <> u."createdAt"
          OR (a.status = 'COMPLETE') <> (a."completedAt" IS NOT NULL)`,
    );
    expect(disagreeing).toEqual([]);
    const statuses = new Set((await rows<{ status: string }>(`SELECT DISTINCT status::text FROM "Action"`)).map((r) => r.status));
    expect(statuses).toContain("COMPLETE");
    expect(statuses).toContain("IN_PROGRESS");

    const measures = await rows<{ planId: string; n: number; values: number; milestones: number }>(
      `SELECT m."planId", count(*)::int AS n, min((SELECT count(*) FROM "MeasureValue" v WHERE v."measureId" = m.id))::int AS values,
         min((SELECT count(*) FROM "MeasureMilestone" s WHERE s."measureId" = m.id))::int AS milestones
       FROM "Measure" m GROUP BY 1`,
    );
    expect(measures).toHaveLength(2);
    for (const m of measures) {
      expect(m.n).toBeGreaterThanOrEqual(6);
      expect(m.n).toBeLessThanOrEqual(10);
      expect(m.values).toBe(36);
      expect(m.milestones).toBeGreaterThan(0);
    }

    const evidence = await rows<{ n: number }>(`SELECT count(e.id)::int AS n FROM "Action" a LEFT JOIN "Evidence" e ON e."actionId" = a.id GROUP BY a.id`);
    for (const e of evidence) {
      expect(e.n).toBeGreaterThanOrEqual(2);
      expect(e.n).toBeLessThanOrEqual(4);
    }
    expect(await rows(`SELECT id FROM "Evidence" WHERE url IS NULL OR "storageKey" IS NOT NULL`)).toEqual([]);

    // One audit event per row written or changed, with the services' verbs.
    const audit = Object.fromEntries(
      (await rows<{ action: string; n: number }>(`SELECT action, count(*)::int AS n FROM "AuditEvent" GROUP BY 1`)).map((r) => [r.action, r.n]),
    );
    expect(audit["action.postUpdate"]).toBe(counts.ActionUpdate);
    expect(audit["action.create"]).toBe(counts.Action);
    expect(audit["finding.create"]).toBe(counts.Finding);
    expect(audit["measure.recordValue"]).toBe(counts.MeasureValue);
    expect(audit["evidence.addLink"]).toBe(counts.Evidence);
    expect(audit["forum.recordVerdict"]).toBe(counts.ForumVerdict);
    expect(audit["area.create"]).toBe(2);
    expect(await rows(`SELECT id FROM "AuditEvent" WHERE at > $$${TODAY.toISOString().slice(0, 10)}$$::timestamp`)).toEqual([]);

    // Ids the app's own id schema accepts, so generated rows open in every page.
    for (const table of TABLES) {
      for (const { id } of await rows<{ id: string }>(`SELECT id FROM "${table}" LIMIT 50`)) expect(idSchema.safeParse(id).success, `${table} ${id}`).toBe(true);
    }
  });

  it("writes the same rows again for the same seed and day", async () => {
    expect(first).toBeDefined();
    await freshSchema();
    const counts = await loadNational(client, { areas: 2, seed: 7, today: TODAY });
    expect(counts).toEqual(first.counts);
    expect(await fingerprint()).toEqual(first.rows);
    // Generated ids would collide: a second load is refused, and leaves nothing behind.
    await expect(loadNational(client, { areas: 1, seed: 7, today: TODAY })).rejects.toThrow(/already holds generated areas/);
    expect(await fingerprint()).toEqual(first.rows);
  });

  it("enlarges the demo's Northbridge plan to a national area's size and makes the demo adviser advise generated areas", async () => {
    await freshSchema();
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerTestDatabaseUrl(), options: `-c search_path=${SCHEMA}` }, { schema: SCHEMA }) });
    try {
      await seedDemo(db, TODAY);
    } finally {
      await db.$disconnect();
    }
    const demoActions = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM "Action" a JOIN "LocalArea" l ON l.id = a."localAreaId" WHERE l.slug = 'northbridge'`);
    expect(demoActions[0]!.n).toBeGreaterThan(0);

    await loadNational(client, {
      areas: 1, seed: 7, today: TODAY, enlarge: [{ slug: "northbridge", avoidThemes: ["ehc"] }], advisers: ["adviser@headway.example"],
    });

    const plan = await rows<{ ref: string; generated: boolean; actions: number; owners: number }>(
      `SELECT f.ref, f.id LIKE 'gen%' AS generated, count(a.id)::int AS actions,
         count(a.id) FILTER (WHERE m.role IN ('LEAD', 'CONTRIBUTOR'))::int AS owners
       FROM "Finding" f JOIN "Plan" p ON p.id = f."planId" JOIN "LocalArea" l ON l.id = p."localAreaId"
       LEFT JOIN "Action" a ON a."findingId" = f.id LEFT JOIN "Membership" m ON m."userId" = a."ownerId" AND m."localAreaId" = l.id
       WHERE l.slug = 'northbridge' AND p.status <> 'CLOSED' GROUP BY f.id ORDER BY f."sortOrder"`,
    );
    const generated = plan.filter((f) => f.generated);
    expect(plan.length).toBeGreaterThanOrEqual(9);
    expect(plan.length).toBeLessThanOrEqual(13);
    expect(plan.filter((f) => !f.generated).reduce((s, f) => s + f.actions, 0)).toBe(demoActions[0]!.n);
    expect(generated.map((f) => Number(f.ref))).toEqual(generated.map((_, i) => plan.length - generated.length + i + 1));
    for (const f of generated) {
      expect(f.actions).toBeGreaterThanOrEqual(8);
      expect(f.actions).toBeLessThanOrEqual(15);
      expect(f.owners).toBe(f.actions);
    }
    // The plan is under a year old: its generated actions have a check-in a month since they started.
    const checkIns = await rows<{ min: number; max: number }>(
      `SELECT min(n)::int AS min, max(n)::int AS max FROM (
         SELECT count(*) AS n FROM "ActionUpdate" u JOIN "Action" a ON a.id = u."actionId" JOIN "LocalArea" l ON l.id = a."localAreaId"
         WHERE l.slug = 'northbridge' AND a.id LIKE 'gen%' GROUP BY a.id) c`,
    );
    expect(checkIns[0]!.max).toBeLessThan(24);
    expect(checkIns[0]!.min).toBeGreaterThan(0);

    const adviser = await rows<{ slug: string; role: string }>(
      `SELECT l.slug, m.role::text FROM "Membership" m JOIN "User" u ON u.id = m."userId" JOIN "LocalArea" l ON l.id = m."localAreaId"
       WHERE u.email = 'adviser@headway.example' AND l.id LIKE 'gen%'`,
    );
    expect(adviser).toEqual([{ slug: expect.any(String), role: "ADVISER" }]);
  });
});
