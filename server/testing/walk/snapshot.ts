/** Walk entries for snapshots. */
import { uniq } from "@/prisma/factories";
import type { Fixture, Specs } from "@/server/testing/walk/spec";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { planState } from "@/server/services/plans/plan-state";

/** A snapshot of area A's plan, stored directly (the walk checks reading it, not taking it). */
async function aSnapshot(fx: Fixture, db: PrismaClient) {
  const state = await planState(db, fx.area.localAreaId, new Date());
  const snapshot = await db.snapshot.create({
    data: { localAreaId: fx.area.localAreaId, planId: fx.area.planId, label: `Walk ${uniq()}`, state: state! },
    select: { id: true },
  });
  return { id: snapshot.id };
}

export const SNAPSHOT_SPECS: Specs = {
  "snapshot.list": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "snapshot.take": {
    scope: "area",
    input: (fx) => ({ slug: fx.area.slug, label: `Board ${uniq()}`, keyMessages: "Timeliness is rising.", decisions: "Agree the posts." }),
  },
  "snapshot.changesSince": { scope: "area", input: aSnapshot },
};
