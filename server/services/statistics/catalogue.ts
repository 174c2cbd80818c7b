/**
 * The catalogue of standard measures (seeded by its migration) and what is held for each: the
 * list the measure form offers a lead, the rule that a measure links only to a published measure
 * counted in the same unit, and the administrator's overview of the figures imported so far.
 */
import { formatDate } from "@/lib/format/dates";
import { MEASURE_UNIT } from "@/lib/labels";
import type { MeasureUnit } from "@/server/generated/prisma/enums";
import { NEIGHBOURS_KEY } from "@/server/schemas/statistics";
import { fieldError } from "@/server/services/core/access";
import type { Db } from "@/server/services/core/audit";
import type { ServiceContext } from "@/server/services/core/context";

const CATALOGUE_FIELDS = {
  id: true,
  name: true,
  definition: true,
  unit: true,
  direction: true,
  sourceName: true,
  sourceUrl: true,
} as const;

/** Every catalogue measure, in the catalogue's order. */
export function catalogueMeasures(db: Db) {
  return db.catalogueMeasure.findMany({ orderBy: { sortOrder: "asc" }, select: CATALOGUE_FIELDS });
}

/** What the measure form offers: each published measure with its unit, so the lead can see which fit. */
export async function catalogueChoices(db: Db) {
  return (await catalogueMeasures(db)).map((c) => ({ id: c.id, name: c.name, unit: c.unit }));
}

/**
 * A measure may link to a published measure counted in its own unit only: its line and England's
 * must be drawn on one scale. Refused beside the field with what to change.
 */
export async function checkCatalogueLink(db: Db, catalogueMeasureId: string, unit: MeasureUnit) {
  const published = await db.catalogueMeasure.findUnique({ where: { id: catalogueMeasureId }, select: { name: true, unit: true } });
  if (!published) throw fieldError("catalogueMeasureId", "Choose a published measure from the list.");
  if (published.unit !== unit) {
    throw fieldError(
      "catalogueMeasureId",
      `“${published.name}” is published ${COUNTED[published.unit]}, but this measure is counted ${COUNTED[unit]}. Change its unit to ${MEASURE_UNIT[published.unit].toLowerCase()}, or choose another published measure.`,
    );
  }
}

/** How a figure is counted, as the end of a sentence. */
const COUNTED: Record<MeasureUnit, string> = { PERCENT: "as a percentage", COUNT: "as a count", DAYS: "in days", WEEKS: "in weeks", RATE: "as a rate" };

/** The administrator's page: each catalogue measure with the figures held, the saved mapping, the measures linked; and the neighbours. */
export async function statisticsOverview(ctx: ServiceContext) {
  const [catalogue, counts, latest, mappings, links, neighbourAreas] = await Promise.all([
    catalogueMeasures(ctx.db),
    ctx.db.publishedStatistic.groupBy({ by: ["catalogueMeasureId", "geographicLevel"], _count: { _all: true } }),
    ctx.db.publishedStatistic.groupBy({ by: ["catalogueMeasureId"], _max: { periodEnd: true } }),
    ctx.db.statisticsMapping.findMany({ select: { key: true, updatedAt: true } }),
    ctx.db.measure.groupBy({ by: ["catalogueMeasureId"], where: { catalogueMeasureId: { not: null } }, _count: { _all: true } }),
    ctx.db.statisticalNeighbour.groupBy({ by: ["laCode"] }),
  ]);
  const count = (id: string, level: "NATIONAL" | "REGIONAL" | "LOCAL_AUTHORITY") =>
    counts.find((c) => c.catalogueMeasureId === id && c.geographicLevel === level)?._count._all ?? 0;
  const mappingOf = (key: string) => mappings.find((m) => m.key === key)?.updatedAt ?? null;
  return {
    measures: catalogue.map((c) => {
      const latestEnd = latest.find((l) => l.catalogueMeasureId === c.id)?._max.periodEnd ?? null;
      return {
        ...c,
        figures: { national: count(c.id, "NATIONAL"), regional: count(c.id, "REGIONAL"), localAuthority: count(c.id, "LOCAL_AUTHORITY") },
        latestPeriodEnd: latestEnd ? formatDate(latestEnd) : null,
        mappingSavedAt: mappingOf(c.id),
        linkedMeasures: links.find((l) => l.catalogueMeasureId === c.id)?._count._all ?? 0,
      };
    }),
    neighbours: { authorities: neighbourAreas.length, mappingSavedAt: mappingOf(NEIGHBOURS_KEY) },
  };
}
