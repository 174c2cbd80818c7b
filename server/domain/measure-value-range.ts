/**
 * What a measure's value may be. The unit sets the outer bounds: a percentage is between 0 and
 * 100; a count a whole number, 0 or more; days, weeks and a rate 0 or more. (A rate has no base
 * recorded with it, "per 10,000 children" being part of its definition, so no upper bound.) Within
 * those, a plan lead may set the values the measure can plausibly take (Measure.plausibleMin and
 * plausibleMax, either end open), so a figure typed with its decimal point in the wrong place is
 * stopped at the door rather than found on the chart, the public page and the board pack.
 *
 * Pure, so the value form, the paste (in the browser too), the workbook import and the measure
 * editor all apply the same rule with the same sentences.
 */
import type { MeasureUnit } from "@/server/generated/prisma/enums";
import { formatFigure } from "@/lib/format/measure-value";

/** What the rule reads of a measure. */
export type ValueRule = { unit: MeasureUnit; plausibleMin?: number | null; plausibleMax?: number | null };

type UnitBounds = { min: number; max: number | null; whole: boolean; sentence: string };

/** The bounds each unit sets, with the sentence that names them. */
export const UNIT_BOUNDS: Record<MeasureUnit, UnitBounds> = {
  PERCENT: { min: 0, max: 100, whole: false, sentence: "A percentage is between 0 and 100" },
  COUNT: { min: 0, max: null, whole: true, sentence: "A count is a whole number, 0 or more" },
  DAYS: { min: 0, max: null, whole: false, sentence: "A number of days is 0 or more" },
  WEEKS: { min: 0, max: null, whole: false, sentence: "A number of weeks is 0 or more" },
  RATE: { min: 0, max: null, whole: false, sentence: "A rate is 0 or more" },
};

const present = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n);

/** The measure's own range in words: "between 20 and 80", "20 or more", "80 or less"; null when it has none. */
export function plausibleRangeWords(rule: Pick<ValueRule, "plausibleMin" | "plausibleMax">): string | null {
  const { plausibleMin: min, plausibleMax: max } = rule;
  if (present(min) && present(max)) return min === max ? `exactly ${formatFigure(min)}` : `between ${formatFigure(min)} and ${formatFigure(max)}`;
  if (present(min)) return `${formatFigure(min)} or more`;
  if (present(max)) return `${formatFigure(max)} or less`;
  return null;
}

type Refusal = { sentence: string; reason: string };

function refusal(value: number, rule: ValueRule): Refusal | null {
  const unit = UNIT_BOUNDS[rule.unit];
  if (!Number.isFinite(value) || value < unit.min || (unit.max !== null && value > unit.max) || (unit.whole && !Number.isInteger(value))) {
    return { sentence: unit.sentence, reason: unit.sentence.charAt(0).toLowerCase() + unit.sentence.slice(1) };
  }
  const { plausibleMin: min, plausibleMax: max } = rule;
  if ((present(min) && value < min) || (present(max) && value > max)) {
    const range = plausibleRangeWords(rule);
    return {
      sentence: `Enter a value this measure can take: ${range}, as set on the measure`,
      reason: `this measure's values are ${range}, as set on the measure`,
    };
  }
  return null;
}

/**
 * Why `value` cannot be a value of this measure, as a sentence; null when it can. The unit's
 * bounds are checked first: a percentage of 150 is wrong whatever range the measure sets.
 */
export function valueRangeProblem(value: number, rule: ValueRule): string | null {
  return refusal(value, rule)?.sentence ?? null;
}

/** The same refusal as a clause to follow the value: "'150' is out of range: a percentage is between 0 and 100". */
export function valueRangeReason(value: number, rule: ValueRule): string | null {
  return refusal(value, rule)?.reason ?? null;
}

/** What the value form says a value may be: "A percentage is between 0 and 100; this measure's values are between 20 and 80." */
export function valueRangeHint(rule: ValueRule): string {
  const own = plausibleRangeWords(rule);
  return own ? `${UNIT_BOUNDS[rule.unit].sentence}; this measure's values are ${own}.` : `${UNIT_BOUNDS[rule.unit].sentence}.`;
}

export type RangeField = "plausibleMin" | "plausibleMax";

/**
 * A plausible range the measure editor would refuse, each problem against its field: the
 * minimum above the maximum, or an end outside what the unit allows (a percentage measure
 * "plausibly" up to 150 would let 150 through).
 */
export function plausibleRangeProblems(rule: ValueRule): Array<{ field: RangeField; message: string }> {
  const problems: Array<{ field: RangeField; message: string }> = [];
  // No unit chosen yet: the editor asks for one, and the range is checked against it once chosen.
  const unit = UNIT_BOUNDS[rule.unit] as UnitBounds | undefined;
  const outside = (n: number) => unit !== undefined && (n < unit.min || (unit.max !== null && n > unit.max));
  const { plausibleMin: min, plausibleMax: max } = rule;
  if (present(min) && outside(min)) problems.push({ field: "plausibleMin", message: `The plausible minimum is outside what the unit allows. ${unit!.sentence}` });
  if (present(max) && outside(max)) problems.push({ field: "plausibleMax", message: `The plausible maximum is outside what the unit allows. ${unit!.sentence}` });
  if (present(min) && present(max) && min > max) {
    problems.push({ field: "plausibleMax", message: "The plausible maximum must be the same as the minimum or more" });
  }
  return problems;
}
