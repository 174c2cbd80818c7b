/** A measure's figures as people read them: "41.5%", "1,204", "14 weeks". */
import type { MeasureUnit } from "@/server/generated/prisma/enums";

const number = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export function formatMeasureValue(value: number | null | undefined, unit: MeasureUnit): string {
  if (value === null || value === undefined) return "";
  const n = number.format(value);
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

/** What a form's text box holds as a number: null when empty, NaN when not a number (the schema says so). */
export function numberOrNull(raw: unknown): number | null {
  if (typeof raw === "number") return raw;
  const s = String(raw ?? "").trim();
  if (s === "") return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}
