/** A controlled value as people read it: days in words, targets in the measure's unit, milestones as a list. */
import { formatMeasureValue } from "@/lib/format/measure-value";
import { formatDate } from "@/lib/format/dates";
import type { ControlledField, ControlledValue, MilestoneValue } from "@/server/domain/change-control";
import type { MeasureUnit } from "@/server/generated/prisma/enums";

export function formatChangeValue(field: ControlledField, value: ControlledValue, unit: MeasureUnit | null): string {
  if (field === "measure.milestones") {
    const milestones = (value as MilestoneValue[] | null) ?? [];
    if (milestones.length === 0) return "No milestones";
    return milestones.map((m) => `${formatDate(m.date)}: ${unit ? formatMeasureValue(m.targetValue, unit) : m.targetValue}`).join("; ");
  }
  if (value === null || value === "") return "Not set";
  if (field === "action.dueDate" || field === "measure.targetDate") return formatDate(value as string);
  if (field === "measure.targetValue") return unit ? formatMeasureValue(value as number, unit) : String(value);
  return String(value);
}
