/** A measure's figures as people read them: "41.5%", "1,204", "14 weeks". */
import type { MeasureUnit } from "@/server/generated/prisma/enums";

const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** A bare figure, to two decimal places at most: "1,204", "35.33". */
export const formatFigure = (value: number) => number.format(value);

/** A figure (already in words) with its unit: "41.5%", "1 day", "14 weeks". */
function withUnit(figure: string, value: number, unit: MeasureUnit): string {
  switch (unit) {
    case "PERCENT":
      return `${figure}%`;
    case "DAYS":
      return `${figure} ${value === 1 ? "day" : "days"}`;
    case "WEEKS":
      return `${figure} ${value === 1 ? "week" : "weeks"}`;
    default:
      return figure;
  }
}

/** A recorded figure (a value, a baseline, a milestone, a target) as it was entered, to two decimal places at most. */
export function formatMeasureValue(value: number | null | undefined, unit: MeasureUnit): string {
  if (value === null || value === undefined) return "";
  return withUnit(formatFigure(value), value, unit);
}

/**
 * How many decimal places a worked-out figure is shown to, as people write them: a percentage, a
 * rate or weeks to one; a count or days whole.
 */
export const WORKED_OUT_PLACES: Record<MeasureUnit, number> = { PERCENT: 1, RATE: 1, WEEKS: 1, COUNT: 0, DAYS: 0 };

const atMost = (places: number) => new Intl.NumberFormat("en-GB", { maximumFractionDigits: places });
const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);

/**
 * A figure worked out rather than entered (where the trajectory stood on a day: "expected 42.5%
 * by then"), rounded as people write it (WORKED_OUT_PLACES). `beside`, the recorded value it is
 * read against: where rounding would make the two seem equal, or put them the other way round
 * (42.53% read against 42.54% expected shown as 42.5%), a place more is shown, up to two.
 */
export function formatExpectedValue(value: number, unit: MeasureUnit, beside?: number | null): string {
  let places = WORKED_OUT_PLACES[unit];
  if (beside !== null && beside !== undefined) {
    const side = sign(beside - value);
    while (places < 2 && sign(beside - Number(value.toFixed(places))) !== side) places += 1;
  }
  return withUnit(atMost(places).format(value), value, unit);
}
