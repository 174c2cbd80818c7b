/**
 * Importing published statistics (administrators only): a catalogue measure's figures for
 * England, the regions and every local authority, as the DfE's explore-education-statistics and
 * the LGA publish them, or the DfE's statistical neighbours. The columns are mapped once; the
 * mapping is saved for the measure when an import is applied and offered for the next file.
 *
 * The whole file or nothing, in one transaction: any refused row stops the import, and the report
 * names every row refused and why. Importing the same file again changes nothing and records
 * nothing. An import never deletes: figures of periods not in the file stay. Whatever the import
 * changes, the comparison lines of the measures linked to it are worked out again in the same
 * transaction (server/services/statistics/comparisons.ts).
 */
import { createHash } from "node:crypto";
import { fromDay, toDay } from "@/lib/calendar";
import { notFound } from "@/server/errors";
import type { Prisma } from "@/server/generated/prisma/client";
import type { MeasureUnit } from "@/server/generated/prisma/enums";
import {
  NEIGHBOURS_KEY,
  neighboursMappingSchema,
  statisticsMappingSchema,
  type NeighboursMapping,
  type StatisticsColumns,
  type StatisticsImportReport,
  type StatisticsMapping,
} from "@/server/schemas/statistics";
import { inTransaction, recordAudit, type AuditActor, type Db, type Tx } from "@/server/services/core/audit";
import type { ServiceContext } from "@/server/services/core/context";
import { refreshComparisons } from "@/server/services/statistics/comparisons";
import { readFigures, readNeighbours, type Figure, type NeighbourGroup } from "@/server/services/statistics/read-figures";
import {
  columnsOf,
  mappingFits,
  readStatisticsFile,
  suggestNeighboursMapping,
  suggestStatisticsMapping,
  type StatisticsFile,
} from "@/server/services/statistics/statistics-file";

/** Who imports, and from where: the web page, the command line or the demo's seed. */
export type ImportActor = AuditActor & { source: "web" | "command line" | "demo seed" };

export type UploadedStatistics = { name: string; bytes: Uint8Array };

/** A file of a few thousand rows, with its linked measures' lines, takes seconds, not Prisma's default 5. */
const IMPORT_TIMEOUT_MS = 120_000;
/** The report lists this many refusals; the count is of all. */
const REFUSALS_SHOWN = 100;

type Target = { key: string; name: string; unit: MeasureUnit | null };

async function targetOf(db: Db, key: string): Promise<Target> {
  if (key === NEIGHBOURS_KEY) return { key, name: "Statistical neighbours", unit: null };
  const measure = await db.catalogueMeasure.findUnique({ where: { id: key }, select: { id: true, name: true, unit: true } });
  if (!measure) throw notFound("That published measure");
  return { key: measure.id, name: measure.name, unit: measure.unit };
}

async function savedMapping(db: Db, target: Target): Promise<StatisticsMapping | NeighboursMapping | null> {
  const row = await db.statisticsMapping.findUnique({ where: { key: target.key }, select: { mapping: true } });
  if (!row) return null;
  const parsed = (target.unit === null ? neighboursMappingSchema : statisticsMappingSchema).safeParse(row.mapping);
  return parsed.success ? parsed.data : null;
}

/** mode=columns: the file's columns and the mapping to start from (the saved one when it fits the file). */
export async function statisticsColumns(db: Db, key: string, upload: UploadedStatistics): Promise<StatisticsColumns> {
  const target = await targetOf(db, key);
  const file = readStatisticsFile(upload.name, upload.bytes);
  const saved = await savedMapping(db, target);
  const fits = saved !== null && mappingFits(file, saved);
  return {
    columns: columnsOf(file),
    rows: file.rows.length,
    mapping: fits ? saved : target.unit === null ? suggestNeighboursMapping(file) : suggestStatisticsMapping(file),
    saved: fits,
  };
}

// Reading -----------------------------------------------------------------------------------

type Read =
  | { kind: "figures"; figures: Figure[]; refused: StatisticsImportReport["refused"]; skipped: Map<string, number> }
  | { kind: "neighbours"; groups: NeighbourGroup[]; refused: StatisticsImportReport["refused"]; skipped: Map<string, number> };

function readFile(target: Target, file: StatisticsFile, mapping: StatisticsMapping | NeighboursMapping): Read {
  if (target.unit === null) return { kind: "neighbours", ...readNeighbours(file, neighboursMappingSchema.parse(mapping)) };
  return { kind: "figures", ...readFigures(file, statisticsMappingSchema.parse(mapping), target.unit) };
}

/** A missing column is the mapping's fault, not the rows': said once, before any row is read. */
function missingColumns(file: StatisticsFile, mapping: StatisticsMapping | NeighboursMapping): string[] {
  const named =
    "value" in mapping
      ? [mapping.value, mapping.laCode, mapping.period, mapping.timeIdentifier, mapping.geographicLevel, mapping.region, mapping.areaName, ...mapping.filters.map((f) => f.column)]
      : [mapping.laCode, ...mapping.neighbours, mapping.neighbourCode, mapping.rank];
  return [...new Set(named.filter((c) => c !== "" && !file.header.includes(c)))];
}

