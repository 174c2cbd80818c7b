/**
 * A measure's trend: its latest value against the one before, read in the measure's direction
 * (higher or lower is better), in words. The values are those the status rule judges
 * (valuesSinceBaseline in measure-status.ts): dated on or after the baseline, in period order.
 * Fewer than two: NOT_ENOUGH_VALUES. Equal to a millionth of the unit: NO_CHANGE, so a figure
 * entered twice with floating-point noise is not a movement.
 */
import type { MeasureDirection } from "@/server/generated/prisma/enums";
import { formatDate } from "@/lib/format/dates";
import { formatFigure } from "@/lib/format/measure-value";
import type { MEASURE_TREND } from "@/lib/labels";
import { valuesSinceBaseline } from "@/server/domain/measure-status";

/** IMPROVING, WORSENING, NO_CHANGE or NOT_ENOUGH_VALUES: the codes lib/labels.ts has words for. */
export type MeasureTrend = keyof typeof MEASURE_TREND;

export type MeasureTrendInput = {
  direction: MeasureDirection;
  baselineDate: Date | null;
  /** In any order. */
  values: ReadonlyArray<{ periodEnd: Date; value: number }>;
};

export type MeasureTrendResult = {
  trend: MeasureTrend;
  latest: { periodEnd: Date; value: number } | null;
  previous: { periodEnd: Date; value: number } | null;
  /** One sentence stating the rule and its inputs. */
  explanation: string;
};

const micro = (v: number) => Math.round(v * 1_000_000);

export function measureTrend(input: MeasureTrendInput): MeasureTrendResult {
  const usable = valuesSinceBaseline(input.values, input.baselineDate);
  const latest = usable.at(-1) ?? null;
  const previous = usable.at(-2) ?? null;
  const pick = (v: { periodEnd: Date; value: number } | null) => (v ? { periodEnd: v.periodEnd, value: v.value } : null);
  if (!latest || !previous) {
    return {
      trend: "NOT_ENOUGH_VALUES",
      latest: pick(latest),
      previous: null,
      explanation: `A trend needs two values since the baseline and this measure has ${latest ? "one" : "none"}.`,
    };
  }
  const change = micro(latest.value) - micro(previous.value);
  const higherIsBetter = input.direction === "HIGHER_IS_BETTER";
  const trend: MeasureTrend = change === 0 ? "NO_CHANGE" : change > 0 === higherIsBetter ? "IMPROVING" : "WORSENING";
  const moved = change === 0 ? "the same as" : change > 0 ? "up from" : "down from";
  return {
    trend,
    latest: pick(latest),
    previous: pick(previous),
    explanation:
      `The latest value, ${formatFigure(latest.value)} for the period ending ${formatDate(latest.periodEnd)}, is ${moved} ` +
      `${formatFigure(previous.value)} for the period ending ${formatDate(previous.periodEnd)}; ${higherIsBetter ? "higher" : "lower"} is better.`,
  };
}
