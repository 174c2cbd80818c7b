/** Rules about a local area's inspections that more than one service applies. */
import { daysBetween } from "@/lib/calendar";
import type { InspectionFramework, InspectionKind } from "@/server/generated/prisma/enums";

/** The inspection that follows up a plan: a revisit under the 2016 framework, a monitoring inspection under 2023's. */
export function followUpKind(framework: InspectionFramework): InspectionKind {
  return framework === "FRAMEWORK_2016" ? "REVISIT" : "MONITORING";
}

/** Spread into a plan's `select`: what the countdown to the follow-up inspection reads. */
export const FOLLOW_UP_FIELDS = {
  followUpInspection: {
    select: { kind: true, expectedDate: true, startDate: true, endDate: true, dateIsEstimate: true, reportUrl: true },
  },
} as const;

type FollowUpRow = { kind: InspectionKind; expectedDate: Date | null; startDate: Date | null; dateIsEstimate: boolean };

/**
 * Whether the follow-up inspection has happened: the plan's record says so (`followedUp`: a
 * finding judged, or the plan marked revisited or monitored; plan-journey.ts isFollowedUp), or its
 * start date is today or earlier. A date expected, however long past, is not a visit: the
 * inspectors have not come yet.
 */
export function followUpHasHappened(inspection: { startDate: Date | null } | null, followedUp: boolean, now: Date): boolean {
  if (followedUp) return true;
  return inspection?.startDate != null && daysBetween(now, inspection.startDate) <= 0;
}

/**
 * The follow-up inspection as the pages count down to it: its start date once known, else the date
 * expected (an estimate or not), and the days from `now`. Overdue only while it has not happened
 * (`followedUp` as followUpHasHappened takes it): a revisit that took place is never late.
 */
export function followUpCountdown(inspection: FollowUpRow | null, now: Date, followedUp = false) {
  if (!inspection) return null;
  const date = inspection.startDate ?? inspection.expectedDate ?? null;
  const daysToGo = date ? daysBetween(now, date) : null;
  const happened = followUpHasHappened(inspection, followedUp, now);
  return { kind: inspection.kind, date, isEstimate: inspection.dateIsEstimate, daysToGo, happened, overdue: !happened && daysToGo !== null && daysToGo < 0 };
}
