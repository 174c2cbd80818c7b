/** Rules about a local area's inspections that more than one service applies. */
import { daysBetween } from "@/lib/calendar";
import type { InspectionFramework, InspectionKind } from "@/server/generated/prisma/enums";

/** The inspection that follows up a plan: a revisit under the 2016 framework, a monitoring inspection under 2023's. */
export function followUpKind(framework: InspectionFramework): InspectionKind {
  return framework === "FRAMEWORK_2016" ? "REVISIT" : "MONITORING";
}

/** Spread into a plan's `select`: what the countdown to the follow-up inspection reads. */
export const FOLLOW_UP_FIELDS = {
  followUpInspection: { select: { kind: true, expectedDate: true, startDate: true, dateIsEstimate: true } },
} as const;

type FollowUpRow = { kind: InspectionKind; expectedDate: Date | null; startDate: Date | null; dateIsEstimate: boolean };

/**
 * The follow-up inspection as the pages count down to it: its start date once known, else the date
 * expected (an estimate or not), and the days from `now`.
 */
export function followUpCountdown(inspection: FollowUpRow | null, now: Date) {
  if (!inspection) return null;
  const date = inspection.startDate ?? inspection.expectedDate ?? null;
  return { kind: inspection.kind, date, isEstimate: inspection.dateIsEstimate, daysToGo: date ? daysBetween(now, date) : null };
}