// What would change -------------------------------------------------------------------------

type FigureDiff = { added: Figure[]; changed: Array<{ id: string; figure: Figure }>; unchanged: number };

async function diffFigures(db: Db, catalogueMeasureId: string, figures: Figure[]): Promise<FigureDiff> {
  const held = await db.publishedStatistic.findMany({
    where: { catalogueMeasureId },
    select: { id: true, geographicLevel: true, areaCode: true, areaName: true, periodEnd: true, periodLabel: true, value: true },
  });
  const byKey = new Map(held.map((h) => [`${h.geographicLevel}|${h.areaCode}|${fromDay(h.periodEnd)}`, h]));
  const diff: FigureDiff = { added: [], changed: [], unchanged: 0 };
  for (const f of figures) {
    const h = byKey.get(`${f.geographicLevel}|${f.areaCode}|${f.periodEnd}`);
    if (!h) diff.added.push(f);
    else if (h.value !== f.value || h.periodLabel !== f.periodLabel || h.areaName !== f.areaName) diff.changed.push({ id: h.id, figure: f });
    else diff.unchanged += 1;
  }
  return diff;
}

type NeighbourDiff = { added: NeighbourGroup[]; changed: NeighbourGroup[]; unchanged: number };

async function diffNeighbours(db: Db, groups: NeighbourGroup[]): Promise<NeighbourDiff> {
  const held = await db.statisticalNeighbour.findMany({ where: { laCode: { in: groups.map((g) => g.laCode) } }, orderBy: { rank: "asc" } });
  const heldOf = new Map<string, string[]>();
  for (const n of held) heldOf.set(n.laCode, [...(heldOf.get(n.laCode) ?? []), n.neighbourLaCode]);
  const diff: NeighbourDiff = { added: [], changed: [], unchanged: 0 };
  for (const g of groups) {
    const h = heldOf.get(g.laCode);
    if (!h) diff.added.push(g);
    else if (h.join() !== g.neighbours.join()) diff.changed.push(g);
    else diff.unchanged += 1;
  }
  return diff;
}

// The report --------------------------------------------------------------------------------

function report(
  target: Target,
  file: StatisticsFile,
  read: Read,
  counts: { added: number; changed: number; unchanged: number },
  o: { status: StatisticsImportReport["status"]; mappingSaved?: boolean; measuresUpdated?: number },
): StatisticsImportReport {
  const figures = read.kind === "figures" ? read.figures : [];
  const periods = [...new Map(figures.map((f) => [f.periodEnd, f.periodLabel])).entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, label]) => label);
  return {
    target: { key: target.key, name: target.name },
    file: file.name,
    rowsRead: file.rows.length,
    loaded: read.kind === "figures" ? read.figures.length : read.groups.length,
    ...counts,
    skipped: [...read.skipped.entries()].map(([reason, rows]) => ({ reason, rows })),
    refused: read.refused.slice(0, REFUSALS_SHOWN),
    refusedCount: read.refused.length,
    levels: {
      national: figures.filter((f) => f.geographicLevel === "NATIONAL").length,
      regional: figures.filter((f) => f.geographicLevel === "REGIONAL").length,
      localAuthority: read.kind === "figures" ? figures.filter((f) => f.geographicLevel === "LOCAL_AUTHORITY").length : read.groups.length,
    },
    periods,
    status: o.status,
    mappingSaved: o.mappingSaved ?? false,
    measuresUpdated: o.measuresUpdated ?? 0,
  };
}

const countsOf = (diff: FigureDiff | NeighbourDiff) => ({ added: diff.added.length, changed: diff.changed.length, unchanged: diff.unchanged });
const NOTHING = { added: 0, changed: 0, unchanged: 0 };

function prepare(target: Target, upload: UploadedStatistics, mapping: StatisticsMapping | NeighboursMapping) {
  const file = readStatisticsFile(upload.name, upload.bytes);
  const missing = missingColumns(file, mapping);
  if (missing.length) {
    const message = `The file has no column called ${missing.map((c) => `“${c}”`).join(" or ")}. Choose the columns again for this file.`;
    return { file, read: { kind: "figures", figures: [], refused: [{ row: 1, message }], skipped: new Map() } as Read };
  }
  return { file, read: readFile(target, file, mapping) };
}

/** mode=preview: what the file holds and what importing it would change; nothing is written but the audit event of the check. */
export async function previewStatistics(ctx: ServiceContext, key: string, upload: UploadedStatistics, mapping: StatisticsMapping | NeighboursMapping) {
  const target = await targetOf(ctx.db, key);
  const { file, read } = prepare(target, upload, mapping);
  const counts = read.refused.length
    ? NOTHING
    : countsOf(read.kind === "figures" ? await diffFigures(ctx.db, target.key, read.figures) : await diffNeighbours(ctx.db, read.groups));
  const answer = report(target, file, read, counts, { status: read.refused.length ? "refused" : "checked" });
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: "statistics.import.preview",
      entityType: target.unit === null ? "StatisticalNeighbour" : "CatalogueMeasure",
      entityId: target.key,
      after: auditSummary(answer, upload, "web"),
    }),
  );
  return answer;
}

