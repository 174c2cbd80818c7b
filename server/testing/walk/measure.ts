/** Walk entries for measures, milestones and values. */
import { createMeasure, createMeasureValue, day, uniq } from "@/prisma/factories";
import type { Fixture, Specs } from "@/server/testing/walk/spec";
import type { PrismaClient } from "@/server/generated/prisma/client";

/** Valid measure fields as the form sends them. */
function fields(fx: Fixture) {
  return {
    ref: `W${uniq()}`.slice(0, 12),
    name: "EHC plans issued within 20 weeks",
    definition: "New EHC plans issued within 20 weeks, excluding exceptions, as a share of all issued.",
    unit: "PERCENT",
    direction: "HIGHER_IS_BETTER",
    source: "SEN2 return",
    baselineValue: 12,
    baselineDate: "2025-03-31",
    benchmarkValue: 50,
    benchmarkLabel: "England average",
    benchmarkDate: "2024-12-31",
    targetValue: 60,
    targetDate: "2027-03-31",
    findingIds: [fx.area.findingId],
    ownerId: "",
    milestones: [{ date: "2026-03-31", targetValue: 35 }],
  };
}

// One measure per fixture, owned by the CONTRIBUTOR so the "own" grant can be seen both ways.
const owned = new Map<string, Promise<string>>();
function ownedMeasure(fx: Fixture, db: PrismaClient): Promise<string> {
  let id = owned.get(fx.area.planId);
  if (!id) {
    id = createMeasure(db, { planId: fx.area.planId, ownerId: fx.users.CONTRIBUTOR, findingIds: [fx.area.findingId] }).then((m) => m.id);
    owned.set(fx.area.planId, id);
  }
  return id;
}

// Distinct past periods, so each call validates a value of its own.
let nextPeriod = 1;
// A different figure each call: a paste that changes nothing writes (and audits) nothing.
let nextPastedValue = 30;

export const MEASURE_SPECS: Specs = {
  "measure.list": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "measure.formChoices": { scope: "area", input: (fx) => ({ slug: fx.area.slug }) },
  "measure.byId": { scope: "area", input: async (fx, db) => ({ id: await ownedMeasure(fx, db) }) },
  "measure.create": { scope: "area", input: (fx) => ({ planId: fx.area.planId, ...fields(fx) }) },
  "measure.update": {
    scope: "area",
    // The version as it is now: each successful save moves it on.
    input: async (fx, db) => {
      const id = await ownedMeasure(fx, db);
      const m = await db.measure.findUniqueOrThrow({
        where: { id },
        select: { version: true, ref: true, targetValue: true, targetDate: true, milestones: { select: { date: true, targetValue: true } } },
      });
      // Area A's plan is accepted: the target and milestones stay as they are (change control).
      const controlled = {
        targetValue: m.targetValue,
        targetDate: m.targetDate!.toISOString().slice(0, 10),
        milestones: m.milestones.map((s) => ({ date: s.date.toISOString().slice(0, 10), targetValue: s.targetValue })),
      };
      return { id, version: m.version, ...fields(fx), ref: m.ref, ownerId: fx.users.CONTRIBUTOR, ...controlled };
    },
  },
  "measure.recordValue": {
    scope: "area",
    // A paste may have left another figure for January: the replacement is confirmed, with a reason.
    input: async (fx, db) => ({
      measureId: await ownedMeasure(fx, db),
      periodEnd: "2026-01-31",
      value: 30,
      status: "PROVISIONAL",
      confirmReplace: true,
      replaceReason: "Corrected",
    }),
    ownerId: (fx) => fx.users.CONTRIBUTOR,
  },
  "measure.pasteValues": {
    scope: "area",
    // Each role's paste replaces the figure the last one left for January: confirmed, with a reason.
    input: async (fx, db) => ({
      measureId: await ownedMeasure(fx, db),
      status: "PROVISIONAL",
      text: `Month\tValue\nJan 2026\t${nextPastedValue++}\nFeb 2026\t31.5`,
      confirmReplace: true,
      replaceReason: "Corrected",
    }),
    ownerId: (fx) => fx.users.CONTRIBUTOR,
  },
  "measure.setValueStatus": {
    scope: "area",
    input: async (fx, db) => {
      const value = await createMeasureValue(db, { measureId: await ownedMeasure(fx, db), periodEnd: day(-400 - nextPeriod++) });
      return { id: value.id, status: "VALIDATED" };
    },
    ownerId: (fx) => fx.users.CONTRIBUTOR,
  },
};
