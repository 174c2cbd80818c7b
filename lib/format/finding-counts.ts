/**
 * A finding's counts in one line each, as its status sits beside them on the area home and the
 * finding page: "5 actions: 2 red, 1 amber, 2 green", "3 measures: 1 off track, 2 on track",
 * "4 items: 1 accepted, 2 awaiting review, 1 rejected". The worst first; nothing said of a zero.
 */
import { pluralise } from "@/lib/format/plurals";
import { MEASURE_STATUS, REVIEW_STATUS } from "@/lib/labels";

type DeliveryCounts = { RED: number; AMBER: number; UNSCHEDULED: number; GREEN: number; COMPLETE: number; CANCELLED: number; DEFERRED: number };
type MeasureCounts = { OFF_TRACK: number; AMBER: number; NO_DATA: number; NO_TRAJECTORY: number; ON_TRACK: number };
export type EvidenceCounts = { accepted: number; awaitingReview: number; rejected: number; withdrawn: number };

const DELIVERY_WORDS: Array<[keyof DeliveryCounts, string]> = [
  ["RED", "red"],
  ["AMBER", "amber"],
  ["UNSCHEDULED", "without a due date"],
  ["GREEN", "green"],
  ["COMPLETE", "complete"],
  ["CANCELLED", "cancelled"],
  ["DEFERRED", "deferred"],
];

const MEASURE_ORDER: Array<keyof MeasureCounts> = ["OFF_TRACK", "AMBER", "NO_DATA", "NO_TRAJECTORY", "ON_TRACK"];

function line(total: number, one: string, parts: Array<[number, string]>, none: string): string {
  if (total === 0) return none;
  const said = parts.filter(([n]) => n > 0).map(([n, words]) => `${n} ${words}`);
  return `${pluralise(total, one)}: ${said.join(", ")}`;
}

export function deliveryCountsLine(counts: DeliveryCounts): string {
  const parts = DELIVERY_WORDS.map(([key, words]) => [counts[key], words] as [number, string]);
  return line(parts.reduce((sum, [n]) => sum + n, 0), "action", parts, "No actions yet");
}

export function measureCountsLine(counts: MeasureCounts): string {
  const parts = MEASURE_ORDER.map((key) => [counts[key], MEASURE_STATUS[key].toLowerCase()] as [number, string]);
  return line(parts.reduce((sum, [n]) => sum + n, 0), "measure", parts, "No measures yet");
}

export function evidenceCountsLine(counts: EvidenceCounts): string {
  const parts: Array<[number, string]> = [
    [counts.accepted, REVIEW_STATUS.ACCEPTED.toLowerCase()],
    [counts.awaitingReview, REVIEW_STATUS.PENDING.toLowerCase()],
    [counts.rejected, REVIEW_STATUS.REJECTED.toLowerCase()],
    [counts.withdrawn, "withdrawn"],
  ];
  return line(parts.reduce((sum, [n]) => sum + n, 0), "item", parts, "No evidence yet");
}