function auditSummary(r: StatisticsImportReport, upload: UploadedStatistics, source: ImportActor["source"]) {
  return {
    file: r.file,
    sha256: createHash("sha256").update(upload.bytes).digest("hex"),
    source,
    rowsRead: r.rowsRead,
    loaded: r.loaded,
    added: r.added,
    changed: r.changed,
    unchanged: r.unchanged,
    refused: r.refusedCount,
    periods: r.periods,
    mappingSaved: r.mappingSaved,
    measuresUpdated: r.measuresUpdated,
  };
}

/** JSON with its keys in order: PostgreSQL's jsonb keeps them in an order of its own. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.entries(v as Record<string, unknown>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}
const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * mode=apply: the whole file in one transaction, or nothing while any row is refused. A file
 * that matches what Headway holds (and a mapping already saved) writes nothing, not even an
 * audit event.
 */
export async function applyStatistics(
  db: ServiceContext["db"],
  actor: ImportActor,
  key: string,
  upload: UploadedStatistics,
  mapping: StatisticsMapping | NeighboursMapping,
): Promise<StatisticsImportReport> {
  const target = await targetOf(db, key);
  const { file, read } = prepare(target, upload, mapping);
  if (read.refused.length) return report(target, file, read, NOTHING, { status: "refused" });

  return inTransaction(
    { db },
    async (tx) => {
      // Two imports for the same measure at once would each add what the other adds: one waits.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`statistics:${target.key}`}))`;
      const saved = await tx.statisticsMapping.findUnique({ where: { key: target.key }, select: { mapping: true } });
      const mappingChanged = !saved || !sameJson(saved.mapping, mapping);

      let counts: { added: number; changed: number; unchanged: number };
      let measuresUpdated = 0;
      if (read.kind === "figures") {
        const diff = await diffFigures(tx, target.key, read.figures);
        counts = countsOf(diff);
        await writeFigures(tx, target.key, diff);
        if (diff.added.length || diff.changed.length) measuresUpdated = await refreshComparisons(tx, { catalogueMeasureId: target.key });
      } else {
        const diff = await diffNeighbours(tx, read.groups);
        counts = countsOf(diff);
        await writeNeighbours(tx, diff);
        const touched = [...diff.added, ...diff.changed].map((g) => g.laCode);
        if (touched.length) measuresUpdated = await refreshComparisons(tx, { laCodes: touched });
      }

      if (counts.added === 0 && counts.changed === 0 && !mappingChanged) return report(target, file, read, counts, { status: "unchanged" });
      if (mappingChanged) {
        const json = mapping as unknown as Prisma.InputJsonValue;
        await tx.statisticsMapping.upsert({ where: { key: target.key }, create: { key: target.key, mapping: json }, update: { mapping: json } });
      }
      const answer = report(target, file, read, counts, { status: "applied", mappingSaved: mappingChanged, measuresUpdated });
      await recordAudit(tx, actor, {
        action: "statistics.import",
        entityType: target.unit === null ? "StatisticalNeighbour" : "CatalogueMeasure",
        entityId: target.key,
        after: auditSummary(answer, upload, actor.source),
      });
      return answer;
    },
    { timeoutMs: IMPORT_TIMEOUT_MS },
  );
}

async function writeFigures(tx: Tx, catalogueMeasureId: string, diff: FigureDiff) {
  if (diff.added.length) {
    await tx.publishedStatistic.createMany({
      data: diff.added.map((f) => ({
        catalogueMeasureId,
        geographicLevel: f.geographicLevel,
        areaCode: f.areaCode,
        areaName: f.areaName,
        region: f.region,
        periodEnd: toDay(f.periodEnd),
        periodLabel: f.periodLabel,
        value: f.value,
      })),
    });
  }
  // A revised release changes many figures at once: one statement for all of them.
  if (diff.changed.length) {
    const ids = diff.changed.map((c) => c.id);
    const values = diff.changed.map((c) => c.figure.value);
    const labels = diff.changed.map((c) => c.figure.periodLabel);
    const names = diff.changed.map((c) => c.figure.areaName);
    await tx.$executeRaw`
      UPDATE "PublishedStatistic" AS s SET "value" = v.value, "periodLabel" = v.label, "areaName" = v.name
      FROM unnest(${ids}::text[], ${values}::float8[], ${labels}::text[], ${names}::text[]) AS v(id, value, label, name)
      WHERE s.id = v.id`;
  }
}

async function writeNeighbours(tx: Tx, diff: NeighbourDiff) {
  const groups = [...diff.added, ...diff.changed];
  if (groups.length === 0) return;
  await tx.statisticalNeighbour.deleteMany({ where: { laCode: { in: diff.changed.map((g) => g.laCode) } } });
  await tx.statisticalNeighbour.createMany({
    data: groups.flatMap((g) => g.neighbours.map((neighbourLaCode, i) => ({ laCode: g.laCode, rank: i + 1, neighbourLaCode }))),
  });
}
