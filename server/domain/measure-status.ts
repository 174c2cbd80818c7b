/**
 * Measure status against its trajectory (docs/design.md section 3).
 *
 * - The trajectory is the baseline, the milestones and the target (each with a value and a date),
 *   in date order, joined by straight lines. Fewer than two points: NO_TRAJECTORY.
 * - Values dated before the baseline date are history, not progress: they are not judged.
 * - No value since the baseline, or the latest one's period ended more than two update cycles
 *   before today: NO_DATA.
 * - Otherwise the latest value is compared with the trajectory at its period end (a value
 *   describes its period, so it is judged against what was expected by then): ON_TRACK when it
 *   meets it in the measure's direction, AMBER when it falls short by no more than the tolerance
 *   (a share of the planned change), OFF_TRACK beyond.
 */
import type { MeasureDirection } from "@/server/generated/prisma/enums";
import { dayNumber, daysBetween } from "@/lib/calendar";
import { formatDate } from "@/lib/format/dates";
import { formatFigure } from "@/lib/format/measure-value";
import { pluralise } from "@/lib/format/plurals";
import type { MEASURE_STATUS } from "@/lib/labels";
import { segmentAt, sortPoints, type TrajectoryPoint } from "@/lib/trajectory";

/** ON_TRACK, AMBER, OFF_TRACK, NO_DATA or NO_TRAJECTORY: the codes lib/labels.ts has words for. */
export type MeasureStatus = keyof typeof MEASURE_STATUS;

export type MeasureStatusInput = {
  direction: MeasureDirection;
  baselineValue: number | null;
  baselineDate: Date | null;
  targetValue: number | null;
  targetDate: Date | null;
  milestones: ReadonlyArray<{ date: Date; targetValue: number }>;
  /** In any order. */
  values: ReadonlyArray<{ periodEnd: Date; value: number }>;
  /** The plan's update cadence. */
  cadenceDays: number;
  today: Date;
  /** Share of the planned change (|target - baseline|) within which a shortfall is AMBER. Default 0.1. */
  tolerance?: number;
};

export type MeasureStatusResult = {
  status: MeasureStatus;
  /** The latest value on or after the baseline date. */
  latest: { periodEnd: Date; value: number } | null;
  /** The trajectory's value at latest.periodEnd, to 2 decimal places. */
  expected: number | null;
  /** Baseline, milestones and target in date order, for charts. */
  trajectory: TrajectoryPoint[];
  /** One or two sentences stating the rule and its inputs, for "how this is worked out". */
  explanation: string;
};

export const DEFAULT_TOLERANCE = 0.1;

function buildTrajectory(
  i: Pick<MeasureStatusInput, "baselineValue" | "baselineDate" | "targetValue" | "targetDate" | "milestones">,
): TrajectoryPoint[] {
  const points: TrajectoryPoint[] = i.milestones.map((m) => ({ date: m.date, value: m.targetValue, kind: "MILESTONE" }));
  if (i.baselineValue !== null && i.baselineDate) points.push({ date: i.baselineDate, value: i.baselineValue, kind: "BASELINE" });
  if (i.targetValue !== null && i.targetDate) points.push({ date: i.targetDate, value: i.targetValue, kind: "TARGET" });
  return sortPoints(points);
}

// Comparisons are done in whole millionths of the measure's unit and whole days (BigInt, so
// nothing overflows), so that a value exactly on a boundary is not pushed across it by
// floating-point error: 10.37 is exactly 0.03 short of 10.4, which is exactly 10% of 0.3.
const SCALE = 1_000_000;
const micro = (v: number) => BigInt(Math.round(v * SCALE));

const percentFormat = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 1 });
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The values the rules judge: those dated on or after the baseline (earlier ones are history, not progress), oldest first. */
export function valuesSinceBaseline<V extends { periodEnd: Date }>(values: ReadonlyArray<V>, baselineDate: Date | null): V[] {
  const baselineDay = baselineDate ? dayNumber(baselineDate) : null;
  return values
    .filter((v) => baselineDay === null || dayNumber(v.periodEnd) >= baselineDay)
    .sort((a, b) => dayNumber(a.periodEnd) - dayNumber(b.periodEnd));
}

