/**
 * A controlled value as people read it: days in words, targets in the measure's unit, milestones as
 * a list. The words of any recorded value (lib/change-words.ts), so a change request reads as the
 * record's history reads the same change.
 */
import { describeRecordedValue } from "@/lib/change-words";
import { CONTROLLED_FIELDS, type ControlledField, type ControlledValue } from "@/server/domain/change-control";
import type { MeasureUnit } from "@/server/generated/prisma/enums";

const NO_NAMES: ReadonlyMap<string, string> = new Map();

export function formatChangeValue(field: ControlledField, value: ControlledValue, unit: MeasureUnit | null): string {
  const { entity, column } = CONTROLLED_FIELDS[field];
  return describeRecordedValue(entity, column, value, { names: NO_NAMES, unit });
}
