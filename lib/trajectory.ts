/**
 * A measure's trajectory as a line: its baseline, milestones and target (each a value on a day),
 * in date order, joined by straight lines, holding at the last value after the last point. The
 * status rule (server/domain/measure-status.ts) judges values against this line and a chart's
 * words read "expected" off it, so the two can never disagree about what was planned.
 */
import { dayNumber } from "@/lib/calendar";

export type TrajectoryKind = "BASELINE" | "MILESTONE" | "TARGET";

export type TrajectoryPoint = { date: Date; value: number; kind: TrajectoryKind };

// On the same day a baseline comes before a milestone, and a milestone before the target, so the
// later kind is the one the line continues from.
const KIND_ORDER: Record<TrajectoryKind, number> = { BASELINE: 0, MILESTONE: 1, TARGET: 2 };

export function sortPoints(points: ReadonlyArray<TrajectoryPoint>): TrajectoryPoint[] {
  return [...points].sort((a, b) => dayNumber(a.date) - dayNumber(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

/** The straight piece of the trajectory that covers `date`, as whole days from `from` towards `to`. */
export type Segment = { from: TrajectoryPoint; to: TrajectoryPoint; elapsed: number; span: number };

/** `sorted` must be in sortPoints order. Null before the first point. */
export function segmentAt(sorted: TrajectoryPoint[], date: Date): Segment | null {
  const d = dayNumber(date);
  const next = sorted.findIndex((p) => dayNumber(p.date) > d);
  const from = sorted[(next < 0 ? sorted.length : next) - 1];
  if (!from) return null;
  const to = next < 0 ? undefined : sorted[next];
  // After the last point the trajectory holds at its final value.
  if (!to) return { from, to: from, elapsed: 0, span: 1 };
  // `from` is the last point on or before `date` and `to` the first after it, so span > 0.
  return { from, to, elapsed: d - dayNumber(from.date), span: dayNumber(to.date) - dayNumber(from.date) };
}

/**
 * The trajectory's value on `date`: a straight line between the points either side of it, the last
 * value after the last point, and null before the first (nothing was planned yet).
 */
export function trajectoryAt(points: TrajectoryPoint[], date: Date): number | null {
  const s = segmentAt(sortPoints(points), date);
  if (!s) return null;
  return s.from.value + ((s.to.value - s.from.value) * s.elapsed) / s.span;
}
