/** A measure's status against its trajectory: always the word, with its colour. */
import { Tag, type TagColour } from "@/components/ui/tag";
import { MEASURE_STATUS, MEASURE_VALUE_STATUS } from "@/server/domain/labels";
import type { MeasureStatus } from "@/server/domain/measure-status";
import type { MeasureValueStatus } from "@/server/generated/prisma/enums";

const COLOUR: Record<MeasureStatus, TagColour> = {
  ON_TRACK: "green",
  AMBER: "orange",
  OFF_TRACK: "red",
  NO_DATA: "grey",
  NO_TRAJECTORY: "grey",
};

export function MeasureStatusTag({ status }: { status: MeasureStatus }) {
  return <Tag colour={COLOUR[status]}>{MEASURE_STATUS[status]}</Tag>;
}

export function ValueStatusTag({ status }: { status: MeasureValueStatus }) {
  return <Tag colour={status === "VALIDATED" ? "blue" : "yellow"}>{MEASURE_VALUE_STATUS[status]}</Tag>;
}

/**
 * The rule's explanation with each status named as the tag names it ("slightly behind", not
 * AMBER), so the disclosure and the tag use the same words.
 */
export function inStatusWords(explanation: string): string {
  return explanation.replace(/\b(ON_TRACK|AMBER|OFF_TRACK|NO_DATA|NO_TRAJECTORY)\b/g, (code) => `“${MEASURE_STATUS[code as MeasureStatus].toLowerCase()}”`);
}
