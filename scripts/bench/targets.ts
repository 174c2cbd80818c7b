/**
 * What the benchmark asks for, read from the database it runs on: the area's current plan, its
 * finding with the most actions, an action-list filter that matches some actions, and the
 * actions the lead posts updates on.
 */
import type pg from "pg";

export type UpdatableAction = { id: string; status: string; progress: number; ragOverride: string | null; ragOverrideReason: string | null };

export type Targets = {
  areaCount: number;
  area: { id: string; slug: string; name: string };
  finding: { id: string; ref: string; actions: number };
  actionFilter: { status: string; owner: string; matches: number; total: number };
  actions: UpdatableAction[];
};

export async function findTargets(db: pg.Client, slug: string): Promise<Targets> {
  const { rows: counts } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "LocalArea"`);
  const { rows: areas } = await db.query<{ id: string; slug: string; name: string }>(`SELECT "id", "slug", "name" FROM "LocalArea" WHERE "slug" = $1`, [slug]);
  const area = areas[0];
  if (!area) throw new Error(`There is no local area "${slug}" in the database: is the demo seed loaded?`);
  // The current plan, as CURRENT_PLAN in server/services/core/access.ts: the latest that is not closed.
  const { rows: plans } = await db.query<{ id: string }>(
    `SELECT "id" FROM "Plan" WHERE "localAreaId" = $1 AND "status" <> 'CLOSED' ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`,
    [area.id],
  );
  const plan = plans[0];
  if (!plan) throw new Error(`${area.name} has no current plan to measure.`);

  const { rows: findings } = await db.query<{ id: string; ref: string; actions: number }>(
    `SELECT f."id", f."ref", count(a."id")::int AS "actions" FROM "Finding" f LEFT JOIN "Action" a ON a."findingId" = f."id"
     WHERE f."planId" = $1 GROUP BY f."id", f."ref" ORDER BY count(a."id") DESC, f."ref" LIMIT 1`,
    [plan.id],
  );
  const finding = findings[0];
  if (!finding) throw new Error(`${area.name}'s plan has no findings to measure.`);

  const { rows: actions } = await db.query<UpdatableAction>(
    `SELECT a."id", a."status"::text AS "status", a."progress", a."ragOverride"::text AS "ragOverride", a."ragOverrideReason"
     FROM "Action" a JOIN "Finding" f ON f."id" = a."findingId"
     WHERE f."planId" = $1
       -- what the check-in form would accept as it stands: a RAG set by hand has its reason, and
       -- a complete action is at 100%
       AND (a."ragOverride" IS NULL OR btrim(COALESCE(a."ragOverrideReason", '')) <> '')
       AND (a."status" <> 'COMPLETE' OR a."progress" = 100)
     ORDER BY a."id"`,
    [plan.id],
  );
  if (actions.length === 0) throw new Error(`${area.name}'s plan has no actions to update.`);

  const { rows: totals } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Action" a JOIN "Finding" f ON f."id" = a."findingId" WHERE f."planId" = $1`,
    [plan.id],
  );

  // The owner and status with the most actions: a filter a lead would use, that lists something.
  const { rows: filters } = await db.query<{ status: string; owner: string; matches: number }>(
    `SELECT a."status"::text AS "status", a."ownerId" AS "owner", count(*)::int AS "matches"
     FROM "Action" a JOIN "Finding" f ON f."id" = a."findingId"
     WHERE f."planId" = $1 AND a."ownerId" IS NOT NULL
     GROUP BY a."status", a."ownerId" ORDER BY (a."status" = 'IN_PROGRESS') DESC, count(*) DESC, a."ownerId" LIMIT 1`,
    [plan.id],
  );
  const filter = filters[0];
  if (!filter) throw new Error(`${area.name}'s actions have no owners, so the owner filter cannot be measured.`);

  return {
    areaCount: counts[0]!.n,
    area,
    finding,
    actionFilter: { ...filter, total: totals[0]!.n },
    actions,
  };
}
