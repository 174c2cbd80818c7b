/** A measure's figures as people read them: "41.5%", "1,204", "14 weeks". */
import type { MeasureUnit } from "@/server/generated/prisma/enums";

const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** A bare figure, to two decimal places at most: "1,204", "35.33". */
export const formatFigure = (value: number) => number.format(value);

export function formatMeasureValue(value: number | null | undefined, unit: MeasureUnit): string {
  if (value === null || value === undefined) return "";
  const n = formatFigure(value);
  switch (unit) {
    case "PERCENT":
      return `${n}%`;
    case "DAYS":
      return `${n} ${value === 1 ? "day" : "days"}`;
    case "WEEKS":
      return `${n} ${value === 1 ? "week" : "weeks"}`;
    default:
      return n;
  }
}
