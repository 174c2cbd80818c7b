/**
 * The national ranking of areas on one published measure (/national/compare?measure=<id>): the
 * areas in the viewer's national scope (the national team every area, an adviser the areas they
 * advise; server/auth/national-scope.ts) by their figure for the latest period published, best
 * first by the measure's direction, with England's and each area's region's figure for that
 * period beside them. An area without a figure for that period is listed after, unranked, with
 * its latest earlier figure if it has one. Figures are matched to areas by the DfE LA code.
 */
import { fromDay } from "@/lib/calendar";
import { nationalScope } from "@/server/auth/national-scope";
import { forbidden, notFound } from "@/server/errors";
import type { Region } from "@/server/generated/prisma/enums";
import type { ServiceContext } from "@/server/services/core/context";
import { catalogueMeasures } from "@/server/services/statistics/catalogue";

type Figure = { value: number; period: string; periodEnd: string };

export async function compareAreas(ctx: ServiceContext, input: { measure?: string }) {
  const scope = nationalScope(ctx.viewer);
  if (!scope) throw forbidden("The comparison of areas is for the national team and for advisers.");
  const catalogue = await catalogueMeasures(ctx.db);
  const choices = catalogue.map((c) => ({ id: c.id, name: c.name }));
  if (!input.measure) return { catalogue: choices, measure: null, comparison: null };
  const measure = catalogue.find((c) => c.id === input.measure);
  if (!measure) throw notFound("That published measure");

  const areas = await ctx.db.localArea.findMany({
    where: scope.kind === "ALL" ? {} : { id: { in: scope.areaIds } },
    select: { id: true, name: true, slug: true, laCode: true, region: true },
    orderBy: { name: "asc" },
  });
  const [latest, areaFigures] = await Promise.all([
    ctx.db.publishedStatistic.aggregate({ where: { catalogueMeasureId: measure.id, geographicLevel: "LOCAL_AUTHORITY" }, _max: { periodEnd: true } }),
    ctx.db.publishedStatistic.findMany({
      where: { catalogueMeasureId: measure.id, geographicLevel: "LOCAL_AUTHORITY", areaCode: { in: areas.map((a) => a.laCode) } },
      select: { areaCode: true, periodEnd: true, periodLabel: true, value: true },
      orderBy: { periodEnd: "desc" },
    }),
  ]);
  const latestEnd = latest._max.periodEnd;
  const references = latestEnd
    ? await ctx.db.publishedStatistic.findMany({
        where: { catalogueMeasureId: measure.id, geographicLevel: { in: ["NATIONAL", "REGIONAL"] }, periodEnd: latestEnd },
        select: { geographicLevel: true, region: true, value: true, periodLabel: true },
      })
    : [];
  const latestLabel = latestEnd ? (areaFigures.find((f) => f.periodEnd.getTime() === latestEnd.getTime())?.periodLabel ?? references[0]?.periodLabel ?? fromDay(latestEnd)) : null;
  const england = references.find((r) => r.geographicLevel === "NATIONAL")?.value ?? null;
  const regionValue = (region: Region) => references.find((r) => r.geographicLevel === "REGIONAL" && r.region === region)?.value ?? null;

  // Newest first, so the first figure of each code is its latest.
  const latestOf = new Map<string, Figure>();
  for (const f of areaFigures) if (!latestOf.has(f.areaCode)) latestOf.set(f.areaCode, { value: f.value, period: f.periodLabel, periodEnd: fromDay(f.periodEnd) });

  const better = measure.direction === "HIGHER_IS_BETTER" ? -1 : 1;
  const current = areas
    .map((a) => ({ area: a, figure: latestOf.get(a.laCode) }))
    .filter((r): r is { area: (typeof areas)[number]; figure: Figure } => !!r.figure && !!latestEnd && r.figure.periodEnd === fromDay(latestEnd))
    .sort((x, y) => better * (x.figure.value - y.figure.value) || x.area.name.localeCompare(y.area.name));
  // Equal figures share a rank ("1, 2, 2, 4"), as league tables print them.
  const ranked = current.map((r, i) => ({ ...r, rank: current.findIndex((o) => o.figure.value === r.figure.value) + 1 || i + 1 }));
  const rankedIds = new Set(ranked.map((r) => r.area.id));
  const rowOf = (a: (typeof areas)[number]) => ({ id: a.id, name: a.name, slug: a.slug, laCode: a.laCode, region: a.region });

  return {
    catalogue: choices,
    measure,
    comparison: {
      period: latestEnd ? { end: fromDay(latestEnd), label: latestLabel! } : null,
      england,
      ranked: ranked.map((r) => ({ rank: r.rank, tied: ranked.filter((o) => o.rank === r.rank).length > 1, area: rowOf(r.area), value: r.figure.value, regionValue: regionValue(r.area.region) })),
      unranked: areas
        .filter((a) => !rankedIds.has(a.id))
        .map((a) => ({ area: rowOf(a), latest: latestOf.get(a.laCode) ?? null })),
    },
  };
}