export function measureStatus(input: MeasureStatusInput): MeasureStatusResult {
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE;
  const trajectory = buildTrajectory(input);

  const usable = valuesSinceBaseline(input.values, input.baselineDate);
  const last = usable.at(-1);
  const latest = last ? { periodEnd: last.periodEnd, value: last.value } : null;

  const result = (status: MeasureStatus, expected: number | null, explanation: string): MeasureStatusResult => ({
    status,
    latest,
    expected: expected === null ? null : round2(expected),
    trajectory,
    explanation,
  });

  if (trajectory.length < 2) {
    return result(
      "NO_TRAJECTORY",
      null,
      `A trajectory needs at least two dated points (a baseline, milestones or a target) and this measure has ` +
        `${trajectory.length === 0 ? "none" : "one"}, so its values cannot be judged.`,
    );
  }

  const first = trajectory[0]!;
  const final = trajectory[trajectory.length - 1]!;
  const segment = latest ? segmentAt(trajectory, latest.periodEnd) : null;
  const expected = segment ? segment.from.value + ((segment.to.value - segment.from.value) * segment.elapsed) / segment.span : null;

  if (!latest) {
    if (input.values.length === 0) {
      return result("NO_DATA", null, "No values have been entered for this measure, so there is nothing to compare with its trajectory.");
    }
    return result(
      "NO_DATA",
      null,
      `${input.values.length === 1 ? "The only value is" : `All ${input.values.length} values are`} dated before the baseline date ` +
        `(${input.baselineDate ? formatDate(input.baselineDate) : "not set"}): they are history, not progress, and no value has been entered since the baseline.`,
    );
  }

  const age = daysBetween(latest.periodEnd, input.today);
  const window = 2 * input.cadenceDays;
  if (age > window) {
    return result(
      "NO_DATA",
      expected,
      `The latest value is for the period ending ${formatDate(latest.periodEnd)}, ${pluralise(age, "day")} before today; a value counts ` +
        `as recent for two update cycles (2 × ${input.cadenceDays} = ${window} days), so there is no recent data to judge.`,
    );
  }

  if (!segment || expected === null) {
    // Only possible without a baseline: the line starts at the first milestone or the target.
    return result(
      "NO_TRAJECTORY",
      null,
      `The latest value is for the period ending ${formatDate(latest.periodEnd)}, before the trajectory's first point ` +
        `(${formatDate(first.date)}), so nothing was expected by then; set a baseline to judge values before it.`,
    );
  }

  // Everything below is multiplied by the segment's span in days, which keeps it whole.
  const span = BigInt(segment.span);
  const expectedScaled = micro(segment.from.value) * span + (micro(segment.to.value) - micro(segment.from.value)) * BigInt(segment.elapsed);
  const valueScaled = micro(latest.value) * span;
  const higherIsBetter = input.direction === "HIGHER_IS_BETTER";
  const shortfallScaled = higherIsBetter ? expectedScaled - valueScaled : valueScaled - expectedScaled;

  // The planned change: baseline to target, or across the whole trajectory when one is missing.
  const baseline = trajectory.find((p) => p.kind === "BASELINE");
  const target = trajectory.find((p) => p.kind === "TARGET");
  const [planFrom, planTo] = baseline && target ? [baseline, target] : [first, final];
  const plannedChange = Math.abs(planTo.value - planFrom.value);
  const plannedChangeMicro = micro(planTo.value) - micro(planFrom.value);
  const plannedChangeAbs = plannedChangeMicro < 0n ? -plannedChangeMicro : plannedChangeMicro;
  // Tolerance to 0.1%, as the RAG thresholds are.
  const tolerancePerMille = BigInt(Math.round(tolerance * 1000));

  const status: MeasureStatus =
    shortfallScaled <= 0n
      ? "ON_TRACK"
      : shortfallScaled * 1000n <= tolerancePerMille * plannedChangeAbs * span
        ? "AMBER"
        : "OFF_TRACK";

  const shortfall = Math.abs(latest.value - expected);
  const comparison =
    status === "ON_TRACK"
      ? `meets the ${formatFigure(expected)} expected`
      : `is ${shortfall < 0.01 ? "less than 0.01" : formatFigure(shortfall)} ${higherIsBetter ? "below" : "above"} the ${formatFigure(expected)} expected`;
  const amberRule =
    plannedChangeAbs === 0n
      ? "the trajectory plans no change, so any shortfall is off track"
      : `slightly behind when short by no more than ${percentFormat.format(tolerance)} of the planned change ` +
        `${baseline && target ? "from baseline to target" : "across the trajectory"} ` +
        `(${formatFigure(plannedChange)}, so ${formatFigure(tolerance * plannedChange)}), otherwise off track`;
  return result(
    status,
    expected,
    `The latest value, ${formatFigure(latest.value)} for the period ending ${formatDate(latest.periodEnd)}, ${comparison} by that date ` +
      `(a value describes its period, so it is judged against the trajectory at its period end). ` +
      `${higherIsBetter ? "Higher" : "Lower"} is better: on track when it meets the trajectory; ${amberRule}.`,
  );
}

/** The columns the rule reads: spread into a Prisma `select` so every view fetches the same. */
export const MEASURE_RULE_FIELDS = {
  direction: true,
  baselineValue: true,
  baselineDate: true,
  targetValue: true,
  targetDate: true,
  milestones: { select: { date: true, targetValue: true } },
  values: { select: { periodEnd: true, value: true } },
} as const;
