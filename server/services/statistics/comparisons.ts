/**
 * The comparison lines of linked measures (MeasureComparisonPoint): England, the region and the
 * statistical neighbours' average, worked out by the rule in server/domain/benchmark-comparison.ts
 * and stored, so that every chart (measure and finding pages, the public page, snapshots and
 * board packs) reads them with the measure in one statement, without each page working them out.
 *
 * Worked out again, in the same transaction, whenever what they rest on changes: a measure linked,
 * relinked or unlinked (server/services/measures/measures.ts), its catalogue measure's figures
 * imported, or the statistical neighbours imported. Only the points that differ are written, so
 * doing it twice changes nothing.
 */
import { fromDay, toDay } from "@/lib/calendar";
import { comparisonLines, type PublishedFigure } from "@/server/domain/benchmark-comparison";
import type { Prisma } from "@/server/generated/prisma/client";
import type { ComparisonSeries } from "@/server/generated/prisma/enums";
import type { Tx } from "@/server/services/core/audit";

/** Which measures to work out: these ones (linked or not), or every measure linked to one of these catalogue measures, or whose area is one of these LA codes. */
export type ComparisonScope = { measureIds: string[] } | { catalogueMeasureId: string } | { laCodes: string[] };

type Point = { measureId: string; series: ComparisonSeries; label: string; periodEnd: string; periodLabel: string; value: number; count: number | null };
const keyOf = (p: Pick<Point, "measureId" | "series" | "periodEnd">) => `${p.measureId}|${p.series}|${p.periodEnd}`;

/** Works out and stores the comparison lines of the measures in `scope`; the number of measures whose lines changed. */
export async function refreshComparisons(tx: Tx, scope: ComparisonScope): Promise<number> {
  const where: Prisma.MeasureWhereInput =
    "measureIds" in scope
      ? { id: { in: scope.measureIds } }
      : "catalogueMeasureId" in scope
        ? { catalogueMeasureId: scope.catalogueMeasureId }
        : { catalogueMeasureId: { not: null }, localArea: { laCode: { in: scope.laCodes } } };
  const measures = await tx.measure.findMany({ where, select: { id: true, catalogueMeasureId: true, localArea: { select: { laCode: true, region: true } } } });
  if (measures.length === 0) return 0;

  const linked = measures.filter((m) => m.catalogueMeasureId !== null);
  const laCodes = [...new Set(linked.map((m) => m.localArea.laCode))];
  const neighbourRows = laCodes.length ? await tx.statisticalNeighbour.findMany({ where: { laCode: { in: laCodes } }, orderBy: { rank: "asc" } }) : [];
  const neighboursOf = new Map<string, string[]>();
  for (const n of neighbourRows) neighboursOf.set(n.laCode, [...(neighboursOf.get(n.laCode) ?? []), n.neighbourLaCode]);
  const catalogueIds = [...new Set(linked.map((m) => m.catalogueMeasureId!))];
  const figures = catalogueIds.length
    ? await tx.publishedStatistic.findMany({
        where: {
          catalogueMeasureId: { in: catalogueIds },
          OR: [
            { geographicLevel: { in: ["NATIONAL", "REGIONAL"] } },
            { geographicLevel: "LOCAL_AUTHORITY", areaCode: { in: [...new Set(neighbourRows.map((n) => n.neighbourLaCode))] } },
          ],
        },
        select: { catalogueMeasureId: true, geographicLevel: true, areaCode: true, region: true, periodEnd: true, periodLabel: true, value: true },
      })
    : [];
  const figuresOf = new Map<string, PublishedFigure[]>();
  for (const f of figures) {
    figuresOf.set(f.catalogueMeasureId, [...(figuresOf.get(f.catalogueMeasureId) ?? []), { ...f, periodEnd: fromDay(f.periodEnd) }]);
  }

  const wanted = new Map<string, Point>();
  for (const m of linked) {
    const lines = comparisonLines(figuresOf.get(m.catalogueMeasureId!) ?? [], { region: m.localArea.region, neighbours: neighboursOf.get(m.localArea.laCode) ?? [] });
    for (const line of lines) {
      for (const p of line.points) {
        const point = { measureId: m.id, series: line.series, label: line.label, ...p };
        wanted.set(keyOf(point), point);
      }
    }
  }

  const existing = await tx.measureComparisonPoint.findMany({
    where: { measureId: { in: measures.map((m) => m.id) } },
    select: { id: true, measureId: true, series: true, label: true, periodEnd: true, periodLabel: true, value: true, count: true },
  });
  const changed = new Set<string>();
  const stale: string[] = [];
  const updates: Array<{ id: string; point: Point }> = [];
  const held = new Set<string>();
  for (const e of existing) {
    const key = keyOf({ ...e, periodEnd: fromDay(e.periodEnd) });
    const want = wanted.get(key);
    if (!want) {
      stale.push(e.id);
      changed.add(e.measureId);
      continue;
    }
    held.add(key);
    if (want.value !== e.value || want.label !== e.label || want.periodLabel !== e.periodLabel || want.count !== e.count) {
      updates.push({ id: e.id, point: want });
      changed.add(e.measureId);
    }
  }
  const created = [...wanted.entries()].filter(([key]) => !held.has(key)).map(([, p]) => p);
  for (const p of created) changed.add(p.measureId);

  if (stale.length) await tx.measureComparisonPoint.deleteMany({ where: { id: { in: stale } } });
  for (const u of updates) {
    await tx.measureComparisonPoint.update({
      where: { id: u.id },
      data: { label: u.point.label, periodLabel: u.point.periodLabel, value: u.point.value, count: u.point.count },
    });
  }
  if (created.length) {
    await tx.measureComparisonPoint.createMany({ data: created.map((p) => ({ ...p, periodEnd: toDay(p.periodEnd) })) });
  }
  return changed.size;
}
