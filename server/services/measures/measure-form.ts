/**
 * A measure as its edit form holds it: the columns read and the form's values. Its own module so
 * the measure editor and change requests (which check a requested change by the editor's rules)
 * share it without importing each other.
 */
import type { Prisma } from "@/server/generated/prisma/client";
import { fromDay } from "@/lib/calendar";
import type { MeasureFields } from "@/server/schemas/measure";

/** The columns the measure editor works on (also what a change request checks against). */
export const MEASURE_FORM_FIELDS = {
  id: true,
  version: true,
  planId: true,
  ref: true,
  name: true,
  definition: true,
  unit: true,
  direction: true,
  source: true,
  baselineValue: true,
  baselineDate: true,
  benchmarkValue: true,
  benchmarkLabel: true,
  benchmarkDate: true,
  targetValue: true,
  targetDate: true,
  plausibleMin: true,
  plausibleMax: true,
  ownerId: true,
  catalogueMeasureId: true,
  findings: { select: { id: true, planId: true }, orderBy: { ref: "asc" } },
  milestones: { select: { date: true, targetValue: true }, orderBy: { date: "asc" } },
} satisfies Prisma.MeasureSelect;

type FormRow = Prisma.MeasureGetPayload<{ select: typeof MEASURE_FORM_FIELDS }>;

/** The measure in the shape its edit form holds: what a refused save's `current` carries. */
export function measureFormValues(m: FormRow): MeasureFields & { id: string; version: number } {
  return {
    id: m.id,
    version: m.version,
    ref: m.ref,
    name: m.name,
    definition: m.definition,
    unit: m.unit,
    direction: m.direction,
    source: m.source,
    baselineValue: m.baselineValue,
    baselineDate: fromDay(m.baselineDate),
    benchmarkValue: m.benchmarkValue,
    benchmarkLabel: m.benchmarkLabel ?? "",
    benchmarkDate: fromDay(m.benchmarkDate),
    targetValue: m.targetValue,
    targetDate: fromDay(m.targetDate),
    plausibleMin: m.plausibleMin,
    plausibleMax: m.plausibleMax,
    // Its own plan's findings: a measure carried into the next plan keeps its earlier plan's
    // findings too, which its editor neither offers nor changes (updateMeasure keeps them).
    findingIds: m.findings.filter((f) => f.planId === m.planId).map((f) => f.id),
    ownerId: m.ownerId ?? "",
    catalogueMeasureId: m.catalogueMeasureId ?? "",
    milestones: m.milestones.map((ms) => ({ date: fromDay(ms.date), targetValue: ms.targetValue })),
  };
}
