/**
 * The API's bulk values (`npm run bench -- --only api-values`, and the last section of a full run):
 * N values (10,000 by default) sent through POST /api/v1/areas/<slug>/measure-values in batches,
 * the route's own handler called in this process, one request at a time, as the route file calls
 * it (token, rate limit, the value rules, one transaction and one audit event per value), against
 * PostgreSQL. Then the same batches again, which change nothing (the idempotent path). Reports the
 * time per 1,000 values, and checks every value and its audit event are in the database.
 *
 * Its data is its own: a database named after DATABASE_URL's with "_api", made afresh each run
 * (migrated, one area with ten measures and a plan lead's token), so the sizes' data is untouched.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/generated/prisma/client";
import { runToEnd } from "./processes";
import { summarise, type Summary } from "./stats";

export type ApiValuesResult = {
  database: string;
  values: number;
  batch: number;
  measures: number;
  /** Sending them the first time: every value new. */
  created: { totalMs: number; msPer1000: number; perRequest: Summary; valuesPerSecond: number };
  /** The same batches again: nothing to write. */
  unchanged: { totalMs: number; msPer1000: number; perRequest: Summary };
  /** Values and their audit events found in the database afterwards. */
  stored: { values: number; auditEvents: number };
};

const MEASURES = 10;
const DAY_MS = 86_400_000;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh, migrated database beside `baseUrl`'s, named with "_api". */
async function freshDatabase(root: string, baseUrl: string, limitMs: number): Promise<string> {
  const name = `${new URL(baseUrl).pathname.slice(1)}_api`;
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
  await admin.connect();
  try {
    // The name is checked to be lower-case letters, digits and underscores (options.ts).
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(baseUrl, name);
  await runToEnd(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, MIGRATION_DATABASE_URL: url, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
    limitMs,
  });
  return url;
}

export async function runApiValues(o: { root: string; databaseUrl: string; values: number; batch: number; limitMs: number }): Promise<ApiValuesResult> {
  const url = await freshDatabase(o.root, o.databaseUrl, o.limitMs);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    // The app's modules, loaded only for this section.
    const { createAreaWithPlan, createMeasure, createMembership, createUser } = await import("@/prisma/factories");
    const { createApiToken } = await import("@/server/services/api/api-tokens");
    const { measureValuesRoute } = await import("@/server/services/api/routes");
    const { API_RATE_LIMIT } = await import("@/server/services/api/http");

    const area = await createAreaWithPlan(db);
    const lead = await createUser(db);
    await createMembership(db, { userId: lead.id, localAreaId: area.localAreaId, role: "LEAD" });
    const measures: Array<{ id: string; ref: string }> = [];
    for (let i = 1; i <= MEASURES; i += 1) {
      measures.push(await createMeasure(db, { planId: area.planId, findingIds: [area.findingId], ref: `B${i}`, unit: "COUNT", baselineValue: 500, targetValue: 100, direction: "LOWER_IS_BETTER" }));
    }
    const lastDay = new Date(Date.now() + 7 * DAY_MS).toISOString().slice(0, 10);
    const { secret } = await createApiToken(
      { db, viewer: { userId: lead.id, globalRole: null, memberships: [{ localAreaId: area.localAreaId, role: "LEAD" }] }, requestId: randomUUID() },
      { slug: area.slug, name: "Benchmark", scopes: ["values:write"], expiresOn: lastDay },
    );

    // Each measure a value a day, going back from yesterday: every (measure, period) once.
    const perMeasure = Math.ceil(o.values / MEASURES);
    const today = Math.floor(Date.now() / DAY_MS);
    const all = Array.from({ length: o.values }, (_, i) => ({
      measure: measures[i % MEASURES]!.ref,
      periodEnd: new Date((today - 1 - Math.floor(i / MEASURES)) * DAY_MS).toISOString().slice(0, 10),
      value: 100 + (i % 400),
    }));
    if (perMeasure > 30_000) throw new Error("Too many values for the days available: send fewer.");
    const batches = Array.from({ length: Math.ceil(all.length / o.batch) }, (_, i) => all.slice(i * o.batch, (i + 1) * o.batch));
    if (batches.length * 2 > API_RATE_LIMIT.max) throw new Error(`${batches.length * 2} requests would pass the token's rate limit: use larger batches.`);

    const send = async (values: typeof all) => {
      const started = performance.now();
      const response = await measureValuesRoute(
        new Request(`http://127.0.0.1/api/v1/areas/${area.slug}/measure-values`, {
          method: "POST",
          headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
          body: JSON.stringify({ values }),
        }),
        { db, requestId: randomUUID() },
        { slug: area.slug },
      );
      const body = (await response.json()) as { created?: number; unchanged?: number; detail?: string };
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`The API answered ${response.status}: ${body.detail ?? ""}`);
      return { ms, body };
    };
    const pass = async (expect: "created" | "unchanged") => {
      const times: number[] = [];
      const started = performance.now();
      for (const batch of batches) {
        const { ms, body } = await send(batch);
        if (body[expect] !== batch.length) throw new Error(`A batch of ${batch.length} was ${JSON.stringify(body).slice(0, 200)}, not all ${expect}.`);
        times.push(ms);
      }
      const totalMs = performance.now() - started;
      return { totalMs: Math.round(totalMs), msPer1000: Math.round((totalMs / all.length) * 1000 * 10) / 10, perRequest: summarise(times) };
    };

    // A few requests first, on values of their own, so the first timed batch pays for no warming up.
    const warm = await createMeasure(db, { planId: area.planId, findingIds: [area.findingId], ref: "WARM", unit: "COUNT" });
    for (let i = 0; i < 3; i += 1) await send([{ measure: warm.ref, periodEnd: new Date((today - 1 - i) * DAY_MS).toISOString().slice(0, 10), value: 1 }]);

    const created = await pass("created");
    const unchanged = await pass("unchanged");
    const measureIds = measures.map((m) => m.id);
    const stored = {
      values: await db.measureValue.count({ where: { measureId: { in: measureIds } } }),
      auditEvents: await db.auditEvent.count({ where: { action: "measure.pushValues", localAreaId: area.localAreaId, apiTokenId: { not: null }, entityType: "MeasureValue" } }),
    };
    // The warm-up's values have audit events too.
    stored.auditEvents -= 3;
    if (stored.values !== all.length || stored.auditEvents !== all.length) throw new Error(`Expected ${all.length} values and audit events, found ${JSON.stringify(stored)}.`);
    const u = new URL(url);
    u.password = "";
    return {
      database: u.toString(),
      values: all.length,
      batch: o.batch,
      measures: MEASURES,
      created: { ...created, valuesPerSecond: Math.round(all.length / (created.totalMs / 1000)) },
      unchanged,
      stored,
    };
  } finally {
    await db.$disconnect();
  }
}

export function formatApiValues(r: ApiValuesResult): string {
  return [
    `API values: ${r.values.toLocaleString("en-GB")} values for ${r.measures} measures in batches of ${r.batch} (${Math.ceil(r.values / r.batch)} requests), one at a time`,
    `  new values:       ${r.created.msPer1000} ms per 1,000 values (${r.created.totalMs} ms in all, ${r.created.valuesPerSecond} values/s; per request p50 ${r.created.perRequest.p50} ms, p95 ${r.created.perRequest.p95} ms)`,
    `  sent again:       ${r.unchanged.msPer1000} ms per 1,000 values (${r.unchanged.totalMs} ms in all; nothing written)`,
    `  in the database:  ${r.stored.values} values, ${r.stored.auditEvents} audit events naming the token`,
  ].join("\n");
}
