/**
 * The demo's published statistics: an illustrative sample (prisma/sample-data/README.md: not
 * published figures) of EHC plan timeliness for England, two regions, Northbridge and its ten
 * statistical neighbours, imported through the same service an administrator uses, with
 * Northbridge's timeliness measure (M1) linked to the catalogue measure, so the demo's chart shows
 * all four lines. Idempotent: a second run finds the figures held and the link made, and writes
 * nothing. Tests build their own files.
 */
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../server/generated/prisma/client";
import { NEIGHBOURS_KEY, type NeighboursMapping, type StatisticsMapping } from "../server/schemas/statistics";
import { inTransaction } from "../server/services/core/audit";
import { refreshComparisons } from "../server/services/statistics/comparisons";
import { applyStatistics, type ImportActor } from "../server/services/statistics/statistics-import";

export const SAMPLE_MEASURE = "ehcp-20-weeks-excluding-exceptions";
const DIR = path.join(import.meta.dirname, "sample-data");

const FIGURES: StatisticsMapping = {
  value: "pc_20_weeks_excl_exceptions",
  laCode: "old_la_code",
  period: "time_period",
  timeIdentifier: "time_identifier",
  periodType: "CALENDAR_YEAR",
  geographicLevel: "geographic_level",
  region: "region_name",
  areaName: "la_name",
  filters: [],
};

const NEIGHBOURS: NeighboursMapping = {
  laCode: "la_code",
  form: "WIDE",
  neighbours: Array.from({ length: 10 }, (_, i) => `SN${i + 1}`),
  neighbourCode: "",
  rank: "",
};

async function upload(name: string) {
  return { name, bytes: new Uint8Array(await readFile(path.join(DIR, name))) };
}

/** Loads the sample and links Northbridge's M1; what it did, in words (nothing, on a second run). */
export async function seedSampleStatistics(db: PrismaClient): Promise<string[]> {
  const actor: ImportActor = { viewer: null, requestId: randomUUID(), source: "demo seed" };
  const done: string[] = [];
  const measure = await db.measure.findFirst({
    where: { ref: "M1", localArea: { slug: "northbridge" }, unit: "PERCENT" },
    select: { id: true, catalogueMeasureId: true },
  });
  if (measure && measure.catalogueMeasureId === null) {
    // Seeding, not an editor's change: linked without a new version, as the demo's records are made.
    await inTransaction({ db }, async (tx) => {
      await tx.measure.update({ where: { id: measure.id }, data: { catalogueMeasureId: SAMPLE_MEASURE } });
      await refreshComparisons(tx, { measureIds: [measure.id] });
    });
    done.push("linked Northbridge's M1 to the published measure");
  }
  for (const [key, file, mapping] of [
    [SAMPLE_MEASURE, "ehcp-timeliness-sample.csv", FIGURES],
    [NEIGHBOURS_KEY, "statistical-neighbours-sample.csv", NEIGHBOURS],
  ] as const) {
    const report = await applyStatistics(db, actor, key, await upload(file), mapping);
    if (report.status === "refused") throw new Error(`${file}: ${report.refused.map((r) => r.message).join(" ")}`);
    if (report.status === "applied") done.push(`${file}: ${report.added} new, ${report.changed} changed`);
  }
  return done;
}
